namespace BrokerAdapters;

/// <summary>A postal address.</summary>
public sealed record PostalAddress
{
    /// <summary>Gets the street name.</summary>
    public string? Street { get; init; }

    /// <summary>Gets the house number.</summary>
    public string? HouseNumber { get; init; }

    /// <summary>Gets the city.</summary>
    public string? City { get; init; }

    /// <summary>Gets the postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Gets the address as one free-text line, for providers that keep it so.</summary>
    public string? Line { get; init; }
}
