using System.CommandLine;
using BrokerAdapters.Cli.Output;
using BrokerAdapters.Cli.Output.Documents;

namespace BrokerAdapters.Cli.Commands;

/// <summary><c>get</c>: finds one customer and prints it; none found is exit code 4.</summary>
internal static class GetCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var lookup = new LookupOptions(allowId: true);
        var command = new Command("get", "Find one customer and print it; exit code 4 when none matches.");
        lookup.AddTo(command);
        runner.SetAction(command, async (context, parseResult, cancellationToken) =>
        {
            var what = lookup.Read(parseResult);
            var host = await context.OpenRegistryAsync(cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var customer = await host.Registry.FindAsync(what, cancellationToken).ConfigureAwait(false)
                    ?? throw new UserRegistryException(UserRegistryErrorKind.NotFound, $"No customer has {what.Kind} {what.Value}.")
                    {
                        Provider = host.ProviderName,
                    };
                if (context.Output.Json)
                {
                    await context.Output.WriteJsonAsync(CustomerDocument.From(customer), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    context.Output.Out.Write(CustomerView.Details(customer));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
