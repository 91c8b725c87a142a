using System.Net.Mail;
using PhoneNumbers;

namespace BrokerAdapters.Internal;

/// <summary>Collects every invalid field of one input, then throws one <see cref="UserRegistryException"/> naming them all.</summary>
internal sealed class InputValidator
{
    private const string UnknownRegion = "ZZ";
    private static readonly PhoneNumberUtil PhoneUtil = PhoneNumberUtil.GetInstance();
    private readonly List<FieldError> _errors = [];
    private readonly string _provider;

    public InputValidator(string provider) => _provider = provider;

    public IReadOnlyList<FieldError> Errors => _errors;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public bool Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return false;
        }

        return true;
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"must be at most {max} characters (was {value.Length}).");
        }
    }

    /// <summary>Checks an optional text field: not only white space when present, and within the length limit.</summary>
    public void Text(string field, string? value, int max)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "must not be empty or white space when set.");
            return;
        }

        MaxLength(field, value, max);
    }

    public void Email(string field, string? value, int max)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            Add(field, $"must be at most {max} characters (was {value.Length}).");
            return;
        }

        if (!IsEmail(value))
        {
            Add(field, "is not a valid email address.");
        }
    }

    public void Country(string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length != 2 || !IsoCountries.IsAlpha2(value))
        {
            Add(field, "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. HK or US.");
        }
    }

    /// <summary>Checks a phone number: digits only, a known country calling code and a possible length for it.</summary>
    public void Phone(string field, BrokerAdapters.PhoneNumber? phone, int maxNumberLength)
    {
        if (phone is null)
        {
            return;
        }

        var countryDigits = phone.CountryCodeDigits;
        if (countryDigits.Length is 0 or > 3 || !countryDigits.All(char.IsAsciiDigit) || !int.TryParse(countryDigits, out var callingCode)
            || PhoneUtil.GetRegionCodeForCountryCode(callingCode) == UnknownRegion)
        {
            Add(field + ".CountryCode", "must be a known country calling code such as +852.");
            return;
        }

        if (phone.Number.Length == 0 || !phone.Number.All(char.IsAsciiDigit))
        {
            Add(field + ".Number", "must contain digits only.");
            return;
        }

        if (phone.Number.Length > maxNumberLength)
        {
            Add(field + ".Number", $"must be at most {maxNumberLength} digits (was {phone.Number.Length}).");
            return;
        }

        if (!IsPossible(phone.E164))
        {
            Add(field + ".Number", $"is not a possible phone number for country code {phone.CountryCode}.");
        }
    }

    /// <summary>Checks an optional IPv4 or IPv6 address.</summary>
    public void IpAddress(string field, string? value)
    {
        // IPAddress.TryParse also accepts legacy forms such as "10.1" or "167772161"; the wire wants dotted quads.
        if (value is not null && (!System.Net.IPAddress.TryParse(value, out var address)
            || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(c => c == '.') != 3)))
        {
            Add(field, "is not an IPv4 or IPv6 address.");
        }
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw UserRegistryException.InvalidInput(_provider, _errors.ToArray());
        }
    }

    private static bool IsPossible(string e164)
    {
        try
        {
            return PhoneUtil.IsPossibleNumber(PhoneUtil.Parse(e164, UnknownRegion));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    internal static bool IsEmail(string value)
    {
        if (value.Length == 0 || value.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(value, out var address))
        {
            return false;
        }

        // MailAddress accepts display names and comments; the wire wants the bare address with a dotted domain.
        return string.Equals(address.Address, value, StringComparison.Ordinal)
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.StartsWith('.')
            && !address.Host.EndsWith('.');
    }
}
