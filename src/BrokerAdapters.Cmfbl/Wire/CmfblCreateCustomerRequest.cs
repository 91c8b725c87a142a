using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>Body of <c>WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc</c>.</summary>
internal sealed class CmfblCreateCustomerRequest
{
    [JsonProperty("phone")]
    public string? Phone { get; set; }

    [JsonProperty("phoneArea")]
    public string? PhoneArea { get; set; }

    [JsonProperty("email")]
    public string? Email { get; set; }

    /// <summary>Lower-case hex MD5 of the plain password.</summary>
    [JsonProperty("pwd")]
    public string? Pwd { get; set; }

    [JsonProperty("country")]
    public string? Country { get; set; }

    [JsonProperty("registerSource")]
    public int RegisterSource { get; set; }

    [JsonProperty("customerGroupId")]
    public long CustomerGroupId { get; set; }

    [JsonProperty("tradeTypeCurrencyList")]
    public IReadOnlyList<CmfblTradeTypeCurrencyDto>? TradeTypeCurrencyList { get; set; }

    [JsonProperty("registerDevice")]
    public string? RegisterDevice { get; set; }

    [JsonProperty("utmSource")]
    public string? UtmSource { get; set; }

    [JsonProperty("utmMedium")]
    public string? UtmMedium { get; set; }

    [JsonProperty("utmCampaign")]
    public string? UtmCampaign { get; set; }

    [JsonProperty("utmContent")]
    public string? UtmContent { get; set; }

    [JsonProperty("utmTerm")]
    public string? UtmTerm { get; set; }

    [JsonProperty("thirdServerCode")]
    public string? ThirdServerCode { get; set; }
}
