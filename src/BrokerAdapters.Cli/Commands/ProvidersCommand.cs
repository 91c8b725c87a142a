using System.CommandLine;
using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Cli.Output.Documents;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// <c>providers</c>: what each provider can do. Both are described whatever <c>Provider</c> selects: each registry is
/// built as the CLI would use it (from its configured endpoint, else on the embedded sandbox), so the capabilities
/// are the library's own descriptors, e.g. CMFBL without <c>ClientBaseUrl</c> offers no login.
/// </summary>
internal static class ProvidersCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var command = new Command("providers", "List the providers with their capabilities and the lookups each operation accepts.");
        runner.SetAction(command, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ProviderNames.TryNormalize(context.SelectedProvider, out var selected);
        var documents = new List<ProviderDocument>();
        foreach (var provider in ProviderNames.All)
        {
            var host = await context.OpenRegistryAsync(provider, announce: false, cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                documents.Add(ProviderDocument.From(host.Registry.Descriptor, provider == selected, host.IsEmbedded));
            }
        }

        if (context.Output.Json)
        {
            await context.Output.WriteJsonAsync(documents, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Provider").AddColumn("Endpoint").AddColumn("Capabilities")
            .AddColumn("exists by").AddColumn("get by").AddColumn("login by");
        foreach (var document in documents)
        {
            table.AddRow(
                new Markup(document.Selected ? $"[bold]{Markup.Escape(document.Name)}[/] [green](selected)[/]" : Markup.Escape(document.Name)),
                new Text(document.Endpoint == ProviderDocument.Sandbox ? "embedded sandbox" : "configured"),
                new Text(string.Join(", ", document.Capabilities)),
                new Text(List(document.ExistsLookups)),
                new Text(List(document.FindLookups)),
                new Text(List(document.AuthenticateLookups)));
        }

        context.Output.Out.Write(table);
        return ExitCodes.Success;
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "—" : string.Join(", ", names);
}
