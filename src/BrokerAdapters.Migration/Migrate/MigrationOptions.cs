namespace BrokerAdapters.Migration;

/// <summary>How <see cref="CustomerMigrator"/> plans, applies and probes a migration.</summary>
public sealed class MigrationOptions
{
    /// <summary>The default of <see cref="MaxConcurrency"/>.</summary>
    public const int DefaultMaxConcurrency = 4;

    /// <summary>
    /// Gets the journal: the append-only JSON Lines file that is both the checkpoint and the mapping (source key →
    /// target id and number). Required to apply and to probe; when set for a plan, customers an earlier run migrated
    /// are planned as <see cref="MigrationPlanAction.AlreadyMigrated"/>. Use one journal per source and target pair.
    /// It never contains passwords.
    /// </summary>
    public string? JournalPath { get; init; }

    /// <summary>
    /// Gets where the passwords of the new customers come from. Required to apply, since passwords cannot be copied;
    /// when set for a plan, customers without an available password are planned as <see cref="MigrationPlanAction.CannotCreate"/>.
    /// </summary>
    public MigrationPasswordPolicy? Passwords { get; init; }

    /// <summary>Gets how many source customers are processed at once (lookups and registrations). Defaults to <see cref="DefaultMaxConcurrency"/>.</summary>
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    /// <summary>Gets when an apply run stops because too many rows failed. Defaults to <see cref="MigrationFailureThreshold.Default"/>.</summary>
    public MigrationFailureThreshold FailureThreshold { get; init; } = MigrationFailureThreshold.Default;

    /// <summary>
    /// Gets whether each customer is looked up in the target (by email and phone, with whichever of Find and Exists
    /// the target's descriptor offers) before it is registered. Defaults to <see langword="true"/>. Registrations
    /// the target refuses as duplicates are skipped either way.
    /// </summary>
    public bool LookUpExisting { get; init; } = true;

    /// <summary>
    /// Gets whether a registration whose outcome is unknown may be attempted again when the target cannot check
    /// whether it happened. Defaults to <see langword="false"/>: such rows fail with
    /// <see cref="MigrationResult.NeedsReconciliation"/> until the operator has checked them.
    /// </summary>
    public bool RetryInDoubt { get; init; }

    /// <summary>
    /// Gets where an apply run reports its counts and rate after each row, e.g. for a progress bar. It is called from
    /// the rows' threads, possibly at the same time (<see cref="Progress{T}"/> posts to the context it was created on).
    /// </summary>
    public IProgress<MigrationProgress>? Progress { get; init; }

    /// <summary>Gets the clock for timestamps in the journal, elapsed times and rates. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "MigrationOptions.MaxConcurrency must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(FailureThreshold, nameof(FailureThreshold));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        FailureThreshold.Validate();
        if (JournalPath is not null && string.IsNullOrWhiteSpace(JournalPath))
        {
            throw new ArgumentException("MigrationOptions.JournalPath must not be empty.", nameof(JournalPath));
        }

        if (JournalPath is not null && Passwords is { GeneratesPasswords: true } policy
            && string.Equals(Path.GetFullPath(JournalPath), Path.GetFullPath(policy.Path), StringComparison.Ordinal))
        {
            throw new ArgumentException("The password file must not be the journal: the journal never holds passwords.", nameof(Passwords));
        }
    }
}
