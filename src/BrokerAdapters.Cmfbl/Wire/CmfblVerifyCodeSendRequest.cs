using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>Body of the Client API's <c>message.app.VerificationApiService.verifyCodeSend</c>.</summary>
internal sealed class CmfblVerifyCodeSendRequest
{
    public const string SmsRegister = "SMS_REGISTER_VERIFICATION_CODE";
    public const string EmailRegister = "EMAIL_REGISTER_VERIFICATION_CODE";

    /// <summary>The company id: a JSON number, as documented, when the configured id is one; else the text.</summary>
    [JsonProperty("companyId")]
    public required object CompanyId { get; init; }

    [JsonProperty("bizType")]
    public required string BizType { get; init; }

    /// <summary>The email, or the phone as <c>{area} {number}</c> (what the provider's own web client sends).</summary>
    [JsonProperty("toUser")]
    public required string ToUser { get; init; }

    [JsonProperty("country")]
    public string? Country { get; init; }
}
