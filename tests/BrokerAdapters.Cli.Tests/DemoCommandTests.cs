using BrokerAdapters.Cli.Tests.Support;
using BrokerAdapters.Sandbox;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests;

public sealed class DemoCommandTests
{
    [Test]
    public async Task Demo_exits_0_and_shows_both_providers_at_work_with_a_refused_duplicate()
    {
        var result = await Tool.RunAsync("demo");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout, Does.Contain("Cmfbl").And.Contain("McCrm"));
        Assert.That(result.Stdout, Does.Contain("refused").And.Contain("AlreadyExists (Cmfbl USCUSTOMER_API_0000106"));
        Assert.That(result.Stdout, Does.Contain("McCrm does not offer listing"));
        Assert.That(result.Stdout, Does.Contain("Everything behaved as expected"));
        Assert.That(result.Stderr, Does.Not.Contain("error:"));
    }

    [Test]
    public async Task Demo_json_reports_each_step_per_provider()
    {
        var result = await Tool.RunAsync("demo", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var cmfbl = result.Json[0]!;
        var mcCrm = result.Json[1]!;
        Assert.That((string?)cmfbl["provider"], Is.EqualTo("Cmfbl"));
        Assert.That(((JArray)cmfbl["registered"]!).Count, Is.EqualTo(3));
        Assert.That((string?)cmfbl["duplicateRefusedWith"], Is.EqualTo("AlreadyExists USCUSTOMER_API_0000106"));
        Assert.That((bool?)cmfbl["exists"], Is.True);
        Assert.That((bool?)cmfbl["loggedIn"], Is.True);
        Assert.That((int?)cmfbl["listed"], Is.EqualTo(Configuration.EmbeddedSandbox.SeedCustomers + 3));
        Assert.That((string?)mcCrm["provider"], Is.EqualTo("McCrm"));
        Assert.That((string?)mcCrm["duplicateRefusedWith"], Does.StartWith("AlreadyExists"));
        Assert.That(mcCrm["exists"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That(mcCrm["listed"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That((string?)mcCrm["found"]!["id"], Is.EqualTo((string?)mcCrm["registered"]![1]!["id"]));
        Assert.That(result.Json.SelectMany(r => r["failures"]!), Is.Empty);
    }

    [Test]
    public async Task Demo_never_touches_a_configured_provider()
    {
        await using var configured = await SandboxServer.StartAsync();
        var config = ConfiguredSandbox.WriteConfigFile(configured.ToConfiguration("McCrm"));

        var result = await Tool.RunAsync("demo", "--json", "--config", config);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(configured.McCrm.Requests, Is.Empty);
        Assert.That(configured.Cmfbl.Requests, Is.Empty);
    }
}
