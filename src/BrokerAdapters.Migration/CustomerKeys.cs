using System.Collections.Concurrent;
using System.Globalization;
using PhoneNumbers;

namespace BrokerAdapters.Migration;

/// <summary>The normalised form of each <see cref="MatchKey"/>, shared by diff, migration and idempotency checks.</summary>
internal static class CustomerKeys
{
    private static readonly PhoneNumberUtil PhoneUtil = PhoneNumberUtil.GetInstance();

    /// <summary>The default priority order of match keys.</summary>
    public static readonly IReadOnlyList<MatchKey> DefaultOrder = [MatchKey.ExternalId, MatchKey.Email, MatchKey.Phone, MatchKey.Number];

    /// <summary>The customer's normalised value for <paramref name="key"/>, or <see langword="null"/> when it has none.</summary>
    public static string? Of(Customer customer, MatchKey key) => key switch
    {
        MatchKey.ExternalId => Exact(customer.ExternalId),
        MatchKey.Email => Email(customer.Email),
        MatchKey.Phone => Phone(customer.Phone),
        MatchKey.Number => Exact(customer.Number),
        _ => null,
    };

    /// <summary>The customer-to-be's normalised value for <paramref name="key"/> (there is no number before registration).</summary>
    public static string? Of(NewCustomer customer, MatchKey key) => key switch
    {
        MatchKey.ExternalId => Exact(customer.ExternalId),
        MatchKey.Email => Email(customer.Email),
        MatchKey.Phone => Phone(customer.Phone),
        _ => null,
    };

    public static string? Exact(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string? Email(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    /// <summary>E.164 through libphonenumber (so "+852 9876 3237" and "+85298763237" agree); digits only when it cannot parse.</summary>
    public static string? Phone(PhoneNumber? phone)
    {
        if (phone is null || string.IsNullOrWhiteSpace(phone.Number))
        {
            return null;
        }

        if (IsAlreadyCanonical(phone))
        {
            return phone.E164;
        }

        return PhoneSlow(phone.E164);
    }

    /// <summary>The libphonenumber path: parse with no default region, format as E.164.</summary>
    internal static string PhoneSlow(string e164)
    {
        try
        {
            var parsed = PhoneUtil.Parse(e164, "ZZ");
            return PhoneUtil.Format(parsed, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return "+" + new string(e164.Where(char.IsAsciiDigit).ToArray());
        }
    }

    /// <summary>
    /// Whether libphonenumber would give back <c>CountryCode + Number</c> unchanged, so that it need not be called
    /// (it is the most expensive step of keying a customer).
    /// </summary>
    /// <remarks>
    /// True when the national number is 2 to 17 ASCII digits not starting with 0 (a leading zero is kept apart by
    /// libphonenumber), the country code is a calling code of a geographic region (calling codes are prefix-free, so
    /// parsing extracts exactly it), and that region's national prefix for parsing is absent, or plain digit strings
    /// (one, or several as alternatives) none of which the number starts with, so that nothing would be stripped. Anything else takes the libphonenumber
    /// path. A property test compares both paths.
    /// </remarks>
    internal static bool IsAlreadyCanonical(PhoneNumber phone)
    {
        var number = phone.Number;
        if (number.Length is < 2 or > 17 || number[0] == '0' || !AllAsciiDigits(number))
        {
            return false;
        }

        var code = phone.CountryCodeDigits;
        if (code.Length is 0 or > 3 || !AllAsciiDigits(code) || phone.CountryCode.Length != code.Length + 1)
        {
            return false;
        }

        var prefixes = NationalPrefixes.GetOrAdd(int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture), PlainNationalPrefixes);
        if (prefixes is null)
        {
            return false;
        }

        foreach (var prefix in prefixes)
        {
            if (number.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Per calling code: no prefixes when the region strips no national prefix, the prefixes when the pattern is plain
    // digit strings or an alternation of them ("0|180020"), null when the fast path does not apply (unknown or
    // non-geographic code, or any other pattern).
    private static readonly ConcurrentDictionary<int, string[]?> NationalPrefixes = new();

    private static string[]? PlainNationalPrefixes(int callingCode)
    {
        var region = PhoneUtil.GetRegionCodeForCountryCode(callingCode);
        if (region is "ZZ" or "001")
        {
            return null;
        }

        var metadata = PhoneUtil.GetMetadataForRegion(region);
        if (metadata is null)
        {
            return null;
        }

        if (!metadata.HasNationalPrefixForParsing || metadata.NationalPrefixForParsing.Length == 0)
        {
            return [];
        }

        var prefixes = metadata.NationalPrefixForParsing.Split('|');
        return prefixes.All(p => p.Length > 0 && AllAsciiDigits(p)) ? prefixes : null;
    }

    private static bool AllAsciiDigits(string value) => !value.AsSpan().ContainsAnyExceptInRange('0', '9');
}
