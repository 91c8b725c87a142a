using BrokerAdapters.Cmfbl;

namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>
/// What <c>login --json</c> prints. The tokens are secrets: only whether there is one is shown, as <c>***</c>. A CMFBL
/// login also gives the side the session is on and its trading accounts; other providers have none (<c>null</c>).
/// </summary>
internal sealed record LoginDocument(
    string Provider,
    string AccessToken,
    string? RefreshToken,
    CustomerDocument Customer,
    CmfblAccountMode? Mode = null,
    IReadOnlyList<TradingAccountDocument>? Accounts = null)
{
    /// <summary>Maps a sign-in, masking its tokens.</summary>
    /// <param name="authenticated">The sign-in.</param>
    /// <returns>The document.</returns>
    public static LoginDocument From(AuthenticatedCustomer authenticated)
    {
        ArgumentNullException.ThrowIfNull(authenticated);
        return new(
            authenticated.Customer.Provider,
            SecretRedactor.Mask,
            authenticated.RefreshToken is null ? null : SecretRedactor.Mask,
            CustomerDocument.From(authenticated.Customer));
    }

    /// <summary>Maps a CMFBL session, masking its tokens.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The document.</returns>
    public static LoginDocument From(CmfblCustomerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(
            session.Customer.Provider,
            SecretRedactor.Mask,
            session.RefreshToken is null ? null : SecretRedactor.Mask,
            CustomerDocument.From(session.Customer),
            session.Mode,
            [.. session.TradingAccounts.Select(TradingAccountDocument.From)]);
    }
}
