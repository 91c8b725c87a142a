using System.Text.RegularExpressions;
using BrokerAdapters.Cli.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests.Migration;

public sealed class DiffCommandTests
{
    [Test]
    public async Task Diff_without_configuration_diffs_the_sandbox_demo_companies_and_exits_0()
    {
        var result = await Tool.RunAsync("diff");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        // The demo data: 23 identical, 3 changed, 23 only in 360, 25 only in 361, 1 ambiguous (see MigrationDemoData).
        foreach (var (category, count) in new[] { ("Identical", 23), ("Changed", 3), ("Only in source", 23), ("Only in target", 25), ("Ambiguous", 1), ("Source customers", 50), ("Target customers", 53) })
        {
            Assert.That(result.Stdout, Does.Match($@"│ {category}\s+│\s+{count} │"), category);
        }

        Assert.That(result.Stdout, Does.Contain("Changed fields: Status 2, Country 1, ExternalId 1, Phone 1"));
        Assert.That(result.Stdout, Does.Contain("Disabled").And.Contain("Locked").And.Contain("+85260000003"));
        Assert.That(result.Stdout, Does.Contain("its keys lead to different customers"));
        Assert.That(result.Stderr, Does.Contain("embedded sandbox").And.Contain("company 360").And.Contain("company 361"));
    }

    [Test]
    public async Task Diff_json_without_configuration_writes_the_complete_report_with_exact_counts()
    {
        var result = await Tool.RunAsync("diff", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var summary = result.Json["summary"]!;
        Assert.That(
            new[] { "sourceCount", "targetCount", "identical", "changed", "onlyInSource", "onlyInTarget", "ambiguous", "ambiguousInTarget" }.Select(p => (long)summary[p]!),
            Is.EqualTo(new long[] { 50, 53, 23, 3, 23, 25, 1, 2 }));
        Assert.That(((JObject)summary["fieldChanges"]!).Properties().ToDictionary(p => p.Name, p => (long)p.Value), Is.EquivalentTo(new Dictionary<string, long>
        {
            ["Status"] = 2,
            ["Country"] = 1,
            ["ExternalId"] = 1,
            ["Phone"] = 1,
        }));
        Assert.That(result.Json["entries"]!.Count(), Is.EqualTo(23 + 3 + 23 + 25 + 1));
        Assert.That(result.Stdout, Does.EndWith("\n"));
    }

    [Test]
    public async Task Diff_of_two_files_reports_each_known_difference()
    {
        using var directory = new TempDirectory();
        await DiffFiles.WriteAsync(directory.Path);

        var result = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", DiffFiles.Target, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var summary = result.Json["summary"]!;
        Assert.That(
            new[] { "sourceCount", "targetCount", "identical", "changed", "onlyInSource", "onlyInTarget", "ambiguous", "ambiguousInTarget" }.Select(p => (long)summary[p]!),
            Is.EqualTo(new long[] { 4, 5, 1, 1, 1, 1, 1, 2 }));
        var entries = result.Json["entries"]!.ToDictionary(e => (string)e["source"]?["id"]! ?? (string)e["target"]!["id"]!);
        Assert.That((string?)entries["s1"]["category"], Is.EqualTo("Identical"));
        Assert.That((string?)entries["s2"]["category"], Is.EqualTo("Changed"));
        Assert.That((string?)entries["s2"]["matchKey"], Is.EqualTo("ExternalId"));
        Assert.That(
            entries["s2"]["changes"]!.Select(c => ((string?)c["field"], (string?)c["source"], (string?)c["target"])),
            Is.EqualTo(new[] { ("Country", "HK", "SG"), ("Name.Family", "Chan", "Chang") }));
        Assert.That((string?)entries["s3"]["category"], Is.EqualTo("OnlyInSource"));
        Assert.That((string?)entries["t6"]["category"], Is.EqualTo("OnlyInTarget"));
        Assert.That((string?)entries["s4"]["category"], Is.EqualTo("Ambiguous"));
        Assert.That(entries["s4"]["candidates"]!.Select(c => (string?)c["customer"]!["id"]), Is.EquivalentTo(new[] { "t4", "t5" }));
        Assert.That((string?)result.Json["source"], Is.EqualTo(DiffFiles.Source));
        Assert.That((string?)result.Json["target"], Is.EqualTo(DiffFiles.Target));
    }

    [Test]
    public async Task Match_and_ignore_change_how_customers_are_paired_and_compared()
    {
        using var directory = new TempDirectory();
        await DiffFiles.WriteAsync(directory.Path);

        var result = await directory.RunAsync(
            "diff", "--source", DiffFiles.Source, "--target", DiffFiles.Target, "--match", "Email", "--ignore", "Country,Extra.companyId", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var summary = result.Json["summary"]!;
        // By email alone, s4 pairs with t4 (their phones differ) and t5 is left over; the country no longer counts.
        Assert.That(
            new[] { "identical", "changed", "onlyInSource", "onlyInTarget", "ambiguous" }.Select(p => (long)summary[p]!),
            Is.EqualTo(new long[] { 1, 2, 1, 2, 0 }));
        Assert.That((JObject)summary["fieldChanges"]!, Has.Count.EqualTo(2));
        Assert.That((long?)summary["fieldChanges"]!["Name.Family"], Is.EqualTo(1));
        Assert.That((long?)summary["fieldChanges"]!["Phone"], Is.EqualTo(1));
        Assert.That(result.Json["options"]!["matchKeys"]!.Select(k => (string?)k), Is.EqualTo(new[] { "Email" }));
        Assert.That(result.Json["options"]!["ignoredFields"]!.Select(k => (string?)k), Does.Contain("Country").And.Contain("CreatedAt"));
    }

    [Test]
    public async Task Diff_prints_the_summary_and_the_first_changed_rows_for_files()
    {
        using var directory = new TempDirectory();
        await DiffFiles.WriteAsync(directory.Path);

        var result = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", DiffFiles.Target, "--rows", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout, Does.Match(@"│ Changed\s+│\s+1 │"));
        Assert.That(result.Stdout, Does.Contain("Source source.jsonl  →  target target.csv"));
        Assert.That(result.Stdout, Does.Contain("Name.Family").And.Contain("Chang").And.Contain("n-t2 (bob@example.com)"));
        Assert.That(result.Stdout, Does.Contain("n-t4 (dan@example.com) by Email").And.Contain("n-t5 (dave@example.com) by Phone"));
        Assert.That(result.Stderr, Is.Empty, "files need no sandbox");
    }

    [Test]
    public async Task Fail_on_difference_exits_11_when_there_are_differences_and_0_when_there_are_none()
    {
        using var directory = new TempDirectory();
        await DiffFiles.WriteAsync(directory.Path);

        var different = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", DiffFiles.Target, "--fail-on-difference");
        var same = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", DiffFiles.Source, "--fail-on-difference");
        var tolerated = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", DiffFiles.Target);

        Assert.That((different.ExitCode, same.ExitCode, tolerated.ExitCode), Is.EqualTo((11, 0, 0)), different.ToString() + same + tolerated);
        Assert.That(same.Stdout, Does.Match(@"│ Identical\s+│\s+4 │"));
    }

    [Test]
    public async Task Diff_of_two_configured_sections_reads_each_registry_in_detail()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        var customers = MigrationSandbox.Customers(15);
        foreach (var customer in customers.Take(10))
        {
            sandbox.Company360.Seed(customer);
        }

        foreach (var customer in customers.Skip(5).Select((c, i) => i == 0 ? c with { Country = c.Country == "HK" ? "SG" : "HK" } : c))
        {
            sandbox.Company361.Seed(customer);
        }

        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("Cmfbl", "361"));

        var byDefault = await sandbox.RunAsync("diff", "--config", config, "--json");
        var reversed = await sandbox.RunAsync("diff", "--config", config, "--source", "Migration:Target", "--target", "Migration:Source", "--json");

        Assert.That((byDefault.ExitCode, reversed.ExitCode), Is.EqualTo((0, 0)), byDefault.ToString() + reversed);
        var summary = byDefault.Json["summary"]!;
        Assert.That(
            new[] { "sourceCount", "targetCount", "identical", "changed", "onlyInSource", "onlyInTarget" }.Select(p => (long)summary[p]!),
            Is.EqualTo(new long[] { 10, 10, 4, 1, 5, 5 }));
        Assert.That((long?)summary["fieldChanges"]!["Country"], Is.EqualTo(1), "the country comes from each customer's detail");
        Assert.That((string?)byDefault.Json["source"], Is.EqualTo("Migration:Source (Cmfbl company 360)"));
        Assert.That((string?)reversed.Json["source"], Is.EqualTo("Migration:Target (Cmfbl company 361)"));
        Assert.That(byDefault.Stderr, Is.Empty, "configured endpoints: no embedded sandbox");
    }

    [Test]
    public async Task A_target_that_cannot_list_exits_8_and_points_at_target_mapping()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("McCrm", null));

        var result = await sandbox.RunAsync("diff", "--config", config);

        Assert.That(result.ExitCode, Is.EqualTo(8), result.ToString);
        Assert.That(result.ErrorLine, Does.StartWith("error: NotSupported (McCrm): McCrm does not support listing its customers").And.Contain("--target-mapping JOURNAL"));
    }

    [Test]
    public async Task A_section_without_an_endpoint_runs_on_the_embedded_sandbox_and_its_company_id_picks_the_company()
    {
        using var directory = new TempDirectory();
        var config = directory.PathOf("sections.json");
        await File.WriteAllTextAsync(config, """
            { "Migration": {
                "Source": { "Provider": "Cmfbl", "Cmfbl": { "CompanyId": "360", "AppSecret": "meant-for-a-real-endpoint" } },
                "Target": { "Provider": "Cmfbl", "Cmfbl": { "CompanyId": "361" } } } }
            """);

        var result = await directory.RunAsync("diff", "--config", config, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That((long?)result.Json["summary"]!["identical"], Is.EqualTo(23), "the same demo data as without configuration");
        Assert.That((string?)result.Json["target"], Is.EqualTo("Migration:Target (Cmfbl company 361, embedded sandbox)"));
        Assert.That(result.Stderr, Does.Contain("Using the embedded sandbox for Migration:Source").And.Contain("settings were ignored (AppSecret)"));
        Assert.That(result.AllOutput, Does.Not.Contain("meant-for-a-real-endpoint"));
    }

    [Test]
    public async Task Help_lists_the_migration_commands()
    {
        var result = await Tool.RunAsync("--help");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout, Does.Contain("export").And.Contain("diff").And.Contain("migrate"));
    }

    [TestCase("--ignore", "Bogus", "--ignore: unknown field 'Bogus'. Fields: ")]
    [TestCase("--match", "Email,Nope", "--match: unknown key 'Nope'. Keys: ExternalId, Email, Phone, Number.")]
    [TestCase("--match", "Email,email", "--match names a key twice.")]
    [TestCase("--format", "pdf", "pdf")]
    [TestCase("--rows", "-1", "--rows must not be negative.")]
    public async Task Bad_options_are_usage_errors(string option, string value, string message)
    {
        var result = await Tool.RunAsync("diff", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain(message));
    }

    [Test]
    public async Task Sides_that_are_neither_files_nor_sections_and_missing_files_are_usage_errors()
    {
        using var directory = new TempDirectory();
        await DiffFiles.WriteAsync(directory.Path);

        var missing = await directory.RunAsync("diff", "--source", "missing.jsonl", "--target", DiffFiles.Target);
        var unknown = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", "Nowhere:Section");
        var oneSide = await directory.RunAsync("diff", "--source", DiffFiles.Source);
        var mappingOnFile = await directory.RunAsync("diff", "--source", DiffFiles.Source, "--target", DiffFiles.Target, "--target-mapping", "journal.jsonl");

        Assert.That((missing.ExitCode, unknown.ExitCode, oneSide.ExitCode, mappingOnFile.ExitCode), Is.EqualTo((2, 2, 2, 2)));
        Assert.That(missing.ErrorLine, Is.EqualTo("error: --source: the file 'missing.jsonl' does not exist."));
        Assert.That(unknown.ErrorLine, Does.StartWith("error: --target 'Nowhere:Section' is neither a customer file (.jsonl, .ndjson, .json, .csv) nor a configuration section."));
        Assert.That(oneSide.ErrorLine, Is.EqualTo("error: --target is required: no Migration:Target section is configured."));
        Assert.That(mappingOnFile.ErrorLine, Does.Contain("--target-mapping reads a registry through a migration journal, but --target is a file."));
    }

    [Test]
    public async Task A_malformed_customer_file_exits_5_naming_the_file_and_line()
    {
        using var directory = new TempDirectory();
        await DiffFiles.WriteAsync(directory.Path);
        await File.WriteAllTextAsync(directory.PathOf("broken.jsonl"), "{\"provider\":\"Cmfbl\",\"id\":\"1\"}\n{ not json\n");

        var result = await directory.RunAsync("diff", "--source", "broken.jsonl", "--target", DiffFiles.Target);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString);
        Assert.That(result.ErrorLine, Does.Match(new Regex(@"^error: InvalidInput: .*broken\.jsonl: Line 2: ")));
    }
}
