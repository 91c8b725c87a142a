using System.Text.RegularExpressions;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>docs/providers/cmfbl.md's error table is CmfblErrorTable: every code, its kind, whether it is retried and the field it names.</summary>
public sealed partial class CmfblErrorTableDocsTests
{
    [Test]
    public void The_documented_error_table_is_the_code_table()
    {
        var expected = CmfblErrorTable.Entries
            .Select(entry => $"{entry.Code} | {entry.Kind} | {Retryable(entry.Code, entry.Kind)} | {entry.Field}")
            .ToList();

        var documented = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "providers", "cmfbl.md"))
            .Select(line => Row().Match(line))
            .Where(row => row.Success)
            .Select(row => $"{row.Groups["code"].Value} | {row.Groups["kind"].Value} | {row.Groups["retryable"].Value} | {row.Groups["field"].Value}")
            .ToList();

        Assert.That(documented, Is.EqualTo(expected));
    }

    private static string Retryable(string code, UserRegistryErrorKind kind) =>
        CmfblErrorTable.TokenExpiredCodes.Contains(code) ? "renewed, sent again once"
        : kind is UserRegistryErrorKind.Timeout or UserRegistryErrorKind.Unavailable
            ? CmfblErrorTable.RefusedBeforeDispatch.Contains(code) ? "yes" : "yes; registration: `OutcomeUnknown`"
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

    // | `CODE` | meaning | `Kind` | retryable | `Field` or nothing |
    [GeneratedRegex(@"^\| `(?<code>(G|GGATEWAY_|USCUSTOMER_)[A-Z0-9_]+)` \| [^|]+ \| `(?<kind>[A-Za-z]+)` \| (?<retryable>[^|]+?) \| `?(?<field>[A-Za-z.]*)`? \|$")]
    private static partial Regex Row();
}
