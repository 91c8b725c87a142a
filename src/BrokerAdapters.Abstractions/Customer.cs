using System.Collections.ObjectModel;

namespace BrokerAdapters;

/// <summary>A customer as a provider stores it, in the unified model.</summary>
public sealed record Customer
{
    private static readonly IReadOnlyDictionary<string, string?> NoExtra =
        new ReadOnlyDictionary<string, string?>(new Dictionary<string, string?>());

    /// <summary>Gets the name of the provider the customer lives in, e.g. <c>Cmfbl</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the provider's key of the customer (CMFBL customer id, MC-CRM <c>uid</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the provider's customer number (CMFBL <c>customerNo</c>, MC-CRM <c>bizCode</c>).</summary>
    public string? Number { get; init; }

    /// <summary>Gets the caller's own identifier (CMFBL <c>thirdServerCode</c>, MC-CRM <c>userId</c>).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the email address. Providers may mask it in some answers (e.g. <c>22**@qq.com</c>).</summary>
    public string? Email { get; init; }

    /// <summary>Gets the phone number.</summary>
    public PhoneNumber? Phone { get; init; }

    /// <summary>Gets the country as an ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; init; }

    /// <summary>Gets the person's name.</summary>
    public PersonName? Name { get; init; }

    /// <summary>Gets the date of birth.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Gets the postal address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Gets the preferred language.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the time zone.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Gets where the customer registered from.</summary>
    public RegistrationSource? Source { get; init; }

    /// <summary>Gets the provider's customer group.</summary>
    public string? GroupId { get; init; }

    /// <summary>Gets the marketing attribution (UTM parameters).</summary>
    public MarketingAttribution? Attribution { get; init; }

    /// <summary>Gets the IP address the customer registered from.</summary>
    public string? ClientIp { get; init; }

    /// <summary>Gets the device model the customer registered with.</summary>
    public string? Device { get; init; }

    /// <summary>Gets the account state.</summary>
    public CustomerStatus Status { get; init; }

    /// <summary>Gets the provider's KYC status code as it sent it, or <see langword="null"/>.</summary>
    public string? KycStatus { get; init; }

    /// <summary>Gets when the customer was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the customer was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Gets when the customer last logged in.</summary>
    public DateTimeOffset? LastLoginAt { get; init; }

    /// <summary>
    /// Gets the provider's fields that have no home in the unified model, by their wire name, so that nothing is lost.
    /// Scalars are kept in their invariant text form, objects and arrays as compact JSON. Secrets (password hashes,
    /// tokens) are never kept.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Extra { get; init; } = NoExtra;
}
