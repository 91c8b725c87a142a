using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>A customer group as <c>CustomerGroupAdminApiService.groupList</c> sends it.</summary>
internal sealed class CmfblGroup
{
    [JsonProperty("id")]
    public string? Id { get; init; }

    [JsonProperty("name")]
    public string? Name { get; init; }

    [JsonProperty("openAccountType")]
    public int? OpenAccountType { get; init; }

    [JsonProperty("type")]
    public int? Type { get; init; }

    [JsonProperty("tradeType")]
    public string? TradeType { get; init; }

    [JsonProperty("assets")]
    public string? Assets { get; init; }
}
