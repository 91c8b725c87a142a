using BrokerAdapters.Cli.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests;

public sealed class SandboxCommandTests
{
    [Test]
    public async Task Sandbox_prints_what_a_client_needs_serves_it_and_stops_when_cancelled()
    {
        using var stdout = new LockedStringWriter();
        using var stderr = new LockedStringWriter();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = CliApp.RunAsync(["sandbox", "--json", "--seed-customers", "4"], TextReader.Null, stdout, stderr, new Dictionary<string, string?>(), cancellation.Token);

        var document = await WaitForDocumentAsync(stdout, running);
        Assert.That((string?)document["baseUrl"], Does.StartWith("http://127.0.0.1:"));
        Assert.That((string?)document["mcCrm"]!["token"], Is.Not.Null.And.Not.Empty);
        Assert.That((string?)document["mcCrm"]!["publicKeyPem"], Does.StartWith("-----BEGIN PUBLIC KEY-----"));
        Assert.That(document["cmfbl"]!["companies"]!.Select(c => (string?)c["appSecret"]), Has.All.Not.Null.And.All.Not.Empty);

        // The printed settings are ready to use: another run of the CLI works against the running sandbox with them.
        var config = ConfiguredSandbox.WriteJson(document["appSettings"]!);
        var listed = await Tool.RunAsync("list", "--json", "--config", config);
        Assert.That(listed.ExitCode, Is.EqualTo(0), listed.ToString);
        Assert.That(listed.JsonLines, Has.Count.EqualTo(4));
        Assert.That(listed.Stderr, Does.Not.Contain("embedded sandbox"));

        await cancellation.CancelAsync();
        Assert.That(await running, Is.EqualTo(0), stderr.ToString);
        Assert.That(stderr.ToString(), Does.Contain("Sandbox stopped."));
    }

    [Test]
    public async Task Sandbox_in_human_mode_prints_urls_credentials_and_an_appsettings_snippet()
    {
        using var stdout = new LockedStringWriter();
        using var stderr = new LockedStringWriter();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = CliApp.RunAsync(["sandbox"], TextReader.Null, stdout, stderr, new Dictionary<string, string?>(), cancellation.Token);

        var text = await WaitForTextAsync(stdout, running, "\"UserRegistry\"");
        await cancellation.CancelAsync();

        Assert.That(await running, Is.EqualTo(0), stderr.ToString);
        Assert.That(text, Does.Contain("listening at http://127.0.0.1:").And.Contain("/mc-crm/"));
        Assert.That(text, Does.Contain("App secret").And.Contain("-----BEGIN PUBLIC KEY-----").And.Contain("Token"));
        var snippet = JObject.Parse(text[text.LastIndexOf("{\n  \"UserRegistry\"", StringComparison.Ordinal)..].ReplaceLineEndings("\n"));
        Assert.That((string?)snippet["UserRegistry"]!["Provider"], Is.EqualTo("Cmfbl"));
        Assert.That((string?)snippet["UserRegistry"]!["McCrm"]!["BaseUrl"], Does.EndWith("/mc-crm/"));
    }

    [Test]
    public async Task Sandbox_with_the_migration_demo_serves_the_data_and_sections_of_the_migration_walkthrough()
    {
        using var stdout = new LockedStringWriter();
        using var stderr = new LockedStringWriter();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = CliApp.RunAsync(["sandbox", "--json", "--migration-demo"], TextReader.Null, stdout, stderr, new Dictionary<string, string?>(), cancellation.Token);

        var document = await WaitForDocumentAsync(stdout, running);
        Assert.That(document["cmfbl"]!["companies"]!.Select(c => (int)c["customers"]!), Is.EqualTo(new[] { 50, 53 }));
        Assert.That((int?)document["mcCrm"]!["customers"], Is.EqualTo(5));
        var migration = document["appSettings"]!["Migration"]!;
        Assert.That(
            new[] { "Source", "Target", "Company361" }.Select(s => ((string?)migration[s]!["Provider"], (string?)migration[s]!["Cmfbl"]?["CompanyId"])),
            Is.EqualTo(new[] { ("Cmfbl", "360"), ("McCrm", null), ("Cmfbl", "361") }));

        var config = ConfiguredSandbox.WriteJson(document["appSettings"]!);
        var diff = await Tool.RunAsync("diff", "--config", config, "--source", "Migration:Source", "--target", "Migration:Company361", "--json");
        var plan = await Tool.RunAsync("migrate", "--config", config, "--json");
        Assert.That((diff.ExitCode, plan.ExitCode), Is.EqualTo((0, 0)), diff.ToString() + plan);
        Assert.That((long?)diff.Json["summary"]!["changed"], Is.EqualTo(3));
        Assert.That(plan.JsonLines, Has.Count.EqualTo(50));
        Assert.That(diff.Stderr + plan.Stderr, Does.Not.Contain("embedded sandbox"));

        await cancellation.CancelAsync();
        Assert.That(await running, Is.EqualTo(0), stderr.ToString);
    }

    [Test]
    public async Task Sandbox_migration_demo_and_seed_customers_exclude_each_other()
    {
        var result = await Tool.RunAsync("sandbox", "--migration-demo", "--seed-customers", "3");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("Give either --migration-demo or --seed-customers"));
    }

    private static async Task<JObject> WaitForDocumentAsync(LockedStringWriter stdout, Task<int> running)
    {
        var text = await WaitForTextAsync(stdout, running, "\"appSettings\"");
        // The document is complete once its closing brace is written.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                return JObject.Parse(stdout.ToString());
            }
            catch (Newtonsoft.Json.JsonReaderException)
            {
                await Task.Delay(50);
            }
        }

        return JObject.Parse(text);
    }

    private static async Task<string> WaitForTextAsync(LockedStringWriter stdout, Task<int> running, string marker)
    {
        for (var i = 0; i < 200; i++)
        {
            var text = stdout.ToString();
            if (text.Contains(marker, StringComparison.Ordinal) && text.TrimEnd().EndsWith('}'))
            {
                return text;
            }

            if (running.IsCompleted)
            {
                Assert.Fail($"The sandbox ended with exit code {await running} before printing its settings.");
            }

            await Task.Delay(50);
        }

        Assert.Fail("The sandbox did not print its settings in 10 seconds.");
        return string.Empty;
    }
}
