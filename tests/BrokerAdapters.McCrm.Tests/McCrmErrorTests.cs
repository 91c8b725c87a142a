using System.Net;
using System.Net.Http.Headers;
using BrokerAdapters.McCrm.Tests.TestSupport;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmErrorTests
{
    // Each code of McCrmErrorTable with a message that names nothing the fragments know.
    private static readonly object[] CodeCases =
    [
        new object[] { "303", "parameter error", UserRegistryErrorKind.InvalidInput },
        new object[] { "500", "server error", UserRegistryErrorKind.OutcomeUnknown },
        new object[] { "401", "unauthorized", UserRegistryErrorKind.Unauthorized },
        new object[] { "403", "forbidden", UserRegistryErrorKind.Forbidden },
        new object[] { "429", "slow down", UserRegistryErrorKind.RateLimited },
    ];

    // Each message fragment of McCrmErrorTable, under a code that would say otherwise.
    private static readonly object[] MessageCases =
    [
        new object[] { "500", "Phone number already exists", UserRegistryErrorKind.AlreadyExists },
        new object[] { "303", "This email is already registered", UserRegistryErrorKind.AlreadyExists },
        new object[] { "303", "The phone number has already been registered", UserRegistryErrorKind.AlreadyExists },
        new object[] { "303", "userId already in use", UserRegistryErrorKind.AlreadyExists },
        new object[] { "500", "手机号已存在", UserRegistryErrorKind.AlreadyExists },
        new object[] { "500", "该邮箱已注册", UserRegistryErrorKind.AlreadyExists },
        new object[] { "500", "该手机号已被注册", UserRegistryErrorKind.AlreadyExists },
        new object[] { "303", "User does not exist", UserRegistryErrorKind.NotFound },
        new object[] { "500", "user not found", UserRegistryErrorKind.NotFound },
        new object[] { "303", "the user not exist", UserRegistryErrorKind.NotFound },
        new object[] { "303", "uid not found", UserRegistryErrorKind.NotFound },
        new object[] { "500", "用户不存在", UserRegistryErrorKind.NotFound },
        new object[] { "500", "Too many requests", UserRegistryErrorKind.RateLimited },
        new object[] { "303", "Requests too frequent, try later", UserRegistryErrorKind.RateLimited },
        new object[] { "500", "请求过于频繁", UserRegistryErrorKind.RateLimited },
    ];

    [TestCaseSource(nameof(CodeCases))]
    [TestCaseSource(nameof(MessageCases))]
    public async Task Register_error_answers_map_to_their_kind(string code, string message, UserRegistryErrorKind expected)
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup($$"""{"code":"{{code}}","msg":"{{message}}","data":null,"success":false}""");

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Kind, Is.EqualTo(expected));
            Assert.That(error.Provider, Is.EqualTo("McCrm"));
            Assert.That(error.ProviderCode, Is.EqualTo(code));
            Assert.That(error.ProviderMessage, Is.EqualTo(message));
            Assert.That(error.HttpStatus, Is.EqualTo(200));
        }
    }

    [Test]
    public void Every_error_table_entry_has_a_test_case()
    {
        var codes = CodeCases.Cast<object[]>().Select(c => (string)c[0]).ToHashSet();
        var messages = MessageCases.Cast<object[]>().Select(c => (string)c[1]).ToArray();

        Assert.That(McCrmErrorTable.Codes.Keys, Is.SubsetOf(codes));
        foreach (var (fragment, _) in McCrmErrorTable.Fragments)
        {
            Assert.That(messages.Any(m => m.Contains(fragment, StringComparison.OrdinalIgnoreCase)), Is.True, $"no test case for '{fragment}'");
        }
    }

    [Test]
    public async Task Find_reports_the_documented_parameter_error_with_a_numeric_code()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(Fixtures.Read("error.parameter.json"));

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("x")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(error.ProviderCode, Is.EqualTo("303"));
        Assert.That(error.ProviderMessage, Is.EqualTo("phoneNumber must not be blank"));
    }

    [Test]
    public async Task Find_reports_the_documented_server_error_as_unavailable_and_retryable()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(Fixtures.Read("error.server.json"));

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("x")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(error.IsRetryable, Is.True);
    }

    [Test]
    public async Task Register_reports_an_existing_phone_as_already_exists()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("error.already-exists.json"));

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.PhoneOnly()));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.AlreadyExists));
        Assert.That(error.IsRetryable, Is.False);
    }

    [Test]
    public async Task Unknown_code_is_unknown_and_keeps_code_message_and_status()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("error.unknown-code.json"));

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.Unknown));
            Assert.That(error.ProviderCode, Is.EqualTo("10086"));
            Assert.That(error.ProviderMessage, Is.EqualTo("Channel is closed for this merchant"));
            Assert.That(error.HttpStatus, Is.EqualTo(200));
            Assert.That(error.Message, Does.Contain("10086"));
        }
    }

    [Test]
    public async Task Success_false_overrides_a_success_code()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid("""{"code":"0","msg":"failed","data":null,"success":false}""");

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("x")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.Unknown));
        Assert.That(error.ProviderCode, Is.EqualTo("0"));
    }

    [Test]
    public async Task Http_429_is_rate_limited_with_the_delay_from_retry_after()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(
            """{"code":429,"msg":"Too Many Requests"}""",
            HttpStatusCode.TooManyRequests,
            configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full()));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(error.HttpStatus, Is.EqualTo(429));
    }

    [Test]
    public async Task Http_429_with_an_http_date_and_no_json_is_rate_limited_until_that_date()
    {
        using var host = McCrmTestHost.Create();
        var until = host.Time.GetUtcNow().AddSeconds(90);
        host.AnswerQueryUid(
            "<html>slow down</html>",
            HttpStatusCode.TooManyRequests,
            "text/html",
            r => r.Headers.RetryAfter = new RetryConditionHeaderValue(until));

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("x")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [TestCase("<html><body>502 Bad Gateway</body></html>", "text/html")]
    [TestCase("""{"code":500,"msg":"internal error"}""", "application/json")]
    public async Task Http_500_on_find_is_unavailable(string body, string mediaType)
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(body, HttpStatusCode.InternalServerError, mediaType);

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("x")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(error.HttpStatus, Is.EqualTo(500));
    }

    [Test]
    public async Task Http_500_on_register_is_outcome_unknown_because_the_user_may_exist()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup("""{"code":500,"msg":"internal error"}""", HttpStatusCode.InternalServerError);

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full()));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(error.ProviderCode, Is.EqualTo("500"), "the provider's code is kept even when the status decides");
    }

    [Test]
    public async Task Http_400_with_a_parameter_error_code_is_invalid_input()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("error.parameter.json"), HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full()));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(error.HttpStatus, Is.EqualTo(400));
    }

    [Test]
    public async Task Http_401_is_unauthorized_whatever_the_body_says()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid("""{"code":"0","msg":"ok","data":null}""", HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("x")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.Unauthorized));
    }

    [Test]
    public async Task Connection_failure_on_find_is_unavailable()
    {
        using var host = McCrmTestHost.Create();
        host.Http.When(HttpMethod.Post, McCrmTestHost.QueryUidUrl)
            .Throw(new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"));

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("x")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
    }

    [Test]
    public async Task Timeout_on_register_is_outcome_unknown()
    {
        using var host = McCrmTestHost.Create();
        host.Http.When(HttpMethod.Post, McCrmTestHost.SignupUrl).Throw(new TaskCanceledException("HttpClient.Timeout elapsed"));

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full()));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
    }
}
