namespace BrokerAdapters.Migration;

/// <summary>The counts of an apply run per outcome, how long it took and why it stopped.</summary>
public sealed record MigrationSummary
{
    /// <summary>Gets where the run stands, or why it stopped.</summary>
    public MigrationRunStatus Status { get; init; }

    /// <summary>Gets how many source customers were read.</summary>
    public long Read { get; init; }

    /// <summary>Gets how many customers were created.</summary>
    public long Created { get; init; }

    /// <summary>Gets how many customers were skipped, whatever the reason.</summary>
    public long Skipped { get; init; }

    /// <summary>Gets how many customers failed.</summary>
    public long Failed { get; init; }

    /// <summary>Gets how many skipped customers an earlier run had migrated.</summary>
    public long AlreadyMigrated { get; init; }

    /// <summary>Gets how many skipped customers the target had already.</summary>
    public long AlreadyExists { get; init; }

    /// <summary>Gets how many skipped customers lack required fields or a password.</summary>
    public long CannotCreate { get; init; }

    /// <summary>Gets how many skipped customers repeat an earlier source customer's key.</summary>
    public long DuplicateInSource { get; init; }

    /// <summary>Gets how many failed customers have a registration of unknown outcome to reconcile.</summary>
    public long NeedsReconciliation { get; init; }

    /// <summary>Gets the rows that reached the target (created, failed, or found to exist), the base of the failure percentage.</summary>
    public long Attempted { get; init; }

    /// <summary>Gets how long the run took (so far).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Gets how many rows have a result.</summary>
    public long Processed => Created + Skipped + Failed;
}
