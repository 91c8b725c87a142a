using Newtonsoft.Json;

namespace BrokerAdapters.Samples.ExampleCrm.Wire;

/// <summary>A phone number as Example CRM sends and stores it: the calling code's digits and the national number.</summary>
internal sealed record ExampleCrmPhone
{
    /// <summary>Digits only, without <c>+</c>, e.g. <c>852</c>.</summary>
    [JsonProperty("country_code")]
    public string? CountryCode { get; init; }

    [JsonProperty("number")]
    public string? Number { get; init; }
}
