using System.Net;
using Polly.CircuitBreaker;
using static BrokerAdapters.Cmfbl.Tests.Resilience.Resilient;

namespace BrokerAdapters.Cmfbl.Tests.Resilience;

/// <summary>
/// The circuit breaker counts attempts on every endpoint of the registry. With these settings, the admin
/// authentication (a success) and two failed reads make three attempts of which two failed: 2/3 ≥ 0.6 opens it.
/// </summary>
public sealed class CmfblCircuitBreakerTests
{
    // Long enough that an open circuit cannot close between two calls of a test, however slow the machine.
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ShortBreakDuration = TimeSpan.FromSeconds(1);

    private static CmfblTestHost BreakerHost(params (string Setting, string? Value)[] more) => Host(
    [
        ("MaxRetries", "0"),
        ("CircuitBreaker:FailureRatio", "0.6"),
        ("CircuitBreaker:MinimumThroughput", "3"),
        ("CircuitBreaker:SamplingDuration", "00:00:30"),
        ("CircuitBreaker:BreakDuration", "00:00:30"),
        .. more,
    ]);

    [Test]
    public async Task After_the_configured_failures_calls_fail_fast_as_Unavailable_without_a_request()
    {
        using var host = BreakerHost();
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());
        await Fails(host, 503);
        await Fails(host, 503);

        var open = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(open!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(open.HttpStatus, Is.Null);
        Assert.That(open.IsRetryable, Is.True);
        Assert.That(open.RetryAfter, Is.Not.Null.And.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(BreakDuration));
        Assert.That(open.InnerException, Is.InstanceOf<BrokenCircuitException>());
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, ExistsUrl }));
    }

    [Test]
    public async Task The_open_circuit_holds_every_endpoint_and_a_registration_needs_no_verification()
    {
        using var host = BreakerHost();
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));
        AnswerCreated(host);
        await Fails(host, 503);
        await Fails(host, 503);

        var find = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Number));
        var register = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(find!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(register!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable), "nothing was sent, so the outcome is known");
        Assert.That(register.ReconciliationLookups, Is.Empty);
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, ExistsUrl }));
    }

    [Test]
    public async Task After_BreakDuration_a_trial_call_goes_through_and_success_closes_the_circuit()
    {
        using var host = BreakerHost(("CircuitBreaker:BreakDuration", "00:00:01"));
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());
        await Fails(host, 503);
        await Fails(host, 503);
        await Fails(host, null);

        await Task.Delay(ShortBreakDuration + TimeSpan.FromMilliseconds(100));

        Assert.That(await host.Registry.ExistsAsync(Number), Is.True);
        Assert.That(await host.Registry.ExistsAsync(Number), Is.True);
        Assert.That(await host.Registry.ExistsAsync(Number), Is.True);
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl }.Concat(Repeat(ExistsUrl, 5))));
    }

    [Test]
    public async Task Attempt_timeouts_and_broken_connections_count_as_failures()
    {
        // Long enough for the admin token call on a loaded machine; the hung call waits it out.
        using var host = BreakerHost(("AttemptTimeout", "00:00:01"));
        host.Provider.Hang(ExistsUrl);
        host.Provider.Throw(ExistsUrl, new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());
        var timedOut = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));
        var refused = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        var open = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(timedOut!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout));
        Assert.That(refused!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(open!.InnerException, Is.InstanceOf<BrokenCircuitException>());
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, ExistsUrl }));
    }

    [Test]
    public async Task Being_told_to_slow_down_never_opens_the_circuit()
    {
        using var host = BreakerHost();
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.TooManyRequests));

        for (var i = 0; i < 5; i++)
        {
            var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));
            Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
            Assert.That(ex.HttpStatus, Is.EqualTo(429));
        }

        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl }.Concat(Repeat(ExistsUrl, 5))));
    }

    [Test]
    public async Task A_disabled_circuit_breaker_never_opens()
    {
        using var host = BreakerHost(("CircuitBreaker:Enabled", "false"));
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));

        for (var i = 0; i < 5; i++)
        {
            await Fails(host, 503);
        }

        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl }.Concat(Repeat(ExistsUrl, 5))));
    }

    private static async Task Fails(CmfblTestHost host, int? status)
    {
        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));
        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.HttpStatus, Is.EqualTo(status));
    }
}
