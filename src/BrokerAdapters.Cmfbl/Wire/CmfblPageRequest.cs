using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>Body of <c>WhiteCustomerAdminApiService.page</c>; <c>customerNo</c> is sent as <c>null</c> to list everyone.</summary>
internal sealed class CmfblPageRequest
{
    [JsonProperty("customerNo", NullValueHandling = NullValueHandling.Include)]
    public string? CustomerNo { get; init; }

    [JsonProperty("size")]
    public required int Size { get; init; }

    [JsonProperty("current")]
    public required int Current { get; init; }
}
