using System.CommandLine;
using BrokerAdapters.Cli.Output.Documents;
using BrokerAdapters.Cmfbl;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// <c>reset-demo</c>: signs a CMFBL customer in, switches the session to the demo side when it is on the real one,
/// and resets the demo account. Only CMFBL has demo accounts.
/// </summary>
internal static class ResetDemoCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var lookup = new LookupOptions(allowId: false);
        var password = new PasswordOptions();
        var command = new Command(
            "reset-demo",
            "Reset a CMFBL customer's demo (simulated) account: sign in, switch to the demo side if needed, reset. Never prints the token.");
        lookup.AddTo(command);
        password.AddTo(command);
        runner.SetAction(command, async (context, parseResult, cancellationToken) =>
        {
            var login = lookup.Read(parseResult);
            var secret = await password.ReadAsync(context, parseResult, cancellationToken).ConfigureAwait(false);
            var host = await context.OpenRegistryAsync(cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                if (host.Registry is not ICmfblUserRegistry cmfbl)
                {
                    throw UserRegistryException.NotSupported(host.ProviderName, "reset-demo: only CMFBL has demo accounts");
                }

                var session = await cmfbl.SignInAsync(new CustomerCredentials(login, secret ?? string.Empty), cancellationToken).ConfigureAwait(false);
                context.Output.Redactor.Add(session);
                var switched = session.Mode != CmfblAccountMode.Demo;
                if (switched)
                {
                    session = await cmfbl.SwitchAccountAsync(session, cancellationToken).ConfigureAwait(false);
                    context.Output.Redactor.Add(session);
                }

                await cmfbl.ResetDemoAccountAsync(session, cancellationToken).ConfigureAwait(false);
                var number = session.Customer.Number ?? session.Customer.Id;
                if (context.Output.Json)
                {
                    var document = new ResetDemoDocument(
                        host.ProviderName, session.Customer.Number, session.CompanyId, switched, [.. session.TradingAccounts.Select(a => a.AccountId)]);
                    await context.Output.WriteJsonAsync(document, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var accounts = session.TradingAccounts.Count == 0
                        ? string.Empty
                        : $" (account {string.Join(", ", session.TradingAccounts.Select(a => a.AccountId))})";
                    context.Output.Out.MarkupLine(
                        $"[green]Reset[/] the demo account of customer [bold]{Markup.Escape(number)}[/]{Markup.Escape(accounts)} in company {Markup.Escape(session.CompanyId)}.");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
