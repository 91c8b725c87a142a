using System.Globalization;

namespace BrokerAdapters.Migration;

/// <summary>The field table of the diff: paths, comparison kinds, and each field's value read without allocating.</summary>
internal static class CustomerFields
{
    /// <summary>How many <see cref="CustomerField"/> values there are.</summary>
    public const int Count = (int)CustomerField.LastLoginAt + 1;

    /// <summary>The fields a <see cref="CustomerReference"/> is built from; always kept in the index, first.</summary>
    public const int ReferenceCount = (int)CustomerField.Phone + 1;

    /// <summary>The prefix of <see cref="Customer.Extra"/> members' paths.</summary>
    public const string ExtraPrefix = "Extra.";

    /// <summary>A scratch buffer large enough for every formatted date and time.</summary>
    public const int ScratchLength = 64;

    private static readonly string[] SourceNames = Enum.GetNames<RegistrationSource>();
    private static readonly string[] StatusNames = Enum.GetNames<CustomerStatus>();

    private static readonly string[] PathTable =
    [
        "Provider", "Id", "Number", "ExternalId", "Email", "Phone", "Country",
        "Name.Given", "Name.Middle", "Name.Family", "Name.Full", "BirthDate",
        "Address.Street", "Address.HouseNumber", "Address.City", "Address.PostalCode", "Address.Line",
        "Language", "TimeZone", "Source", "GroupId",
        "Attribution.Source", "Attribution.Medium", "Attribution.Campaign", "Attribution.Content", "Attribution.Term",
        "ClientIp", "Device", "Status", "KycStatus", "CreatedAt", "UpdatedAt", "LastLoginAt",
    ];

    /// <summary>Gets every field's path, e.g. <c>Name.Family</c>, in field order.</summary>
    public static IReadOnlyList<string> Paths => PathTable;

    /// <summary>The path of <paramref name="field"/>, e.g. <c>Name.Family</c>.</summary>
    public static string Path(CustomerField field) => PathTable[(int)field];

    /// <summary>How <paramref name="field"/> is compared.</summary>
    public static FieldKind Kind(CustomerField field) => field switch
    {
        CustomerField.Id or CustomerField.Number or CustomerField.ExternalId or CustomerField.BirthDate
            or CustomerField.Source or CustomerField.Status => FieldKind.Exact,
        CustomerField.Phone => FieldKind.Phone,
        CustomerField.CreatedAt or CustomerField.UpdatedAt or CustomerField.LastLoginAt => FieldKind.Timestamp,
        _ => FieldKind.Text,
    };

    /// <summary>
    /// Reads the customer's original value of <paramref name="field"/> as text: strings as they are, the phone as
    /// country code and number, dates as <c>yyyy-MM-dd</c>, times in the round-trip (<c>O</c>) format, enums by name.
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <param name="field">The field.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> characters, for formatted values.</param>
    /// <param name="value">The value; empty when absent.</param>
    /// <returns><see langword="false"/> when the customer has no value (<see langword="null"/>).</returns>
    public static bool TryGet(Customer customer, CustomerField field, Span<char> scratch, out ReadOnlySpan<char> value)
    {
        string? text;
        switch (field)
        {
            case CustomerField.Provider: text = customer.Provider; break;
            case CustomerField.Id: text = customer.Id; break;
            case CustomerField.Number: text = customer.Number; break;
            case CustomerField.ExternalId: text = customer.ExternalId; break;
            case CustomerField.Email: text = customer.Email; break;
            case CustomerField.Phone: text = customer.Phone?.E164; break;
            case CustomerField.Country: text = customer.Country; break;
            case CustomerField.NameGiven: text = customer.Name?.Given; break;
            case CustomerField.NameMiddle: text = customer.Name?.Middle; break;
            case CustomerField.NameFamily: text = customer.Name?.Family; break;
            case CustomerField.NameFull: text = customer.Name?.Full; break;
            case CustomerField.BirthDate:
                if (customer.BirthDate is { } birthDate)
                {
                    value = FormatDate(birthDate, scratch);
                    return true;
                }

                value = default;
                return false;
            case CustomerField.AddressStreet: text = customer.Address?.Street; break;
            case CustomerField.AddressHouseNumber: text = customer.Address?.HouseNumber; break;
            case CustomerField.AddressCity: text = customer.Address?.City; break;
            case CustomerField.AddressPostalCode: text = customer.Address?.PostalCode; break;
            case CustomerField.AddressLine: text = customer.Address?.Line; break;
            case CustomerField.Language: text = customer.Language; break;
            case CustomerField.TimeZone: text = customer.TimeZone; break;
            case CustomerField.Source: text = customer.Source is { } source ? Name(SourceNames, (int)source, source) : null; break;
            case CustomerField.GroupId: text = customer.GroupId; break;
            case CustomerField.AttributionSource: text = customer.Attribution?.Source; break;
            case CustomerField.AttributionMedium: text = customer.Attribution?.Medium; break;
            case CustomerField.AttributionCampaign: text = customer.Attribution?.Campaign; break;
            case CustomerField.AttributionContent: text = customer.Attribution?.Content; break;
            case CustomerField.AttributionTerm: text = customer.Attribution?.Term; break;
            case CustomerField.ClientIp: text = customer.ClientIp; break;
            case CustomerField.Device: text = customer.Device; break;
            case CustomerField.Status: text = Name(StatusNames, (int)customer.Status, customer.Status); break;
            case CustomerField.KycStatus: text = customer.KycStatus; break;
            case CustomerField.CreatedAt: return TryFormat(customer.CreatedAt, scratch, out value);
            case CustomerField.UpdatedAt: return TryFormat(customer.UpdatedAt, scratch, out value);
            case CustomerField.LastLoginAt: return TryFormat(customer.LastLoginAt, scratch, out value);
            default: text = null; break;
        }

        value = text;
        return text is not null;
    }

    /// <summary>An enum's name without boxing it (names are declared in value order from 0).</summary>
    private static string Name<TEnum>(string[] names, int value, TEnum member)
        where TEnum : struct, Enum =>
        (uint)value < (uint)names.Length ? names[value] : member.ToString();

    /// <summary><c>yyyy-MM-dd</c>, without parsing a format string for every customer.</summary>
    private static ReadOnlySpan<char> FormatDate(DateOnly date, Span<char> scratch)
    {
        if (date.Year < 1000)
        {
            date.TryFormat(scratch, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return scratch[..written];
        }

        var year = date.Year;
        scratch[0] = (char)('0' + (year / 1000));
        scratch[1] = (char)('0' + (year / 100 % 10));
        scratch[2] = (char)('0' + (year / 10 % 10));
        scratch[3] = (char)('0' + (year % 10));
        scratch[4] = '-';
        scratch[5] = (char)('0' + (date.Month / 10));
        scratch[6] = (char)('0' + (date.Month % 10));
        scratch[7] = '-';
        scratch[8] = (char)('0' + (date.Day / 10));
        scratch[9] = (char)('0' + (date.Day % 10));
        return scratch[..10];
    }

    private static bool TryFormat(DateTimeOffset? time, Span<char> scratch, out ReadOnlySpan<char> value)
    {
        if (time is { } instant && instant.TryFormat(scratch, out var written, "O", CultureInfo.InvariantCulture))
        {
            value = scratch[..written];
            return true;
        }

        value = default;
        return false;
    }
}
