using BrokerAdapters.Cli.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests;

public sealed class ConfigurationTests
{
    [Test]
    public async Task An_unknown_provider_in_the_config_file_exits_3_naming_the_setting()
    {
        var config = ConfiguredSandbox.WriteJson(JObject.Parse("""{ "UserRegistry": { "Provider": "Nope" } }"""));

        var result = await Tool.RunAsync("exists", "--email", "a@example.com", "--config", config);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString);
        Assert.That(result.ErrorLine, Is.EqualTo("error: InvalidConfiguration: 1 setting is invalid"));
        Assert.That(result.ErrorLines, Has.Some.Contains("UserRegistry:Provider 'Nope' is not a known provider"));
        Assert.That(result.Stderr, Does.Not.Contain("embedded sandbox"));
    }

    [Test]
    public async Task A_bad_base_url_exits_3_and_prints_each_failing_setting()
    {
        var config = ConfiguredSandbox.WriteJson(JObject.Parse("""{ "UserRegistry": { "Cmfbl": { "BaseUrl": "not a url", "PageSize": 0 } } }"""));

        var result = await Tool.RunAsync("list", "--config", config);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString);
        Assert.That(result.ErrorLines, Has.Some.StartsWith("UserRegistry:Cmfbl:BaseUrl"));
        Assert.That(result.ErrorLines, Has.Some.StartsWith("UserRegistry:Cmfbl:AppId"));
        Assert.That(result.ErrorLines, Has.Some.StartsWith("UserRegistry:Cmfbl:PageSize"));
        Assert.That(result.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task A_missing_config_file_exits_3()
    {
        var result = await Tool.RunAsync("providers", "--config", Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json"));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString);
        Assert.That(result.ErrorLine, Does.StartWith("error: InvalidConfiguration: The configuration file").And.EndsWith("does not exist."));
    }

    [Test]
    public async Task A_malformed_config_file_exits_3_naming_the_file()
    {
        var config = ConfiguredSandbox.WriteText("""{ "UserRegistry": { "Provider": """);

        var result = await Tool.RunAsync("providers", "--config", config);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString);
        Assert.That(result.ErrorLine, Does.StartWith("error: InvalidConfiguration:").And.Contain(Path.GetFileName(config)));
    }

    [Test]
    public async Task The_provider_option_overrides_the_config_file()
    {
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("Cmfbl"));

        var result = await Tool.RunAsync(
            [.. TestData.RegisterArgs(out _, out _), "--json", "--config", config, "--provider", "McCrm"], environment: null, stdin: TestData.Password);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That((string?)result.Json["provider"], Is.EqualTo("McCrm"));
        Assert.That(result.Stderr, Does.Not.Contain("embedded sandbox"), "the file configures MC-CRM too");
    }

    [Test]
    public async Task Environment_variables_configure_the_registry()
    {
        var environment = ConfiguredSandbox.Environment(ConfiguredSandbox.Settings("McCrm"));

        var result = await Tool.RunAsync([.. TestData.RegisterArgs(out var email, out _), "--json"], environment, stdin: TestData.Password);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That((string?)result.Json["provider"], Is.EqualTo("McCrm"));
        Assert.That(ConfiguredSandbox.Server.McCrm.Users.Select(u => u.Email), Has.Member(email), "the configured sandbox got the customer");
        Assert.That(result.Stderr, Does.Not.Contain("embedded sandbox"));
    }

    [Test]
    public async Task The_config_file_wins_over_environment_variables()
    {
        var environment = new Dictionary<string, string?> { ["BROKERADAPTERS__UserRegistry__Provider"] = "McCrm" };
        var config = ConfiguredSandbox.WriteJson(JObject.Parse("""{ "UserRegistry": { "Provider": "Cmfbl" } }"""));

        var result = await Tool.RunAsync(["providers", "--json", "--config", config], environment);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Json.Single(p => (bool)p["selected"]!)["name"]!.ToString(), Is.EqualTo("Cmfbl"));
    }

    [Test]
    public async Task Environment_variables_win_over_appsettings_json_in_the_current_directory()
    {
        var directory = Directory.CreateTempSubdirectory("brokeradapters-cli-appsettings-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "appsettings.json"), """{ "UserRegistry": { "Provider": "McCrm" } }""");

            var fromFile = await Tool.RunAsync(["providers", "--json"], environment: null, currentDirectory: directory);
            var fromEnvironment = await Tool.RunAsync(
                ["providers", "--json"], new Dictionary<string, string?> { ["BROKERADAPTERS__UserRegistry__Provider"] = "Cmfbl" }, currentDirectory: directory);

            Assert.That(fromFile.Json.Single(p => (bool)p["selected"]!)["name"]!.ToString(), Is.EqualTo("McCrm"), fromFile.ToString);
            Assert.That(fromEnvironment.Json.Single(p => (bool)p["selected"]!)["name"]!.ToString(), Is.EqualTo("Cmfbl"), fromEnvironment.ToString);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task The_user_settings_of_an_embedded_provider_still_apply()
    {
        // No BaseUrl: the sandbox serves CMFBL, but the user's PageSize is used over it (and validated).
        var environment = new Dictionary<string, string?> { ["BROKERADAPTERS__UserRegistry__Cmfbl__PageSize"] = "5000" };

        var result = await Tool.RunAsync(["list"], environment);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString);
        Assert.That(result.ErrorLines, Has.Some.StartsWith("UserRegistry:Cmfbl:PageSize must be between 1 and 2000"));
    }

    [Test]
    public async Task An_unreachable_provider_exits_9_as_retryable()
    {
        var settings = ConfiguredSandbox.Settings("Cmfbl");
        settings["UserRegistry:Cmfbl:BaseUrl"] = "http://127.0.0.1:1";

        var result = await Tool.RunAsync("exists", "--email", "a@example.com", "--config", ConfiguredSandbox.WriteConfigFile(settings));

        Assert.That(result.ExitCode, Is.EqualTo(9), result.ToString);
        Assert.That(result.ErrorLine, Does.StartWith("error: Unavailable (Cmfbl"));
    }
}
