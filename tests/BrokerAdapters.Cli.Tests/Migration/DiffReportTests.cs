using BrokerAdapters.Cli.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests.Migration;

public sealed class DiffReportTests
{
    [Test]
    public async Task The_json_report_to_out_parses_and_holds_every_entry_and_stdout_summarises_it()
    {
        using var directory = new TempDirectory();
        await DiffFiles.WriteAsync(directory.Path);

        var result = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", DiffFiles.Target, "--format", "json", "--out", "report.json", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var report = JObject.Parse(await File.ReadAllTextAsync(directory.PathOf("report.json")));
        Assert.That((string?)report["report"], Is.EqualTo("brokeradapters-customer-diff"));
        Assert.That(report["entries"]!.Select(e => (string?)e["category"]), Is.EquivalentTo(new[] { "Identical", "Changed", "OnlyInSource", "Ambiguous", "OnlyInTarget" }));
        Assert.That((long?)report["summary"]!["changed"], Is.EqualTo(1));
        Assert.That((string?)result.Json["report"], Is.EqualTo(directory.PathOf("report.json")));
        Assert.That((string?)result.Json["format"], Is.EqualTo("json"));
        Assert.That((long?)result.Json["summary"]!["ambiguousInTarget"], Is.EqualTo(2));
    }

    [Test]
    public async Task The_csv_report_has_one_row_per_difference()
    {
        using var directory = new TempDirectory();
        await DiffFiles.WriteAsync(directory.Path);

        var result = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", DiffFiles.Target, "--format", "csv", "--out", "report.csv");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var rows = Csv.ParseWithHeader(await File.ReadAllTextAsync(directory.PathOf("report.csv")));
        // Two changed fields, one row per customer on one side only, one per candidate of the ambiguous customer.
        Assert.That(
            rows.Select(r => (r["category"], r["sourceId"], r["targetId"], r["field"], r["sourceValue"], r["targetValue"])),
            Is.EquivalentTo(new[]
            {
                ("Changed", "s2", "t2", "Country", "HK", "SG"),
                ("Changed", "s2", "t2", "Name.Family", "Chan", "Chang"),
                ("OnlyInSource", "s3", string.Empty, string.Empty, string.Empty, string.Empty),
                ("Ambiguous", "s4", "t4", string.Empty, string.Empty, string.Empty),
                ("Ambiguous", "s4", "t5", string.Empty, string.Empty, string.Empty),
                ("OnlyInTarget", string.Empty, "t6", string.Empty, string.Empty, string.Empty),
            }));
        Assert.That(result.Stdout, Does.Contain("Report (csv) written to report.csv."));
        Assert.That(result.Stdout, Does.Match(@"│ Only in target\s+│\s+1 │"));
    }

    [Test]
    public async Task The_html_report_is_a_self_contained_page_with_the_counts_in_tables()
    {
        using var directory = new TempDirectory();

        // Without configuration: the sandbox demo, format from the extension.
        var result = await directory.RunAsync("diff", "--out", "report.html");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var html = await File.ReadAllTextAsync(directory.PathOf("report.html"));
        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(html, Does.Contain("<table"));
        Assert.That(html, Does.Contain("Only in source").And.Contain("Cmfbl company 360 (embedded sandbox)"));
        foreach (var count in new[] { "23", "25", "50", "53" })
        {
            Assert.That(html, Does.Contain($">{count}<"), count);
        }

        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<link").And.Not.Contain("src=").And.Not.Contain("href="), "no script, no external asset");
        Assert.That(html, Does.Contain("<svg"), "the counts as an inline chart");
        Assert.That(System.Xml.Linq.XDocument.Parse(html[html.IndexOf("<html", StringComparison.Ordinal)..]).Root!.Name.LocalName, Is.EqualTo("html"));
        Assert.That(result.Stdout, Does.Contain("Report (html) written to report.html."));
    }

    [Test]
    public async Task The_markdown_report_has_the_summary_table_on_stdout_without_out()
    {
        using var directory = new TempDirectory();
        await DiffFiles.WriteAsync(directory.Path);

        var toStdout = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", DiffFiles.Target, "--format", "md");
        var toFile = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", DiffFiles.Target, "--format", "markdown", "--out", "report.md");

        Assert.That((toStdout.ExitCode, toFile.ExitCode), Is.EqualTo((0, 0)), toStdout.ToString() + toFile);
        var markdown = await File.ReadAllTextAsync(directory.PathOf("report.md"));
        Assert.That(toStdout.Stdout.ReplaceLineEndings("\n"), Is.EqualTo(markdown.ReplaceLineEndings("\n")));
        Assert.That(markdown, Does.StartWith("# Customer diff"));
        Assert.That(markdown, Does.Contain("| Category | Customers |"));
        foreach (var row in new[] { "| Identical | 1 |", "| Changed | 1 |", "| Only in source | 1 |", "| Only in target | 1 |", "| Ambiguous | 1 |" })
        {
            Assert.That(markdown, Does.Contain(row));
        }
    }

    [Test]
    public async Task Json_to_stdout_cannot_be_another_format_and_an_unknown_out_extension_needs_format()
    {
        var markdownAsJson = await Tool.RunAsync("diff", "--json", "--format", "md");
        var noFormat = await Tool.RunAsync("diff", "--out", "report.txt");

        Assert.That((markdownAsJson.ExitCode, noFormat.ExitCode), Is.EqualTo((2, 2)), markdownAsJson.ToString() + noFormat);
        Assert.That(markdownAsJson.ErrorLine, Does.Contain("--json writes the JSON report to standard output"));
        Assert.That(noFormat.ErrorLine, Does.Contain("give --format json|csv|md|html"));
    }
}
