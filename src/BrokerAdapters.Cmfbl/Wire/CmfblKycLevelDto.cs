using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>An entry of the register answer's <c>list</c> (the Client API file's <c>KycAuthVO</c>).</summary>
internal sealed class CmfblKycLevelDto
{
    [JsonProperty("levelCode")]
    public string? LevelCode { get; init; }

    [JsonProperty("levelName")]
    public string? LevelName { get; init; }

    [JsonProperty("pathCode")]
    public string? PathCode { get; init; }

    [JsonProperty("pathName")]
    public string? PathName { get; init; }

    [JsonProperty("openAccountType")]
    public int? OpenAccountType { get; init; }

    [JsonProperty("elementList")]
    public List<CmfblKycElementDto?>? ElementList { get; init; }
}
