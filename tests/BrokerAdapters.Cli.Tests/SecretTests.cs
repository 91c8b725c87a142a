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
}
