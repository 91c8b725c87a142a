using System.CommandLine;
using BrokerAdapters.Cli.Output;
using BrokerAdapters.Cli.Output.Documents;
using BrokerAdapters.Cmfbl;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// <c>login</c>: signs a customer in and prints who, and on CMFBL the trading accounts of the session; the tokens are
/// secrets and show as <c>***</c>.
/// </summary>
internal static class LoginCommand
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
            "login",
            "Sign a customer in with a login and password and print who signed in and, on CMFBL, its trading accounts (never the token).");
        lookup.AddTo(command);
        password.AddTo(command);
        runner.SetAction(command, async (context, parseResult, cancellationToken) =>
        {
            var login = lookup.Read(parseResult);
            var secret = await password.ReadAsync(context, parseResult, cancellationToken).ConfigureAwait(false);
            var host = await context.OpenRegistryAsync(cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var credentials = new CustomerCredentials(login, secret ?? string.Empty);
                if (host.Registry is ICmfblUserRegistry cmfbl)
                {
                    var session = await cmfbl.SignInAsync(credentials, cancellationToken).ConfigureAwait(false);
                    context.Output.Redactor.Add(session);
                    await WriteAsync(context, LoginDocument.From(session), session.Customer, session.RefreshToken is not null, cancellationToken)
                        .ConfigureAwait(false);
                    if (!context.Output.Json)
                    {
                        WriteAccounts(context.Output, session);
                    }
                }
                else
                {
                    var signedIn = await host.Registry.AuthenticateAsync(credentials, cancellationToken).ConfigureAwait(false);
                    context.Output.Redactor.Add(signedIn.AccessToken);
                    context.Output.Redactor.Add(signedIn.RefreshToken);
                    await WriteAsync(context, LoginDocument.From(signedIn), signedIn.Customer, signedIn.RefreshToken is not null, cancellationToken)
                        .ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(CommandContext context, LoginDocument document, Customer customer, bool hasRefreshToken, CancellationToken cancellationToken)
    {
        if (context.Output.Json)
        {
            await context.Output.WriteJsonAsync(document, cancellationToken).ConfigureAwait(false);
            return;
        }

        var who = customer.Name?.Formatted ?? customer.Email ?? CustomerView.Phone(customer.Phone) ?? customer.Id;
        context.Output.Out.MarkupLine(
            $"[green]Logged in[/] as [bold]{Markup.Escape(who)}[/] ({Markup.Escape(customer.Provider)} customer {Markup.Escape(customer.Number ?? customer.Id)}).");
        context.Output.Out.MarkupLine(
            $"Access token: {SecretRedactor.Mask}" + (hasRefreshToken ? $", refresh token: {SecretRedactor.Mask}" : string.Empty) +
            " [dim](secrets, not shown)[/]");
        context.Output.Out.Write(CustomerView.Details(customer));
    }

    private static void WriteAccounts(CliOutput output, CmfblCustomerSession session)
    {
        var side = session.Mode is { } mode ? $" ({mode.ToString().ToLowerInvariant()} side, company {session.CompanyId})" : $" (company {session.CompanyId})";
        if (session.TradingAccounts.Count == 0)
        {
            output.Out.MarkupLine("No trading accounts" + Markup.Escape(side) + ".");
            return;
        }

        output.Out.MarkupLine("[bold]Trading accounts[/]" + Markup.Escape(side) + ":");
        output.Out.Write(TradingAccountView.Table(session.TradingAccounts));
    }
}
