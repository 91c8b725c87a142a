using BrokerAdapters.Cli.Tests.Support;

namespace BrokerAdapters.Cli.Tests;

public sealed class SecretTests
{
    [Test]
    public async Task The_configured_McCrm_token_never_appears_even_verbose_and_on_errors()
    {
        var settings = ConfiguredSandbox.Settings("McCrm");
        var token = settings["UserRegistry:McCrm:Token"]!;
        var config = ConfiguredSandbox.WriteConfigFile(settings);
        var args = TestData.RegisterArgs(out _, out _).Concat(["--config", config, "--verbose"]).ToArray();

        var created = await Tool.RunAsync(args, environment: null, stdin: TestData.Password);
        var duplicate = await Tool.RunAsync(args, environment: null, stdin: TestData.Password);
        var providers = await Tool.RunAsync("providers", "--json", "--verbose", "--config", config);

        Assert.That(created.ExitCode, Is.EqualTo(0), created.ToString);
        Assert.That(duplicate.ExitCode, Is.EqualTo(6), duplicate.ToString);
        Assert.That(created.Stderr, Does.Contain("dbug:"), "--verbose shows the library's debug logs");
        foreach (var run in new[] { created, duplicate, providers })
        {
            Assert.That(run.AllOutput, Does.Not.Contain(token));
            Assert.That(run.AllOutput, Does.Not.Contain(TestData.Password));
        }
    }

    [Test]
    public async Task A_refused_McCrm_token_exits_10_without_printing_it()
    {
        var settings = ConfiguredSandbox.Settings("McCrm");
        settings["UserRegistry:McCrm:Token"] = "wrong-token-0123456789abcdef";

        var result = await Tool.RunAsync(
            [.. TestData.RegisterArgs(out _, out _), "--verbose", "--config", ConfiguredSandbox.WriteConfigFile(settings)], environment: null, stdin: TestData.Password);

        Assert.That(result.ExitCode, Is.EqualTo(10), result.ToString);
        Assert.That(result.ErrorLine, Does.StartWith("error: Unauthorized (McCrm"));
        Assert.That(result.AllOutput, Does.Not.Contain("wrong-token-0123456789abcdef"));
    }

    [Test]
    public async Task The_configured_CMFBL_app_secret_and_a_given_password_never_appear()
    {
        var settings = ConfiguredSandbox.Settings("Cmfbl");
        var secret = settings["UserRegistry:Cmfbl:AppSecret"]!;
        var config = ConfiguredSandbox.WriteConfigFile(settings);
        const string password = "Visible-0n-the-command-line";

        var registered = await Tool.RunAsync([.. TestData.RegisterArgs(out var email, out _)[..^1], "--password", password, "--verbose", "--config", config]);
        var login = await Tool.RunAsync("login", "--email", email, "--password", password, "--verbose", "--config", config);
        var refused = await Tool.RunAsync("login", "--email", email, "--password", password + "-not", "--verbose", "--config", config);

        Assert.That((registered.ExitCode, login.ExitCode, refused.ExitCode), Is.EqualTo((0, 0, 7)), registered + login.ToString() + refused);
        foreach (var run in new[] { registered, login, refused })
        {
            Assert.That(run.AllOutput, Does.Not.Contain(secret));
            Assert.That(run.AllOutput, Does.Not.Contain(password));
        }

        Assert.That(refused.Stderr, Does.Contain("UserRegistryException"), "--verbose adds the stack trace");
    }

    [Test]
    public async Task Without_verbose_there_are_no_logs_and_no_stack_trace()
    {
        var result = await Tool.RunAsync("login", "--number", "86000001", "--password", "definitely-wrong");

        Assert.That(result.ExitCode, Is.EqualTo(7), result.ToString);
        Assert.That(result.Stderr, Does.Not.Contain("dbug:").And.Not.Contain("UserRegistryException").And.Not.Contain("   at "));
    }

    [Test]
    public async Task A_short_password_never_appears_in_register_login_or_errors()
    {
        const string password = "a123456";
        const string wrong = "b12345";
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("Cmfbl"));
        var fromEnvironment = new Dictionary<string, string?> { ["BROKERADAPTERS_PASSWORD"] = password };

        var registered = await Tool.RunAsync([.. TestData.RegisterArgs(out var email, out _)[..^1], "--password", password, "--verbose", "--config", config]);
        var fromStdin = await Tool.RunAsync(["login", "--email", email, "--password-stdin", "--verbose", "--config", config], environment: null, stdin: password);
        var fromVariable = await Tool.RunAsync(["login", "--email", email, "--json", "--verbose", "--config", config], fromEnvironment);
        var refused = await Tool.RunAsync("login", "--email", email, "--password", wrong, "--verbose", "--config", config);
        var invalid = await Tool.RunAsync(
            ["register", "--email", "not-an-email", "--phone", "+852 123", "--country", "XX", "--password-stdin", "--verbose", "--config", config],
            environment: null,
            stdin: password);

        Assert.That(
            (registered.ExitCode, fromStdin.ExitCode, fromVariable.ExitCode, refused.ExitCode, invalid.ExitCode),
            Is.EqualTo((0, 0, 0, 7, 5)),
            string.Concat(registered, fromStdin, fromVariable, refused, invalid));
        Assert.That(invalid.ErrorLine, Does.StartWith("error: InvalidInput"));
        foreach (var run in new[] { registered, fromStdin, fromVariable, refused, invalid })
        {
            Assert.That(run.AllOutput, Does.Not.Contain(password).And.Not.Contain(wrong), run.ToString);
        }
    }

    [TestCase("get", "--email", "a@example.com", "--password", "a123456")]
    [TestCase("exists", "--email", "a@example.com", "--password=a123456")]
    [TestCase("login", "--number", "86000001", "--password", "a123456", "a123456")]
    [TestCase("list", "--password:a123456")]
    public async Task A_usage_error_never_echoes_a_password_typed_on_the_command_line(params string[] args)
    {
        var result = await Tool.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("Unrecognized command or argument"));
        Assert.That(result.AllOutput, Does.Not.Contain("a123456"), result.ToString);
    }

    [Test]
    public async Task A_short_password_is_masked_even_where_the_provider_echoes_it_back()
    {
        // The provider returns the customer as stored; a field that happens to hold the password is masked too.
        const string password = "a123456";
        string[] args = ["register", "--phone", TestData.Phone(out _), "--country", "HK", "--external-id", password, "--password", password];

        var human = await Tool.RunAsync(args);
        var json = await Tool.RunAsync([.. args[..2], TestData.Phone(out _), .. args[3..], "--json"]);

        Assert.That((human.ExitCode, json.ExitCode), Is.EqualTo((0, 0)), human.ToString() + json);
        Assert.That(human.Stdout, Does.Contain("***").And.Not.Contain(password), human.ToString);
        Assert.That((string?)json.Json["externalId"], Is.EqualTo("***"), json.ToString);
    }
}
