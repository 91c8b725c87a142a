namespace BrokerAdapters.Migration;

/// <summary>What happened to one source customer during an apply run.</summary>
public enum MigrationOutcome
{
    /// <summary>The customer was registered in the target.</summary>
    Created,

    /// <summary>The customer was not registered, for the reason in <see cref="MigrationResult.SkipReason"/>.</summary>
    Skipped,

    /// <summary>The registration (or the lookup before it) failed; see <see cref="MigrationResult.ErrorKind"/>.</summary>
    Failed,
}
