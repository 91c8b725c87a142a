namespace BrokerAdapters.Cmfbl;

/// <summary>A trade type and the currency of the account opened for it at registration.</summary>
public sealed class CmfblTradeTypeCurrency
{
    /// <summary>Gets or sets the trade type code, e.g. <c>1</c>.</summary>
    public string? TradeType { get; set; }

    /// <summary>Gets or sets the account currency, e.g. <c>USDT</c>.</summary>
    public string? Currency { get; set; }
}
