namespace BrokerAdapters.Migration;

/// <summary>What a migration would do with one source customer.</summary>
public enum MigrationPlanAction
{
    /// <summary>The customer would be registered in the target.</summary>
    Create,

    /// <summary>The customer cannot be registered: the target requires fields it lacks, or no password is available; <see cref="MigrationPlanRow.Problems"/> says which.</summary>
    CannotCreate,

    /// <summary>An earlier run already created (or found) the customer; the journal says so.</summary>
    AlreadyMigrated,

    /// <summary>The target already has a customer with this email or phone.</summary>
    AlreadyExists,

    /// <summary>An earlier source customer has the same source key, email, phone or external id; the target would refuse the second one.</summary>
    DuplicateInSource,

    /// <summary>An earlier run's registration has an unknown outcome and the target cannot check whether it happened: reconcile by hand.</summary>
    NeedsReconciliation,

    /// <summary>Looking the customer up in the target failed; <see cref="MigrationPlanRow.Problems"/> carries the error.</summary>
    CheckFailed,
}
