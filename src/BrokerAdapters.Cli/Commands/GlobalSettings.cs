namespace BrokerAdapters.Cli.Commands;

/// <summary>The values of the options every command accepts.</summary>
/// <param name="Provider"><c>--provider</c>: overrides <c>UserRegistry:Provider</c>.</param>
/// <param name="ConfigFile"><c>--config</c>: a JSON file with the library's schema.</param>
/// <param name="Json"><c>--json</c>: machine-readable output.</param>
/// <param name="Verbose"><c>--verbose</c>: stack traces and debug logs.</param>
/// <param name="NoColor"><c>--no-color</c>: no colours even on a terminal.</param>
internal sealed record GlobalSettings(string? Provider, FileInfo? ConfigFile, bool Json, bool Verbose, bool NoColor);
