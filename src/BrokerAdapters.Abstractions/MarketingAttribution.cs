namespace BrokerAdapters;

/// <summary>The UTM parameters of the link a customer signed up through.</summary>
public sealed record MarketingAttribution
{
    /// <summary>Gets <c>utm_source</c>: the advertising source.</summary>
    public string? Source { get; init; }

    /// <summary>Gets <c>utm_medium</c>: the advertising medium.</summary>
    public string? Medium { get; init; }

    /// <summary>Gets <c>utm_campaign</c>: the campaign.</summary>
    public string? Campaign { get; init; }

    /// <summary>Gets <c>utm_content</c>: the ad group.</summary>
    public string? Content { get; init; }

    /// <summary>Gets <c>utm_term</c>: the keywords.</summary>
    public string? Term { get; init; }
}
