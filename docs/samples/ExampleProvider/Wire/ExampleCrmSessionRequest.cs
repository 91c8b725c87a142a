using Newtonsoft.Json;

namespace BrokerAdapters.Samples.ExampleCrm.Wire;

/// <summary>The body of <c>POST /v1/sessions</c>.</summary>
internal sealed record ExampleCrmSessionRequest
{
    [JsonProperty("email")]
    public required string Email { get; init; }

    [JsonProperty("password")]
    public required string Password { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ExampleCrmSessionRequest {{ Email = {Email}, Password = *** }}";
}
