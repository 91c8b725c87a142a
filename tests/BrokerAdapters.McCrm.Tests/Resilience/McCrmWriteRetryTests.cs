using System.Net;
using BrokerAdapters.McCrm.Tests.TestSupport;
using RichardSzalay.MockHttp;
using static BrokerAdapters.McCrm.Tests.Resilience.Resilient;

namespace BrokerAdapters.McCrm.Tests.Resilience;

/// <summary>
/// A signup is retried by the pipeline only when MC-CRM provably did not receive it (HTTP 429, a connection that
/// never opened). Any other failure may have created the user, and MC-CRM cannot be asked by phone or email: the
/// caller gets <see cref="UserRegistryErrorKind.OutcomeUnknown"/> with the lookups to reconcile by.
/// </summary>
public sealed class McCrmWriteRetryTests
{
    private static readonly NewCustomer Customer = Customers.Full();

    private static readonly CustomerLookup[] Lookups = [CustomerLookup.ByPhone(Customer.Phone!), CustomerLookup.ByEmail(Customer.Email!)];

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task A_signup_answered_with_a_server_error_is_not_resent_and_is_OutcomeUnknown(HttpStatusCode status)
    {
        using var host = Host();
        host.Script(SignupUrl, Status(status), SignedUp());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customer));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.HttpStatus, Is.EqualTo((int)status));
        Assert.That(ex.IsRetryable, Is.False);
        Assert.That(ex.ReconciliationLookups, Is.EqualTo(Lookups));
        Assert.That(Urls(host), Is.EqualTo(new[] { SignupUrl }));
    }

    [Test]
    public async Task A_signup_that_outlasts_the_attempt_timeout_is_not_resent_and_is_OutcomeUnknown()
    {
        using var host = Host(("AttemptTimeout", "00:00:00.100"));
        host.Script(SignupUrl, Hang(), SignedUp());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customer));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.HttpStatus, Is.Null);
        Assert.That(ex.ReconciliationLookups, Is.EqualTo(Lookups));
        Assert.That(Urls(host), Is.EqualTo(new[] { SignupUrl }));
    }

    [Test]
    public async Task A_signup_whose_answer_was_lost_after_it_was_applied_is_not_resent()
    {
        using var mccrm = EmulatedMcCrm.Create();
        mccrm.Emulator.Faults.DropNextResponses(1, EmulatedMcCrm.SignupOperation);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => mccrm.Registry.RegisterAsync(Customer));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.ReconciliationLookups, Is.EqualTo(Lookups));
        Assert.That(mccrm.Operations, Is.EqualTo(new[] { EmulatedMcCrm.SignupOperation }));
        Assert.That(mccrm.Emulator.Users, Has.Count.EqualTo(1), "the one signup sent was applied");
    }

    [Test]
    public async Task A_signup_refused_with_429_is_resent_and_makes_one_user()
    {
        using var mccrm = EmulatedMcCrm.Create();
        mccrm.Emulator.Faults.FailNext(1, HttpStatusCode.TooManyRequests, EmulatedMcCrm.SignupOperation);

        var registration = await mccrm.Registry.RegisterAsync(Customer);

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(mccrm.Operations, Is.EqualTo(new[] { EmulatedMcCrm.SignupOperation, EmulatedMcCrm.SignupOperation }));
        Assert.That(mccrm.Emulator.Requests[0].Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(mccrm.Emulator.Users.Select(u => u.Uid), Is.EqualTo(new[] { registration.Customer.Id }));
    }

    [TestCase(HttpRequestError.ConnectionError)]
    [TestCase(HttpRequestError.NameResolutionError)]
    public async Task A_signup_whose_connection_never_opened_is_resent_and_makes_one_user(HttpRequestError error)
    {
        using var mccrm = EmulatedMcCrm.Create();
        var refused = mccrm.Emulator.Mock.Expect(HttpMethod.Post, EmulatedMcCrm.SignupUrl).Throw(new HttpRequestException(error, "could not connect"));

        var registration = await mccrm.Registry.RegisterAsync(Customer);

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(mccrm.Emulator.Mock.GetMatchCount(refused), Is.EqualTo(1));
        Assert.That(mccrm.Operations, Is.EqualTo(new[] { EmulatedMcCrm.SignupOperation }));
        Assert.That(mccrm.Emulator.Users.Select(u => u.Uid), Is.EqualTo(new[] { registration.Customer.Id }));
    }

    [Test]
    public async Task A_signup_that_never_connects_is_Unavailable_after_MaxRetries_plus_one_attempts()
    {
        using var host = Host(("MaxRetries", "2"));
        host.Script(SignupUrl, Throw(HttpRequestError.ConnectionError));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customer));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.IsRetryable, Is.True);
        Assert.That(ex.ReconciliationLookups, Is.Empty);
        Assert.That(Urls(host), Is.EqualTo(Repeat(SignupUrl, 3)));
    }

    [Test]
    public async Task A_signup_refused_with_a_Retry_After_beyond_MaxRetryDelay_is_RateLimited_and_sent_once()
    {
        using var host = Host();
        host.Script(SignupUrl, Status(HttpStatusCode.TooManyRequests, retryAfter: "90"), SignedUp());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customer));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.HttpStatus, Is.EqualTo(429));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(ex.ReconciliationLookups, Is.Empty);
        Assert.That(Urls(host), Is.EqualTo(new[] { SignupUrl }));
    }

    [Test]
    public async Task A_signup_refused_with_a_short_Retry_After_is_resent_after_that_wait()
    {
        using var host = Host(("MaxRetryDelay", "00:00:02"));
        host.Script(SignupUrl, Status(HttpStatusCode.TooManyRequests, retryAfter: "1"), SignedUp());

        var registration = await host.Registry.RegisterAsync(Customer);

        var attempts = host.Requests.ToArray();
        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(Urls(host), Is.EqualTo(Repeat(SignupUrl, 2)));
        Assert.That(Between(attempts[0], attempts[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1) - TimerSlack));
    }
}
