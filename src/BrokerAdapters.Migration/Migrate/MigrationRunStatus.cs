namespace BrokerAdapters.Migration;

/// <summary>Where an apply run stands, or why it stopped.</summary>
public enum MigrationRunStatus
{
    /// <summary>The results have not been enumerated yet; nothing happened.</summary>
    NotStarted,

    /// <summary>The run is in progress.</summary>
    Running,

    /// <summary>Every source customer was processed.</summary>
    Completed,

    /// <summary>Failures passed <see cref="MigrationOptions.FailureThreshold"/>; the remaining customers were not attempted.</summary>
    StoppedByFailureThreshold,

    /// <summary>The caller cancelled or stopped enumerating; registrations in flight were completed and journaled.</summary>
    Cancelled,

    /// <summary>An unexpected error (reading the source, writing the journal) ended the run; it is rethrown to the caller.</summary>
    Faulted,
}
