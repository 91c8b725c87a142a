using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace BrokerAdapters.Cli.Output;

/// <summary>The JSON the CLI writes: camelCase properties, enums as names, nulls kept so that every document has the same shape.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new DefaultContractResolver
        {
            // Dictionary keys (Customer.Extra) are the provider's wire names: kept as they are.
            NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
        },
        Converters = { new StringEnumConverter() },
        NullValueHandling = NullValueHandling.Include,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateParseHandling = DateParseHandling.None,
        Formatting = Formatting.None,
    };

    /// <summary>Serializes a document on one line (for JSON Lines).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    public static string Line(object document) => JsonConvert.SerializeObject(document, Formatting.None, Settings);

    /// <summary>Serializes a document, indented.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    public static string Indented(object document) => JsonConvert.SerializeObject(document, Formatting.Indented, Settings);
}
