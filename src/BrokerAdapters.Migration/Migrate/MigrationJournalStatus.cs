namespace BrokerAdapters.Migration;

/// <summary>Where a source key stands in a journal.</summary>
internal enum MigrationJournalStatus
{
    /// <summary>Created by a run, or found to exist in the target: never register again.</summary>
    Done,

    /// <summary>A registration was started and its outcome is unknown (OutcomeUnknown, or a crash before its result line): reconcile first.</summary>
    InDoubt,

    /// <summary>The last registration failed definitely (nothing was created): a new run tries again.</summary>
    Failed,
}
