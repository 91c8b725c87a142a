using System.CommandLine;
using BrokerAdapters.Cli.Output;
using BrokerAdapters.Cli.Output.Documents;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary><c>register</c>: creates a customer and prints it as the provider stored it.</summary>
internal static class RegisterCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var email = new Option<string?>("--email") { Description = "The email address.", HelpName = "address" };
        var phone = new Option<PhoneNumber?>("--phone")
        {
            Description = $"The phone number with its country calling code, e.g. {PhoneNumberParser.Example}.",
            HelpName = "number",
            CustomParser = PhoneNumberParser.Parse,
        };
        var country = new Option<string?>("--country") { Description = "The country, ISO 3166-1 alpha-2, e.g. HK.", HelpName = "code" };
        var givenName = new Option<string?>("--given-name") { Description = "The given (first) name.", HelpName = "name" };
        var familyName = new Option<string?>("--family-name") { Description = "The family (last) name.", HelpName = "name" };
        var externalId = new Option<string?>("--external-id") { Description = "Your own identifier of the customer (CMFBL thirdServerCode, MC-CRM userId).", HelpName = "id" };
        var group = new Option<string?>("--group") { Description = "The provider's customer group (CMFBL); the configured default otherwise.", HelpName = "id" };
        var source = new Option<RegistrationSource?>("--source") { Description = "Where the customer registered from; the configured default otherwise.", HelpName = "source" };
        var password = new PasswordOptions();

        var command = new Command("register", "Register a new customer and print it as the provider stored it.");
        command.Options.Add(email);
        command.Options.Add(phone);
        command.Options.Add(country);
        command.Options.Add(givenName);
        command.Options.Add(familyName);
        command.Options.Add(externalId);
        command.Options.Add(group);
        command.Options.Add(source);
        password.AddTo(command);

        runner.SetAction(command, async (context, parseResult, cancellationToken) =>
        {
            var given = parseResult.GetValue(givenName);
            var family = parseResult.GetValue(familyName);
            var customer = new NewCustomer
            {
                Email = parseResult.GetValue(email),
                Phone = parseResult.GetValue(phone),
                Country = parseResult.GetValue(country),
                Name = given is null && family is null ? null : new PersonName { Given = given, Family = family },
                ExternalId = parseResult.GetValue(externalId),
                GroupId = parseResult.GetValue(group),
                Source = parseResult.GetValue(source),
                Password = await password.ReadAsync(context, parseResult, cancellationToken).ConfigureAwait(false),
            };

            var host = await context.OpenRegistryAsync(cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var registration = await host.Registry.RegisterAsync(customer, cancellationToken).ConfigureAwait(false);
                var created = registration.Customer;
                if (context.Output.Json)
                {
                    await context.Output.WriteJsonAsync(CustomerDocument.From(created), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    context.Output.Out.MarkupLine(
                        $"[green]Registered[/] customer [bold]{Markup.Escape(created.Number ?? created.Id)}[/] on {Markup.Escape(created.Provider)}"
                        + (registration.IsRecovered ? " (the provider's answer was lost; the customer was found by checking)." : "."));
                    context.Output.Out.Write(CustomerView.Details(created));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
