using System.CommandLine;
using BrokerAdapters.Cli.Configuration;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// Where <c>register</c> and <c>login</c> take the password from, first found wins: <c>--password-stdin</c> (the
/// first line of standard input), <c>--password</c>, then the <c>BROKERADAPTERS_PASSWORD</c> environment variable.
/// </summary>
internal sealed class PasswordOptions
{
    /// <summary>Gets <c>--password-stdin</c>.</summary>
    public Option<bool> FromStdin { get; } = new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input (safest).",
    };

    /// <summary>Gets <c>--password</c>.</summary>
    public Option<string?> Password { get; } = new("--password")
    {
        Description = $"The password. UNSAFE: it stays in your shell history and other users can see it in the process list; prefer --password-stdin or {CliEnvironment.PasswordVariable}.",
        HelpName = "password",
    };

    /// <summary>Adds the options to a command; giving both is a usage error.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(FromStdin);
        command.Options.Add(Password);
        command.Validators.Add(result =>
        {
            if (result.GetResult(FromStdin) is { Implicit: false } && result.GetResult(Password) is { Implicit: false })
            {
                result.AddError("Give either --password-stdin or --password, not both.");
            }
        });
    }

    /// <summary>
    /// Reads the password and registers it, and every other password the user gave (the environment variable's too),
    /// as a secret whatever its length, so that no output shows it.
    /// </summary>
    /// <param name="context">The command's context.</param>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="cancellationToken">Cancels reading standard input.</param>
    /// <returns>The password, or <see langword="null"/> when none was given (the provider then says it is required).</returns>
    /// <exception cref="CliUsageException"><c>--password-stdin</c> was given but standard input is empty.</exception>
    public async Task<string?> ReadAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var fromEnvironment = context.Io.Environment.Get(CliEnvironment.PasswordVariable);
        context.Output.Redactor.AddPassword(fromEnvironment);
        string? password;
        if (parseResult.GetValue(FromStdin))
        {
            password = await context.Io.Stdin.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new CliUsageException("--password-stdin was given but standard input is empty; pipe the password in.");
        }
        else
        {
            password = parseResult.GetValue(Password) ?? fromEnvironment;
        }

        context.Output.Redactor.AddPassword(password);
        return string.IsNullOrEmpty(password) ? null : password;
    }
}
