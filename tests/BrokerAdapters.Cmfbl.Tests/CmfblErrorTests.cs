using System.Net;
using System.Text;

namespace BrokerAdapters.Cmfbl.Tests;

public sealed class CmfblErrorTests
{
    // The codes of the provider's error page that the library meets, and what they must mean.
    private static readonly object[] DigestCodes =
    [
        new object[] { "G500", UserRegistryErrorKind.Unavailable },
        new object[] { "GGATEWAY_CODE_014", UserRegistryErrorKind.ProtocolError },
        new object[] { "GGATEWAY_CODE_015", UserRegistryErrorKind.InvalidInput },
        new object[] { "GGATEWAY_CODE_018", UserRegistryErrorKind.RateLimited },
        new object[] { "GGATEWAY_CODE_019", UserRegistryErrorKind.Forbidden },
        new object[] { "GGATEWAY_CODE_101", UserRegistryErrorKind.Unauthorized },
        new object[] { "GGATEWAY_CODE_902", UserRegistryErrorKind.Timeout },
        new object[] { "USCUSTOMER_API_0000101", UserRegistryErrorKind.AlreadyExists },
        new object[] { "USCUSTOMER_API_0000106", UserRegistryErrorKind.AlreadyExists },
        new object[] { "USCUSTOMER_API_0000107", UserRegistryErrorKind.AlreadyExists },
        new object[] { "USCUSTOMER_API_0000102", UserRegistryErrorKind.InvalidCredentials },
        new object[] { "USCUSTOMER_API_0000112", UserRegistryErrorKind.InvalidCredentials },
        new object[] { "USCUSTOMER_API_0000113", UserRegistryErrorKind.AccountDisabled },
        new object[] { "USCUSTOMER_API_0000157", UserRegistryErrorKind.AccountLocked },
        new object[] { "USCUSTOMER_API_0000158", UserRegistryErrorKind.AccountDisabled },
        new object[] { "USCUSTOMER_API_0000501", UserRegistryErrorKind.InvalidInput },
        new object[] { "USCUSTOMER_API_0000504", UserRegistryErrorKind.InvalidInput },
        new object[] { "USCUSTOMER_API_0000510", UserRegistryErrorKind.InvalidInput },
        new object[] { "USCUSTOMER_API_0001050", UserRegistryErrorKind.AccountLocked },
    ];

    private static readonly object[] TokenCodes =
    [
        "GGATEWAY_CODE_001", "GGATEWAY_CODE_005", "GGATEWAY_CODE_017", "USCUSTOMER_API_0000128",
    ];

    [TestCaseSource(nameof(DigestCodes))]
    public async Task Every_documented_code_maps_to_its_kind(string code, UserRegistryErrorKind kind)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Error(code, "provider says no", "t-err-1"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.ProviderCode, Is.EqualTo(code));
        Assert.That(ex.ProviderMessage, Is.EqualTo("provider says no"));
        Assert.That(ex.TraceId, Is.EqualTo("t-err-1"));
        Assert.That(ex.IsRetryable, Is.EqualTo(kind is UserRegistryErrorKind.Unavailable or UserRegistryErrorKind.RateLimited or UserRegistryErrorKind.Timeout));
    }

    [TestCaseSource(nameof(TokenCodes))]
    public async Task A_token_code_that_persists_after_one_reauthentication_is_Unauthorized(string code)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Error(code, "token"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unauthorized));
        Assert.That(host.Provider.To(CmfblTestHost.AuthUrl), Has.Count.EqualTo(2));
        Assert.That(host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType)), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_unknown_code_is_Unknown_and_keeps_code_message_and_trace()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Error("FS99999", "Something new", "t-new"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unknown));
        Assert.That(ex.ProviderCode, Is.EqualTo("FS99999"));
        Assert.That(ex.ProviderMessage, Is.EqualTo("Something new"));
        Assert.That(ex.TraceId, Is.EqualTo("t-new"));
        Assert.That(ex.Message, Does.Contain("FS99999").And.Contain("Something new"));
    }

    [Test]
    public async Task Http_429_is_RateLimited_with_the_reset_delay()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType), _ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Too Many Requests") };
            response.Headers.Add("x-ratelimit-limit", "300");
            response.Headers.Add("x-ratelimit-remairing", "0");
            response.Headers.Add("x-ratelimit-reset", "60");
            return response;
        });

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.HttpStatus, Is.EqualTo(429));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(ex.IsRetryable, Is.True);
    }

    [TestCase("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", "ProtocolError")]
    [TestCase("", "application/json", "ProtocolError")]
    [TestCase("{\"code\":\"0\",\"msg\":\"Success\",\"data\":{\"records\":[{\"id\":1", "application/json", "ProtocolError")]
    [TestCase("[1,2,3]", "application/json", "ProtocolError")]
    [TestCase("{\"msg\":\"Success\",\"data\":{}}", "application/json", "ProtocolError")]
    [TestCase("{\"code\":\"0\",\"msg\":\"Success\",\"data\":null}", "application/json", "ProtocolError")]
    [TestCase("{\"code\":\"0\",\"msg\":\"Success\",\"data\":\"not a page\"}", "application/json", "ProtocolError")]
    [TestCase("{\"code\":\"0\",\"msg\":\"Success\",\"data\":{\"records\":\"x\"}}", "application/json", "ProtocolError")]
    [TestCase("{\"code\":\"0\",\"msg\":\"Success\",\"data\":{\"records\":[{\"id\":1,\"status\":\"active\"}]}}", "application/json", "ProtocolError")]
    [TestCase("{\"code\":\"0\",\"msg\":\"Success\",\"data\":{\"records\":[{\"customerNo\":\"1\"}]}}", "application/json", "ProtocolError")]
    [TestCase("{\"code\":{\"x\":1},\"data\":null}", "application/json", "ProtocolError")]
    [TestCase("{\"code\":\"0\"} trailing", "application/json", "ProtocolError")]
    public async Task Malformed_list_answers_are_ProtocolErrors(string body, string mediaType, string kind)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.PageBizType), _ =>
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

        var ex = await Assert.ThrowsAsync<UserRegistryException>(async () => await host.Registry.ListAsync().ToListAsync());

        Assert.That(ex!.Kind.ToString(), Is.EqualTo(kind));
        Assert.That(ex.Provider, Is.EqualTo("Cmfbl"));
        Assert.That(ex.HttpStatus, Is.EqualTo(200));
        Assert.That(ex.TraceId, Does.StartWith("t-"));
    }

    [TestCase(HttpStatusCode.BadGateway, UserRegistryErrorKind.Unavailable)]
    [TestCase(HttpStatusCode.ServiceUnavailable, UserRegistryErrorKind.Unavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout, UserRegistryErrorKind.Timeout)]
    [TestCase(HttpStatusCode.Unauthorized, UserRegistryErrorKind.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden, UserRegistryErrorKind.Forbidden)]
    [TestCase(HttpStatusCode.NotFound, UserRegistryErrorKind.ProtocolError)]
    public async Task Http_errors_without_an_envelope_map_by_status_for_reads(HttpStatusCode status, UserRegistryErrorKind kind)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType), _ =>
            new HttpResponseMessage(status) { Content = new StringContent("<html>error</html>", Encoding.UTF8, "text/html") });

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.HttpStatus, Is.EqualTo((int)status));
    }

    [Test]
    public async Task A_502_on_register_is_OutcomeUnknown_because_the_customer_may_exist()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType), _ =>
            new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") });

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.IsRetryable, Is.False);
    }

    [Test]
    public async Task A_connection_failure_is_Unavailable()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.Fail(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType), new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.InnerException, Is.TypeOf<HttpRequestException>());
    }

    [Test]
    public async Task An_http_client_timeout_is_Timeout_for_reads()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.Fail(
            CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType),
            new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException()));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout));
        Assert.That(ex.IsRetryable, Is.True);
    }

    [Test]
    public async Task Failed_admin_authentication_is_Unauthorized_and_hides_the_secret()
    {
        using var host = CmfblTestHost.Create(answerAuth: false);
        host.Provider.AnswerJson(CmfblTestHost.AuthUrl, CmfblTestHost.Error("GGATEWAY_CODE_101", "Invalid account info", "t-auth-err"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unauthorized));
        Assert.That(ex.TraceId, Is.EqualTo("t-auth-err"));
        Assert.That(ex.ToString(), Does.Not.Contain(CmfblTestHost.AppSecret));
        Assert.That(host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType)), Is.Empty);
    }
}
