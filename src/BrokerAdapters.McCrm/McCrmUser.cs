using BrokerAdapters.Internal;
using Newtonsoft.Json;

namespace BrokerAdapters.McCrm;

/// <summary>
/// The user object that signup and query-by-uid answer in <c>data</c>. Only the members the unified model uses are
/// declared; everything else (e.g. <c>id</c>, <c>nickname</c>, <c>registerType</c>) lands in <see cref="Unmapped"/>.
/// </summary>
internal sealed class McCrmUser : IUnmappedMembers
{
    [JsonProperty("uid")]
    public string? Uid { get; set; }

    [JsonProperty("bizCode")]
    public string? BizCode { get; set; }

    [JsonProperty("userId")]
    public string? UserId { get; set; }

    [JsonProperty("email")]
    public string? Email { get; set; }

    /// <summary>A number on the wire (<c>852</c>); read as text.</summary>
    [JsonProperty("phoneNumberPrefix")]
    public string? PhoneNumberPrefix { get; set; }

    [JsonProperty("phoneNumber")]
    public string? PhoneNumber { get; set; }

    [JsonProperty("countryId")]
    public string? CountryId { get; set; }

    [JsonProperty("givenName")]
    public string? GivenName { get; set; }

    [JsonProperty("middleName")]
    public string? MiddleName { get; set; }

    [JsonProperty("surname")]
    public string? Surname { get; set; }

    [JsonProperty("fullName")]
    public string? FullName { get; set; }

    /// <summary>A Java <c>LocalDate</c>, <c>yyyy-MM-dd</c>.</summary>
    [JsonProperty("birthday")]
    public DateOnly? Birthday { get; set; }

    [JsonProperty("street")]
    public string? Street { get; set; }

    [JsonProperty("houseNumber")]
    public string? HouseNumber { get; set; }

    [JsonProperty("city")]
    public string? City { get; set; }

    [JsonProperty("address")]
    public string? Address { get; set; }

    [JsonProperty("postalCode")]
    public string? PostalCode { get; set; }

    [JsonProperty("timeZone")]
    public string? TimeZone { get; set; }

    [JsonProperty("registerIp")]
    public string? RegisterIp { get; set; }

    /// <summary>0 disabled, 1 enabled.</summary>
    [JsonProperty("status")]
    public int? Status { get; set; }

    /// <summary>An integer on the wire; kept as text for <see cref="Customer.KycStatus"/>.</summary>
    [JsonProperty("identificationLevel")]
    public string? IdentificationLevel { get; set; }

    [JsonProperty("createTime")]
    [JsonConverter(typeof(McCrmLocalDateTimeConverter))]
    public DateTimeOffset? CreateTime { get; set; }

    [JsonProperty("updateTime")]
    [JsonConverter(typeof(McCrmLocalDateTimeConverter))]
    public DateTimeOffset? UpdateTime { get; set; }

    [JsonProperty("lastLoginTime")]
    [JsonConverter(typeof(McCrmLocalDateTimeConverter))]
    public DateTimeOffset? LastLoginTime { get; set; }

    /// <summary>Every member not declared above, by its wire name. Secrets are removed when mapping.</summary>
    /// <summary>About as many members as an answer carries beyond the declared ones, so that the dictionary is not regrown.</summary>
    private const int UnmappedCapacity = 32;

    [JsonExtensionData]
    public IDictionary<string, object?> Unmapped { get; } = new Dictionary<string, object?>(UnmappedCapacity, StringComparer.Ordinal);
}
