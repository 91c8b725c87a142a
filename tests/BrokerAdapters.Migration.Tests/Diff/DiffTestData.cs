using System.Globalization;
using System.Runtime.CompilerServices;

namespace BrokerAdapters.Migration.Tests.Diff;

/// <summary>Customers and sides for diff tests, and an exact structural comparison of customers.</summary>
internal static class DiffTestData
{
    /// <summary>A customer with every field set; <paramref name="index"/> makes its keys unique.</summary>
    public static Customer Full(int index, string provider = "Cmfbl")
    {
        var n = index.ToString("D4", CultureInfo.InvariantCulture);
        return new Customer
        {
            Provider = provider,
            Id = "id-" + n,
            Number = "86" + n,
            ExternalId = "ext-" + n,
            Email = $"ann.lee.{n}@example.com",
            Phone = new PhoneNumber("+852", "9123" + n),
            Country = "HK",
            Name = new PersonName { Given = "Ann", Middle = "May", Family = "Lee", Full = "Ann May Lee" },
            BirthDate = new DateOnly(1990, 1, 31),
            Address = new PostalAddress { Street = "Queen's Road", HouseNumber = "1", City = "Hong Kong", PostalCode = "999077", Line = "1 Queen's Road, Central" },
            Language = "en-US",
            TimeZone = "UTC+8:00",
            Source = RegistrationSource.Ios,
            GroupId = "1",
            Attribution = new MarketingAttribution { Source = "google", Medium = "cpc", Campaign = "spring", Content = "banner", Term = "broker" },
            ClientIp = "203.0.113.7",
            Device = "iPhone 15",
            Status = CustomerStatus.Active,
            KycStatus = "2",
            CreatedAt = new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2024, 5, 2, 9, 30, 0, TimeSpan.FromHours(8)),
            LastLoginAt = new DateTimeOffset(2024, 6, 1, 12, 0, 0, 123, TimeSpan.Zero),
            Extra = new Dictionary<string, string?> { ["companyId"] = "360", ["customerType"] = "0" },
        };
    }

    /// <summary>The customers as a side that yields them asynchronously.</summary>
    public static IAsyncEnumerable<Customer> Side(params Customer[] customers) => customers.ToAsyncEnumerable();

    /// <summary>Runs a diff to its end and returns every entry.</summary>
    public static async Task<List<CustomerDiffEntry>> RunAsync(CustomerDiffResults results, CancellationToken cancellationToken = default)
    {
        var entries = new List<CustomerDiffEntry>();
        await foreach (var entry in results.WithCancellation(cancellationToken))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Compares two sides with the given options and returns every entry.</summary>
    public static Task<List<CustomerDiffEntry>> DiffAsync(IEnumerable<Customer> source, IEnumerable<Customer> target, DiffOptions? options = null) =>
        RunAsync(CustomerDiff.Compare(source.ToAsyncEnumerable(), target.ToAsyncEnumerable(), options));

    /// <summary>A lazily generated side that counts how many customers were pulled from it.</summary>
    public static async IAsyncEnumerable<Customer> Counted(int count, int firstIndex, StrongBox<int> pulled, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = firstIndex; i < firstIndex + count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pulled.Value++;
            yield return Full(i);
            if (i % 1000 == 0)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>The differences between two customers, by member; empty when they are exactly the same, Extra included.</summary>
    public static IReadOnlyList<string> Differences(Customer expected, Customer actual)
    {
        var differences = new List<string>();
        void Check<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                differences.Add($"{name}: expected <{a}> but was <{b}>");
            }
        }

        Check("Provider", expected.Provider, actual.Provider);
        Check("Id", expected.Id, actual.Id);
        Check("Number", expected.Number, actual.Number);
        Check("ExternalId", expected.ExternalId, actual.ExternalId);
        Check("Email", expected.Email, actual.Email);
        Check("Phone.CountryCode", expected.Phone?.CountryCode, actual.Phone?.CountryCode);
        Check("Phone.Number", expected.Phone?.Number, actual.Phone?.Number);
        Check("Phone is null", expected.Phone is null, actual.Phone is null);
        Check("Country", expected.Country, actual.Country);
        Check("Name", expected.Name, actual.Name);
        Check("BirthDate", expected.BirthDate, actual.BirthDate);
        Check("Address", expected.Address, actual.Address);
        Check("Language", expected.Language, actual.Language);
        Check("TimeZone", expected.TimeZone, actual.TimeZone);
        Check("Source", expected.Source, actual.Source);
        Check("GroupId", expected.GroupId, actual.GroupId);
        Check("Attribution", expected.Attribution, actual.Attribution);
        Check("ClientIp", expected.ClientIp, actual.ClientIp);
        Check("Device", expected.Device, actual.Device);
        Check("Status", expected.Status, actual.Status);
        Check("KycStatus", expected.KycStatus, actual.KycStatus);
        CheckTime("CreatedAt", expected.CreatedAt, actual.CreatedAt);
        CheckTime("UpdatedAt", expected.UpdatedAt, actual.UpdatedAt);
        CheckTime("LastLoginAt", expected.LastLoginAt, actual.LastLoginAt);
        var expectedExtra = string.Join("|", expected.Extra.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value ?? "<null>"}"));
        var actualExtra = string.Join("|", actual.Extra.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value ?? "<null>"}"));
        Check("Extra", expectedExtra, actualExtra);
        return differences;

        void CheckTime(string name, DateTimeOffset? a, DateTimeOffset? b)
        {
            // Exact: the same instant and the same offset.
            Check(name, a?.Ticks, b?.Ticks);
            Check(name + ".Offset", a?.Offset, b?.Offset);
        }
    }
}
