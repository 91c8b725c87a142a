namespace BrokerAdapters;

/// <summary>
/// How a provider's HTTP calls are protected: retries of reads, timeouts, a circuit breaker and a client-side rate
/// limit. Bound from the provider section's <c>Resilience</c> sub-section, e.g. <c>UserRegistry:Cmfbl:Resilience</c>.
/// </summary>
/// <remarks>
/// Reads (authentication, exists, find, list pages) are retried on transient failures. A registration is not
/// idempotent: it is retried only when the provider provably did not receive it (refused with HTTP 429, or a
/// connection that never opened). A call refused by the client-side rate limiter or the open circuit is not sent
/// at all; the caller gets a retryable error. See <c>docs/reliability.md</c>.
/// </remarks>
public sealed class ProviderResilienceOptions
{
    /// <summary>The name of the configuration sub-section these settings are bound from.</summary>
    public const string SectionName = "Resilience";

    /// <summary>Gets or sets whether the protection is on. When off, each call is one attempt bounded by <see cref="TotalTimeout"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many times a failed read is retried (0 to 10).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Gets or sets the longest wait before a retry. A provider that asks to wait longer (<c>Retry-After</c> or
    /// <c>x-ratelimit-reset</c>) is not retried: the caller gets <see cref="UserRegistryErrorKind.RateLimited"/> with
    /// <see cref="UserRegistryException.RetryAfter"/>.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long one attempt may take (the providers' own limits are about 15 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets how long a call may take in all, waits for the rate limit and retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Gets the circuit breaker's settings.</summary>
    public ProviderCircuitBreakerOptions CircuitBreaker { get; } = new();

    /// <summary>Gets the client-side rate limit's settings.</summary>
    public ProviderRateLimitOptions RateLimit { get; } = new();

    /// <inheritdoc />
    public override string ToString() =>
        $"ProviderResilienceOptions {{ Enabled = {Enabled}, MaxRetries = {MaxRetries}, AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout}, RateLimit = {RateLimit.PermitLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}/{RateLimit.Window} }}";
}
