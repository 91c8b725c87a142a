using Newtonsoft.Json;

namespace BrokerAdapters.Samples.ExampleCrm.Wire;

/// <summary>The body of every error answer: <c>{"error":{"code":…,"message":…,"fields":[…]}}</c>.</summary>
internal sealed class ExampleCrmErrorBody
{
    [JsonProperty("error")]
    public ExampleCrmError? Error { get; init; }
}

/// <summary>What went wrong: a stable code, a message for humans and, for <c>validation_failed</c>, the fields.</summary>
internal sealed class ExampleCrmError
{
    [JsonProperty("code")]
    public string? Code { get; init; }

    [JsonProperty("message")]
    public string? Message { get; init; }

    [JsonProperty("fields")]
    public List<ExampleCrmFieldError>? Fields { get; init; }
}

/// <summary>One invalid field, by its wire name (<c>email</c>, <c>phone.number</c>…).</summary>
internal sealed class ExampleCrmFieldError
{
    [JsonProperty("name")]
    public string? Name { get; init; }

    [JsonProperty("message")]
    public string? Message { get; init; }
}
