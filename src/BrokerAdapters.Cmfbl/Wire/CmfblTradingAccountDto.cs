using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>
/// A trading account as CMFBL sends it: an entry of the login answer's <c>accountList</c> and of
/// <c>queryAccountList</c>'s data (the Manager API file's <c>QueryAccountVo</c>).
/// </summary>
internal sealed class CmfblTradingAccountDto
{
    [JsonProperty("accountId")]
    public string? AccountId { get; init; }

    [JsonProperty("customerId")]
    public string? CustomerId { get; init; }

    [JsonProperty("customerNo")]
    public string? CustomerNo { get; init; }

    [JsonProperty("companyId")]
    public string? CompanyId { get; init; }

    [JsonProperty("currency")]
    public string? Currency { get; init; }

    [JsonProperty("tradeType")]
    public string? TradeType { get; init; }

    [JsonProperty("assetsId")]
    public string? AssetsId { get; init; }

    [JsonProperty("type")]
    public int? Type { get; init; }

    [JsonProperty("status")]
    public int? Status { get; init; }

    [JsonProperty("activateStatus")]
    public int? ActivateStatus { get; init; }

    [JsonProperty("openAccountStatus")]
    public bool? OpenAccountStatus { get; init; }

    [JsonProperty("digits")]
    public int? Digits { get; init; }

    [JsonProperty("balance")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? Balance { get; init; }

    [JsonProperty("equity")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? Equity { get; init; }

    [JsonProperty("available")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? Available { get; init; }

    [JsonProperty("frozen")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? Frozen { get; init; }

    [JsonProperty("netAssets")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? NetAssets { get; init; }

    [JsonProperty("margin")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? Margin { get; init; }

    [JsonProperty("freeMargin")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? FreeMargin { get; init; }

    [JsonProperty("lockMargin")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? LockMargin { get; init; }

    [JsonProperty("marginRadio")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? MarginRadio { get; init; }

    [JsonProperty("lockAmount")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? LockAmount { get; init; }

    [JsonProperty("collateralFrozen")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? CollateralFrozen { get; init; }

    [JsonProperty("profit")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? Profit { get; init; }

    [JsonProperty("interest")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? Interest { get; init; }

    [JsonProperty("interestProportion")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? InterestProportion { get; init; }

    [JsonProperty("liabilities")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? Liabilities { get; init; }

    [JsonProperty("liabilitiesPrincipal")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? LiabilitiesPrincipal { get; init; }

    [JsonProperty("availableLoan")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? AvailableLoan { get; init; }

    [JsonProperty("withdrawAmount")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? WithdrawAmount { get; init; }

    [JsonProperty("notWithdrawAmount")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? NotWithdrawAmount { get; init; }

    [JsonProperty("wholeWarehouseBalance")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? WholeWarehouseBalance { get; init; }

    [JsonProperty("wholeWarehouseRate")]
    [JsonConverter(typeof(CmfblDecimalTextConverter))]
    public decimal? WholeWarehouseRate { get; init; }

    [JsonProperty("remark")]
    public string? Remark { get; init; }

    [JsonProperty("createTime")]
    public long? CreateTime { get; init; }

    [JsonProperty("activateTime")]
    public long? ActivateTime { get; init; }

    [JsonProperty("firstDepositTime")]
    public long? FirstDepositTime { get; init; }

    [JsonProperty("firstWithdrawTime")]
    public long? FirstWithdrawTime { get; init; }
}
