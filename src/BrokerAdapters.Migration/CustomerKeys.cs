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

        try
        {
            var parsed = PhoneUtil.Parse(phone.E164, "ZZ");
            return PhoneUtil.Format(parsed, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return "+" + new string(phone.E164.Where(char.IsAsciiDigit).ToArray());
        }
    }
}
