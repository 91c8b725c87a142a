namespace BrokerAdapters.Cmfbl;

/// <summary>Conversions between CMFBL's wire values and the unified model, used by the Mapster configuration.</summary>
internal static class CmfblConvert
{
    private static readonly (RegistrationSource Source, int Code)[] Sources =
    [
        (RegistrationSource.MobileWeb, 1),
        (RegistrationSource.PcWeb, 2),
        (RegistrationSource.System, 3),
        (RegistrationSource.Android, 4),
        (RegistrationSource.Ios, 5),
        (RegistrationSource.HarmonyOs, 6),
        (RegistrationSource.PcWindows, 7),
        (RegistrationSource.PcMac, 8),
        (RegistrationSource.Other, 9),
    ];

    private static readonly Dictionary<int, CustomerStatus> Statuses = new()
    {
        [1] = CustomerStatus.Active,
        [2] = CustomerStatus.Disabled,
        [3] = CustomerStatus.Deleted,
        [4] = CustomerStatus.Cancelled,
        [5] = CustomerStatus.Locked,
        [6] = CustomerStatus.PendingCancellation,
    };

    public static int SourceCode(RegistrationSource source)
    {
        foreach (var (known, code) in Sources)
        {
            if (known == source)
            {
                return code;
            }
        }

        throw new InvalidOperationException($"No CMFBL code for the registration source {source}.");
    }

    public static RegistrationSource? Source(int? code)
    {
        foreach (var (source, known) in Sources)
        {
            if (known == code)
            {
                return source;
            }
        }

        return null;
    }

    public static CustomerStatus Status(int? code) =>
        code is not null && Statuses.TryGetValue(code.Value, out var status) ? status : CustomerStatus.Unknown;

    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static PhoneNumber? Phone(string? area, string? number) =>
        string.IsNullOrWhiteSpace(number) ? null : new PhoneNumber(area ?? string.Empty, number);

    public static PersonName? Name(string? first, string? last, string? full)
    {
        if (string.IsNullOrWhiteSpace(first) && string.IsNullOrWhiteSpace(last) && string.IsNullOrWhiteSpace(full))
        {
            return null;
        }

        return new PersonName { Given = NullIfEmpty(first), Family = NullIfEmpty(last), Full = NullIfEmpty(full) };
    }

    public static PostalAddress? Address(string? line, string? postalCode) =>
        string.IsNullOrWhiteSpace(line) && string.IsNullOrWhiteSpace(postalCode)
            ? null
            : new PostalAddress { Line = NullIfEmpty(line), PostalCode = NullIfEmpty(postalCode) };

    public static MarketingAttribution? Attribution(string? utmSource) =>
        string.IsNullOrWhiteSpace(utmSource) ? null : new MarketingAttribution { Source = utmSource };

    /// <summary>CMFBL times are Unix milliseconds; 0 means "never".</summary>
    public static DateTimeOffset? Time(long? unixMilliseconds) =>
        unixMilliseconds is null or <= 0 ? null
        : unixMilliseconds > MaxUnixMilliseconds ? throw new FormatException("A time is beyond the year 9999.")
        : DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds.Value);

    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static string? Area(PhoneNumber? phone) => phone?.CountryCode;

    public static string? Number(PhoneNumber? phone) => phone?.Number;
}
