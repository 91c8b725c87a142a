using System.Globalization;
using Bogus;

namespace BrokerAdapters.Testing;

/// <summary>Plausible, valid, reproducible customers for seeding emulators and demos (Bogus).</summary>
public static class FakeCustomers
{
    /// <summary>The password every generated customer has, so that demos can log them in.</summary>
    public const string Password = "Demo-pa55";

    private static readonly string[] Countries = ["HK", "SG", "GB", "US", "DE", "AU"];

    /// <summary>Generates customers; the same <paramref name="seed"/> and index give the same customer.</summary>
    /// <param name="count">How many.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="firstIndex">The index of the first customer; indexes make emails, phones and external ids unique.</param>
    /// <returns>The customers.</returns>
    public static IReadOnlyList<NewCustomer> Generate(int count, int seed = 1, int firstIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        var customers = new List<NewCustomer>(count);
        for (var i = firstIndex; i < firstIndex + count; i++)
        {
            // One generator per index, so that customer i is the same whatever range it is generated in.
            var faker = new Faker("en") { Random = new Randomizer(unchecked((seed * 1_000_003) + i)) };
            var given = faker.Name.FirstName();
            var family = faker.Name.LastName();
            var index = i.ToString("D7", CultureInfo.InvariantCulture);
            customers.Add(new NewCustomer
            {
                Email = $"{Slug(given)}.{Slug(family)}.{index}@example.com",
                // Hong Kong mobile numbers: 8 digits starting with 5, 6 or 9.
                Phone = new PhoneNumber("+852", "9" + index),
                Password = Password,
                Country = faker.PickRandom(Countries),
                Name = new PersonName { Given = given, Family = family },
                BirthDate = DateOnly.FromDateTime(faker.Date.Past(50, new DateTime(2005, 1, 1, 0, 0, 0, DateTimeKind.Utc))),
                Address = new PostalAddress { Line = faker.Address.StreetAddress(), City = faker.Address.City(), PostalCode = faker.Address.ZipCode("#####") },
                Source = RegistrationSource.System,
                ExternalId = "ext-" + index,
                Language = "en-US",
                TimeZone = "UTC+8:00",
            });
        }

        return customers;
    }

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
