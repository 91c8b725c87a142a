namespace BrokerAdapters.Migration;

/// <summary>
/// The keys of the source customers seen so far in a run — source key, and the normalised external id, email and
/// phone that providers keep unique — so that a second customer sharing one is reported, not sent to be refused.
/// Memory grows with the source: a few short strings per customer. Not thread-safe: used in source order.
/// </summary>
internal sealed class MigrationSourceIndex
{
    private static readonly MatchKey[] UniqueKeys = [MatchKey.ExternalId, MatchKey.Email, MatchKey.Phone];

    private readonly HashSet<string> _sourceKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<(MatchKey, string), string> _owners = [];

    /// <summary>Adds a source key; <see langword="false"/> when it was seen before.</summary>
    public bool AddSourceKey(string sourceKey) => _sourceKeys.Add(sourceKey);

    /// <summary>The first unique key <paramref name="customer"/> shares with an earlier customer, and that customer's source key.</summary>
    public (MatchKey Key, string Owner)? FindShared(Customer customer)
    {
        foreach (var key in UniqueKeys)
        {
            if (CustomerKeys.Of(customer, key) is { } value && _owners.TryGetValue((key, value), out var owner))
            {
                return (key, owner);
            }
        }

        return null;
    }

    /// <summary>Remembers <paramref name="customer"/>'s unique keys as owned by <paramref name="sourceKey"/>.</summary>
    public void AddKeys(Customer customer, string sourceKey)
    {
        foreach (var key in UniqueKeys)
        {
            if (CustomerKeys.Of(customer, key) is { } value)
            {
                _owners.TryAdd((key, value), sourceKey);
            }
        }
    }
}
