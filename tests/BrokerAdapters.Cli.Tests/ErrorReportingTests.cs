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
}
