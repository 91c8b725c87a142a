using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>Body of <c>CustomerWebApiService.checkCustomerExist</c>.</summary>
internal sealed class CmfblExistRequest
{
    /// <summary>1 email, 2 phone, 3 customer account (number).</summary>
    [JsonProperty("type")]
    public required int Type { get; init; }

    [JsonProperty("loginName")]
    public required string LoginName { get; init; }

    [JsonProperty("phoneArea")]
    public string? PhoneArea { get; init; }
}
