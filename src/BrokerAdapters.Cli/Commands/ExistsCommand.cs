using System.CommandLine;
using BrokerAdapters.Cli.Output.Documents;

namespace BrokerAdapters.Cli.Commands;

/// <summary><c>exists</c>: prints <c>true</c> or <c>false</c>; both are a success (exit code 0).</summary>
internal static class ExistsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var lookup = new LookupOptions(allowId: true);
        var command = new Command("exists", "Tell whether a customer exists: prints true or false, exit code 0 either way.");
        lookup.AddTo(command);
        runner.SetAction(command, async (context, parseResult, cancellationToken) =>
        {
            var what = lookup.Read(parseResult);
            var host = await context.OpenRegistryAsync(cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var exists = await host.Registry.ExistsAsync(what, cancellationToken).ConfigureAwait(false);
                if (context.Output.Json)
                {
                    await context.Output.WriteJsonAsync(new ExistsDocument(host.ProviderName, LookupDocument.From(what), exists), cancellationToken)
                        .ConfigureAwait(false);
                }
                else
                {
                    await context.Output.WriteOutLineAsync(exists ? "true" : "false", cancellationToken).ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
