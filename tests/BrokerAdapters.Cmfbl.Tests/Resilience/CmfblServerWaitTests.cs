using System.Net;
using static BrokerAdapters.Cmfbl.Tests.Resilience.Resilient;

namespace BrokerAdapters.Cmfbl.Tests.Resilience;

/// <summary>
/// How long the provider asks to wait decides the retry: <c>Retry-After</c> up to <c>MaxRetryDelay</c> is honoured,
/// longer is handed to the caller; <c>x-ratelimit-reset</c> (CMFBL's window length) is a wait capped at <c>MaxRetryDelay</c>.
/// </summary>
public sealed class CmfblServerWaitTests
{
    [TestCase(HttpStatusCode.TooManyRequests, UserRegistryErrorKind.RateLimited)]
    [TestCase(HttpStatusCode.ServiceUnavailable, UserRegistryErrorKind.Unavailable)]
    public async Task A_Retry_After_longer_than_MaxRetryDelay_is_not_waited_for_but_reported(HttpStatusCode status, UserRegistryErrorKind kind)
    {
        using var host = Host();
        host.Provider.Answer(ExistsUrl, _ => Status(status, retryAfter: "120"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.HttpStatus, Is.EqualTo((int)status));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl }));
    }

    [Test]
    public async Task A_Retry_After_within_MaxRetryDelay_is_waited_for_on_the_system_clock()
    {
        // The host registers a FakeTimeProvider that never moves: the wait must still pass, on the real clock.
        using var host = Host(("MaxRetryDelay", "00:00:02"));
        var frozen = host.Time.GetUtcNow();
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.TooManyRequests, retryAfter: "1"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var exists = await host.Registry.ExistsAsync(Number);

        var attempts = host.Provider.To(ExistsUrl);
        Assert.That(exists, Is.True);
        Assert.That(attempts, Has.Count.EqualTo(2));
        Assert.That(Between(attempts[0], attempts[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1) - TimerSlack));
        Assert.That(host.Time.GetUtcNow(), Is.EqualTo(frozen));
    }

    [Test]
    public async Task An_x_ratelimit_reset_longer_than_MaxRetryDelay_is_waited_for_only_MaxRetryDelay()
    {
        using var host = Host(("MaxRetryDelay", "00:00:00.300"));
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.TooManyRequests, rateLimitReset: "60"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var exists = await host.Registry.ExistsAsync(Number);

        var attempts = host.Provider.To(ExistsUrl);
        Assert.That(exists, Is.True);
        Assert.That(attempts, Has.Count.EqualTo(2));
        Assert.That(Between(attempts[0], attempts[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300) - TimerSlack));
    }

    [Test]
    public async Task An_x_ratelimit_reset_shorter_than_MaxRetryDelay_is_the_wait()
    {
        // RetryDelay is 1 ms: only the header can make the retry wait this long.
        using var host = Host(("MaxRetryDelay", "00:00:05"));
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.TooManyRequests, rateLimitReset: "0.3"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var exists = await host.Registry.ExistsAsync(Number);

        var attempts = host.Provider.To(ExistsUrl);
        Assert.That(exists, Is.True);
        Assert.That(attempts, Has.Count.EqualTo(2));
        Assert.That(Between(attempts[0], attempts[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300) - TimerSlack));
    }

    [Test]
    public async Task When_429s_with_x_ratelimit_reset_outlast_the_retries_the_caller_gets_RateLimited_with_the_window()
    {
        using var host = Host(("MaxRetries", "1"));
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.TooManyRequests, rateLimitReset: "60"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.HttpStatus, Is.EqualTo(429));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, ExistsUrl }));
    }

    [Test]
    public async Task Retry_After_wins_over_x_ratelimit_reset()
    {
        using var host = Host();
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.TooManyRequests, retryAfter: "30", rateLimitReset: "0"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl }));
    }
}
