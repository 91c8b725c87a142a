namespace BrokerAdapters.Cli.Tests.Support;

/// <summary>Runs the CLI in-process through <see cref="CliApp.RunAsync(string[], TextReader, TextWriter, TextWriter, IDictionary{string, string?}?, string, CancellationToken)"/>.</summary>
internal static class Tool
{
    /// <summary>Runs with an empty environment (the test process's variables never leak in) and no standard input.</summary>
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, environment: null);

    /// <summary>Runs the CLI.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">The environment variables; none when <see langword="null"/>.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="currentDirectory">Where appsettings.json is looked for; by default a directory without one.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<CliResult> RunAsync(
        string[] args,
        IDictionary<string, string?>? environment,
        string stdin = "",
        string? currentDirectory = null,
        CancellationToken cancellationToken = default)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var exitCode = await CliApp.RunAsync(
            args,
            input,
            stdout,
            stderr,
            environment ?? new Dictionary<string, string?>(),
            currentDirectory ?? ConfiguredSandbox.WorkingDirectory,
            cancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
