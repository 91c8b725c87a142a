using System.Security.Cryptography;
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
    public async Task Cmfbl_credentials_without_a_BaseUrl_are_not_sent_to_the_embedded_sandbox()
    {
        // Real credentials, but no endpoint: the embedded sandbox serves CMFBL with its own company and credentials.
        const string appSecret = "real-app-secret-0123456789";
        var config = ConfiguredSandbox.WriteJson(JObject.Parse($$"""
            { "UserRegistry": { "Cmfbl": { "CompanyId": "999", "AppId": "real-app-id", "AppSecret": "{{appSecret}}" } } }
            """));

        var result = await Tool.RunAsync("exists", "--email", TestData.Email(), "--verbose", "--config", config);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("false"));
        Assert.That(
            result.ErrorLines,
            Has.Some.StartsWith("Using the embedded sandbox for Cmfbl")
                .And.EndsWith("The configured UserRegistry:Cmfbl settings were ignored (AppId, AppSecret, CompanyId): the sandbox uses its own."));
        Assert.That(result.AllOutput, Does.Not.Contain(appSecret).And.Not.Contain("real-app-id"));
    }

    [Test]
    public async Task McCrm_token_and_public_key_without_a_BaseUrl_are_not_sent_to_the_embedded_sandbox()
    {
        using var rsa = RSA.Create(2048);
        const string token = "real-merchant-token-0123456789";
        var environment = new Dictionary<string, string?>
        {
            ["BROKERADAPTERS__UserRegistry__Provider"] = "McCrm",
            ["BROKERADAPTERS__UserRegistry__McCrm__Token"] = token,
            ["BROKERADAPTERS__UserRegistry__McCrm__PublicKey"] = rsa.ExportSubjectPublicKeyInfoPem(),
        };

        var result = await Tool.RunAsync([.. TestData.RegisterArgs(out var email, out _), "--json"], environment, stdin: TestData.Password);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(((string?)result.Json["provider"], (string?)result.Json["email"]), Is.EqualTo(("McCrm", email)));
        Assert.That(
            result.ErrorLines,
            Has.Some.StartsWith("Using the embedded sandbox for McCrm")
                .And.EndsWith("The configured UserRegistry:McCrm settings were ignored (PublicKey, Token): the sandbox uses its own."));
        Assert.That(result.AllOutput, Does.Not.Contain(token));
    }

    [Test]
    public async Task Without_a_BaseUrl_none_of_the_provider_settings_apply_and_the_notice_says_so()
    {
        // The sandbox serves CMFBL with its own settings: the user's PageSize (invalid here) is ignored, not validated.
        var environment = new Dictionary<string, string?> { ["BROKERADAPTERS__UserRegistry__Cmfbl__PageSize"] = "5000" };

        var configured = await Tool.RunAsync(["list", "--json"], environment);
        var unconfigured = await Tool.RunAsync("list", "--json");

        Assert.That(configured.ExitCode, Is.EqualTo(0), configured.ToString);
        Assert.That(configured.JsonLines, Has.Count.EqualTo(Configuration.EmbeddedSandbox.SeedCustomers));
        Assert.That(configured.Stderr, Does.Contain("The configured UserRegistry:Cmfbl settings were ignored (PageSize)"));
        Assert.That(unconfigured.ExitCode, Is.EqualTo(0), unconfigured.ToString);
        Assert.That(unconfigured.Stderr, Does.Contain("Using the embedded sandbox for Cmfbl").And.Not.Contain("ignored"));
    }

    [Test]
    public async Task The_selected_provider_settings_still_apply_when_its_BaseUrl_is_configured()
    {
        var settings = ConfiguredSandbox.Settings("Cmfbl");
        settings["UserRegistry:Cmfbl:PageSize"] = "5000";

        var result = await Tool.RunAsync("list", "--config", ConfiguredSandbox.WriteConfigFile(settings));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString);
        Assert.That(result.ErrorLines, Has.Some.StartsWith("UserRegistry:Cmfbl:PageSize must be between 1 and 2000"));
    }

    [TestCase("Cmfbl", "BaseUrl", "ftp://bob:hunter2@example.com/")]
    [TestCase("Cmfbl", "ClientBaseUrl", "gopher://bob:hunter2@example.com")]
    [TestCase("McCrm", "BaseUrl", "https://bob:hunter2@gw.example.com/mc-crm/?tenant=1")]
    [TestCase("McCrm", "BaseUrl", "https://bob:hunter2/x@gw.example.com/mc-crm/")]
    public async Task An_invalid_url_setting_is_reported_without_its_user_information(string provider, string setting, string url)
    {
        var settings = ConfiguredSandbox.Settings(provider);
        settings[$"UserRegistry:{provider}:{setting}"] = url;

        var result = await Tool.RunAsync("providers", "--config", ConfiguredSandbox.WriteConfigFile(settings), "--provider", provider, "--verbose");

        // Whether the library's message quotes the value or not, the user information never shows.
        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString);
        Assert.That(result.ErrorLines, Has.Some.StartsWith($"UserRegistry:{provider}:{setting} "));
        Assert.That(result.AllOutput, Does.Not.Contain("hunter2").And.Not.Contain("bob:"), result.ToString);
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
