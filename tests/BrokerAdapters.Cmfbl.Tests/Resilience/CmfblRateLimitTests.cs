using System.Diagnostics;
using Polly.RateLimiting;
using static BrokerAdapters.Cmfbl.Tests.Resilience.Resilient;

namespace BrokerAdapters.Cmfbl.Tests.Resilience;

/// <summary>
/// The client-side limit: each endpoint (URL path) has a sliding window of <c>PermitLimit</c> requests per
/// <c>Window</c>; calls beyond it wait in a queue, and nothing is sent for a call refused or timed out while waiting.
/// </summary>
public sealed class CmfblRateLimitTests
{
    [Test]
    public async Task Reads_beyond_the_limit_wait_for_the_window_to_move_and_other_endpoints_are_not_held_up()
    {
        using var host = Host(("RateLimit:PermitLimit", "2"), ("RateLimit:Window", "00:00:01"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());
        host.AnswerFound();
        var started = Stopwatch.GetTimestamp();

        var reads = Enumerable.Range(0, 6).Select(_ => host.Registry.ExistsAsync(Number)).ToArray();
        var find = host.Registry.FindAsync(Number);

        Assert.That(await Task.WhenAll(reads), Is.All.True);
        Assert.That((await find)?.Number, Is.EqualTo("86021976"));
        var exists = host.Provider.To(ExistsUrl);
        Assert.That(exists, Has.Count.EqualTo(6));

        // The window slides in sixths: a permit comes back at least five sixths of a window after it was taken.
        var window = TimeSpan.FromSeconds(1);
        var since = exists.Select(r => Stopwatch.GetElapsedTime(started, r.ReceivedAt)).ToArray();
        Assert.That(since.Skip(2), Has.All.GreaterThanOrEqualTo((window * 5 / 6) - TimerSlack), "the 3rd to 6th waited for the window");
        Assert.That(since.Skip(4), Has.All.GreaterThanOrEqualTo((window * 10 / 6) - TimerSlack), "the 5th and 6th waited for the permits of the 3rd and 4th");

        var urls = Urls(host.Provider).ToList();
        var third = urls.Select((url, i) => (url, i)).Where(x => x.url == ExistsUrl).ElementAt(2).i;
        Assert.That(urls.IndexOf(PageUrl), Is.LessThan(third), "the page did not wait for the exists window");
        Assert.That(urls.IndexOf(DetailUrl), Is.LessThan(third), "the detail did not wait for the exists window");
    }

    [Test]
    public async Task A_read_refused_by_a_full_queue_is_RateLimited_and_sends_nothing()
    {
        using var host = Host(("RateLimit:PermitLimit", "1"), ("RateLimit:QueueLimit", "0"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());
        host.AnswerFound();
        Assert.That(await host.Registry.ExistsAsync(Number), Is.True);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));
        var other = await host.Registry.FindAsync(Number);

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.HttpStatus, Is.Null);
        Assert.That(ex.IsRetryable, Is.True);
        Assert.That(ex.InnerException, Is.InstanceOf<RateLimiterRejectedException>());
        Assert.That(other, Is.Not.Null, "another endpoint has its own permits");
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, PageUrl, DetailUrl }));
    }

    [Test]
    public async Task A_registration_refused_by_a_full_queue_is_RateLimited_and_needs_no_verification()
    {
        using var host = Host(("RateLimit:PermitLimit", "1"), ("RateLimit:QueueLimit", "0"));
        AnswerCreated(host);
        await host.Registry.RegisterAsync(Samples.NewCustomer());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.ReconciliationLookups, Is.Empty);
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, CreateUrl, PageUrl, DetailUrl }));
    }

    [Test]
    public async Task A_read_whose_total_timeout_passes_while_it_waits_for_a_permit_is_Timeout_and_sends_nothing()
    {
        using var host = Host(("RateLimit:PermitLimit", "1"), ("TotalTimeout", "00:00:00.300"), ("AttemptTimeout", "00:00:00.100"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());
        Assert.That(await host.Registry.ExistsAsync(Number), Is.True);
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(Stopwatch.GetElapsedTime(started), Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300) - TimerSlack));
        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout));
        Assert.That(ex.Message, Does.Contain("rate limit").And.Contain("nothing was sent"));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl }));
    }

    [Test]
    public async Task A_registration_whose_total_timeout_passes_while_it_waits_for_a_permit_is_Timeout_not_OutcomeUnknown()
    {
        using var host = Host(("RateLimit:PermitLimit", "1"), ("TotalTimeout", "00:00:00.300"), ("AttemptTimeout", "00:00:00.100"));
        AnswerCreated(host);
        await host.Registry.RegisterAsync(Samples.NewCustomer());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout));
        Assert.That(ex.IsRetryable, Is.True);
        Assert.That(ex.ReconciliationLookups, Is.Empty);
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, CreateUrl, PageUrl, DetailUrl }), "no create was sent, so nothing was verified");
    }
}
