using System.CommandLine;
using BrokerAdapters.Cli.Configuration;

namespace BrokerAdapters.Cli.Commands;

/// <summary>The options every command accepts, before or after the command's name.</summary>
internal sealed class GlobalOptions
{
    /// <summary>Creates the options.</summary>
    public GlobalOptions()
    {
        Provider.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. ProviderNames.All]);
    }

    /// <summary>Gets <c>--provider</c>.</summary>
    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "The provider to use, overriding UserRegistry:Provider.",
        HelpName = "Cmfbl|McCrm",
        Recursive = true,
    };

    /// <summary>Gets <c>--config</c>.</summary>
    public Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "A JSON configuration file: { \"UserRegistry\": { \"Provider\": …, \"Cmfbl\": {…}, \"McCrm\": {…} } }.",
        HelpName = "file",
        Recursive = true,
    };

    /// <summary>Gets <c>--json</c>.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write JSON (JSON Lines for list) instead of tables.",
        Recursive = true,
    };

    /// <summary>Gets <c>--verbose</c>.</summary>
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show debug logs and stack traces.",
        Recursive = true,
    };

    /// <summary>Gets <c>--no-color</c>.</summary>
    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Never use colours (also: the NO_COLOR environment variable).",
        Recursive = true,
    };

    /// <summary>Adds the options to the root command.</summary>
    /// <param name="root">The root command.</param>
    public void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Provider);
        root.Options.Add(Config);
        root.Options.Add(Json);
        root.Options.Add(Verbose);
        root.Options.Add(NoColor);
    }

    /// <summary>Reads the options' values.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <returns>The values.</returns>
    public GlobalSettings Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var provider = parseResult.GetValue(Provider);
        return new GlobalSettings(
            ProviderNames.TryNormalize(provider, out var canonical) ? canonical : null,
            parseResult.GetValue(Config),
            parseResult.GetValue(Json),
            parseResult.GetValue(Verbose),
            parseResult.GetValue(NoColor));
    }
}
