using System.Globalization;
using Newtonsoft.Json;

namespace BrokerAdapters.Samples.ExampleCrm;

/// <summary>The one Newtonsoft.Json configuration used on Example CRM's wire.</summary>
internal static class ExampleCrmJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        // Dates are read into the members that declare them; elsewhere (Customer.Extra) they stay the text that was sent.
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 64,
        Culture = CultureInfo.InvariantCulture,
    };

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <exception cref="JsonException">The text is not JSON of that shape.</exception>
    public static T? Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings);
}
