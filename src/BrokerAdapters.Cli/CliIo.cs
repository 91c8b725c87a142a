namespace BrokerAdapters.Cli;

/// <summary>The streams, environment and directory one run of the CLI works with: the process's, or captured ones in tests.</summary>
/// <param name="Stdin">Standard input (for <c>--password-stdin</c>).</param>
/// <param name="Stdout">Standard output: results.</param>
/// <param name="Stderr">Standard error: errors, notices, logs.</param>
/// <param name="StdoutIsTerminal">Whether <paramref name="Stdout"/> is an interactive terminal.</param>
/// <param name="StderrIsTerminal">Whether <paramref name="Stderr"/> is an interactive terminal.</param>
/// <param name="Environment">The environment variables.</param>
/// <param name="CurrentDirectory">Where <c>appsettings.json</c> is looked for.</param>
internal sealed record CliIo(
    TextReader Stdin,
    TextWriter Stdout,
    TextWriter Stderr,
    bool StdoutIsTerminal,
    bool StderrIsTerminal,
    Configuration.CliEnvironment Environment,
    string CurrentDirectory);
