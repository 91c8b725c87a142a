using System.CommandLine;
using System.Globalization;

namespace BrokerAdapters.Cli.Commands;

/// <summary>Range checks for whole-number options.</summary>
internal static class IntegerOptions
{
    /// <summary>
    /// Adds a check of the option's value. It runs only on a value that is a number: one that is not (<c>--limit x</c>)
    /// is already the parser's error, and reading it would throw instead of exiting with the usage code.
    /// </summary>
    /// <param name="option">The option.</param>
    /// <param name="isValid">Whether a value is acceptable.</param>
    /// <param name="error">The error when it is not, e.g. <c>--limit must be a positive number.</c>.</param>
    public static void Require(Option option, Func<int, bool> isValid, string error)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(isValid);
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token]
                && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && !isValid(value))
            {
                result.AddError(error);
            }
        });
    }
}
