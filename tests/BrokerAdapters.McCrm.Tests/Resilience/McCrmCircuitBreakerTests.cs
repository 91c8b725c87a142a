using System.Net;
using BrokerAdapters.McCrm.Tests.TestSupport;
using Polly.CircuitBreaker;
using static BrokerAdapters.McCrm.Tests.Resilience.Resilient;

namespace BrokerAdapters.McCrm.Tests.Resilience;

/// <summary>
/// The circuit breaker counts the attempts on both endpoints. With these settings it opens once four attempts were
/// made and half of them failed.
/// </summary>
public sealed class McCrmCircuitBreakerTests
{
    // Long enough that an open circuit cannot close between two calls of a test, however slow the machine.
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ShortBreakDuration = TimeSpan.FromSeconds(1);

    private static McCrmTestHost BreakerHost(params (string Setting, string? Value)[] more) => Host(
    [
        ("MaxRetries", "0"),
        ("CircuitBreaker:FailureRatio", "0.5"),
        ("CircuitBreaker:MinimumThroughput", "4"),
        ("CircuitBreaker:SamplingDuration", "00:00:30"),
        ("CircuitBreaker:BreakDuration", "00:00:30"),
        .. more,
    ]);

    [Test]
    public async Task Once_the_failure_ratio_is_reached_over_enough_attempts_calls_fail_fast_without_a_request()
    {
        using var host = BreakerHost();
        host.Script(QueryUidUrl, Found(), Status(HttpStatusCode.BadGateway), Found(), Status(HttpStatusCode.BadGateway), Found());
        await host.Registry.FindAsync(Uid);
        await Fails(host, 502);
        await host.Registry.FindAsync(Uid);
        await Fails(host, 502);

        var open = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));

        Assert.That(open!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(open.HttpStatus, Is.Null);
        Assert.That(open.IsRetryable, Is.True);
        Assert.That(open.RetryAfter, Is.Not.Null.And.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(BreakDuration));
        Assert.That(open.InnerException, Is.InstanceOf<BrokenCircuitException>());
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 4)));
    }

    [Test]
    public async Task While_the_circuit_is_open_a_signup_is_Unavailable_and_not_OutcomeUnknown_since_nothing_was_sent()
    {
        using var host = BreakerHost();
        host.Script(QueryUidUrl, Status(HttpStatusCode.ServiceUnavailable));
        host.Script(SignupUrl, SignedUp());
        for (var i = 0; i < 4; i++)
        {
            await Fails(host, 503);
        }

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.ReconciliationLookups, Is.Empty);
        Assert.That(ex.InnerException, Is.InstanceOf<BrokenCircuitException>());
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 4)));
    }

    [Test]
    public async Task After_BreakDuration_a_trial_call_goes_through_and_success_closes_the_circuit()
    {
        using var host = BreakerHost(("CircuitBreaker:BreakDuration", "00:00:01"));
        host.Script(QueryUidUrl, Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), Found());
        for (var i = 0; i < 4; i++)
        {
            await Fails(host, 503);
        }

        await Fails(host, null);
        await Task.Delay(ShortBreakDuration + TimeSpan.FromMilliseconds(100));

        Assert.That(await host.Registry.FindAsync(Uid), Is.Not.Null);
        Assert.That(await host.Registry.FindAsync(Uid), Is.Not.Null);
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 6)));
    }

    [Test]
    public async Task Being_told_to_slow_down_never_opens_the_circuit()
    {
        using var host = BreakerHost();
        host.Script(QueryUidUrl, Status(HttpStatusCode.TooManyRequests));

        for (var i = 0; i < 6; i++)
        {
            var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));
            Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        }

        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 6)));
    }

    private static async Task Fails(McCrmTestHost host, int? status)
    {
        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));
        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.HttpStatus, Is.EqualTo(status));
    }
}
