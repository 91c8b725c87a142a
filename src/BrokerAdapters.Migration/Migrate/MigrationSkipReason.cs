namespace BrokerAdapters.Migration;

/// <summary>Why an apply run skipped a source customer.</summary>
public enum MigrationSkipReason
{
    /// <summary>An earlier run created or found the customer (per the journal).</summary>
    AlreadyMigrated,

    /// <summary>The target has the customer already: found by a lookup, or the target refused the registration as a duplicate.</summary>
    AlreadyExists,

    /// <summary>The customer lacks fields the target requires, or no password is available for it.</summary>
    CannotCreate,

    /// <summary>An earlier source customer has the same source key, email, phone or external id.</summary>
    DuplicateInSource,
}
