using System.Text.RegularExpressions;

namespace BrokerAdapters.McCrm.Tests;

/// <summary>docs/providers/mccrm.md's error tables are McCrmErrorTable: the codes with their kinds, the message fragments in their order.</summary>
public sealed partial class McCrmErrorTableDocsTests
{
    private static readonly string[] Page = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "providers", "mccrm.md"));

    [Test]
    public void The_documented_codes_are_the_code_table()
    {
        var expected = McCrmErrorTable.Codes
            .Select(code => $"{code.Key} | {code.Value} | {Retryable(code.Value)}")
            .Order(StringComparer.Ordinal);

        var documented = Page.Select(line => CodeRow().Match(line)).Where(row => row.Success)
            .Select(row => $"{row.Groups["code"].Value} | {row.Groups["kind"].Value} | {row.Groups["retryable"].Value}")
            .Order(StringComparer.Ordinal);

        Assert.That(documented, Is.EqualTo(expected));
    }

    [Test]
    public void The_documented_fragments_are_the_fragment_table_in_order()
    {
        var expected = McCrmErrorTable.Fragments.Select(fragment => $"{fragment.Fragment} | {fragment.Kind}");

        var documented = Page.Select(line => FragmentRow().Match(line)).Where(row => row.Success)
            .Select(row => $"{row.Groups["fragment"].Value} | {row.Groups["kind"].Value}");

        Assert.That(documented, Is.EqualTo(expected));
    }

    private static string Retryable(UserRegistryErrorKind kind) =>
        kind is UserRegistryErrorKind.Timeout or UserRegistryErrorKind.Unavailable ? "yes; signup: `OutcomeUnknown`"
        : new UserRegistryException(kind, "-").IsRetryable ? "yes" : "no";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "BrokerAdapters.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("BrokerAdapters.sln not found");
        }

        return directory.FullName;
    }

    // | `303` | meaning | `Kind` | retryable |
    [GeneratedRegex(@"^\| `(?<code>\d{3})` \| [^|]+ \| `(?<kind>[A-Za-z]+)` \| (?<retryable>[^|]+?) \|$")]
    private static partial Regex CodeRow();

    // | `fragment` | `Kind` |
    [GeneratedRegex(@"^\| `(?<fragment>[^`]+)` \| `(?<kind>[A-Za-z]+)` \|$")]
    private static partial Regex FragmentRow();
}
