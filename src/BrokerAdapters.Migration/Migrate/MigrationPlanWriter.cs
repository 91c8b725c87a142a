using Newtonsoft.Json;

namespace BrokerAdapters.Migration;

/// <summary>Writes a plan out for review.</summary>
public static class MigrationPlanWriter
{
    /// <summary>
    /// Writes one JSON object per plan row (JSON Lines), as the plan streams: <c>index</c>, <c>sourceKey</c>,
    /// <c>sourceNumber</c>, <c>email</c>, <c>phone</c>, <c>externalId</c>, <c>action</c>, <c>detail</c>,
    /// <c>problems</c> (<c>field</c> and <c>message</c> each), <c>targetId</c>, <c>targetNumber</c>; absent values are
    /// left out. Never a password.
    /// </summary>
    /// <param name="plan">The plan, from <see cref="CustomerMigrator.PlanAsync"/>.</param>
    /// <param name="writer">Where to write; it is flushed, not closed.</param>
    /// <param name="cancellationToken">Cancels the plan and the writing.</param>
    /// <returns>How many rows each action got.</returns>
    public static async Task<IReadOnlyDictionary<MigrationPlanAction, long>> WriteJsonLinesAsync(
        IAsyncEnumerable<MigrationPlanRow> plan, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(writer);
        var counts = Enum.GetValues<MigrationPlanAction>().ToDictionary(action => action, _ => 0L);
        await foreach (var row in plan.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            counts[row.Action]++;
            var line = new PlanLine
            {
                Index = row.Index,
                SourceKey = row.SourceKey,
                SourceNumber = row.Source.Number,
                Email = row.Source.Email,
                Phone = row.Source.Phone?.E164,
                ExternalId = row.Source.ExternalId,
                Action = row.Action.ToString(),
                Detail = row.Detail,
                Problems = row.Problems.Count == 0 ? null : row.Problems.Select(p => new ProblemLine { Field = p.Field, Message = p.Message }).ToArray(),
                TargetId = row.TargetId,
                TargetNumber = row.TargetNumber,
            };
            await writer.WriteAsync(MigrationJson.Serialize(line).AsMemory(), cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync("\n".AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return counts;
    }

    private sealed class PlanLine
    {
        [JsonProperty("index")]
        public long Index { get; init; }

        [JsonProperty("sourceKey")]
        public string? SourceKey { get; init; }

        [JsonProperty("sourceNumber")]
        public string? SourceNumber { get; init; }

        [JsonProperty("email")]
        public string? Email { get; init; }

        [JsonProperty("phone")]
        public string? Phone { get; init; }

        [JsonProperty("externalId")]
        public string? ExternalId { get; init; }

        [JsonProperty("action")]
        public string? Action { get; init; }

        [JsonProperty("detail")]
        public string? Detail { get; init; }

        [JsonProperty("problems")]
        public ProblemLine[]? Problems { get; init; }

        [JsonProperty("targetId")]
        public string? TargetId { get; init; }

        [JsonProperty("targetNumber")]
        public string? TargetNumber { get; init; }
    }

    private sealed class ProblemLine
    {
        [JsonProperty("field")]
        public string? Field { get; init; }

        [JsonProperty("message")]
        public string? Message { get; init; }
    }
}
