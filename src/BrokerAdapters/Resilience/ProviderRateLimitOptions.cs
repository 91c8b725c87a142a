namespace BrokerAdapters;

/// <summary>
/// A client-side limit per endpoint, so that a burst of calls queues instead of earning HTTP 429 answers. Each
/// endpoint (URL path) has its own sliding window of <see cref="PermitLimit"/> requests per <see cref="Window"/>.
/// </summary>
public sealed class ProviderRateLimitOptions
{
    /// <summary>
    /// Gets or sets how many requests one endpoint may receive per <see cref="Window"/>; <see langword="null"/> turns the
    /// limit off. Each provider sets its documented limit as the default (CMFBL: 300 a minute; MC-CRM documents none).
    /// </summary>
    public int? PermitLimit { get; set; }

    /// <summary>Gets or sets the window the limit applies to.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how many requests may wait for a permit; one more is refused at once with
    /// <see cref="UserRegistryErrorKind.RateLimited"/>. Waiting counts towards <see cref="ProviderResilienceOptions.TotalTimeout"/>.
    /// </summary>
    public int QueueLimit { get; set; } = 10_000;
}
