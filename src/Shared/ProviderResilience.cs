using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace BrokerAdapters.Internal;

/// <summary>
/// The resilience pipeline of a provider's HttpClient (Microsoft.Extensions.Http.Resilience), outermost first: total
/// timeout, retry, circuit breaker, per-endpoint rate limiter, attempt timeout. Reads are retried on transient
/// failures; writes only when the provider provably did not receive them.
/// </summary>
internal static class ProviderResilience
{
    /// <summary>The pipeline's name under the HttpClient's name (telemetry shows it).</summary>
    public const string PipelineName = "BrokerAdapters";

    /// <summary>Set on every request: whether it changes something at the provider (then it is never retried blindly).</summary>
    public static readonly HttpRequestOptionsKey<bool> IsWriteKey = new("BrokerAdapters.IsWrite");

    /// <summary>True while the request waits for a rate-limit permit, i.e. has certainly not been sent.</summary>
    public static readonly HttpRequestOptionsKey<bool> WaitingForPermitKey = new("BrokerAdapters.WaitingForPermit");

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>Adds the pipeline to a provider's HttpClient; <paramref name="options"/> reads the registry's settings.</summary>
    public static void AddTo(IHttpClientBuilder http, Func<IServiceProvider, ProviderResilienceOptions> options)
    {
        // The pipeline's timeouts govern; HttpClient's own 100 s default would cut a longer total timeout short.
        http.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        http.AddResilienceHandler(PipelineName, (builder, context) =>
        {
            // Delays and timeouts run on the system clock, whatever TimeProvider the application registered: a fake
            // clock that serves the wire timestamps in tests must not freeze retries and timeouts.
            builder.TimeProvider = TimeProvider.System;
            Build(builder, options(context.ServiceProvider), TimeProvider.System, context.OnPipelineDisposed);
        });

        // Inside the pipeline: each attempt it sends gets its own span.
        http.AddHttpMessageHandler(() => new ProviderAttemptHandler());
    }

    internal static void Build(ResiliencePipelineBuilder<HttpResponseMessage> builder, ProviderResilienceOptions settings, TimeProvider time, Action<Action> onDisposed)
    {
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total-timeout", Timeout = settings.TotalTimeout });
        if (!settings.Enabled)
        {
            return;
        }

        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryDelay,
                MaxDelay = settings.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, settings, time)),
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome.Result, settings, time)),
            });
        }

        var breaker = settings.CircuitBreaker;
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = "circuit-breaker",
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,

                // Being told to slow down is not the provider failing.
                ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
            });
        }

        if (settings.RateLimit.PermitLimit is { } permits)
        {
            var limit = settings.RateLimit;
            var limiter = PartitionedRateLimiter.Create<HttpRequestMessage, string>(request => RateLimitPartition.GetSlidingWindowLimiter(
                request.RequestUri?.AbsolutePath ?? string.Empty,
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = limit.Window,
                    SegmentsPerWindow = 6,
                    QueueLimit = limit.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                }));
            onDisposed(limiter.Dispose);
            builder.AddRateLimiter(new HttpRateLimiterStrategyOptions
            {
                Name = "rate-limiter",
                RateLimiter = args => AcquireAsync(limiter, args.Context),
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt-timeout", Timeout = settings.AttemptTimeout });
    }

    /// <summary>Sets a flag in the request's options without boxing a new <see cref="bool"/> each time.</summary>
    internal static void SetFlag(HttpRequestMessage request, HttpRequestOptionsKey<bool> key, bool value) =>
        ((IDictionary<string, object?>)request.Options)[key.Key] = value ? BoxedTrue : BoxedFalse;

    private static async ValueTask<RateLimitLease> AcquireAsync(PartitionedRateLimiter<HttpRequestMessage> limiter, ResilienceContext context)
    {
        var request = context.GetRequestMessage()
            ?? throw new InvalidOperationException("The resilience context carries no request.");
        SetFlag(request, WaitingForPermitKey, true);

        // Cleared only once the wait is over: a timeout that ends the wait leaves it set, so that the transport
        // reports a call that was never sent, not a write whose outcome is unknown.
        var lease = await limiter.AcquireAsync(request, 1, context.CancellationToken).ConfigureAwait(false);
        SetFlag(request, WaitingForPermitKey, false);
        return lease;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ProviderResilienceOptions settings, TimeProvider time)
    {
        var response = outcome.Result;
        if (response is not null && ProviderErrors.RetryAfterHeader(response.Headers, time) is { } asked && asked > settings.MaxRetryDelay)
        {
            // Asked to wait longer than we are willing to: the caller gets RateLimited with RetryAfter.
            return false;
        }

        var request = context.GetRequestMessage();
        var isWrite = request is not null && request.Options.TryGetValue(IsWriteKey, out var write) && write;
        if (!isWrite)
        {
            return HttpClientResiliencePredicates.IsTransient(outcome);
        }

        // A write is retried only when the provider provably did not act on it.
        return response?.StatusCode == HttpStatusCode.TooManyRequests
            || outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
    }

    /// <summary>
    /// The wait the provider asked for: <c>Retry-After</c> as given; CMFBL's <c>x-ratelimit-reset</c> is the length
    /// of its window (an upper bound of the wait), so it is capped at <see cref="ProviderResilienceOptions.MaxRetryDelay"/>.
    /// <see langword="null"/> leaves the exponential backoff.
    /// </summary>
    private static TimeSpan? ServerDelay(HttpResponseMessage? response, ProviderResilienceOptions settings, TimeProvider time)
    {
        if (response is null)
        {
            return null;
        }

        if (ProviderErrors.RetryAfterHeader(response.Headers, time) is { } asked)
        {
            return asked;
        }

        return ProviderErrors.RateLimitReset(response.Headers) is { } window
            ? (window < settings.MaxRetryDelay ? window : settings.MaxRetryDelay)
            : null;
    }
}
