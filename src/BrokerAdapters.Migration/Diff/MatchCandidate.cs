namespace BrokerAdapters.Migration;

/// <summary>A target customer that an <see cref="DiffCategory.Ambiguous"/> source customer could be, and by which keys.</summary>
/// <param name="Customer">The target customer.</param>
/// <param name="Keys">The match keys whose values lead to it, in priority order.</param>
public sealed record MatchCandidate(CustomerReference Customer, IReadOnlyList<MatchKey> Keys);
