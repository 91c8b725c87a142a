using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>Body of the admin authentication call.</summary>
internal sealed class CmfblAuthRequest
{
    [JsonProperty("appId")]
    public required string AppId { get; init; }

    [JsonProperty("appSecret")]
    public required string AppSecret { get; init; }
}
