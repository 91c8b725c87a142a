using Newtonsoft.Json;

namespace BrokerAdapters.Samples.ExampleCrm.Wire;

/// <summary>The answer of <c>GET /v1/customers</c>: one page, and the cursor of the next one (<see langword="null"/> on the last).</summary>
internal sealed class ExampleCrmCustomerPage
{
    [JsonProperty("data")]
    public List<ExampleCrmCustomer>? Data { get; init; }

    [JsonProperty("next_cursor")]
    public string? NextCursor { get; init; }
}
