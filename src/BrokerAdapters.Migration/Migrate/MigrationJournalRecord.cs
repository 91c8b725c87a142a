using Newtonsoft.Json;

namespace BrokerAdapters.Migration;

/// <summary>One line of the journal (format version 1). Has no member for a password, by design.</summary>
internal sealed class MigrationJournalRecord
{
    public const int CurrentVersion = 1;
    public const string RunType = "run";
    public const string AttemptType = "attempt";
    public const string ResultType = "result";

    [JsonProperty("v", Order = 0)]
    public int Version { get; set; } = CurrentVersion;

    [JsonProperty("type", Order = 1)]
    public string Type { get; set; } = string.Empty;

    [JsonProperty("at", Order = 2)]
    public DateTimeOffset? At { get; set; }

    [JsonProperty("run", Order = 3)]
    public string? RunId { get; set; }

    /// <summary>The target provider, on <see cref="RunType"/> lines.</summary>
    [JsonProperty("target", Order = 4)]
    public string? Target { get; set; }

    [JsonProperty("sourceKey", Order = 5)]
    public string? SourceKey { get; set; }

    [JsonProperty("sourceNumber", Order = 6)]
    public string? SourceNumber { get; set; }

    /// <summary><see cref="MigrationOutcome"/> name, on <see cref="ResultType"/> lines.</summary>
    [JsonProperty("outcome", Order = 7)]
    public string? Outcome { get; set; }

    /// <summary><see cref="MigrationSkipReason"/> name for skipped rows.</summary>
    [JsonProperty("reason", Order = 8)]
    public string? Reason { get; set; }

    [JsonProperty("targetId", Order = 9)]
    public string? TargetId { get; set; }

    [JsonProperty("targetNumber", Order = 10)]
    public string? TargetNumber { get; set; }

    /// <summary><see cref="UserRegistryErrorKind"/> name for failed rows.</summary>
    [JsonProperty("errorKind", Order = 11)]
    public string? ErrorKind { get; set; }

    [JsonProperty("providerCode", Order = 12)]
    public string? ProviderCode { get; set; }

    [JsonProperty("traceId", Order = 13)]
    public string? TraceId { get; set; }

    [JsonProperty("message", Order = 14)]
    public string? Message { get; set; }

    [JsonProperty("detail", Order = 15)]
    public string? Detail { get; set; }
}
