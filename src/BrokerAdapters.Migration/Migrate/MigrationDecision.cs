namespace BrokerAdapters.Migration;

/// <summary>What to do with one source customer: the plan row, and what an apply run acts on.</summary>
internal sealed record MigrationDecision
{
    public required MigrationPlanAction Action { get; init; }

    public NewCustomer? ToCreate { get; init; }

    public IReadOnlyList<FieldError> Problems { get; init; } = [];

    public string? Detail { get; init; }

    public string? TargetId { get; init; }

    public string? TargetNumber { get; init; }

    /// <summary>The lookup failure when <see cref="Action"/> is <see cref="MigrationPlanAction.CheckFailed"/>.</summary>
    public UserRegistryException? Error { get; init; }
}
