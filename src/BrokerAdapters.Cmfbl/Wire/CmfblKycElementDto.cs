using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>An entry of <c>elementList</c> (the Client API file's <c>KycAuthElementVO</c>).</summary>
internal sealed class CmfblKycElementDto
{
    [JsonProperty("elementCode")]
    public string? ElementCode { get; init; }

    [JsonProperty("elementName")]
    public string? ElementName { get; init; }

    [JsonProperty("showType")]
    public string? ShowType { get; init; }

    [JsonProperty("extend")]
    public string? Extend { get; init; }

    [JsonProperty("elementValue")]
    public string? ElementValue { get; init; }

    [JsonProperty("elementValueInputGroup")]
    public string? ElementValueInputGroup { get; init; }

    [JsonProperty("elementCodeInputGroup")]
    public string? ElementCodeInputGroup { get; init; }
}
