using System.Diagnostics;
using System.Net;
using Polly.Timeout;
using static BrokerAdapters.Cmfbl.Tests.Resilience.Resilient;

namespace BrokerAdapters.Cmfbl.Tests.Resilience;

/// <summary><c>Resilience:Enabled = false</c>: one attempt per call, bounded by <c>TotalTimeout</c> alone.</summary>
public sealed class CmfblResilienceDisabledTests
{
    [Test]
    public async Task A_transient_failure_is_not_retried()
    {
        using var host = Host(("Enabled", "false"));
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.HttpStatus, Is.EqualTo(503));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl }));
    }

    [Test]
    public async Task Only_the_total_timeout_bounds_a_call()
    {
        // The total timeout also bounds the admin token call: long enough for it on a loaded machine.
        using var host = Host(("Enabled", "false"), ("AttemptTimeout", "00:00:00.050"), ("TotalTimeout", "00:00:01"));
        host.Provider.Hang(ExistsUrl);
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(Stopwatch.GetElapsedTime(started), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1) - TimerSlack));
        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout));
        Assert.That(ex.InnerException, Is.TypeOf<TimeoutRejectedException>());
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl }));
    }

    [Test]
    public async Task Neither_the_rate_limit_nor_the_circuit_breaker_applies()
    {
        using var host = Host(
            ("Enabled", "false"),
            ("RateLimit:PermitLimit", "1"),
            ("RateLimit:QueueLimit", "0"),
            ("CircuitBreaker:MinimumThroughput", "2"),
            ("CircuitBreaker:FailureRatio", "0.1"));
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));

        for (var i = 0; i < 4; i++)
        {
            var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));
            Assert.That(ex!.HttpStatus, Is.EqualTo(503), "each call reached the provider");
        }

        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl }.Concat(Repeat(ExistsUrl, 4))));
    }
}
