using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>Body of the Client API's <c>customer.app.CustomerWebApiService.register</c> (self-registration).</summary>
internal sealed class CmfblRegisterRequest
{
    /// <summary>1 email, 2 phone.</summary>
    [JsonProperty("type")]
    public required int Type { get; init; }

    [JsonProperty("loginName")]
    public required string LoginName { get; init; }

    [JsonProperty("phoneArea")]
    public string? PhoneArea { get; init; }

    [JsonProperty("country")]
    public required string Country { get; init; }

    [JsonProperty("lang")]
    public string? Lang { get; init; }

    /// <summary>Lower-case hex MD5 of the plain password.</summary>
    [JsonProperty("pwd")]
    public required string Pwd { get; init; }

    [JsonProperty("verifyCode")]
    public required string VerifyCode { get; init; }

    [JsonProperty("sendToken")]
    public required string SendToken { get; init; }

    [JsonProperty("registerSource")]
    public required int RegisterSource { get; init; }

    [JsonProperty("customerGroupId")]
    public required long CustomerGroupId { get; init; }

    [JsonProperty("tradeTypeCurrencyList")]
    public IReadOnlyList<CmfblTradeTypeCurrencyDto>? TradeTypeCurrencyList { get; init; }

    [JsonProperty("registerDevice")]
    public string? RegisterDevice { get; init; }

    [JsonProperty("utmSource")]
    public string? UtmSource { get; init; }

    [JsonProperty("utmMedium")]
    public string? UtmMedium { get; init; }

    [JsonProperty("utmCampaign")]
    public string? UtmCampaign { get; init; }

    [JsonProperty("utmContent")]
    public string? UtmContent { get; init; }

    [JsonProperty("utmTerm")]
    public string? UtmTerm { get; init; }

    [JsonProperty("thirdServerCode")]
    public string? ThirdServerCode { get; init; }
}
