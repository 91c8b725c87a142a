namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>A <see cref="CustomerLookup"/> in JSON: what was searched by, and the value.</summary>
internal sealed record LookupDocument(CustomerLookupKind Kind, string Value)
{
    /// <summary>Maps a lookup.</summary>
    /// <param name="lookup">The lookup.</param>
    /// <returns>The document.</returns>
    public static LookupDocument From(CustomerLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return new(lookup.Kind, lookup.Value);
    }
}
