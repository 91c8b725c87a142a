using System.Net;
using BrokerAdapters.Testing.Corpus;

namespace BrokerAdapters.Cmfbl.Tests.Corpus;

/// <summary>
/// Runs the corpus of bad answers through every CMFBL operation that can meet them. Each ends in a
/// <see cref="UserRegistryException"/> of the expected kind carrying the provider, the HTTP status and the trace id,
/// or, for the odd but acceptable answers, in the normal result. No other exception may escape.
/// </summary>
public sealed class CmfblBadResponseTests
{
    private const string Number = "86021976";

    public static IEnumerable<BadResponse> AuthCases => With(CmfblBadResponses.Auth);

    public static IEnumerable<BadResponse> CreateCases => With(CmfblBadResponses.Create);

    public static IEnumerable<BadResponse> ExistsCases => With(CmfblBadResponses.Exists);

    public static IEnumerable<BadResponse> PageCases => With(CmfblBadResponses.Page);

    public static IEnumerable<BadResponse> DetailCases => With(CmfblBadResponses.Detail);

    public static IEnumerable<BadResponse> LoginCases => With(CmfblBadResponses.Login);

    [Test]
    public void The_corpus_has_at_least_40_distinct_answers_for_every_endpoint()
    {
        foreach (var cases in new[] { AuthCases, CreateCases, ExistsCases, PageCases, DetailCases, LoginCases })
        {
            Assert.That(cases.Select(c => c.Name), Is.Unique);
            Assert.That(cases.Count(c => !c.Succeeds), Is.GreaterThanOrEqualTo(40));
        }
    }

    [TestCaseSource(nameof(AuthCases))]
    public async Task Admin_authentication(BadResponse bad)
    {
        using var host = CmfblTestHost.Create(answerAuth: false);
        host.Provider.Answer(CmfblTestHost.AuthUrl, _ => bad.Respond(CmfblTestHost.Fixture("auth.response.json")));
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Fixture("check-exist.response.absent.json"));

        var error = await RunAsync(bad, () => host.Registry.ExistsAsync(CustomerLookup.ByNumber(Number)), exists => Assert.That(exists, Is.False));

        if (error is not null)
        {
            AssertError(error, bad, bad.Read, host, CmfblTestHost.AuthUrl);
            Assert.That(host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType)), Is.Empty, "nothing is sent without a session");
        }
    }

    [TestCaseSource(nameof(CreateCases))]
    public async Task Register_create(BadResponse bad)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType), _ => bad.Respond(CmfblTestHost.Fixture("create-customer.response.json")));
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Fixture("check-exist.response.absent.json"));
        host.AnswerFound();

        var error = await RunAsync(bad, () => host.Registry.RegisterAsync(Samples.NewCustomer()), AssertCreated);

        if (error is null)
        {
            return;
        }

        AssertError(error, bad, bad.Write, host, CmfblTestHost.Url(CmfblUserRegistry.CreateBizType));
        var exists = host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType));
        if (error.Kind == UserRegistryErrorKind.OutcomeUnknown)
        {
            // Checked by phone and email, absent, sent once more, checked again, absent: never a third attempt.
            Assert.That(host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType)), Has.Count.EqualTo(2));
            Assert.That(exists, Has.Count.EqualTo(4));
            Assert.That(error.ReconciliationLookups, Is.EqualTo(new[]
            {
                CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")),
                CustomerLookup.ByEmail("chan.tai.man@example.com"),
            }));
        }
        else
        {
            Assert.That(exists, Is.Empty, "a refused registration is not checked");
        }
    }

    [TestCaseSource(nameof(ExistsCases))]
    public async Task Register_recovery_check(BadResponse bad)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, "<html>Bad Gateway</html>", HttpStatusCode.BadGateway);
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType), _ => bad.Respond(CmfblTestHost.Fixture("check-exist.response.absent.json")));

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        // A check that answers "absent" leads to one more attempt; one that cannot be read leaves the outcome open.
        AssertLostRegistration(error!, host, attempts: bad.Succeeds ? 2 : 1);
    }

    [TestCaseSource(nameof(PageCases))]
    public async Task Register_recovery_locate(BadResponse bad)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, "<html>Bad Gateway</html>", HttpStatusCode.BadGateway);
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Fixture("check-exist.response.exists.json"));
        AnswerPage(host, bad);
        host.Answer(CmfblUserRegistry.DetailBizType, CmfblTestHost.Fixture("detail.response.json"));

        if (bad.Succeeds)
        {
            var registration = await host.Registry.RegisterAsync(Samples.NewCustomer());
            Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Recovered));
            Assert.That(registration.Customer.Number, Is.EqualTo(Number));
            return;
        }

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        AssertLostRegistration(error!, host, attempts: 1);
    }

    [TestCaseSource(nameof(ExistsCases))]
    public async Task Exists(BadResponse bad)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType), _ => bad.Respond(CmfblTestHost.Fixture("check-exist.response.absent.json")));

        var error = await RunAsync(bad, () => host.Registry.ExistsAsync(CustomerLookup.ByEmail("chan.tai.man@example.com")), exists => Assert.That(exists, Is.False));

        AssertError(error, bad, bad.Read, host, CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType));
    }

    [TestCaseSource(nameof(PageCases))]
    public async Task Find_page(BadResponse bad)
    {
        using var host = CmfblTestHost.Create();
        AnswerPage(host, bad);
        host.Answer(CmfblUserRegistry.DetailBizType, CmfblTestHost.Fixture("detail.response.json"));

        var error = await RunAsync(bad, () => host.Registry.FindAsync(CustomerLookup.ByNumber(Number)), found => Assert.That(found?.Number, Is.EqualTo(Number)));

        AssertError(error, bad, bad.Read, host, CmfblTestHost.Url(CmfblUserRegistry.PageBizType));
    }

    [TestCaseSource(nameof(PageCases))]
    public async Task List_page(BadResponse bad)
    {
        using var host = CmfblTestHost.Create();
        AnswerPage(host, bad);

        var error = await RunAsync(bad, () => host.Registry.ListAsync().ToListAsync().AsTask(), list => Assert.That(list.Select(c => c.Id), Is.EqualTo(new[] { "1176" })));

        AssertError(error, bad, bad.Read, host, CmfblTestHost.Url(CmfblUserRegistry.PageBizType));
    }

    [TestCaseSource(nameof(PageCases))]
    public async Task Register_read_back_page(BadResponse bad)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        AnswerPage(host, bad);
        host.Answer(CmfblUserRegistry.DetailBizType, CmfblTestHost.Fixture("detail.response.json"));

        var error = await RunAsync(bad, () => host.Registry.RegisterAsync(Samples.NewCustomer()), AssertCreated);

        AssertReadBackError(error, bad, host, CmfblTestHost.Url(CmfblUserRegistry.PageBizType));
    }

    [TestCaseSource(nameof(DetailCases))]
    public async Task Find_detail(BadResponse bad)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Fixture("page-by-number.response.json"));
        AnswerDetail(host, bad);

        var error = await RunAsync(bad, () => host.Registry.FindAsync(CustomerLookup.ByNumber(Number)), found => Assert.That(found?.Number, Is.EqualTo(Number)));

        AssertError(error, bad, bad.Read, host, CmfblTestHost.Url(CmfblUserRegistry.DetailBizType));
    }

    [TestCaseSource(nameof(DetailCases))]
    public async Task Register_read_back_detail(BadResponse bad)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Fixture("page-by-number.response.json"));
        AnswerDetail(host, bad);

        var error = await RunAsync(bad, () => host.Registry.RegisterAsync(Samples.NewCustomer()), AssertCreated);

        AssertReadBackError(error, bad, host, CmfblTestHost.Url(CmfblUserRegistry.DetailBizType));
    }

    [TestCaseSource(nameof(LoginCases))]
    public async Task Login(BadResponse bad)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.Answer(CmfblTestHost.LoginUrl, _ => bad.Respond(CmfblTestHost.Fixture("login.response.json")));
        var credentials = new CustomerCredentials(CustomerLookup.ByEmail("chan.tai.man@example.com"), Samples.Password);

        var error = await RunAsync(bad, () => host.Registry.AuthenticateAsync(credentials), login =>
        {
            Assert.That(login.AccessToken, Is.EqualTo("customer-session-token"));
            Assert.That(login.Customer.Id, Is.EqualTo("1176"));
        });

        AssertError(error, bad, bad.Read, host, CmfblTestHost.LoginUrl);
    }

    private static IEnumerable<BadResponse> With(IReadOnlyList<BadResponse> endpoint) =>
        BadResponses.Common.Concat(CmfblBadResponses.Envelopes).Concat(endpoint);

    private static void AnswerPage(CmfblTestHost host, BadResponse bad) =>
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.PageBizType), _ => bad.Respond(CmfblTestHost.Fixture("page-by-number.response.json")));

    private static void AnswerDetail(CmfblTestHost host, BadResponse bad) =>
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.DetailBizType), _ => bad.Respond(CmfblTestHost.Fixture("detail.response.json")));

    private static void AssertCreated(CustomerRegistration registration)
    {
        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(registration.Customer.Number, Is.EqualTo(Number));
    }

    /// <summary>Runs the operation: the normal result for an acceptable answer, else the one exception it must throw.</summary>
    private static async Task<UserRegistryException?> RunAsync<T>(BadResponse bad, Func<Task<T>> operation, Action<T> normal)
    {
        if (bad.Succeeds)
        {
            normal(await operation());
            return null;
        }

        // Exactly UserRegistryException: a JsonException, NullReferenceException, FormatException… fails here.
        return await Assert.ThrowsAsync<UserRegistryException>(async () => await operation());
    }

    private static void AssertError(UserRegistryException? error, BadResponse bad, UserRegistryErrorKind? kind, CmfblTestHost host, string url)
    {
        if (error is null)
        {
            return;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Kind, Is.EqualTo(kind), error.Message);
            Assert.That(error.Provider, Is.EqualTo("Cmfbl"));
            Assert.That(error.HttpStatus, Is.EqualTo((int)bad.Status));
            Assert.That(error.TraceId, Is.EqualTo(bad.Trace ?? host.Provider.To(url)[^1].Header("trace")));
            Assert.That(error.RetryAfter, Is.EqualTo(bad.RetryAfter));
        }
    }

    /// <summary>The registration's answer was lost (a 502) and what followed could not settle it: still OutcomeUnknown.</summary>
    private static void AssertLostRegistration(UserRegistryException error, CmfblTestHost host, int attempts)
    {
        var creates = host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown), error.Message);
            Assert.That(error.Provider, Is.EqualTo("Cmfbl"));
            Assert.That(error.HttpStatus, Is.EqualTo(502));
            Assert.That(error.TraceId, Is.EqualTo(creates[^1].Header("trace")));
            Assert.That(creates, Has.Count.EqualTo(attempts));
            Assert.That(error.ReconciliationLookups, Is.EqualTo(new[]
            {
                CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")),
                CustomerLookup.ByEmail("chan.tai.man@example.com"),
            }));
        }
    }

    /// <summary>The customer was created; whatever went wrong reading it back, the caller learns that and its number.</summary>
    private static void AssertReadBackError(UserRegistryException? error, BadResponse bad, CmfblTestHost host, string url)
    {
        if (error is null)
        {
            return;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown), error.Message);
            Assert.That(error.Provider, Is.EqualTo("Cmfbl"));
            Assert.That(error.HttpStatus, Is.EqualTo((int)bad.Status));
            Assert.That(error.TraceId, Is.EqualTo(bad.Trace ?? host.Provider.To(url)[^1].Header("trace")));
            Assert.That(error.ReconciliationLookups, Is.EqualTo(new[] { CustomerLookup.ByNumber(Number) }));
            Assert.That(host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType)), Has.Count.EqualTo(1), "the customer exists: never sent again");
        }
    }
}
