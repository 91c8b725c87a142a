using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>Body of <c>WhiteCustomerAdminApiService.detail</c>.</summary>
internal sealed class CmfblDetailRequest
{
    /// <summary>The section: baseInfo, tradeAccount, kyc, allKyc, bankList, walletList or otherInfo.</summary>
    [JsonProperty("type")]
    public required string Type { get; init; }

    [JsonProperty("id")]
    public required string Id { get; init; }

    [JsonProperty("customerNo")]
    public required string CustomerNo { get; init; }
}
