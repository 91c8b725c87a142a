using System.CommandLine;
using BrokerAdapters.Cli.Output;
using BrokerAdapters.Cli.Output.Documents;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary><c>login</c>: signs a customer in and prints who; the tokens are secrets and show as <c>***</c>.</summary>
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
        var command = new Command("login", "Sign a customer in with a login and password and print who signed in (never the token).");
        lookup.AddTo(command);
        password.AddTo(command);
        runner.SetAction(command, async (context, parseResult, cancellationToken) =>
        {
            var login = lookup.Read(parseResult);
            var secret = await password.ReadAsync(context, parseResult, cancellationToken).ConfigureAwait(false);
            var host = await context.OpenRegistryAsync(cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var signedIn = await host.Registry.AuthenticateAsync(new CustomerCredentials(login, secret ?? string.Empty), cancellationToken)
                    .ConfigureAwait(false);
                context.Output.Redactor.Add(signedIn.AccessToken);
                context.Output.Redactor.Add(signedIn.RefreshToken);
                if (context.Output.Json)
                {
                    await context.Output.WriteJsonAsync(LoginDocument.From(signedIn), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var customer = signedIn.Customer;
                    var who = customer.Name?.Formatted ?? customer.Email ?? CustomerView.Phone(customer.Phone) ?? customer.Id;
                    context.Output.Out.MarkupLine(
                        $"[green]Logged in[/] as [bold]{Markup.Escape(who)}[/] ({Markup.Escape(customer.Provider)} customer {Markup.Escape(customer.Number ?? customer.Id)}).");
                    context.Output.Out.MarkupLine(
                        $"Access token: {SecretRedactor.Mask}" + (signedIn.RefreshToken is null ? string.Empty : $", refresh token: {SecretRedactor.Mask}") +
                        " [dim](secrets, not shown)[/]");
                    context.Output.Out.Write(CustomerView.Details(customer));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
