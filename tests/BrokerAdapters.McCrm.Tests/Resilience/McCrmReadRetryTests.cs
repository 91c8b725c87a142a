using System.Diagnostics;
using System.Net;
using Polly.Timeout;
using static BrokerAdapters.McCrm.Tests.Resilience.Resilient;

namespace BrokerAdapters.McCrm.Tests.Resilience;

/// <summary>The read (<c>user/query/uid</c>) is retried on transient failures, and only on those.</summary>
public sealed class McCrmReadRetryTests
{
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.RequestTimeout)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    public async Task A_read_is_retried_on_a_transient_status_until_it_succeeds(HttpStatusCode status)
    {
        using var host = Host();
        host.Script(QueryUidUrl, Status(status), Status(status), Found());

        var customer = await host.Registry.FindAsync(Uid);

        Assert.That(customer?.Id, Is.EqualTo("3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e"));
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 3)));
    }

    [TestCase(HttpRequestError.ConnectionError)]
    [TestCase(HttpRequestError.ResponseEnded)]
    public async Task A_read_is_retried_when_the_connection_fails(HttpRequestError error)
    {
        using var host = Host();
        host.Script(QueryUidUrl, Throw(error), Found());

        Assert.That(await host.Registry.FindAsync(Uid), Is.Not.Null);
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 2)));
    }

    [Test]
    public async Task A_read_that_outlasts_the_attempt_timeout_is_abandoned_and_retried()
    {
        using var host = Host(("AttemptTimeout", "00:00:00.100"));
        host.Script(QueryUidUrl, Hang(), Found());

        Assert.That(await host.Registry.FindAsync(Uid), Is.Not.Null);
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 2)));
    }

    [TestCase(HttpStatusCode.ServiceUnavailable, UserRegistryErrorKind.Unavailable)]
    [TestCase(HttpStatusCode.InternalServerError, UserRegistryErrorKind.Unavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout, UserRegistryErrorKind.Timeout)]
    [TestCase(HttpStatusCode.RequestTimeout, UserRegistryErrorKind.Timeout)]
    [TestCase(HttpStatusCode.TooManyRequests, UserRegistryErrorKind.RateLimited)]
    public async Task A_read_gives_up_after_MaxRetries_plus_one_attempts_with_the_last_status(HttpStatusCode status, UserRegistryErrorKind kind)
    {
        using var host = Host(("MaxRetries", "2"));
        host.Script(QueryUidUrl, Status(status));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.HttpStatus, Is.EqualTo((int)status));
        Assert.That(ex.IsRetryable, Is.True);
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 3)));
    }

    [Test]
    public async Task A_read_whose_connection_keeps_failing_is_Unavailable_after_MaxRetries_plus_one_attempts()
    {
        using var host = Host(("MaxRetries", "2"));
        host.Script(QueryUidUrl, Throw(HttpRequestError.ConnectionError));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.HttpStatus, Is.Null);
        Assert.That(ex.InnerException, Is.TypeOf<HttpRequestException>());
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 3)));
    }

    [Test]
    public async Task A_read_that_keeps_timing_out_is_Timeout_after_MaxRetries_plus_one_attempts()
    {
        using var host = Host(("MaxRetries", "2"), ("AttemptTimeout", "00:00:00.050"));
        host.Script(QueryUidUrl, Hang());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout));
        Assert.That(ex.InnerException, Is.TypeOf<TimeoutRejectedException>());
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 3)));
    }

    [Test]
    public async Task By_default_a_read_is_tried_four_times()
    {
        using var host = Host();
        host.Script(QueryUidUrl, Status(HttpStatusCode.BadGateway));

        await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));

        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 4)));
    }

    [Test]
    public async Task MaxRetries_0_means_a_single_attempt()
    {
        using var host = Host(("MaxRetries", "0"));
        host.Script(QueryUidUrl, Status(HttpStatusCode.ServiceUnavailable), Found());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.HttpStatus, Is.EqualTo(503));
        Assert.That(Urls(host), Is.EqualTo(new[] { QueryUidUrl }));
    }

    [TestCase(HttpStatusCode.Unauthorized, UserRegistryErrorKind.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden, UserRegistryErrorKind.Forbidden)]
    [TestCase(HttpStatusCode.BadRequest, UserRegistryErrorKind.ProtocolError)]
    public async Task A_read_refused_with_a_client_error_is_not_retried(HttpStatusCode status, UserRegistryErrorKind kind)
    {
        using var host = Host();
        host.Script(QueryUidUrl, Status(status), Found());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(Urls(host), Is.EqualTo(new[] { QueryUidUrl }));
    }

    [TestCase(HttpStatusCode.TooManyRequests, UserRegistryErrorKind.RateLimited)]
    [TestCase(HttpStatusCode.ServiceUnavailable, UserRegistryErrorKind.Unavailable)]
    public async Task A_Retry_After_longer_than_MaxRetryDelay_is_not_waited_for_but_reported(HttpStatusCode status, UserRegistryErrorKind kind)
    {
        using var host = Host();
        host.Script(QueryUidUrl, Status(status, retryAfter: "45"), Found());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.HttpStatus, Is.EqualTo((int)status));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(45)));
        Assert.That(Urls(host), Is.EqualTo(new[] { QueryUidUrl }));
    }

    [Test]
    public async Task A_Retry_After_within_MaxRetryDelay_is_waited_for_on_the_system_clock()
    {
        // The host registers a FakeTimeProvider that never moves: the wait must still pass, on the real clock.
        using var host = Host(("MaxRetryDelay", "00:00:02"));
        host.Script(QueryUidUrl, Status(HttpStatusCode.TooManyRequests, retryAfter: "1"), Found());

        Assert.That(await host.Registry.FindAsync(Uid), Is.Not.Null);
        var attempts = host.Requests.ToArray();
        Assert.That(attempts, Has.Length.EqualTo(2));
        Assert.That(Between(attempts[0], attempts[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1) - TimerSlack));
    }

    [Test]
    public async Task A_caller_cancelling_during_a_retry_delay_stops_the_call_and_nothing_more_is_sent()
    {
        using var host = Host(("MaxRetryDelay", "00:00:10"));
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Script(QueryUidUrl, Signal(first, Status(HttpStatusCode.ServiceUnavailable, retryAfter: "5")), Found());
        using var cancellation = new CancellationTokenSource();

        var call = host.Registry.FindAsync(Uid, cancellation.Token);
        await first.Task;
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await cancellation.CancelAsync();

        await Assert.ThatAsync(() => call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Urls(host), Is.EqualTo(new[] { QueryUidUrl }));
    }

    [Test]
    public async Task With_resilience_disabled_a_call_is_one_attempt_bounded_only_by_the_total_timeout()
    {
        using var host = Host(("Enabled", "false"), ("AttemptTimeout", "00:00:00.050"), ("TotalTimeout", "00:00:00.400"));
        host.Script(QueryUidUrl, Status(HttpStatusCode.ServiceUnavailable), Hang());
        var failed = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));
        var started = Stopwatch.GetTimestamp();

        var timedOut = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(Uid));

        Assert.That(Stopwatch.GetElapsedTime(started), Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400) - TimerSlack));
        Assert.That(failed!.HttpStatus, Is.EqualTo(503));
        Assert.That(timedOut!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout));
        Assert.That(Urls(host), Is.EqualTo(Repeat(QueryUidUrl, 2)));
    }
}
