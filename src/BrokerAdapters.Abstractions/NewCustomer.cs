using System.Text;

namespace BrokerAdapters;

/// <summary>A customer to register. Which fields are required depends on the provider; see its documentation.</summary>
/// <remarks><see cref="ToString"/> never prints <see cref="Password"/>.</remarks>
public sealed record NewCustomer
{
    /// <summary>Gets the email address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the phone number.</summary>
    public PhoneNumber? Phone { get; init; }

    /// <summary>Gets the password in plain text; the provider encodes it (hash or encryption) before it leaves the process.</summary>
    public string? Password { get; init; }

    /// <summary>Gets the country as an ISO 3166-1 alpha-2 code, e.g. <c>HK</c>.</summary>
    public string? Country { get; init; }

    /// <summary>Gets the person's name.</summary>
    public PersonName? Name { get; init; }

    /// <summary>Gets the date of birth.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Gets the postal address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Gets the preferred language as a BCP 47 tag, e.g. <c>en-US</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the time zone, as the provider expects it (e.g. <c>UTC+8:00</c>).</summary>
    public string? TimeZone { get; init; }

    /// <summary>Gets where the customer registered from; providers that need it fall back to a configured default.</summary>
    public RegistrationSource? Source { get; init; }

    /// <summary>Gets the provider's customer group; providers that need it fall back to a configured default.</summary>
    public string? GroupId { get; init; }

    /// <summary>Gets the caller's own identifier of this customer, kept by the provider (CMFBL <c>thirdServerCode</c>, MC-CRM <c>userId</c>).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the marketing attribution (UTM parameters).</summary>
    public MarketingAttribution? Attribution { get; init; }

    /// <summary>Gets the IP address the customer registered from.</summary>
    public string? ClientIp { get; init; }

    /// <summary>Gets the device model the customer registered with.</summary>
    public string? Device { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Email = ").Append(Email)
            .Append(", Phone = ").Append(Phone)
            .Append(", Password = ").Append(Password is null ? "(none)" : "***")
            .Append(", Country = ").Append(Country)
            .Append(", Name = ").Append(Name)
            .Append(", ExternalId = ").Append(ExternalId)
            .Append(", Source = ").Append(Source);
        return true;
    }
}
