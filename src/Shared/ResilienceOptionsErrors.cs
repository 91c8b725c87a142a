namespace BrokerAdapters.Internal;

/// <summary>
/// Checks <see cref="ProviderResilienceOptions"/> against the ranges the pipeline accepts, at start-up, naming each
/// setting by its path (e.g. <c>UserRegistry:Cmfbl:Resilience:MaxRetries</c>).
/// </summary>
internal static class ResilienceOptionsErrors
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);
    private static readonly TimeSpan MinBreakerWindow = TimeSpan.FromMilliseconds(500);

    /// <param name="failures">Collects the messages.</param>
    /// <param name="path">Turns a setting name under <c>Resilience</c> into its full path.</param>
    /// <param name="options">The settings.</param>
    public static void Validate(List<string> failures, Func<string, string> path, ProviderResilienceOptions options)
    {
        Range(failures, path(nameof(options.TotalTimeout)), options.TotalTimeout, MinTimeout, MaxTimeout);
        Range(failures, path(nameof(options.AttemptTimeout)), options.AttemptTimeout, MinTimeout, MaxTimeout);
        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add($"{path(nameof(options.AttemptTimeout))} must not be longer than {path(nameof(options.TotalTimeout))}.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{path(nameof(options.MaxRetries))} must be between 0 and 10.");
        }

        Range(failures, path(nameof(options.RetryDelay)), options.RetryDelay, TimeSpan.Zero, MaxTimeout);
        Range(failures, path(nameof(options.MaxRetryDelay)), options.MaxRetryDelay, TimeSpan.Zero, MaxTimeout);
        if (options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"{path(nameof(options.MaxRetryDelay))} must not be shorter than {path(nameof(options.RetryDelay))}.");
        }

        var breaker = options.CircuitBreaker;
        var breakerPath = nameof(options.CircuitBreaker) + ":";
        if (!(breaker.FailureRatio > 0 && breaker.FailureRatio <= 1))
        {
            failures.Add($"{path(breakerPath + nameof(breaker.FailureRatio))} must be greater than 0 and at most 1.");
        }

        if (breaker.MinimumThroughput < 2)
        {
            failures.Add($"{path(breakerPath + nameof(breaker.MinimumThroughput))} must be at least 2.");
        }

        Range(failures, path(breakerPath + nameof(breaker.SamplingDuration)), breaker.SamplingDuration, MinBreakerWindow, MaxTimeout);
        Range(failures, path(breakerPath + nameof(breaker.BreakDuration)), breaker.BreakDuration, MinBreakerWindow, MaxTimeout);

        var limit = options.RateLimit;
        var limitPath = nameof(options.RateLimit) + ":";
        if (limit.PermitLimit is <= 0)
        {
            failures.Add($"{path(limitPath + nameof(limit.PermitLimit))} must be positive, or empty for no limit.");
        }

        Range(failures, path(limitPath + nameof(limit.Window)), limit.Window, MinTimeout, MaxTimeout);
        if (limit.QueueLimit < 0)
        {
            failures.Add($"{path(limitPath + nameof(limit.QueueLimit))} must not be negative.");
        }
    }

    private static void Range(List<string> failures, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{setting} must be between {min} and {max}.");
        }
    }
}
