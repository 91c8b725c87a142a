namespace BrokerAdapters.Cmfbl;

/// <summary>
/// A customer signed in through CMFBL's Client API: who, the client token the session's calls carry, the company the
/// session is in, and the trading accounts the login answered. The tokens are secrets: <see cref="ToString"/> never
/// prints them. An application that keeps a session between requests keeps <see cref="ClientToken"/> and
/// <see cref="CompanyId"/> and builds the session again with them.
/// </summary>
public sealed record CmfblCustomerSession
{
    /// <summary>Creates a session.</summary>
    /// <param name="customer">The signed-in customer.</param>
    /// <param name="clientToken">The login answer's <c>token</c>, sent as the <c>token</c> header of the session's calls.</param>
    /// <param name="companyId">The company the session is in, sent as the <c>companyId</c> header of the session's calls.</param>
    public CmfblCustomerSession(Customer customer, string clientToken, string companyId)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentException.ThrowIfNullOrEmpty(clientToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(companyId);
        Customer = customer;
        ClientToken = clientToken;
        CompanyId = companyId;
    }

    /// <summary>Gets the signed-in customer.</summary>
    public Customer Customer { get; init; }

    /// <summary>Gets the client token (the login answer's <c>token</c>). A secret.</summary>
    public string ClientToken { get; init; }

    /// <summary>Gets the refresh token (the login answer's <c>rToken</c>), when CMFBL issues one. A secret.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>
    /// Gets the company the session is in: the configured <see cref="CmfblOptions.CompanyId"/> after a login, the
    /// associated company after <see cref="ICmfblUserRegistry.SwitchAccountAsync"/>.
    /// </summary>
    public string CompanyId { get; init; }

    /// <summary>
    /// Gets whether the session is on the real or the demo side (the answer's <c>companyType</c>, else its customer
    /// <c>type</c>), or <see langword="null"/> when the answer does not say.
    /// </summary>
    public CmfblAccountMode? Mode { get; init; }

    /// <summary>Gets the trading accounts of the session's side (the answer's <c>accountList</c>).</summary>
    public IReadOnlyList<TradingAccount> TradingAccounts { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"CmfblCustomerSession {{ Customer = {Customer.Provider}:{Customer.Id}, CompanyId = {CompanyId}, Mode = {Mode?.ToString() ?? "(unknown)"}, " +
        $"TradingAccounts = {TradingAccounts.Count}, ClientToken = ***, RefreshToken = {(RefreshToken is null ? "(none)" : "***")} }}";
}
