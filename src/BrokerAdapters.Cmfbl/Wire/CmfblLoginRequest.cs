using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>Body of the Client API's <c>CustomerWebApiService.login</c>.</summary>
internal sealed class CmfblLoginRequest
{
    /// <summary>1 email, 2 phone, 3 customer account (number).</summary>
    [JsonProperty("type")]
    public required int Type { get; init; }

    [JsonProperty("phoneArea")]
    public string? PhoneArea { get; init; }

    [JsonProperty("loginName")]
    public required string LoginName { get; init; }

    [JsonProperty("device")]
    public required int Device { get; init; }

    [JsonProperty("isThird")]
    public bool IsThird { get; init; }

    /// <summary>Lower-case hex MD5 of the plain password.</summary>
    [JsonProperty("loginPwd")]
    public required string LoginPwd { get; init; }
}
