namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>A <see cref="MarketingAttribution"/> in JSON.</summary>
internal sealed record AttributionDocument(string? Source, string? Medium, string? Campaign, string? Content, string? Term)
{
    /// <summary>Maps the attribution.</summary>
    /// <param name="attribution">The attribution, or <see langword="null"/>.</param>
    /// <returns>The document, or <see langword="null"/>.</returns>
    public static AttributionDocument? From(MarketingAttribution? attribution) =>
        attribution is null ? null : new(attribution.Source, attribution.Medium, attribution.Campaign, attribution.Content, attribution.Term);
}
