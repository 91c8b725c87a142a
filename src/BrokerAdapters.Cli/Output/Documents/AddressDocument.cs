namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>A <see cref="PostalAddress"/> in JSON.</summary>
internal sealed record AddressDocument(string? Street, string? HouseNumber, string? City, string? PostalCode, string? Line)
{
    /// <summary>Maps an address.</summary>
    /// <param name="address">The address, or <see langword="null"/>.</param>
    /// <returns>The document, or <see langword="null"/>.</returns>
    public static AddressDocument? From(PostalAddress? address) =>
        address is null ? null : new(address.Street, address.HouseNumber, address.City, address.PostalCode, address.Line);
}
