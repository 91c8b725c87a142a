using System.Text;

namespace BrokerAdapters;

/// <summary>A phone number split into its country calling code and national number.</summary>
/// <remarks>
/// The country code is kept as <c>+</c> followed by digits (<c>"+852"</c>); <c>"852"</c> and <c>"00852"</c> are
/// accepted and normalised. Spaces, dashes, dots and parentheses in the number are removed. Whether the digits
/// form a valid number is checked by the provider's validation, not here.
/// </remarks>
public sealed record PhoneNumber
{
    /// <summary>Creates a phone number, e.g. <c>new PhoneNumber("+852", "98763237")</c>.</summary>
    /// <param name="countryCode">The country calling code, with or without <c>+</c>.</param>
    /// <param name="number">The national number.</param>
    public PhoneNumber(string countryCode, string number)
    {
        ArgumentNullException.ThrowIfNull(countryCode);
        ArgumentNullException.ThrowIfNull(number);
        CountryCode = NormalizeCountryCode(countryCode);
        Number = StripSeparators(number);
    }

    /// <summary>Gets the country calling code: <c>+</c> and digits, e.g. <c>+852</c>.</summary>
    public string CountryCode { get; }

    /// <summary>Gets the national number without separators, e.g. <c>98763237</c>.</summary>
    public string Number { get; }

    /// <summary>Gets the country calling code's digits without <c>+</c>, e.g. <c>852</c>.</summary>
    public string CountryCodeDigits => CountryCode.TrimStart('+');

    /// <summary>Gets the E.164 form, e.g. <c>+85298763237</c>.</summary>
    public string E164 => CountryCode + Number;

    /// <summary>Deconstructs the number into its parts.</summary>
    /// <param name="countryCode">The country calling code.</param>
    /// <param name="number">The national number.</param>
    public void Deconstruct(out string countryCode, out string number)
    {
        countryCode = CountryCode;
        number = Number;
    }

    /// <inheritdoc />
    public override string ToString() => E164;

    private static string NormalizeCountryCode(string value)
    {
        var trimmed = StripSeparators(value);
        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        return trimmed.Length == 0 ? string.Empty : "+" + trimmed.TrimStart('+');
    }

    private static string StripSeparators(string value)
    {
        if (!ContainsSeparator(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!IsSeparator(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool ContainsSeparator(string value)
    {
        foreach (var c in value)
        {
            if (IsSeparator(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')';
}
