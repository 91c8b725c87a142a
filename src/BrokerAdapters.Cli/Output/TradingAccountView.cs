using System.Globalization;
using BrokerAdapters.Cmfbl;
using Spectre.Console;

namespace BrokerAdapters.Cli.Output;

/// <summary>How a customer's trading accounts look in human output: one row each.</summary>
internal static class TradingAccountView
{
    /// <summary>The accounts as a table.</summary>
    /// <param name="accounts">The accounts.</param>
    /// <returns>The table.</returns>
    public static Table Table(IEnumerable<TradingAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Account").AddColumn("Mode").AddColumn("Currency").AddColumn("Trade type")
            .AddColumn(new TableColumn("Balance").RightAligned()).AddColumn(new TableColumn("Equity").RightAligned())
            .AddColumn(new TableColumn("Available").RightAligned()).AddColumn(new TableColumn("Frozen").RightAligned())
            .AddColumn(new TableColumn("Margin").RightAligned()).AddColumn("Status");
        foreach (var account in accounts)
        {
            table.AddRow(
                new Text(account.AccountId),
                new Text(account.Mode?.ToString() ?? "—"),
                new Text(account.Currency ?? "—"),
                new Text(account.TradeType ?? "—"),
                new Text(Amount(account.Balance)),
                new Text(Amount(account.Equity)),
                new Text(Amount(account.Available)),
                new Text(Amount(account.Frozen)),
                new Text(Amount(account.Margin)),
                new Text(Status(account.Status)));
        }

        return table;
    }

    private static string Amount(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "—";

    // CMFBL's account status: 1 unavailable, 2 available.
    private static string Status(int? status) => status switch
    {
        null => "—",
        1 => "unavailable",
        2 => "available",
        _ => status.Value.ToString(CultureInfo.InvariantCulture),
    };
}
