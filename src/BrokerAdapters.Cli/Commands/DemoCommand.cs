using System.CommandLine;
using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Cli.Output.Documents;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// <c>demo</c>: the whole library at work in one command, on the embedded sandbox only (never on a configured
/// provider, whatever the configuration says), for each provider in turn. Exit code 0 when every step behaved as
/// expected, 1 otherwise.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var command = new Command("demo", "Show the library at work on the embedded sandbox: register, refuse a duplicate, find, log in and list, on each provider.");
        runner.SetAction(command, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var sandbox = await context.Sandbox.GetAsync(cancellationToken).ConfigureAwait(false);
        context.Output.Notice($"Running on the embedded sandbox at {sandbox.BaseUrl}: nothing leaves this machine.");
        var reports = new List<DemoDocument>();
        foreach (var provider in ProviderNames.All)
        {
            var host = RegistryHost.Create(RegistryConfiguration.SandboxOnly(sandbox, provider), context.Logging, sandbox.BaseUrl);
            await using (host.ConfigureAwait(false))
            {
                reports.Add(await new DemoScenario(host.Registry, context.Output).RunAsync(cancellationToken).ConfigureAwait(false));
            }
        }

        var failures = reports.SelectMany(r => r.Failures.Select(f => $"{r.Provider}: {f}")).ToList();
        if (context.Output.Json)
        {
            await context.Output.WriteJsonAsync(reports, cancellationToken).ConfigureAwait(false);
        }
        else if (failures.Count == 0)
        {
            context.Output.Out.MarkupLine(
                $"[green]Everything behaved as expected[/] on {string.Join(" and ", reports.Select(r => Markup.Escape(r.Provider)))}. " +
                "Same code, two providers: only the \"Provider\" setting differs.");
        }

        if (failures.Count == 0)
        {
            return ExitCodes.Success;
        }

        context.Output.ErrorLine($"The demo did not behave as expected ({failures.Count} problem{(failures.Count == 1 ? string.Empty : "s")}).");
        foreach (var failure in failures)
        {
            context.Output.ErrorDetail(failure);
        }

        return ExitCodes.UnexpectedError;
    }
}
