namespace BrokerAdapters.Testing;

/// <summary>How a <see cref="CmfblEmulator"/> behaves.</summary>
public sealed class CmfblEmulatorOptions
{
    /// <summary>Gets or sets the clock; the system clock when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets how long an admin token stays valid. Defaults to two hours.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Gets or sets the per-minute limit per endpoint and company; <see langword="null"/> (the default) for none.</summary>
    public int? RateLimitPerMinute { get; set; }

    /// <summary>
    /// Gets or sets how far a request's <c>timestamp</c> may be from the emulator's clock in the encrypted mode before it
    /// is refused with <c>GGATEWAY_CODE_014</c>; <see langword="null"/> (the default) does not check.
    /// </summary>
    public TimeSpan? MaxClockSkew { get; set; }

    /// <summary>Gets or sets how many wrong passwords in a row lock a customer. Defaults to 5, as CMFBL documents.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>Gets or sets how long a verification code is accepted after it was sent. Defaults to ten minutes.</summary>
    public TimeSpan VerificationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets how many registrations a verification ticket may refuse before it answers
    /// <c>USCUSTOMER_API_0000512</c> (too many wrong codes) whatever the code. Defaults to 5.
    /// </summary>
    public int MaxVerificationAttempts { get; set; } = 5;

    /// <summary>Gets or sets the balance a demo account opens with and is reset to. Defaults to 100 000.</summary>
    public decimal DemoInitialBalance { get; set; } = 100_000m;

    /// <summary>
    /// Gets or sets how long after a demo reset another is refused with <c>USCUSTOMER_API_0000009</c>;
    /// <see langword="null"/> (the default) refuses none.
    /// </summary>
    public TimeSpan? DemoResetCooldown { get; set; }
}
