namespace BrokerAdapters;

/// <summary>
/// When a provider keeps failing, stop calling it for a while: calls fail at once with
/// <see cref="UserRegistryErrorKind.Unavailable"/> (nothing is sent) until <see cref="BreakDuration"/> has passed.
/// </summary>
public sealed class ProviderCircuitBreakerOptions
{
    /// <summary>Gets or sets whether the circuit breaker is on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the share of failed attempts (0 to 1, exclusive of 0) that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets how many attempts must have been made within <see cref="SamplingDuration"/> before the ratio counts.</summary>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>Gets or sets the window over which the failure ratio is measured.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the circuit stays open before a trial call is let through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
