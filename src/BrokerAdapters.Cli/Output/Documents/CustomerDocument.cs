using System.Globalization;

namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>
/// A <see cref="Customer"/> as the CLI prints it in JSON: every field of the unified model, in a fixed order, nulls
/// included, <see cref="Customer.Extra"/> with the provider's wire names as keys.
/// </summary>
internal sealed record CustomerDocument(
    string Provider,
    string Id,
    string? Number,
    string? ExternalId,
    string? Email,
    PhoneDocument? Phone,
    string? Country,
    NameDocument? Name,
    string? BirthDate,
    AddressDocument? Address,
    string? Language,
    string? TimeZone,
    RegistrationSource? Source,
    string? GroupId,
    AttributionDocument? Attribution,
    string? ClientIp,
    string? Device,
    CustomerStatus Status,
    string? KycStatus,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? LastLoginAt,
    IReadOnlyDictionary<string, string?> Extra)
{
    /// <summary>Maps a customer.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The document.</returns>
    public static CustomerDocument From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new(
            customer.Provider,
            customer.Id,
            customer.Number,
            customer.ExternalId,
            customer.Email,
            PhoneDocument.From(customer.Phone),
            customer.Country,
            NameDocument.From(customer.Name),
            customer.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AddressDocument.From(customer.Address),
            customer.Language,
            customer.TimeZone,
            customer.Source,
            customer.GroupId,
            AttributionDocument.From(customer.Attribution),
            customer.ClientIp,
            customer.Device,
            customer.Status,
            customer.KycStatus,
            customer.CreatedAt,
            customer.UpdatedAt,
            customer.LastLoginAt,
            new SortedDictionary<string, string?>(customer.Extra.ToDictionary(), StringComparer.Ordinal));
    }
}
