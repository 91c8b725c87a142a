namespace BrokerAdapters.Cmfbl;

/// <summary>
/// A customer's trading account as CMFBL describes it, in the Client API's login answer (<c>accountList</c>) and the
/// Manager API's <c>CustomerAdminApiService.queryAccountList</c>. Amounts are CMFBL's decimal texts read as
/// <see cref="decimal"/>; times are CMFBL's Unix milliseconds; codes are kept as CMFBL sends them.
/// </summary>
public sealed record TradingAccount
{
    /// <summary>Gets the account id (<c>accountId</c>).</summary>
    public required string AccountId { get; init; }

    /// <summary>
    /// Gets whether the account holds real or simulated money, when the answer tells: accounts of a session take the
    /// session's <see cref="CmfblCustomerSession.Mode"/>; the Manager API's list does not say (<see langword="null"/>).
    /// </summary>
    public CmfblAccountMode? Mode { get; init; }

    /// <summary>Gets the id of the customer that owns the account (<c>customerId</c>).</summary>
    public string? CustomerId { get; init; }

    /// <summary>Gets the number of the customer that owns the account (<c>customerNo</c>).</summary>
    public string? CustomerNumber { get; init; }

    /// <summary>Gets the company (white label) id (<c>companyId</c>).</summary>
    public string? CompanyId { get; init; }

    /// <summary>Gets the currency the account was opened in (<c>currency</c>), e.g. <c>USDT</c>.</summary>
    public string? Currency { get; init; }

    /// <summary>Gets the trade type ("gameplay") code (<c>tradeType</c>).</summary>
    public string? TradeType { get; init; }

    /// <summary>Gets the asset id (<c>assetsId</c>).</summary>
    public string? AssetsId { get; init; }

    /// <summary>Gets the account classification (<c>type</c>): 1 user, 2 merchant, 3 platform.</summary>
    public int? Classification { get; init; }

    /// <summary>Gets the account status (<c>status</c>): 1 unavailable, 2 available.</summary>
    public int? Status { get; init; }

    /// <summary>Gets the activation status (<c>activateStatus</c>): 1 unavailable, 2 available.</summary>
    public int? ActivateStatus { get; init; }

    /// <summary>Gets whether the account is open (<c>openAccountStatus</c>).</summary>
    public bool? OpenAccountStatus { get; init; }

    /// <summary>Gets the number of decimal places of the account's funds (<c>digits</c>).</summary>
    public int? Digits { get; init; }

    /// <summary>Gets the balance (<c>balance</c>).</summary>
    public decimal? Balance { get; init; }

    /// <summary>Gets the net worth (<c>equity</c>).</summary>
    public decimal? Equity { get; init; }

    /// <summary>Gets the available funds (<c>available</c>).</summary>
    public decimal? Available { get; init; }

    /// <summary>Gets the frozen funds (<c>frozen</c>).</summary>
    public decimal? Frozen { get; init; }

    /// <summary>Gets the net assets (<c>netAssets</c>).</summary>
    public decimal? NetAssets { get; init; }

    /// <summary>Gets the margin in use in real time (<c>margin</c>).</summary>
    public decimal? Margin { get; init; }

    /// <summary>Gets the margin available in real time (<c>freeMargin</c>).</summary>
    public decimal? FreeMargin { get; init; }

    /// <summary>Gets the frozen margin (<c>lockMargin</c>).</summary>
    public decimal? LockMargin { get; init; }

    /// <summary>Gets the margin ratio (<c>marginRadio</c>, as CMFBL spells it).</summary>
    public decimal? MarginRatio { get; init; }

    /// <summary>Gets the locked amount (<c>lockAmount</c>).</summary>
    public decimal? LockAmount { get; init; }

    /// <summary>Gets the collateral frozen (<c>collateralFrozen</c>).</summary>
    public decimal? CollateralFrozen { get; init; }

    /// <summary>Gets the real-time profit and loss (<c>profit</c>).</summary>
    public decimal? Profit { get; init; }

    /// <summary>Gets the interest (<c>interest</c>).</summary>
    public decimal? Interest { get; init; }

    /// <summary>Gets the daily interest rate (<c>interestProportion</c>).</summary>
    public decimal? InterestProportion { get; init; }

    /// <summary>Gets the total liabilities (<c>liabilities</c>).</summary>
    public decimal? Liabilities { get; init; }

    /// <summary>Gets the principal of the liabilities (<c>liabilitiesPrincipal</c>).</summary>
    public decimal? LiabilitiesPrincipal { get; init; }

    /// <summary>Gets how much can be borrowed (<c>availableLoan</c>).</summary>
    public decimal? AvailableLoan { get; init; }

    /// <summary>Gets the amount that can be withdrawn (<c>withdrawAmount</c>).</summary>
    public decimal? WithdrawAmount { get; init; }

    /// <summary>Gets the frozen amount that cannot be withdrawn (<c>notWithdrawAmount</c>).</summary>
    public decimal? NotWithdrawAmount { get; init; }

    /// <summary>Gets the balance in the account currency of a cross-margin account (<c>wholeWarehouseBalance</c>).</summary>
    public decimal? WholeWarehouseBalance { get; init; }

    /// <summary>Gets the exchange rate of a cross-margin account (<c>wholeWarehouseRate</c>).</summary>
    public decimal? WholeWarehouseRate { get; init; }

    /// <summary>Gets the remark (<c>remark</c>).</summary>
    public string? Remark { get; init; }

    /// <summary>Gets when the account was opened (<c>createTime</c>).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the account was activated (<c>activateTime</c>).</summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>Gets when the first deposit was made (<c>firstDepositTime</c>).</summary>
    public DateTimeOffset? FirstDepositAt { get; init; }

    /// <summary>Gets when the first withdrawal was made (<c>firstWithdrawTime</c>).</summary>
    public DateTimeOffset? FirstWithdrawalAt { get; init; }
}
