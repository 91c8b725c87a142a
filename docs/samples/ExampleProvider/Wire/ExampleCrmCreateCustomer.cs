using Newtonsoft.Json;

namespace BrokerAdapters.Samples.ExampleCrm.Wire;

#region wire-create-customer
/// <summary>The body of <c>POST /v1/customers</c>. Null members are left out of the JSON.</summary>
internal sealed record ExampleCrmCreateCustomer
{
    [JsonProperty("email")]
    public string? Email { get; init; }

    [JsonProperty("phone")]
    public ExampleCrmPhone? Phone { get; init; }

    /// <summary>In plain text: Example CRM hashes it on its side, and the request travels over TLS only.</summary>
    [JsonProperty("password")]
    public string? Password { get; init; }

    [JsonProperty("country")]
    public string? Country { get; init; }

    [JsonProperty("first_name")]
    public string? FirstName { get; init; }

    [JsonProperty("last_name")]
    public string? LastName { get; init; }

    [JsonProperty("birth_date")]
    public DateOnly? BirthDate { get; init; }

    [JsonProperty("language")]
    public string? Language { get; init; }

    [JsonProperty("external_id")]
    public string? ExternalId { get; init; }

    /// <summary>A record prints every member by default; this one never prints the password.</summary>
    public override string ToString() => $"ExampleCrmCreateCustomer {{ Email = {Email}, ExternalId = {ExternalId}, Password = *** }}";
}
#endregion
