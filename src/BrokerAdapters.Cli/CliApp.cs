using System.CommandLine;
using System.CommandLine.Invocation;
using BrokerAdapters.Cli.Commands;
using BrokerAdapters.Cli.Configuration;

namespace BrokerAdapters.Cli;

/// <summary>The <c>brokeradapters</c> tool, callable in-process: parse, run, return the exit code (see <see cref="ExitCodes"/>).</summary>
internal static class CliApp
{
    /// <summary>The command's name.</summary>
    public const string ToolName = "brokeradapters";

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdin">Standard input (read by <c>--password-stdin</c>).</param>
    /// <param name="stdout">Standard output: results.</param>
    /// <param name="stderr">Standard error: errors, notices, <c>--verbose</c> logs.</param>
    /// <param name="environment">The environment variables; <see langword="null"/> reads the process's.</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C).</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(
        string[] args,
        TextReader stdin,
        TextWriter stdout,
        TextWriter stderr,
        IDictionary<string, string?>? environment,
        CancellationToken cancellationToken) =>
        RunAsync(args, stdin, stdout, stderr, environment, Environment.CurrentDirectory, cancellationToken);

    /// <summary>Runs the tool with <c>appsettings.json</c> looked for in <paramref name="currentDirectory"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdin">Standard input (read by <c>--password-stdin</c>).</param>
    /// <param name="stdout">Standard output: results.</param>
    /// <param name="stderr">Standard error: errors, notices, <c>--verbose</c> logs.</param>
    /// <param name="environment">The environment variables; <see langword="null"/> reads the process's.</param>
    /// <param name="currentDirectory">Where <c>appsettings.json</c> is looked for.</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextReader stdin,
        TextWriter stdout,
        TextWriter stderr,
        IDictionary<string, string?>? environment,
        string currentDirectory,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(currentDirectory);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        // Decided before wrapping: only the process's own console can be a terminal.
        var io = new CliIo(
            stdin,
            TextWriter.Synchronized(stdout),
            TextWriter.Synchronized(stderr),
            Output.CliConsoleOutput.IsConsoleTerminal(stdout),
            Output.CliConsoleOutput.IsConsoleTerminal(stderr),
            new CliEnvironment(environment),
            currentDirectory);

        var root = CliCommandLine.Create(io);
        var parseResult = root.Parse(args);
        var usageError = parseResult.Action is ParseErrorAction;

        // The parser's own output (usage errors, help) echoes tokens it does not understand: never a password.
        var redactor = new Output.SecretRedactor();
        foreach (var password in PasswordArguments.Find(args).Concat(PasswordArguments.Find([.. parseResult.Tokens.Select(t => t.Value)])))
        {
            redactor.AddPassword(password);
        }

        var parserError = new Output.RedactingTextWriter(io.Stderr, redactor);
        var invocation = new InvocationConfiguration
        {
            // A usage error prints the errors and the command's help, all on standard error.
            Output = usageError ? parserError : new Output.RedactingTextWriter(io.Stdout, redactor),
            Error = parserError,
            EnableDefaultExceptionHandler = false,
            // Ctrl+C is the caller's: it cancels cancellationToken.
            ProcessTerminationTimeout = null,
        };
        var exitCode = await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        return usageError ? ExitCodes.Usage : exitCode;
    }
}
