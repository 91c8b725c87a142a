using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>One entry of <c>tradeTypeCurrencyList</c>.</summary>
internal sealed class CmfblTradeTypeCurrencyDto
{
    [JsonProperty("allCurrency")]
    public required string AllCurrency { get; init; }

    [JsonProperty("tradeType")]
    public required string TradeType { get; init; }
}
