using BrokerAdapters.Cli.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests;

public sealed class ProvidersCommandTests
{
    [Test]
    public async Task Providers_json_describes_both_providers_with_their_exact_capabilities_and_lookups()
    {
        var result = await Tool.RunAsync("providers", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var expected = JToken.Parse("""
            [
              {
                "name": "Cmfbl",
                "selected": true,
                "endpoint": "sandbox",
                "capabilities": ["Register", "Exists", "Find", "List", "Authenticate"],
                "existsLookups": ["Number", "Email", "Phone"],
                "findLookups": ["Number"],
                "authenticateLookups": ["Number", "Email", "Phone"]
              },
              {
                "name": "McCrm",
                "selected": false,
                "endpoint": "sandbox",
                "capabilities": ["Register", "Find"],
                "existsLookups": [],
                "findLookups": ["Id"],
                "authenticateLookups": []
              }
            ]
            """);
        Assert.That(JToken.DeepEquals(result.Json, expected), Is.True, result.Stdout);
    }

    [Test]
    public async Task Providers_describes_both_whatever_the_configuration_selects()
    {
        var result = await Tool.RunAsync(["providers", "--json"], new Dictionary<string, string?> { ["BROKERADAPTERS__UserRegistry__Provider"] = "McCrm" });

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var providers = (JArray)result.Json;
        Assert.That(providers.Select(p => (string?)p["name"]), Is.EqualTo(new[] { "Cmfbl", "McCrm" }));
        Assert.That(providers.Select(p => (bool)p["selected"]!), Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public async Task Providers_reports_the_capabilities_of_the_configured_endpoint()
    {
        // A configured CMFBL without ClientBaseUrl offers no login: the descriptor, not a fixed list, says so.
        var settings = ConfiguredSandbox.Settings("Cmfbl");
        settings.Remove("UserRegistry:Cmfbl:ClientBaseUrl");
        var config = ConfiguredSandbox.WriteConfigFile(settings);

        var result = await Tool.RunAsync("providers", "--json", "--config", config);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var cmfbl = result.Json[0]!;
        Assert.That((string?)cmfbl["endpoint"], Is.EqualTo("configured"));
        Assert.That(cmfbl["capabilities"]!.Select(c => (string?)c), Is.EqualTo(new[] { "Register", "Exists", "Find", "List" }));
        Assert.That(cmfbl["authenticateLookups"], Is.Empty);
        Assert.That((string?)result.Json[1]!["endpoint"], Is.EqualTo("configured"), "the file configures MC-CRM too");
    }

    [Test]
    public async Task Providers_table_names_both_and_marks_the_selected_one()
    {
        var result = await Tool.RunAsync("providers", "--provider", "McCrm");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout, Does.Contain("Cmfbl").And.Contain("McCrm (selected)"));
        Assert.That(result.Stdout, Does.Contain("Register, Exists, Find, List, Authenticate"));
        Assert.That(result.Stdout, Does.Contain("embedded sandbox"));
    }
}
