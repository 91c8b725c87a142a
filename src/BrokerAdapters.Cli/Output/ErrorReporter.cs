using System.Globalization;
using BrokerAdapters.Cli.Commands;
using BrokerAdapters.Cli.Configuration;
using Microsoft.Extensions.Options;

namespace BrokerAdapters.Cli.Output;

/// <summary>
/// Turns a failure into its exit code and one clear line on standard error, e.g.
/// <c>error: AlreadyExists (Cmfbl USCUSTOMER_API_0000106, trace t-1): Mobile number already exist</c>, followed only
/// by what the user needs to fix it (field errors, failing settings). Stack traces only with <c>--verbose</c>.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>Reports a failure.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="exception">The failure.</param>
    /// <param name="verbose">Whether to add the stack trace.</param>
    /// <param name="commandPath">The command, for the usage hint, e.g. <c>brokeradapters get</c>.</param>
    /// <param name="cancellationToken">The command's token, to tell Ctrl+C from a timeout.</param>
    /// <returns>The exit code.</returns>
    public static int Report(CliOutput output, Exception exception, bool verbose, string commandPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(exception);
        int exitCode;
        switch (exception)
        {
            case UserRegistryException registryError:
                output.ErrorLine(Describe(registryError));
                if (registryError.Kind == UserRegistryErrorKind.InvalidInput)
                {
                    // Other kinds may name a field too (AlreadyExists: Phone), but their one line already says it all.
                    foreach (var field in registryError.FieldErrors)
                    {
                        output.ErrorDetail($"{field.Field}: {field.Message}");
                    }
                }

                exitCode = ExitCodes.For(registryError.Kind);
                break;

            case OptionsValidationException invalid:
                var failures = invalid.Failures.Distinct(StringComparer.Ordinal).ToList();
                output.ErrorLine($"InvalidConfiguration: {Count(failures.Count, "setting is", "settings are")} invalid");
                foreach (var failure in failures)
                {
                    output.ErrorDetail(failure);
                }

                exitCode = ExitCodes.InvalidConfiguration;
                break;

            case CliConfigurationException configuration:
                output.ErrorLine("InvalidConfiguration: " + configuration.Message);
                exitCode = ExitCodes.InvalidConfiguration;
                break;

            case Sides.CustomerFileException file:
                output.ErrorLine("InvalidInput: " + file.Message);
                exitCode = ExitCodes.InvalidInput;
                break;

            case IOException or UnauthorizedAccessException:
                // A file the command reads or writes: a missing directory, no permission, a journal another run holds.
                output.ErrorLine("FileError: " + exception.Message);
                exitCode = ExitCodes.UnexpectedError;
                break;

            case CliUsageException usage:
                output.ErrorLine(usage.Message);
                output.ErrorDetail($"Run '{commandPath} --help' for usage.");
                return ExitCodes.Usage;

            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                output.ErrorLine("Cancelled.");
                return ExitCodes.Cancelled;

            default:
                output.ErrorLine($"Unexpected {exception.GetType().Name}: {exception.Message}");
                if (!verbose)
                {
                    output.ErrorDetail("Run with --verbose for details.");
                }

                exitCode = ExitCodes.UnexpectedError;
                break;
        }

        if (verbose)
        {
            output.ErrorBlock(exception.ToString());
        }

        return exitCode;
    }

    /// <summary>The error line of a registry error, without the <c>error: </c> prefix.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>E.g. <c>AlreadyExists (Cmfbl USCUSTOMER_API_0000106, trace t-1): Mobile number already exist</c>.</returns>
    public static string Describe(UserRegistryException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var context = new List<string>();
        var source = string.Join(' ', new[] { exception.Provider, exception.ProviderCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        if (source.Length > 0)
        {
            context.Add(source);
        }

        if (!string.IsNullOrWhiteSpace(exception.TraceId))
        {
            context.Add("trace " + exception.TraceId);
        }

        if (exception.RetryAfter is { } retryAfter)
        {
            context.Add("retry after " + Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s");
        }

        var head = context.Count == 0 ? exception.Kind.ToString() : $"{exception.Kind} ({string.Join(", ", context)})";
        var message = exception.Kind == UserRegistryErrorKind.InvalidInput && exception.FieldErrors.Count > 0
            ? $"{Count(exception.FieldErrors.Count, "invalid field", "invalid fields")}: {string.Join(", ", exception.FieldErrors.Select(f => f.Field).Distinct(StringComparer.Ordinal))}"
            : !string.IsNullOrWhiteSpace(exception.ProviderMessage) ? exception.ProviderMessage : exception.Message;
        return $"{head}: {message}";
    }

    private static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);
}
