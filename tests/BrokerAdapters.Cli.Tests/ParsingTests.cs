using BrokerAdapters.Cli.Tests.Support;

namespace BrokerAdapters.Cli.Tests;

public sealed class ParsingTests
{
    [Test]
    public async Task Unknown_option_exits_2_with_the_error_and_the_command_usage_on_stderr()
    {
        var result = await Tool.RunAsync("providers", "--bogus");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("'--bogus'"));
        Assert.That(result.Stderr, Does.Contain("Usage:").And.Contain("brokeradapters providers"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task No_command_exits_2_and_lists_the_commands()
    {
        var result = await Tool.RunAsync();

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("register").And.Contain("demo").And.Contain("sandbox"));
    }

    [TestCase("get")]
    [TestCase("exists")]
    [TestCase("login")]
    public async Task A_lookup_command_without_a_lookup_exits_2_naming_the_options(string command)
    {
        var result = await Tool.RunAsync(command);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--email").And.Contain("--number"));
    }

    [Test]
    public async Task Two_lookups_at_once_exit_2()
    {
        var result = await Tool.RunAsync("get", "--number", "1", "--email", "a@example.com");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("Give only one of"));
    }

    [Test]
    public async Task Login_does_not_accept_the_provider_key()
    {
        var result = await Tool.RunAsync("login", "--id", "1001", "--password", "whatever-it-is");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--id"));
    }

    [Test]
    public async Task An_unknown_provider_option_value_exits_2_and_names_the_known_ones()
    {
        var result = await Tool.RunAsync("--provider", "Nope", "providers");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("Cmfbl").And.Contain("McCrm"));
    }

    [Test]
    public async Task A_phone_without_country_code_exits_2_with_an_example()
    {
        var result = await Tool.RunAsync("exists", "--phone", "98763237");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("+852 98763237"));
    }

    [TestCase("--page-size", "0")]
    [TestCase("--limit", "-3")]
    public async Task List_refuses_non_positive_numbers(string option, string value)
    {
        var result = await Tool.RunAsync("list", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain(option + " must be a positive number"));
    }

    [TestCase("list", "--page-size", "x")]
    [TestCase("list", "--limit", "ten")]
    [TestCase("sandbox", "--port", "x")]
    [TestCase("sandbox", "--seed-customers", "many")]
    public async Task A_number_option_that_is_not_a_number_exits_2_without_a_crash(string command, string option, string value)
    {
        var result = await Tool.RunAsync(command, option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain($"Cannot parse argument '{value}' for option '{option}'").And.Not.Contain("   at "));
    }

    [TestCase("--port", "70000", "--port must be between 0 and 65535.")]
    [TestCase("--seed-customers", "-1", "--seed-customers must not be negative.")]
    public async Task Sandbox_refuses_out_of_range_numbers(string option, string value, string error)
    {
        var result = await Tool.RunAsync("sandbox", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain(error));
    }

    [Test]
    public async Task Both_password_options_at_once_exit_2()
    {
        var result = await Tool.RunAsync("login", "--email", "a@example.com", "--password-stdin", "--password", "whatever-it-is");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("not both"));
    }

    [Test]
    public async Task Password_stdin_with_empty_input_exits_2_after_parsing()
    {
        var result = await Tool.RunAsync(["login", "--email", "a@example.com", "--password-stdin"], environment: null, stdin: string.Empty);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.ErrorLine, Does.Contain("standard input is empty"));
    }

    [Test]
    public async Task Help_exits_0_on_stdout_and_documents_the_unsafe_password_option()
    {
        var result = await Tool.RunAsync("register", "--help");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout, Does.Contain("--password-stdin").And.Contain("UNSAFE").And.Contain("BROKERADAPTERS_PASSWORD"));
    }

    [Test]
    public async Task Global_options_are_accepted_after_the_command_name()
    {
        var result = await Tool.RunAsync("providers", "--json", "--no-color");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Json, Is.InstanceOf<Newtonsoft.Json.Linq.JArray>());
    }
}
