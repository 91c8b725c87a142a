using BrokerAdapters.Internal;
using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>
/// A customer as CMFBL sends it in <c>page</c> records, <c>detail</c> (baseInfo) and login answers. The three carry
/// overlapping subsets of the same fields; what the unified model has no home for lands in <see cref="Unmapped"/>.
/// </summary>
internal sealed class CmfblCustomer : IUnmappedMembers
{
    /// <summary>The names that never reach <see cref="Customer.Extra"/>.</summary>
    public static readonly IReadOnlySet<string> SecretFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "token", "rToken", "pwd", "loginPwd", "password", "appSecret",
    };

    [JsonProperty("id")]
    public string? Id { get; init; }

    [JsonProperty("customerNo")]
    public string? CustomerNo { get; init; }

    [JsonProperty("thirdServerCode")]
    public string? ThirdServerCode { get; init; }

    [JsonProperty("email")]
    public string? Email { get; init; }

    [JsonProperty("phone")]
    public string? Phone { get; init; }

    [JsonProperty("phoneArea")]
    public string? PhoneArea { get; init; }

    [JsonProperty("country")]
    public string? Country { get; init; }

    [JsonProperty("firstName")]
    public string? FirstName { get; init; }

    [JsonProperty("lastName")]
    public string? LastName { get; init; }

    [JsonProperty("name")]
    public string? Name { get; init; }

    [JsonProperty("address")]
    public string? Address { get; init; }

    [JsonProperty("postalCode")]
    public string? PostalCode { get; init; }

    [JsonProperty("registerSource")]
    public int? RegisterSource { get; init; }

    [JsonProperty("customerGroupId")]
    public string? CustomerGroupId { get; init; }

    [JsonProperty("utmSource")]
    public string? UtmSource { get; init; }

    [JsonProperty("status")]
    public int? Status { get; init; }

    [JsonProperty("kycStatus")]
    public string? KycStatus { get; init; }

    [JsonProperty("createTime")]
    public long? CreateTime { get; init; }

    [JsonProperty("registerTime")]
    public long? RegisterTime { get; init; }

    [JsonProperty("updateTime")]
    public long? UpdateTime { get; init; }

    [JsonProperty("loginTime")]
    public long? LoginTime { get; init; }

    /// <summary>About as many members as an answer carries beyond the declared ones, so that the dictionary is not regrown.</summary>
    private const int UnmappedCapacity = 16;

    [JsonExtensionData]
    public IDictionary<string, object?> Unmapped { get; } = new Dictionary<string, object?>(UnmappedCapacity, StringComparer.Ordinal);
}
