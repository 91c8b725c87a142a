using Newtonsoft.Json;

namespace BrokerAdapters.Samples.ExampleCrm.Wire;

/// <summary>The answer of <c>POST /v1/sessions</c>.</summary>
internal sealed class ExampleCrmSession
{
    [JsonProperty("access_token")]
    public string? AccessToken { get; init; }

    [JsonProperty("refresh_token")]
    public string? RefreshToken { get; init; }

    [JsonProperty("expires_in")]
    public int? ExpiresIn { get; init; }

    [JsonProperty("customer")]
    public ExampleCrmCustomer? Customer { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ExampleCrmSession {{ Customer = {Customer?.Id}, AccessToken = ***, RefreshToken = *** }}";
}
