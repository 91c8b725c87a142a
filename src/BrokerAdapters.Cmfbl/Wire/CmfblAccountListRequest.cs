using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>Body of <c>CustomerAdminApiService.queryAccountList</c>.</summary>
internal sealed class CmfblAccountListRequest
{
    [JsonProperty("customerNo")]
    public required string CustomerNo { get; init; }

    [JsonProperty("tradeType")]
    public required int TradeType { get; init; }
}
