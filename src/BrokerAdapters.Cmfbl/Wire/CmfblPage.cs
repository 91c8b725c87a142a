using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>The <c>data</c> of a <c>page</c> answer.</summary>
internal sealed class CmfblPage
{
    [JsonProperty("records")]
    public List<CmfblCustomer>? Records { get; init; }

    [JsonProperty("total")]
    public long? Total { get; init; }

    [JsonProperty("size")]
    public long? Size { get; init; }

    [JsonProperty("current")]
    public long? Current { get; init; }
}
