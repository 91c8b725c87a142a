using System.Net;
using Polly.Timeout;
using static BrokerAdapters.Cmfbl.Tests.Resilience.Resilient;

namespace BrokerAdapters.Cmfbl.Tests.Resilience;

/// <summary>Reads (auth, exists, page, detail, login) are retried on transient failures, and only on those.</summary>
public sealed class CmfblReadRetryTests
{
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    [TestCase(HttpStatusCode.RequestTimeout)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    public async Task A_read_is_retried_on_a_transient_status_until_it_succeeds(HttpStatusCode status)
    {
        using var host = Host();
        host.Provider.Answer(ExistsUrl, _ => Status(status));
        host.Provider.Answer(ExistsUrl, _ => Status(status));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var exists = await host.Registry.ExistsAsync(Number);

        Assert.That(exists, Is.True);
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, ExistsUrl, ExistsUrl }));
    }

    [TestCase(HttpRequestError.ConnectionError)]
    [TestCase(HttpRequestError.NameResolutionError)]
    [TestCase(HttpRequestError.ResponseEnded)]
    public async Task A_read_is_retried_when_the_connection_fails(HttpRequestError error)
    {
        using var host = Host();
        host.Provider.Throw(ExistsUrl, new HttpRequestException(error, "connection failed"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var exists = await host.Registry.ExistsAsync(Number);

        Assert.That(exists, Is.True);
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, ExistsUrl }));
    }

    [Test]
    public async Task A_read_that_outlasts_the_attempt_timeout_is_abandoned_and_retried()
    {
        using var host = Host(("AttemptTimeout", "00:00:00.100"));
        host.Provider.Hang(ExistsUrl);
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var exists = await host.Registry.ExistsAsync(Number);

        Assert.That(exists, Is.True);
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, ExistsUrl }));
    }

    [Test]
    public async Task The_admin_authentication_is_a_read_and_is_retried_too()
    {
        using var host = CmfblTestHost.Create(answerAuth: false);
        host.Provider.Answer(AuthUrl, _ => Status(HttpStatusCode.BadGateway));
        host.Provider.AnswerJson(AuthUrl, CmfblTestHost.Fixture("auth.response.json"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        Assert.That(await host.Registry.ExistsAsync(Number), Is.True);
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, AuthUrl, ExistsUrl }));
    }

    [Test]
    public async Task A_find_retries_its_page_and_its_detail_each_on_their_own()
    {
        using var host = Host();
        host.Provider.Answer(PageUrl, _ => Status(HttpStatusCode.ServiceUnavailable));
        host.Provider.AnswerJson(PageUrl, CmfblTestHost.Fixture("page-by-number.response.json"));
        host.Provider.Throw(DetailUrl, new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        host.Provider.AnswerJson(DetailUrl, CmfblTestHost.Fixture("detail.response.json"));

        var customer = await host.Registry.FindAsync(Number);

        Assert.That(customer?.Number, Is.EqualTo("86021976"));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, PageUrl, PageUrl, DetailUrl, DetailUrl }));
    }

    [TestCase(HttpStatusCode.ServiceUnavailable, UserRegistryErrorKind.Unavailable)]
    [TestCase(HttpStatusCode.InternalServerError, UserRegistryErrorKind.Unavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout, UserRegistryErrorKind.Timeout)]
    [TestCase(HttpStatusCode.RequestTimeout, UserRegistryErrorKind.Timeout)]
    [TestCase(HttpStatusCode.TooManyRequests, UserRegistryErrorKind.RateLimited)]
    public async Task A_read_gives_up_after_MaxRetries_plus_one_attempts_with_the_last_status(HttpStatusCode status, UserRegistryErrorKind kind)
    {
        using var host = Host(("MaxRetries", "2"));
        host.Provider.Answer(ExistsUrl, _ => Status(status));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.HttpStatus, Is.EqualTo((int)status));
        Assert.That(ex.RetryAfter, Is.Null);
        Assert.That(ex.IsRetryable, Is.True);
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, ExistsUrl, ExistsUrl }));
    }

    [Test]
    public async Task A_read_whose_connection_keeps_failing_is_Unavailable_after_MaxRetries_plus_one_attempts()
    {
        using var host = Host(("MaxRetries", "2"));
        host.Provider.Throw(ExistsUrl, new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.HttpStatus, Is.Null);
        Assert.That(ex.InnerException, Is.TypeOf<HttpRequestException>());
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, ExistsUrl, ExistsUrl }));
    }

    [Test]
    public async Task A_read_that_keeps_timing_out_is_Timeout_after_MaxRetries_plus_one_attempts()
    {
        using var host = Host(("MaxRetries", "2"), ("AttemptTimeout", "00:00:00.500"));   // the admin token call must fit on a loaded machine
        host.Provider.Hang(ExistsUrl);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout));
        Assert.That(ex.HttpStatus, Is.Null);
        Assert.That(ex.InnerException, Is.TypeOf<TimeoutRejectedException>());
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl, ExistsUrl, ExistsUrl }));
    }

    [Test]
    public async Task By_default_a_read_is_tried_four_times()
    {
        using var host = Host();
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(host.Provider.To(ExistsUrl), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task MaxRetries_0_means_a_single_attempt()
    {
        using var host = Host(("MaxRetries", "0"));
        host.Provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.HttpStatus, Is.EqualTo(503));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl }));
    }

    [TestCase(HttpStatusCode.BadRequest, UserRegistryErrorKind.ProtocolError)]
    [TestCase(HttpStatusCode.Unauthorized, UserRegistryErrorKind.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden, UserRegistryErrorKind.Forbidden)]
    [TestCase(HttpStatusCode.NotFound, UserRegistryErrorKind.ProtocolError)]
    public async Task A_read_refused_with_a_client_error_is_not_retried(HttpStatusCode status, UserRegistryErrorKind kind)
    {
        using var host = Host();
        host.Provider.Answer(ExistsUrl, _ => Status(status));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.HttpStatus, Is.EqualTo((int)status));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl }));
    }

    [Test]
    public async Task A_provider_error_in_an_http_200_envelope_is_not_retried_by_the_pipeline()
    {
        using var host = Host();
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Error("G500", "system busy"));
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(Number));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.ProviderCode, Is.EqualTo("G500"));
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl }));
    }

    [Test]
    public async Task A_caller_cancelling_during_a_retry_delay_stops_the_call_and_nothing_more_is_sent()
    {
        // The provider asks for a 5 s wait, which MaxRetryDelay allows: the retry waits, and the caller gives up meanwhile.
        using var host = Host(("MaxRetryDelay", "00:00:10"));
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Provider.Answer(ExistsUrl, _ =>
        {
            first.TrySetResult();
            return Status(HttpStatusCode.ServiceUnavailable, retryAfter: "5");
        });
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());
        using var cancellation = new CancellationTokenSource();

        var call = host.Registry.ExistsAsync(Number, cancellation.Token);
        await first.Task;
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await cancellation.CancelAsync();

        await Assert.ThatAsync(() => call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Urls(host.Provider), Is.EqualTo(new[] { AuthUrl, ExistsUrl }));
    }
}
