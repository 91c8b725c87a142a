using BrokerAdapters.Migration;

namespace BrokerAdapters.Cli.Tests.Support;

/// <summary>
/// Two customer files with known differences: the source as JSON Lines, the target as CSV.
/// <list type="bullet">
/// <item>s1 and t1 are the same person, field for field: identical;</item>
/// <item>s2 and t2 share email and phone, but the country and the family name differ: changed (2 fields);</item>
/// <item>s3 is only in the source, t6 only in the target;</item>
/// <item>s4's email is t4's and its phone t5's: ambiguous, t4 and t5 its candidates.</item>
/// </list>
/// </summary>
internal static class DiffFiles
{
    public const string Source = "source.jsonl";
    public const string Target = "target.csv";

    public static IReadOnlyList<Customer> SourceCustomers { get; } =
    [
        Person("s1", "ext-1", "ann@example.com", "91000001", "HK", "Lee"),
        Person("s2", "ext-2", "bob@example.com", "91000002", "HK", "Chan"),
        Person("s3", "ext-3", "cat@example.com", "91000003", "SG", "Tan"),
        Person("s4", null, "dan@example.com", "91000004", "GB", "Smith"),
    ];

    public static IReadOnlyList<Customer> TargetCustomers { get; } =
    [
        Person("t1", "ext-1", "ann@example.com", "91000001", "HK", "Lee"),
        Person("t2", "ext-2", "bob@example.com", "91000002", "SG", "Chang"),
        Person("t4", null, "dan@example.com", "92000004", "GB", "Smith"),
        Person("t5", null, "dave@example.com", "91000004", "GB", "Smith"),
        Person("t6", "ext-6", "eve@example.com", "91000006", "DE", "Weber"),
    ];

    /// <summary>Writes both files into <paramref name="directory"/>.</summary>
    public static async Task WriteAsync(string directory)
    {
        await CustomerJsonLines.WriteFileAsync(Path.Combine(directory, Source), SourceCustomers.ToAsyncEnumerable());
        await CustomerCsv.WriteFileAsync(Path.Combine(directory, Target), TargetCustomers.ToAsyncEnumerable());
    }

    private static Customer Person(string id, string? externalId, string email, string phone, string country, string family) => new()
    {
        Provider = id.StartsWith('s') ? "Cmfbl" : "McCrm",
        Id = id,
        Number = "n-" + id,
        ExternalId = externalId,
        Email = email,
        Phone = new PhoneNumber("+852", phone),
        Country = country,
        Name = new PersonName { Given = "Pat", Family = family },
        Status = CustomerStatus.Active,
    };
}
