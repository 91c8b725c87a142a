using FsCheck;
using FsCheck.Fluent;

namespace BrokerAdapters.Migration.Tests.Files;

/// <summary>FsCheck generators of customers with awkward but valid values: quotes, commas, line breaks, spaces, non-ASCII text.</summary>
internal static class CustomerGenerators
{
    private static readonly string[] Awkward = ["\"", ",", "\n", "\r", "\r\n", " ", "\t", "\\", "=", "+", "{", "}", "é", "ß", "陳", "😀", "\u0001", "\u00A0"];

    /// <summary>Text as it can appear in a file: any valid UTF-16 (no lone surrogates), possibly empty.</summary>
    public static Gen<string> Text { get; } =
        Gen.Frequency(
                (6, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
                (3, Gen.Elements(Awkward)),
                (1, Gen.Choose(0x80, 0xD7FF).Select(c => ((char)c).ToString())))
            .ListOf()
            .Select(parts => string.Concat(parts));

    public static Gen<string?> OptionalText { get; } = Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Text.Select(t => (string?)t)));

    public static Gen<string?> NonEmptyOptionalText { get; } =
        Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Text.Where(t => t.Length > 0).Select(t => (string?)t)));

    public static Gen<DateTimeOffset?> Time { get; } =
        Gen.Frequency(
            (1, Gen.Constant<DateTimeOffset?>(null)),
            (3, Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(-14 * 4, 14 * 4), (seconds, quarters) => (DateTimeOffset?)new DateTimeOffset(
                new DateTime(2000, 1, 1).AddSeconds(seconds).AddTicks(seconds % 9_999_999), TimeSpan.FromMinutes(quarters * 15)))));

    /// <summary>Customers for JSON Lines: anything the model can hold.</summary>
    public static Arbitrary<Customer> AnyCustomer { get; } = Customers(OptionalText, allowEmptyParts: true).ToArbitrary();

    /// <summary>
    /// Customers for CSV: anything, except a name, address or attribution whose parts are all missing (CSV reads that
    /// back as no name, no address, no attribution; documented on <see cref="CustomerCsv"/>).
    /// </summary>
    public static Arbitrary<Customer> CsvCustomer { get; } = Customers(OptionalText, allowEmptyParts: false).ToArbitrary();

    private static Gen<Customer> Customers(Gen<string?> text, bool allowEmptyParts)
    {
        var name = Gen.CollectToArray([text, text, text, text])
            .Select(p => new PersonName { Given = p[0], Middle = p[1], Family = p[2], Full = p[3] })
            .Where(n => allowEmptyParts || n.Given is not null || n.Middle is not null || n.Family is not null || n.Full is not null);
        var address = Gen.CollectToArray([text, text, text, text, text])
            .Select(p => new PostalAddress { Street = p[0], HouseNumber = p[1], City = p[2], PostalCode = p[3], Line = p[4] })
            .Where(a => allowEmptyParts || a.Street is not null || a.HouseNumber is not null || a.City is not null || a.PostalCode is not null || a.Line is not null);
        var attribution = Gen.CollectToArray([text, text, text, text, text])
            .Select(p => new MarketingAttribution { Source = p[0], Medium = p[1], Campaign = p[2], Content = p[3], Term = p[4] })
            .Where(a => allowEmptyParts || a.Source is not null || a.Medium is not null || a.Campaign is not null || a.Content is not null || a.Term is not null);
        var phone = Gen.Zip(Gen.Choose(0, 999), Gen.Choose(0, 99_999_999))
            .Select(p => new PhoneNumber(p.Item1 == 0 ? string.Empty : "+" + p.Item1, p.Item2 % 3 == 0 ? string.Empty : "9" + p.Item2));
        var extra = Gen.Zip(Text.Where(t => t.Length > 0), OptionalText).ListOf()
            .Select(pairs => (IReadOnlyDictionary<string, string?>)pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2));
        var identity = Gen.CollectToArray([Text.Select(t => (string?)t), Text.Select(t => (string?)t), text, text, text]);
        var strings = Gen.CollectToArray([text, text, text, text, text, text, text]);
        var dates = Gen.CollectToArray([Time, Time, Time]);
        var birthDate = Gen.Frequency((1, Gen.Constant<DateOnly?>(null)), (3, Gen.Choose(0, 3_000_000).Select(d => (DateOnly?)DateOnly.FromDayNumber(d))));
        var source = Gen.Frequency((1, Gen.Constant<RegistrationSource?>(null)), (3, Gen.Elements(Enum.GetValues<RegistrationSource>()).Select(s => (RegistrationSource?)s)));
        var status = Gen.Elements(Enum.GetValues<CustomerStatus>());

        return
            from id in identity
            from s in strings
            from t in dates
            from p in OrNull(phone)
            from n in OrNull(name)
            from a in OrNull(address)
            from u in OrNull(attribution)
            from x in extra
            from b in birthDate
            from src in source
            from st in status
            select new Customer
            {
                Provider = id[0]!,
                Id = id[1]!,
                Number = id[2],
                ExternalId = id[3],
                Email = id[4],
                Phone = p,
                Country = s[0],
                Name = n,
                BirthDate = b,
                Address = a,
                Language = s[1],
                TimeZone = s[2],
                Source = src,
                GroupId = s[3],
                Attribution = u,
                ClientIp = s[4],
                Device = s[5],
                Status = st,
                KycStatus = s[6],
                CreatedAt = t[0],
                UpdatedAt = t[1],
                LastLoginAt = t[2],
                Extra = x,
            };
    }

    private static Gen<T?> OrNull<T>(Gen<T> gen)
        where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));
}
