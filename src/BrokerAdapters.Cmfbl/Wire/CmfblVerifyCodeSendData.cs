using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>The <c>data</c> of a <c>verifyCodeSend</c> answer: the ticket for the code sent.</summary>
internal sealed class CmfblVerifyCodeSendData
{
    [JsonProperty("token")]
    public string? Token { get; init; }
}
