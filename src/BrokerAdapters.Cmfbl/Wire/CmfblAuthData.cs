using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>The part of the admin authentication answer the library uses; the rest (which echoes the secret) is not read.</summary>
internal sealed class CmfblAuthData
{
    [JsonProperty("token")]
    public string? Token { get; init; }

    [JsonProperty("publicKey")]
    public string? PublicKey { get; init; }
}
