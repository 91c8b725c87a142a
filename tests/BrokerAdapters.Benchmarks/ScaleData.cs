using System.Globalization;

namespace BrokerAdapters.Benchmarks;

/// <summary>
/// Two sides of <c>n</c> customers each for the diff benchmarks, generated without Bogus (which is too slow for a
/// million): the target is the source with about 2 % of customers changed, 1 % only in the source and 1 % only in
/// the target. Deterministic, so every run and the <c>sort | join</c> baseline see the same data.
/// </summary>
internal static class ScaleData
{
    /// <summary>
    /// The largest side supported: phone numbers are <c>"9" + index[1..]</c> over an 8-digit index, unique only below
    /// 10,000,000, and the customers only in the target take the indexes <c>n</c> to <c>2n - 1</c>. Beyond this, target
    /// customers would share phone numbers and the diff would (rightly) report them as ambiguous.
    /// </summary>
    public const int MaxSize = 5_000_000;

    /// <summary>Bumped whenever the generated data changes, so that cached exports are regenerated.</summary>
    public const int Version = 1;

    private static readonly string[] Countries = ["HK", "SG", "GB", "US", "DE", "AU", "JP", "FR"];
    private static readonly string[] Given = ["Ann", "Ben", "Chloe", "Dev", "Emma", "Finn", "Grace", "Hugo", "Iris", "Jon"];
    private static readonly string[] Family = ["Chan", "Smith", "Müller", "Tan", "Lee", "Brown", "Garcia", "Sato", "Khan", "Novak"];

    public static IEnumerable<Customer> Source(int n)
    {
        CheckSize(n);
        return SourceCore(n);
    }

    public static IEnumerable<Customer> Target(int n)
    {
        CheckSize(n);
        return TargetCore(n);
    }

    /// <summary>What a correct diff of <see cref="Source"/> against <see cref="Target"/> (default options) reports.</summary>
    public static ScaleExpectation Expected(int n)
    {
        CheckSize(n);
        var onlyInSource = Count(n, 100, 7);
        var changed = Count(n, 50, 3);
        return new ScaleExpectation(
            Source: n,
            Target: n,
            Identical: n - onlyInSource - changed,
            Changed: changed,
            OnlyInSource: onlyInSource,
            OnlyInTarget: onlyInSource,
            Ambiguous: 0,
            FieldChanges: new SortedDictionary<string, long>(StringComparer.Ordinal) { ["Address.City"] = changed, ["Country"] = changed });
    }

    /// <summary>How many <c>i</c> in <c>[0, n)</c> have <c>i % modulus == remainder</c>.</summary>
    private static long Count(int n, int modulus, int remainder) => n <= remainder ? 0 : ((n - 1 - remainder) / modulus) + 1;

    private static void CheckSize(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxSize);
    }

    private static IEnumerable<Customer> SourceCore(int n)
    {
        for (var i = 0; i < n; i++)
        {
            // Every 100th customer (i % 100 == 7) exists only in the source: TargetCore leaves it out.
            yield return Make(i, "Source", changed: false);
        }
    }

    private static IEnumerable<Customer> TargetCore(int n)
    {
        for (var i = 0; i < n; i++)
        {
            // Every 50th customer (i % 50 == 3, never i % 100 == 7) is changed: Country and Address.City differ.
            if (i % 100 == 7)
            {
                continue;
            }

            yield return Make(i, "Target", changed: i % 50 == 3);
        }

        // As many customers only in the target as were left out above.
        for (var i = 0; i < n; i++)
        {
            if (i % 100 == 7)
            {
                yield return Make(n + i, "Target", changed: false);
            }
        }
    }

    private static Customer Make(int i, string provider, bool changed)
    {
        var index = i.ToString("D8", CultureInfo.InvariantCulture);
        return new Customer
        {
            Provider = provider,
            Id = provider + "-" + index,
            Number = (86_000_000 + i).ToString(CultureInfo.InvariantCulture),
            ExternalId = "ext-" + index,
            Email = $"user.{index}@example.com",
            Phone = new PhoneNumber("+852", "9" + index[1..]),
            Country = changed ? Countries[(i + 1) % Countries.Length] : Countries[i % Countries.Length],
            Name = new PersonName { Given = Given[i % Given.Length], Family = Family[(i / 10) % Family.Length] },
            BirthDate = new DateOnly(1960 + (i % 40), 1 + (i % 12), 1 + (i % 28)),
            Address = new PostalAddress { Line = (i % 300) + " Queen's Road", City = changed ? "Kowloon" : "Hong Kong", PostalCode = "999077" },
            Language = "en-US",
            TimeZone = "UTC+8:00",
            Source = RegistrationSource.System,
            GroupId = "1",
            Status = CustomerStatus.Active,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + (i * 1000L)),
        };
    }
}

/// <summary>The counts a correct diff of two <see cref="ScaleData"/> sides reports.</summary>
internal sealed record ScaleExpectation(
    long Source,
    long Target,
    long Identical,
    long Changed,
    long OnlyInSource,
    long OnlyInTarget,
    long Ambiguous,
    IReadOnlyDictionary<string, long> FieldChanges);
