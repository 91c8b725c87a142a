using System.CommandLine.Parsing;
using PhoneNumbers;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// Reads <c>--phone</c>: an international number such as <c>"+852 98763237"</c>, <c>+85298763237</c> or
/// <c>00852 9876 3237</c>, split into country calling code and national number by libphonenumber. Whether the
/// number is valid is the provider's validation to say (exit code 5), not the parser's.
/// </summary>
internal static class PhoneNumberParser
{
    /// <summary>What a phone value looks like, for messages.</summary>
    public const string Example = "\"+852 98763237\"";

    /// <summary>Parses the option's token, adding a parse error (exit code 2) when it is not an international number.</summary>
    /// <param name="result">The option's argument.</param>
    /// <returns>The phone number, or <see langword="null"/> after an error.</returns>
    public static BrokerAdapters.PhoneNumber? Parse(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (TryParse(text, out var phone))
        {
            return phone;
        }

        result.AddError($"'{text}' is not an international phone number; give the country calling code, e.g. {Example}.");
        return null;
    }

    /// <summary>Parses an international phone number.</summary>
    /// <param name="text">The text.</param>
    /// <param name="phone">The phone number.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> starts with a country calling code and has digits after it.</returns>
    public static bool TryParse(string? text, out BrokerAdapters.PhoneNumber phone)
    {
        phone = null!;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            trimmed = "+" + trimmed[2..];
        }

        if (!trimmed.StartsWith('+'))
        {
            return false;
        }

        try
        {
            var util = PhoneNumberUtil.GetInstance();
            var parsed = util.Parse(trimmed, null);
            var national = util.GetNationalSignificantNumber(parsed);
            if (parsed.CountryCode <= 0 || national.Length == 0)
            {
                return false;
            }

            phone = new BrokerAdapters.PhoneNumber("+" + parsed.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture), national);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
