using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests.Support;

/// <summary>What one in-process run of the CLI produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Gets standard output and standard error together, for "never printed anywhere" assertions.</summary>
    public string AllOutput => Stdout + Stderr;

    /// <summary>Gets the non-empty lines of standard error.</summary>
    public IReadOnlyList<string> ErrorLines =>
        Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Gets the one <c>error: …</c> line.</summary>
    public string ErrorLine => ErrorLines.Single(line => line.StartsWith("error: ", StringComparison.Ordinal));

    /// <summary>Parses standard output as one JSON document.</summary>
    public JToken Json => JToken.Parse(Stdout);

    /// <summary>Parses standard output as JSON Lines.</summary>
    public IReadOnlyList<JObject> JsonLines =>
        [.. Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(JObject.Parse)];

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Stdout}--- stderr ---{Environment.NewLine}{Stderr}";
}
