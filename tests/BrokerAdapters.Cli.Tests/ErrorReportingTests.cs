using BrokerAdapters.Cli.Output;

namespace BrokerAdapters.Cli.Tests;

public sealed class ErrorReportingTests
{
    [TestCase(UserRegistryErrorKind.NotFound, 4)]
    [TestCase(UserRegistryErrorKind.InvalidInput, 5)]
    [TestCase(UserRegistryErrorKind.AlreadyExists, 6)]
    [TestCase(UserRegistryErrorKind.InvalidCredentials, 7)]
    [TestCase(UserRegistryErrorKind.AccountLocked, 7)]
    [TestCase(UserRegistryErrorKind.AccountDisabled, 7)]
    [TestCase(UserRegistryErrorKind.NotSupported, 8)]
    [TestCase(UserRegistryErrorKind.Unavailable, 9)]
    [TestCase(UserRegistryErrorKind.Timeout, 9)]
    [TestCase(UserRegistryErrorKind.RateLimited, 9)]
    [TestCase(UserRegistryErrorKind.ProtocolError, 10)]
    [TestCase(UserRegistryErrorKind.Unauthorized, 10)]
    [TestCase(UserRegistryErrorKind.Forbidden, 10)]
    [TestCase(UserRegistryErrorKind.OutcomeUnknown, 10)]
    [TestCase(UserRegistryErrorKind.Unknown, 10)]
    public void Every_error_kind_has_its_documented_exit_code(UserRegistryErrorKind kind, int exitCode) =>
        Assert.That(ExitCodes.For(kind), Is.EqualTo(exitCode));

    [Test]
    public void The_error_line_names_kind_provider_code_and_trace_then_the_provider_message()
    {
        var error = new UserRegistryException(UserRegistryErrorKind.AlreadyExists, "Cmfbl customer.admin…: refused")
        {
            Provider = "Cmfbl",
            ProviderCode = "USCUSTOMER_API_0000106",
            ProviderMessage = "Mobile number already exist",
            TraceId = "t-1",
        };

        Assert.That(ErrorReporter.Describe(error), Is.EqualTo("AlreadyExists (Cmfbl USCUSTOMER_API_0000106, trace t-1): Mobile number already exist"));
    }

    [Test]
    public void A_rate_limit_says_when_to_retry()
    {
        var error = new UserRegistryException(UserRegistryErrorKind.RateLimited, "McCrm user/signup: the provider answered HTTP 429.")
        {
            Provider = "McCrm",
            RetryAfter = TimeSpan.FromSeconds(2.5),
        };

        Assert.That(ErrorReporter.Describe(error), Is.EqualTo("RateLimited (McCrm, retry after 3s): McCrm user/signup: the provider answered HTTP 429."));
    }

    [Test]
    public async Task A_rate_limited_provider_exits_9()
    {
        // Fault injection on a sandbox of the test's own, so that no other test sees the fault.
        await using var sandbox = await Sandbox.SandboxServer.StartAsync(new Sandbox.SandboxOptions { SeedCustomers = 1 });
        sandbox.Cmfbl.Faults.FailNextWithCode(5, "GGATEWAY_CODE_018", "Too frequent", operation: "customer.app.CustomerWebApiService.checkCustomerExist");
        var config = ConfiguredSandbox.WriteConfigFile(sandbox.ToConfiguration("Cmfbl"));

        var result = await Support.Tool.RunAsync("exists", "--email", "a@example.com", "--config", config);

        Assert.That(result.ExitCode, Is.EqualTo(9), result.ToString);
        Assert.That(result.ErrorLine, Does.StartWith("error: RateLimited (Cmfbl GGATEWAY_CODE_018, trace "));
    }

    [Test]
    public void The_redactor_masks_registered_secrets_but_not_short_words()
    {
        var redactor = new SecretRedactor();
        redactor.Add("s3cr3t-token-value");
        redactor.Add("wrong");

        Assert.That(redactor.Redact("token s3cr3t-token-value refused: password wrong"), Is.EqualTo("token *** refused: password wrong"));
    }

    [Test]
    public void The_redactor_masks_a_short_password_as_a_whole_word_and_a_long_one_anywhere()
    {
        var redactor = new SecretRedactor();
        redactor.AddPassword("a123456");
        redactor.AddPassword("Long-passw0rd");

        Assert.That(
            redactor.Redact("'a123456' password=a123456&x a123456. xa1234567 Long-passw0rd xLong-passw0rdx"),
            Is.EqualTo("'***' password=***&x ***. xa1234567 *** x***x"));
    }

    [Test]
    public void A_password_that_is_an_ordinary_word_is_masked_where_it_stands_alone()
    {
        // Unlike a configured secret ("wrong" is left alone by Add): a password the user gave must never show.
        var redactor = new SecretRedactor();
        redactor.AddPassword("wrong");

        Assert.That(redactor.Redact("Account number or password wrong; wrongly"), Is.EqualTo("Account number or password ***; wrongly"));
    }

    [Test]
    public void A_failing_setting_that_quotes_a_url_is_printed_without_its_user_information()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var io = new CliIo(TextReader.Null, stdout, stderr, false, false, new Configuration.CliEnvironment(new Dictionary<string, string?>()), ".");
        var output = new CliOutput(io, json: false, color: false, new SecretRedactor());
        var invalid = new Microsoft.Extensions.Options.OptionsValidationException(
            "UserRegistry",
            typeof(object),
            ["UserRegistry:Cmfbl:BaseUrl must be an absolute http or https URL (was 'ftp://bob:hunter2@example.com/')."]);

        var exitCode = ErrorReporter.Report(output, invalid, verbose: true, "brokeradapters list", CancellationToken.None);

        Assert.That(exitCode, Is.EqualTo(3));
        Assert.That(stderr.ToString(), Does.Contain("  UserRegistry:Cmfbl:BaseUrl must be an absolute http or https URL (was 'ftp://***@example.com/')."));
        Assert.That(stderr.ToString(), Does.Not.Contain("hunter2").And.Not.Contain("bob:"));
    }

    [Test]
    public void The_redactor_masks_the_user_information_of_every_url()
    {
        var redactor = new SecretRedactor();

        Assert.That(
            redactor.Redact("was 'https://bob:hunter2@example.com/a@b?c=d@e', then http://x:p@ss@host:80 and https://example.com/a@b, mail a@b.c"),
            Is.EqualTo("was 'https://***@example.com/a@b?c=d@e', then http://***@host:80 and https://example.com/a@b, mail a@b.c"));
    }

    [TestCase("https://bob:hunter2@example.com/a@b", "bob:hunter2")]
    [TestCase("https://bob:hunter2/x@example.com", "bob:hunter2/x")]
    [TestCase("bob:hunter2@example.com", "bob:hunter2")]
    [TestCase("https://example.com/a@b", null)]
    [TestCase("https://example.com", null)]
    public void The_user_information_of_a_url_setting_is_found_even_in_an_invalid_url(string value, string? userInfo) =>
        Assert.That(SecretRedactor.UserInfo(value), Is.EqualTo(userInfo));
}
