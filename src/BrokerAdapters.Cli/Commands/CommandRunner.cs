using System.CommandLine;
using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Cli.Output;

namespace BrokerAdapters.Cli.Commands;

/// <summary>Runs commands: gives each a <see cref="CommandContext"/>, turns its failures into exit codes, and cleans up.</summary>
internal sealed class CommandRunner
{
    private readonly CliIo _io;
    private readonly GlobalOptions _globals;

    /// <summary>Creates the runner.</summary>
    /// <param name="io">The process's streams and environment.</param>
    /// <param name="globals">The global options.</param>
    public CommandRunner(CliIo io, GlobalOptions globals)
    {
        _io = io;
        _globals = globals;
    }

    /// <summary>Sets what a command does.</summary>
    /// <param name="command">The command.</param>
    /// <param name="action">The command's work; returns the exit code, throws for failures.</param>
    public void SetAction(Command command, Func<CommandContext, ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(action);
        command.SetAction((parseResult, cancellationToken) => RunAsync(command, parseResult, action, cancellationToken));
    }

    private async Task<int> RunAsync(
        Command command,
        ParseResult parseResult,
        Func<CommandContext, ParseResult, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken)
    {
        var globals = _globals.Read(parseResult);
        var color = !globals.NoColor && string.IsNullOrEmpty(_io.Environment.Get(CliEnvironment.NoColorVariable));
        var redactor = new SecretRedactor();
        foreach (var password in PasswordArguments.Find([.. parseResult.Tokens.Select(token => token.Value)]))
        {
            // Before anything can fail: no message of this command may show it.
            redactor.AddPassword(password);
        }

        var output = new CliOutput(_io, globals.Json, color, redactor);
        var context = new CommandContext(_io, globals, output);
        try
        {
            return await action(context, parseResult, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The CLI's boundary: every failure becomes an exit code and one line, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ErrorReporter.Report(output, ex, globals.Verbose, CommandPath(command), cancellationToken);
        }
        finally
        {
            await context.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.FirstOrDefault())
        {
            names.Insert(0, current is RootCommand ? CliApp.ToolName : current.Name);
        }

        return string.Join(' ', names);
    }
}
