using System.Diagnostics;
using BrokerAdapters.McCrm.Tests.TestSupport;
using Polly.RateLimiting;
using static BrokerAdapters.McCrm.Tests.Resilience.Resilient;

namespace BrokerAdapters.McCrm.Tests.Resilience;

/// <summary>
/// MC-CRM documents no limit, so there is none unless <c>RateLimit:PermitLimit</c> sets one; then each endpoint has
/// its own sliding window, and nothing is sent for a call refused or timed out while waiting for a permit.
/// </summary>
public sealed class McCrmRateLimitTests
{
    [Test]
    public async Task By_default_there_is_no_client_side_limit()
    {
        using var host = Host(("RateLimit:QueueLimit", "0"));
        host.Script(QueryUidUrl, Found());

        var found = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Registry.FindAsync(Uid)));

        Assert.That(found, Has.All.Not.Null);
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 20)));
    }

    [Test]
    public async Task Reads_beyond_the_limit_wait_for_the_window_to_move_and_a_signup_is_not_held_up()
    {
        using var host = Host(("RateLimit:PermitLimit", "2"), ("RateLimit:Window", "00:00:01"));
        host.Script(QueryUidUrl, Found());
        host.Script(SignupUrl, SignedUp());
        var started = Stopwatch.GetTimestamp();

        var reads = Enumerable.Range(0, 6).Select(_ => host.Registry.FindAsync(Uid)).ToArray();
        var signup = host.Registry.RegisterAsync(Customers.Full());

        Assert.That(await Task.WhenAll(reads), Has.All.Not.Null);
        Assert.That((await signup).Outcome, Is.EqualTo(RegistrationOutcome.Created));
        var queries = host.Requests.Where(r => r.Uri!.AbsoluteUri == QueryUidUrl).ToArray();
        Assert.That(queries, Has.Length.EqualTo(6));

        // The window slides in sixths: a permit comes back at least five sixths of a window after it was taken.
        var window = TimeSpan.FromSeconds(1);
        var since = queries.Select(r => Stopwatch.GetElapsedTime(started, r.ReceivedAt)).ToArray();
        Assert.That(since.Skip(2), Has.All.GreaterThanOrEqualTo((window * 5 / 6) - TimerSlack), "the 3rd to 6th waited for the window");
        Assert.That(since.Skip(4), Has.All.GreaterThanOrEqualTo((window * 10 / 6) - TimerSlack), "the 5th and 6th waited for the permits of the 3rd and 4th");

        var urls = Urls(host).ToList();
        var third = urls.Select((url, i) => (url, i)).Where(x => x.url == QueryUidUrl).ElementAt(2).i;
        Assert.That(urls.IndexOf(SignupUrl), Is.LessThan(third), "the signup did not wait for the query window");
    }

    [Test]
    public async Task A_call_refused_by_a_full_queue_is_RateLimited_and_sends_nothing()
    {
        using var host = Host(("RateLimit:PermitLimit", "1"), ("RateLimit:QueueLimit", "0"));
        host.Script(QueryUidUrl, Found());
        host.Script(SignupUrl, SignedUp());
        await host.Registry.FindAsync(Uid);
        await host.Registry.RegisterAsync(Customers.Full());

        var read = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));
        var write = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full()));

        foreach (var ex in new[] { read!, write! })
        {
            Assert.That(ex.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
            Assert.That(ex.HttpStatus, Is.Null);
            Assert.That(ex.IsRetryable, Is.True);
            Assert.That(ex.ReconciliationLookups, Is.Empty);
            Assert.That(ex.InnerException, Is.InstanceOf<RateLimiterRejectedException>());
        }

        Assert.That(Urls(host), Is.EqualTo(new[] { QueryUidUrl, SignupUrl }));
    }

    [Test]
    public async Task A_call_whose_total_timeout_passes_while_it_waits_for_a_permit_is_Timeout_and_sends_nothing()
    {
        using var host = Host(("RateLimit:PermitLimit", "1"), ("TotalTimeout", "00:00:00.300"), ("AttemptTimeout", "00:00:00.100"));
        host.Script(QueryUidUrl, Found());
        host.Script(SignupUrl, SignedUp());
        await host.Registry.FindAsync(Uid);
        await host.Registry.RegisterAsync(Customers.Full());
        var started = Stopwatch.GetTimestamp();

        var read = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));
        var write = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full()));

        Assert.That(Stopwatch.GetElapsedTime(started), Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(600) - TimerSlack));
        Assert.That(read!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout));
        Assert.That(write!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout), "nothing was sent, so the outcome is known");
        Assert.That(write.ReconciliationLookups, Is.Empty);
        Assert.That(write.Message, Does.Contain("rate limit").And.Contain("nothing was sent"));
        Assert.That(Urls(host), Is.EqualTo(new[] { QueryUidUrl, SignupUrl }));
    }
}
