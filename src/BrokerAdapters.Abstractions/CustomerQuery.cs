namespace BrokerAdapters;

/// <summary>Options for <see cref="IUserRegistry.ListAsync"/>.</summary>
public sealed record CustomerQuery
{
    /// <summary>Gets how many customers to fetch per request; <see langword="null"/> uses the provider's default. Must be positive and within the provider's maximum (CMFBL: 2000).</summary>
    public int? PageSize { get; init; }
}
