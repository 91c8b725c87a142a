namespace BrokerAdapters.Migration;

/// <summary>One result of a diff: a source customer and what it matched, or a target customer nothing matched.</summary>
public sealed class CustomerDiffEntry
{
    private CustomerDiffEntry(DiffCategory category)
    {
        Category = category;
    }

    /// <summary>Gets what the diff found.</summary>
    public DiffCategory Category { get; }

    /// <summary>Gets the highest-priority key that matched, for <see cref="DiffCategory.Identical"/> and <see cref="DiffCategory.Changed"/>.</summary>
    public MatchKey? MatchKey { get; private init; }

    /// <summary>Gets the source customer's identity; <see langword="null"/> for <see cref="DiffCategory.OnlyInTarget"/>.</summary>
    public CustomerReference? Source { get; private init; }

    /// <summary>
    /// Gets the whole source customer, as the source side yielded it, so that a migration can create it;
    /// <see langword="null"/> for <see cref="DiffCategory.OnlyInTarget"/>.
    /// </summary>
    public Customer? SourceCustomer { get; private init; }

    /// <summary>Gets the matched target customer's identity, for <see cref="DiffCategory.Identical"/>, <see cref="DiffCategory.Changed"/> and <see cref="DiffCategory.OnlyInTarget"/>.</summary>
    public CustomerReference? Target { get; private init; }

    /// <summary>Gets the fields that differ, in field order (then <c>Extra.*</c> by name); empty unless <see cref="DiffCategory.Changed"/>.</summary>
    public IReadOnlyList<FieldDifference> Changes { get; private init; } = [];

    /// <summary>Gets why the source customer is <see cref="DiffCategory.Ambiguous"/>.</summary>
    public AmbiguityReason? Ambiguity { get; private init; }

    /// <summary>Gets the target customers an <see cref="DiffCategory.Ambiguous"/> source customer could be; empty otherwise.</summary>
    public IReadOnlyList<MatchCandidate> Candidates { get; private init; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"{Category} {Source?.Provider}:{Source?.Id} -> {Target?.Provider}:{Target?.Id}" + (Changes.Count == 0 ? string.Empty : $" ({Changes.Count} fields)");

    internal static CustomerDiffEntry Matched(Customer source, CustomerReference target, MatchKey key, IReadOnlyList<FieldDifference>? changes) =>
        new(changes is { Count: > 0 } ? DiffCategory.Changed : DiffCategory.Identical)
        {
            MatchKey = key,
            Source = CustomerReference.From(source),
            SourceCustomer = source,
            Target = target,
            Changes = changes ?? [],
        };

    internal static CustomerDiffEntry OnlyInSource(Customer source) =>
        new(DiffCategory.OnlyInSource) { Source = CustomerReference.From(source), SourceCustomer = source };

    internal static CustomerDiffEntry OnlyInTarget(CustomerReference target) =>
        new(DiffCategory.OnlyInTarget) { Target = target };

    internal static CustomerDiffEntry Ambiguous(Customer source, AmbiguityReason reason, IReadOnlyList<MatchCandidate> candidates) =>
        new(DiffCategory.Ambiguous)
        {
            Source = CustomerReference.From(source),
            SourceCustomer = source,
            Ambiguity = reason,
            Candidates = candidates,
        };
}
