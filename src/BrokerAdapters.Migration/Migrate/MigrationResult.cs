namespace BrokerAdapters.Migration;

/// <summary>What an apply run did with one source customer. Never carries a password.</summary>
public sealed record MigrationResult
{
    /// <summary>Gets the customer's position in the source, from 0.</summary>
    public required long Index { get; init; }

    /// <summary>Gets the source key: the source customer's <see cref="Customer.Id"/>.</summary>
    public required string SourceKey { get; init; }

    /// <summary>Gets the source customer as read.</summary>
    public required Customer Source { get; init; }

    /// <summary>Gets what happened.</summary>
    public required MigrationOutcome Outcome { get; init; }

    /// <summary>Gets why the customer was skipped, when <see cref="Outcome"/> is <see cref="MigrationOutcome.Skipped"/>.</summary>
    public MigrationSkipReason? SkipReason { get; init; }

    /// <summary>Gets more about the outcome, e.g. <c>found by Phone</c>, or the duplicate's earlier source key.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets the missing or unusable fields when the customer cannot be created.</summary>
    public IReadOnlyList<FieldError> Problems { get; init; } = [];

    /// <summary>Gets the target customer's id, when known.</summary>
    public string? TargetId { get; init; }

    /// <summary>Gets the target customer's number, when known.</summary>
    public string? TargetNumber { get; init; }

    /// <summary>Gets the error kind when <see cref="Outcome"/> is <see cref="MigrationOutcome.Failed"/>.</summary>
    public UserRegistryErrorKind? ErrorKind { get; init; }

    /// <summary>Gets the provider's error code, when it sent one.</summary>
    public string? ProviderCode { get; init; }

    /// <summary>Gets the request's trace id, for support tickets.</summary>
    public string? TraceId { get; init; }

    /// <summary>Gets the error message. It never contains the customer's password.</summary>
    public string? Message { get; init; }

    /// <summary>
    /// Gets whether the registration may or may not have happened (<see cref="UserRegistryErrorKind.OutcomeUnknown"/>):
    /// the next run checks the target before trying again, or, when the target cannot check, keeps reporting the row
    /// until the operator reconciles it (see <see cref="MigrationOptions.RetryInDoubt"/>).
    /// </summary>
    public bool NeedsReconciliation { get; init; }
}
