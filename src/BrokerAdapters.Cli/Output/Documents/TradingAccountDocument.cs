using BrokerAdapters.Cmfbl;

namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>A CMFBL trading account as the CLI prints it in JSON: the figures a person checks, amounts as numbers.</summary>
internal sealed record TradingAccountDocument(
    string AccountId,
    CmfblAccountMode? Mode,
    string? Currency,
    string? TradeType,
    decimal? Balance,
    decimal? Equity,
    decimal? Available,
    decimal? Frozen,
    decimal? Margin,
    int? Status)
{
    /// <summary>Maps an account.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The document.</returns>
    public static TradingAccountDocument From(TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(
            account.AccountId,
            account.Mode,
            account.Currency,
            account.TradeType,
            account.Balance,
            account.Equity,
            account.Available,
            account.Frozen,
            account.Margin,
            account.Status);
    }
}
