using FsCheck;
using FsCheck.Fluent;

namespace BrokerAdapters.Testing.Corpus;

/// <summary>A generated value and, when it is bad, what is wrong with it (known by construction, not by checking).</summary>
/// <param name="Value">The value.</param>
/// <param name="Fault">Which part is wrong (e.g. <c>Number</c> of a phone), or <see langword="null"/> when it is valid.</param>
internal sealed record Labelled<T>(T Value, string? Fault)
{
    public bool IsValid => Fault is null;
}

/// <summary>
/// FsCheck generators of the values a <see cref="NewCustomer"/> is made of, good and bad, each bad one labelled when it
/// is made. The providers' property tests combine them and compare the registry's verdict with their own oracle.
/// </summary>
internal static class InputGenerators
{
    /// <summary>Values made of white space only (including no-break and em spaces): blank, never valid text.</summary>
    public static readonly string[] Blanks = [string.Empty, " ", "   ", "\t", "\r\n", "\u00A0", "\u2003 "];

    // Text that must be accepted where text is free: quotes, back slashes, control characters, non-ASCII, inner spaces.
    private static readonly string[] Awkward = ["\"", "'", "\\", "/", "<", "&", "%", "{", " ", "\t", "\u0001", "\u007F", "é", "ß", "陳", "Ж", "ا", "\u00A0", "😀"];

    private static readonly (string CountryCode, string Number)[] ValidPhones =
    [
        ("+852", "61234567"), ("+852", "9876 3237"), ("852", "5123-4567"), ("00852", "98763237"), ("+1", "(202) 555-0123"),
        ("+44", "7911 123456"), ("+86", "138.1234.5678"), ("+65", "81234567"), ("+61", "412345678"), ("+49", "15123456789"),
        ("+81", "90-1234-5678"), ("+971", "501234567"), ("+33", "6 12 34 56 78"),
    ];

    private static readonly string[] BadCountryCodes = ["+999", "+0", "", "+1234", "+8a", "+٨٥٢", "+"];

    private static readonly string[] BadNumbers =
    [
        "6123456a", "61234567x", "", "1", "0", "123456789012345678901", "1234567890123456789012345", "٦١٢٣٤٥٦٧", "６１２３４５６７",
        "61234567\u0001", "+85261234567", "6123_4567", "6123/4567",
    ];

    private static readonly string[] BadEmails =
    [
        "plainaddress", "@example.com", "mei@", "mei@example", "mei@@example.com", "mei chan@example.com", " mei@example.com",
        "mei@example.com ", "Mei <mei@example.com>", "mei@.example.com", "mei@example.com.", "mei..chan@example.com",
        "mei\u0001@example.com", "mei@exa mple.com", "(comment)mei@example.com", "mei@example.com\n", "mei@example,com",
    ];

    private static readonly string[] ValidCountries = ["HK", "US", "GB", "CN", "SG", "DE", "AE", "JP", "AU", "FR", "TW", "MO"];

    private static readonly string[] BadCountries = ["hk", "Hk", "XX", "UK", "ZZ", "EU", "USA", "H", " HK", "HK ", "Hong Kong", "ÄÖ", "1A", "H\u0001"];

    private static readonly string[] ValidIps = ["203.0.113.10", "61.93.232.102", "0.0.0.0", "2001:db8::1", "::1", "fe80::1ff:fe23:4567:890a"];

    private static readonly string[] BadIps = ["10.1", "167772161", "256.1.1.1", "1.2.3.4.5", "abc", "", " ", " 203.0.113.10", "203.0.113.10 ", "2001:db8:::1", "1.2.3."];

    // Declared before the generators that use it: static initializers run in order.
    private static Gen<string> WellFormedEmail { get; } =
        from local in Word(1, 12).ListOf().Where(l => l.Count > 0).Select(l => string.Join('.', l.Take(6)))
        from labels in Gen.Frequency((4, Word(1, 12)), (1, Word(20, 60))).ListOf().Where(l => l.Count > 0).Select(l => l.Take(6).ToArray())
        from tld in Gen.Elements("com", "org", "hk", "io", "co.uk", "example")
        select local + "@" + string.Join('.', labels.Append(tld));

    /// <summary>Phones: valid ones (with separators and the other spellings of the country code) and bad ones.</summary>
    public static Gen<Labelled<PhoneNumber>> Phone { get; } = Gen.Frequency(
        (30, Gen.Elements(ValidPhones).Select(p => new Labelled<PhoneNumber>(new PhoneNumber(p.CountryCode, p.Number), null))),
        (1, Gen.Zip(Gen.Elements(BadCountryCodes), Gen.Elements(ValidPhones)).Select(p => new Labelled<PhoneNumber>(new PhoneNumber(p.Item1, p.Item2.Number), "CountryCode"))),
        (1, Gen.Zip(Gen.Elements(ValidPhones), Gen.Elements(BadNumbers)).Select(p => new Labelled<PhoneNumber>(new PhoneNumber(p.Item1.CountryCode, p.Item2), "Number"))));

    /// <summary>Emails: well-formed ones of every length up to about 300 (the oracle checks the limit) and malformed ones.</summary>
    public static Gen<Labelled<string>> Email { get; } = Gen.Frequency(
        (25, WellFormedEmail.Select(e => new Labelled<string>(e, null))),
        (2, Gen.Elements(BadEmails.Concat(Blanks).ToArray()).Select(e => new Labelled<string>(e, "syntax"))));

    /// <summary>Countries: assigned ISO 3166-1 alpha-2 codes in upper case, and everything else.</summary>
    public static Gen<Labelled<string>> Country { get; } = Gen.Frequency(
        (25, Gen.Elements(ValidCountries).Select(c => new Labelled<string>(c, null))),
        (2, Gen.Elements(BadCountries.Concat(Blanks).ToArray()).Select(c => new Labelled<string>(c, "code"))));

    /// <summary>IP addresses: dotted quads and IPv6, and what is neither.</summary>
    public static Gen<Labelled<string>> Ip { get; } = Gen.Frequency(
        (25, Gen.Elements(ValidIps).Select(i => new Labelled<string>(i, null))),
        (2, Gen.Elements(BadIps).Select(i => new Labelled<string>(i, "address"))));

    /// <summary>Free text of exactly <paramref name="length"/> UTF-16 units with at least one character that is not white space.</summary>
    public static Gen<string> Text(int length) =>
        Gen.Frequency((6, Gen.Choose(0x21, 0x7E).Select(c => ((char)c).ToString())), (3, Gen.Elements(Awkward)))
            .ListOf()
            .Select(parts => string.Concat(parts))
            .Select(text => Fit("x" + text, length));

    /// <summary>
    /// An optional text field limited to <paramref name="max"/> characters: absent, short, at the limit (valid), or blank,
    /// or over the limit (faults <c>blank</c> and <c>too long</c>).
    /// </summary>
    public static Gen<Labelled<string?>> OptionalText(int max) => Gen.Frequency(
        (6, Gen.Constant(new Labelled<string?>(null, null))),
        (30, Fitting(1, Math.Min(max, 12), null)),
        (2, Fitting(Math.Max(1, max - 2), max, null)),
        (1, Fitting(max + 1, max + 5, "too long")),
        (1, Fitting(max * 2, max * 2, "too long")),
        (1, Gen.Elements(Blanks).Select(b => new Labelled<string?>(b, "blank"))));

    /// <summary>
    /// A required text field, limited to <paramref name="max"/> characters when it has a limit: valid text of every
    /// length, or missing (absent or blank), or over the limit (faults <c>missing</c> and <c>too long</c>).
    /// </summary>
    public static Gen<Labelled<string?>> RequiredText(int? max)
    {
        var limit = max ?? 300;
        (int, Gen<Labelled<string?>>)[] choices =
        [
            (1, Gen.Elements([null, .. Blanks]).Select(b => new Labelled<string?>(b, "missing"))),
            (14, Fitting(1, Math.Min(limit, 16), null)),
            (3, Fitting(Math.Max(1, limit - 3), limit, null)),
        ];
        return max is null ? Gen.Frequency(choices) : Gen.Frequency([.. choices, (1, Fitting(limit + 1, limit + 10, "too long"))]);
    }

    /// <summary>Any value at all, for fields a provider does not send: it must not matter what they hold.</summary>
    public static Gen<string?> Anything { get; } = Gen.Frequency(
        (2, Gen.Constant<string?>(null)),
        (3, Gen.Choose(0, 300).SelectMany(Text).Select(t => (string?)t)),
        (1, Gen.Elements(Blanks.Concat(BadIps).Concat(BadEmails).ToArray()).Select(b => (string?)b)));

    public static Gen<T?> OrNull<T>(Gen<T> gen, int nullWeight = 1, int valueWeight = 3)
        where T : class =>
        Gen.Frequency((nullWeight, Gen.Constant<T?>(null)), (valueWeight, gen.Select(v => (T?)v)));

    private static Gen<Labelled<string?>> Fitting(int min, int max, string? fault) =>
        Gen.Choose(min, max).SelectMany(Text).Select(t => new Labelled<string?>(t, fault));

    private static Gen<string> Word(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray()).ArrayOf(n)).Select(c => new string(c));

    /// <summary>Cuts or pads to exactly <paramref name="length"/> UTF-16 units without splitting a surrogate pair.</summary>
    private static string Fit(string text, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        while (text.Length < length)
        {
            text += text;
        }

        text = text[..length];
        return char.IsHighSurrogate(text[^1]) ? text[..^1] + "z" : text;
    }
}
