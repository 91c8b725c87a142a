using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>
/// The two members of an envelope that a success needs, with <c>data</c> read straight into the type the operation
/// expects. Anything else (a failure code, no data, another shape) goes through <see cref="CmfblEnvelope"/>.
/// </summary>
/// <typeparam name="T">The data's wire type.</typeparam>
internal sealed class CmfblSuccess<T>
    where T : class
{
    [JsonProperty("code")]
    public string? Code { get; init; }

    [JsonProperty("data")]
    public T? Data { get; init; }
}
