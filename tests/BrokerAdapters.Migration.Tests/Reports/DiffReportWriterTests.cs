using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using BrokerAdapters.Migration.Tests.Diff;
using BrokerAdapters.Testing;
using CsvHelper;
using static BrokerAdapters.Migration.Tests.Diff.DiffTestData;

namespace BrokerAdapters.Migration.Tests.Reports;

public sealed class DiffReportWriterTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>One of each category: 1 identical, 2 changed (Country; Device and Name.Family), 3 only in source, 4 only in target, 5 ambiguous.</summary>
    private static CustomerDiffResults Sample(DiffOptions? options = null) =>
        CustomerDiff.Compare(
            Side(
                Full(1),
                Full(2) with { Country = "SG", Device = "=HYPERLINK(\"http://evil\")", Name = Full(2).Name! with { Family = "<script>alert('x')</script> | *bold*" } },
                Full(3),
                Full(5) with { Email = Full(6).Email },
                Full(7) with { Country = "GB" }),
            Side(Full(1), Full(2), Full(4), Full(5), Full(6), Full(7)),
            options);

    [Test]
    public async Task The_json_report_holds_options_every_entry_and_the_final_summary()
    {
        var results = Sample();

        using var json = JsonDocument.Parse(await WriteAsync(DiffReportFormat.Json, results, new DiffReportOptions { SourceName = "360", TargetName = "361" }));

        var root = json.RootElement;
        Assert.That(root.GetProperty("report").GetString(), Is.EqualTo("brokeradapters-customer-diff"));
        Assert.That(root.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That((root.GetProperty("source").GetString(), root.GetProperty("target").GetString()), Is.EqualTo(("360", "361")));
        Assert.That(root.GetProperty("options").GetProperty("matchKeys").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { "ExternalId", "Email", "Phone", "Number" }));
        Assert.That(root.GetProperty("options").GetProperty("compareExtra").GetBoolean(), Is.False);
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.That(entries.Select(e => e.GetProperty("category").GetString()), Is.EqualTo(new[] { "Identical", "Changed", "OnlyInSource", "Ambiguous", "Changed", "OnlyInTarget" }));
        var changed = entries[1];
        Assert.That(changed.GetProperty("matchKey").GetString(), Is.EqualTo("ExternalId"));
        Assert.That(changed.GetProperty("source").GetProperty("id").GetString(), Is.EqualTo("id-0002"));
        Assert.That(changed.GetProperty("target").GetProperty("email").GetString(), Is.EqualTo(Full(2).Email));
        Assert.That(
            changed.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("field").GetString(), c.GetProperty("source").GetString(), c.GetProperty("target").GetString())),
            Is.EqualTo(new[]
            {
                ("Country", "SG", "HK"),
                ("Name.Family", "<script>alert('x')</script> | *bold*", "Lee"),
                ("Device", "=HYPERLINK(\"http://evil\")", "iPhone 15"),
            }));
        var ambiguous = entries[3];
        Assert.That(ambiguous.GetProperty("reason").GetString(), Is.EqualTo("ConflictingKeys"));
        Assert.That(ambiguous.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("customer").GetProperty("id").GetString()), Is.EqualTo(new[] { "id-0005", "id-0006" }));
        Assert.That(entries[5].TryGetProperty("source", out _), Is.False);
        var summary = root.GetProperty("summary");
        Assert.That(summary.GetProperty("complete").GetBoolean(), Is.True);
        Assert.That(
            new[] { "sourceCount", "targetCount", "identical", "changed", "onlyInSource", "onlyInTarget", "ambiguous", "ambiguousInTarget" }.Select(p => summary.GetProperty(p).GetInt64()),
            Is.EqualTo(new long[] { 5, 6, 1, 2, 1, 1, 1, 2 }));
        Assert.That(summary.GetProperty("fieldChanges").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())), Is.EqualTo(new[] { ("Country", 2L), ("Device", 1L), ("Name.Family", 1L) }));
    }

    [Test]
    public async Task The_json_report_is_written_while_the_diff_runs()
    {
        using var output = new MemoryStream();
        long writtenWhenSourceEnded = -1;
        async IAsyncEnumerable<Customer> Source()
        {
            for (var i = 0; i < 5_000; i++)
            {
                yield return Full(i) with { Country = "SG" };
            }

            await Task.Yield();
            writtenWhenSourceEnded = output.Length;
        }

        await DiffReportWriter.WriteAsync(DiffReportFormat.Json, CustomerDiff.Compare(Source(), Enumerable.Range(0, 5_000).Select(i => Full(i)).ToAsyncEnumerable()), output);

        Assert.That(writtenWhenSourceEnded, Is.GreaterThan(output.Length / 2), "most of the report was out before the diff ended");
    }

    [Test]
    public async Task The_csv_report_has_one_row_per_difference()
    {
        var text = await WriteAsync(DiffReportFormat.Csv, Sample());

        var rows = ReadCsv(text);
        Assert.That(rows[0], Is.EqualTo(new[] { "category", "reason", "matchKey", "sourceId", "sourceNumber", "targetId", "targetNumber", "field", "sourceValue", "targetValue" }));
        Assert.That(rows.Skip(1).Select(r => string.Join("|", r)), Is.EqualTo(new[]
        {
            "Changed||ExternalId|id-0002|860002|id-0002|860002|Country|SG|HK",
            "Changed||ExternalId|id-0002|860002|id-0002|860002|Name.Family|<script>alert('x')</script> | *bold*|Lee",
            "Changed||ExternalId|id-0002|860002|id-0002|860002|Device|'=HYPERLINK(\"http://evil\")|iPhone 15",
            "OnlyInSource|||id-0003|860003|||||",
            "Ambiguous|ConflictingKeys|ExternalId+Phone+Number|id-0005|860005|id-0005|860005|||",
            "Ambiguous|ConflictingKeys|Email|id-0005|860005|id-0006|860006|||",
            "Changed||ExternalId|id-0007|860007|id-0007|860007|Country|GB|HK",
            "OnlyInTarget|||||id-0004|860004|||",
        }));
    }

    [Test]
    public async Task The_markdown_report_has_the_summary_table_and_the_first_changes_escaped()
    {
        var text = await WriteAsync(DiffReportFormat.Markdown, Sample(), new DiffReportOptions { Title = "360 vs 361", MaxRows = 1 });

        Assert.That(text, Does.StartWith("# 360 vs 361\n"));
        Assert.That(text, Does.Contain("| Category | Customers |\n|---|---:|\n| Identical | 1 |\n| Changed | 2 |\n| Only in source | 1 |\n| Only in target | 1 |\n| Ambiguous | 1 |\n| Source customers | 5 |\n| Target customers | 6 |\n"));
        Assert.That(text, Does.Contain("| Country | 2 |\n| Device | 1 |\n| Name.Family | 1 |\n"));
        Assert.That(text, Does.Contain("The first 1 of 2 customers; the JSON and CSV reports list all."));
        Assert.That(text, Does.Contain(@"| Name.Family | \<script\>alert('x')\</script\> \| \*bold\* | Lee |"));
        Assert.That(text, Does.Not.Contain("GB"), "the second changed customer is beyond MaxRows");
        Assert.That(text, Does.Contain("keys lead to different customers"));
    }

    [Test]
    public async Task The_html_report_is_self_contained_well_formed_and_shows_the_counts()
    {
        var text = await WriteAsync(DiffReportFormat.Html, Sample(), new DiffReportOptions { SourceName = "company <360>", TargetName = "company 361" });

        Assert.That(text, Does.StartWith("<!DOCTYPE html>"));
        var page = XDocument.Parse(text);
        var html = page.Root!;
        Assert.That(html.Name, Is.EqualTo(Xhtml + "html"));
        Assert.That(html.Descendants().Where(e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object"), Is.Empty);
        Assert.That(html.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)), Is.Empty);
        Assert.That(html.Descendants(Xhtml + "meta").Single(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy").Attribute("content")!.Value, Does.StartWith("default-src 'none'"));
        var bars = html.Descendants(Svg + "rect").ToDictionary(r => (string)r.Attribute("data-category")!, r => int.Parse((string)r.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(bars.Keys, Is.EqualTo(new[] { "Identical", "Changed", "OnlyInSource", "OnlyInTarget", "Ambiguous" }));
        Assert.That(bars["Changed"], Is.EqualTo(420).And.GreaterThan(bars["Identical"]));
        Assert.That(html.Descendants(Svg + "title").Select(t => t.Value), Does.Contain("Changed: 2").And.Contain("Only in target: 1"));
        var counts = html.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("id") == "counts").Descendants(Xhtml + "tr").Skip(1)
            .Select(r => string.Join("=", r.Elements(Xhtml + "td").Select(td => td.Value)));
        Assert.That(counts, Is.EqualTo(new[] { "Identical=1", "Changed=2", "Only in source=1", "Only in target=1", "Ambiguous=1", "Source customers=5", "Target customers=6" }));
        var changeRows = html.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("id") == "change-rows").Descendants(Xhtml + "tr").Skip(1)
            .Select(r => r.Elements(Xhtml + "td").Select(td => td.Value).ToArray()).ToList();
        Assert.That(changeRows, Has.Count.EqualTo(4));
        Assert.That(changeRows[1][3..], Is.EqualTo(new[] { "Name.Family", "<script>alert('x')</script> | *bold*", "Lee" }), "the value is text, not markup");
        Assert.That(html.Descendants(Xhtml + "p").Select(p => p.Value), Does.Contain("Source: company <360> → target: company 361"));
    }

    [Test]
    public async Task The_html_report_replaces_characters_xml_cannot_hold()
    {
        var results = CustomerDiff.Compare(Side(Full(1) with { Device = "a\u0001b\uD800c" }), Side(Full(1)));

        var text = await WriteAsync(DiffReportFormat.Html, results);

        var cells = XDocument.Parse(text).Descendants(Xhtml + "td").Select(td => td.Value);
        Assert.That(cells, Does.Contain("a\uFFFDb\uFFFDc"));
    }

    [Test]
    public async Task Reports_of_two_white_labels_never_contain_secrets()
    {
        using var bed = new CmfblDiffBed();
        var md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(FakeCustomers.Password)));

        foreach (var format in Enum.GetValues<DiffReportFormat>())
        {
            var text = await WriteAsync(format, bed.Compare(new DiffOptions { CompareExtra = true }));

            Assert.That(text, Does.Contain(bed.SourceCompany.Customers[5].CustomerNo), $"{format} is about the customers");
            Assert.That(text, Does.Not.Contain(FakeCustomers.Password).And.Not.Contain(md5).IgnoreCase, format.ToString());
            Assert.That(text, Does.Not.Contain(bed.SourceCompany.AppSecret).And.Not.Contain(bed.TargetCompany.AppSecret), format.ToString());
        }
    }

    [Test]
    public async Task An_empty_diff_makes_valid_reports_with_zero_counts()
    {
        foreach (var format in Enum.GetValues<DiffReportFormat>())
        {
            var text = await WriteAsync(format, CustomerDiff.Compare(Side(), Side()));

            switch (format)
            {
                case DiffReportFormat.Json:
                    using (var json = JsonDocument.Parse(text))
                    {
                        Assert.That(json.RootElement.GetProperty("entries").GetArrayLength(), Is.Zero);
                        Assert.That(json.RootElement.GetProperty("summary").GetProperty("complete").GetBoolean(), Is.True);
                    }

                    break;
                case DiffReportFormat.Csv:
                    Assert.That(ReadCsv(text), Has.Count.EqualTo(1));
                    break;
                case DiffReportFormat.Html:
                    Assert.That(XDocument.Parse(text).Descendants(Svg + "rect").Select(r => (string)r.Attribute("width")!), Is.All.EqualTo("0"));
                    break;
                default:
                    Assert.That(text, Does.Contain("| Identical | 0 |").And.Not.Contain("## Changes"));
                    break;
            }
        }
    }

    [Test]
    public async Task Writing_a_report_honours_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        async IAsyncEnumerable<Customer> Source()
        {
            for (var i = 0; ; i++)
            {
                if (i == 100)
                {
                    await cancellation.CancelAsync();
                }

                yield return Full(i);
            }
        }

        using var output = new MemoryStream();
        Exception? thrown = null;
        try
        {
            await DiffReportWriter.WriteAsync(DiffReportFormat.Csv, CustomerDiff.Compare(Source(), Side(Full(1))), output, cancellationToken: cancellation.Token);
        }
        catch (OperationCanceledException ex)
        {
            thrown = ex;
        }

        Assert.That(thrown, Is.Not.Null);
    }

    [Test]
    public async Task Arguments_are_checked()
    {
        using var output = new MemoryStream();
        var consumed = Sample();
        await RunAsync(consumed);

        Assert.Throws<ArgumentOutOfRangeException>(() => DiffReportWriter.WriteAsync((DiffReportFormat)42, Sample(), output));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiffReportWriter.WriteAsync(DiffReportFormat.Html, Sample(), output, new DiffReportOptions { MaxRows = -1 }));
        Assert.Throws<ArgumentNullException>(() => DiffReportWriter.WriteAsync(DiffReportFormat.Json, null!, output));
        await Assert.ThrowsAsync<InvalidOperationException>(() => DiffReportWriter.WriteAsync(DiffReportFormat.Json, consumed, output));
    }

    private static async Task<string> WriteAsync(DiffReportFormat format, CustomerDiffResults results, DiffReportOptions? options = null)
    {
        using var output = new MemoryStream();
        await DiffReportWriter.WriteAsync(format, results, output, options ?? new DiffReportOptions());
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static List<string[]> ReadCsv(string text)
    {
        var rows = new List<string[]>();
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false });
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        return rows;
    }
}
