namespace BrokerAdapters.Migration;

/// <summary>What a migration would do with one source customer. Never carries a password.</summary>
public sealed record MigrationPlanRow
{
    /// <summary>Gets the customer's position in the source, from 0.</summary>
    public required long Index { get; init; }

    /// <summary>Gets the source key: the source customer's <see cref="Customer.Id"/>, which the journal and password files are keyed by.</summary>
    public required string SourceKey { get; init; }

    /// <summary>Gets the source customer as read.</summary>
    public required Customer Source { get; init; }

    /// <summary>Gets what would happen.</summary>
    public required MigrationPlanAction Action { get; init; }

    /// <summary>
    /// Gets the customer that would be registered (without its password) when <see cref="Action"/> is
    /// <see cref="MigrationPlanAction.Create"/> or <see cref="MigrationPlanAction.CannotCreate"/>.
    /// </summary>
    public NewCustomer? ToCreate { get; init; }

    /// <summary>Gets why the customer cannot be created (each missing or unusable field with the reason), or the failed check.</summary>
    public IReadOnlyList<FieldError> Problems { get; init; } = [];

    /// <summary>Gets more about the action, e.g. <c>found by Phone</c> or the earlier source key a duplicate shares a key with.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets the target customer's id, when known (already migrated, or found by a lookup that returns it).</summary>
    public string? TargetId { get; init; }

    /// <summary>Gets the target customer's number, when known.</summary>
    public string? TargetNumber { get; init; }
}
