using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Samples.ExampleCrm.Wire;

#region wire-customer
/// <summary>
/// The customer object of <c>POST /v1/customers</c>, <c>GET /v1/customers/{id}</c>, the pages of <c>GET /v1/customers</c>
/// and the session. Members the unified model has no place for land in <see cref="Unmapped"/>, and from there in
/// <see cref="Customer.Extra"/>.
/// </summary>
internal sealed class ExampleCrmCustomer
{
    [JsonProperty("id")]
    public string? Id { get; init; }

    [JsonProperty("number")]
    public string? Number { get; init; }

    [JsonProperty("email")]
    public string? Email { get; init; }

    [JsonProperty("phone")]
    public ExampleCrmPhone? Phone { get; init; }

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

    /// <summary><c>active</c>, <c>locked</c> or <c>disabled</c>.</summary>
    [JsonProperty("status")]
    public string? Status { get; init; }

    [JsonProperty("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonProperty("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JToken>? Unmapped { get; init; }
}
#endregion
