using System.Net;
using BrokerAdapters.Testing.Support;
using RichardSzalay.MockHttp;
using static BrokerAdapters.Cmfbl.Tests.Resilience.Resilient;

namespace BrokerAdapters.Cmfbl.Tests.Resilience;

/// <summary>
/// A registration is retried by the pipeline only when CMFBL provably did not receive it (HTTP 429, a connection that
/// never opened). Any other failure may have created the customer: the registry then checks before it sends again.
/// </summary>
public sealed class CmfblWriteRetryTests
{
    private const string Auth = CmfblApiClient.AuthBizType;
    private const string Create = CmfblUserRegistry.CreateBizType;
    private const string Exists = CmfblUserRegistry.ExistsBizType;
    private const string Page = CmfblUserRegistry.PageBizType;
    private const string Detail = CmfblUserRegistry.DetailBizType;

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task A_create_answered_with_a_server_error_is_not_resent_until_the_customer_is_known_to_be_absent(HttpStatusCode status)
    {
        using var host = Host();
        host.Provider.Answer(CreateUrl, _ => Status(status));
        host.Provider.AnswerJson(CreateUrl, CmfblTestHost.Fixture("create-customer.response.json"));
        host.Provider.Answer(ExistsUrl, _ => ExistsNo());
        host.AnswerFound();

        var registration = await host.Registry.RegisterAsync(Samples.NewCustomer());

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(registration.Customer.Number, Is.EqualTo("86021976"));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, CreateUrl, ExistsUrl, ExistsUrl, CreateUrl, PageUrl, DetailUrl }));
        var checks = host.Provider.To(ExistsUrl);
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "check-exist-phone.request.json"), checks[0].Json);
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "check-exist-email.request.json"), checks[1].Json);
    }

    [Test]
    public async Task A_create_that_outlasts_the_attempt_timeout_is_not_resent_until_the_customer_is_known_to_be_absent()
    {
        using var host = Host(("AttemptTimeout", "00:00:00.100"));
        host.Provider.Hang(CreateUrl);
        host.Provider.AnswerJson(CreateUrl, CmfblTestHost.Fixture("create-customer.response.json"));
        host.Provider.Answer(ExistsUrl, _ => ExistsNo());
        host.AnswerFound();

        var registration = await host.Registry.RegisterAsync(Samples.NewCustomer());

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, CreateUrl, ExistsUrl, ExistsUrl, CreateUrl, PageUrl, DetailUrl }));
    }

    [Test]
    public async Task A_create_whose_server_error_hid_a_success_is_recovered_and_not_resent()
    {
        using var host = Host();
        host.Provider.Answer(CreateUrl, _ => Status(HttpStatusCode.BadGateway));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());
        host.AnswerFound();

        var registration = await host.Registry.RegisterAsync(Samples.NewCustomer());

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Recovered));
        Assert.That(registration.Customer.Number, Is.EqualTo("86021976"));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, CreateUrl, ExistsUrl, PageUrl, PageUrl, DetailUrl }));
    }

    [Test]
    public async Task A_create_whose_answer_was_lost_after_it_was_applied_makes_one_customer()
    {
        using var cmfbl = EmulatedCmfbl.Create();
        cmfbl.Emulator.Faults.DropNextResponses(1, Create);

        var registration = await cmfbl.Registry.RegisterAsync(Samples.NewCustomer());

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Recovered));
        Assert.That(cmfbl.Company.Customers.Select(c => c.CustomerNo), Is.EqualTo(new[] { registration.Customer.Number }));
        Assert.That(cmfbl.Operations.Count(o => o == Create), Is.EqualTo(1), "the create was sent once");
        Assert.That(cmfbl.Operations.Take(3), Is.EqualTo(new[] { Auth, Create, Exists }));
    }

    [Test]
    public async Task A_create_refused_with_429_is_resent_and_makes_one_customer()
    {
        using var cmfbl = EmulatedCmfbl.Create();
        cmfbl.Emulator.Faults.FailNext(1, HttpStatusCode.TooManyRequests, Create);

        var registration = await cmfbl.Registry.RegisterAsync(Samples.NewCustomer());

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(cmfbl.Company.Customers.Select(c => c.CustomerNo), Is.EqualTo(new[] { registration.Customer.Number }));
        Assert.That(cmfbl.Operations, Is.EqualTo(new[] { Auth, Create, Create, Page, Detail }));
        Assert.That(cmfbl.Emulator.Requests[1].Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [TestCase(HttpRequestError.ConnectionError)]
    [TestCase(HttpRequestError.NameResolutionError)]
    public async Task A_create_whose_connection_never_opened_is_resent_and_makes_one_customer(HttpRequestError error)
    {
        using var cmfbl = EmulatedCmfbl.Create();
        var refused = cmfbl.Emulator.Mock.Expect(HttpMethod.Post, EmulatedCmfbl.CreateUrl).Throw(new HttpRequestException(error, "could not connect"));

        var registration = await cmfbl.Registry.RegisterAsync(Samples.NewCustomer());

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(cmfbl.Emulator.Mock.GetMatchCount(refused), Is.EqualTo(1));
        Assert.That(cmfbl.Company.Customers.Select(c => c.CustomerNo), Is.EqualTo(new[] { registration.Customer.Number }));
        Assert.That(cmfbl.Operations, Is.EqualTo(new[] { Auth, Create, Page, Detail }));
    }

    [Test]
    public async Task A_create_that_never_connects_is_Unavailable_after_MaxRetries_plus_one_attempts_and_is_not_verified()
    {
        using var host = Host(("MaxRetries", "2"));
        host.Provider.Throw(CreateUrl, new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.IsRetryable, Is.True);
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, CreateUrl, CreateUrl, CreateUrl }));
    }

    [Test]
    public async Task A_create_refused_with_429_is_resent_after_the_wait_CMFBL_asks_for()
    {
        using var host = Host(("MaxRetryDelay", "00:00:00.300"));
        host.Provider.Answer(CreateUrl, _ => Status(HttpStatusCode.TooManyRequests, rateLimitReset: "60"));
        AnswerCreated(host);

        var registration = await host.Registry.RegisterAsync(Samples.NewCustomer());

        var creates = host.Provider.To(CreateUrl);
        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, CreateUrl, CreateUrl, PageUrl, DetailUrl }));
        Assert.That(Between(creates[0], creates[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300) - TimerSlack));
    }

    [Test]
    public async Task A_create_refused_with_a_Retry_After_beyond_MaxRetryDelay_is_RateLimited_and_not_verified()
    {
        using var host = Host();
        host.Provider.Answer(CreateUrl, _ => Status(HttpStatusCode.TooManyRequests, retryAfter: "90"));
        AnswerCreated(host);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.HttpStatus, Is.EqualTo(429));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, CreateUrl }));
    }

    [Test]
    public async Task A_create_that_failed_twice_after_reaching_CMFBL_ends_OutcomeUnknown_with_the_lookups()
    {
        using var host = Host();
        host.Provider.Answer(CreateUrl, _ => Status(HttpStatusCode.ServiceUnavailable));
        host.Provider.Answer(ExistsUrl, _ => ExistsNo());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.HttpStatus, Is.EqualTo(503));
        Assert.That(ex.ReconciliationLookups, Is.EqualTo(new[]
        {
            CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")),
            CustomerLookup.ByEmail("chan.tai.man@example.com"),
        }));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, CreateUrl, ExistsUrl, ExistsUrl, CreateUrl, ExistsUrl, ExistsUrl }));
    }
}
