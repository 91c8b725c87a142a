using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Internal;

/// <summary>The one Newtonsoft.Json configuration used on the wire.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        MaxDepth = 64,
        Culture = CultureInfo.InvariantCulture,
        Formatting = Formatting.None,
    };

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    public static JToken Parse(Stream stream)
    {
        using var text = new StreamReader(stream, leaveOpen: true);
        using var reader = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = 64,
        };
        var token = JToken.ReadFrom(reader);

        // A valid value followed by more content (e.g. "{}garbage") is not a valid body.
        if (reader.Read())
        {
            throw new JsonReaderException("Additional content after the JSON value.");
        }

        return token;
    }

    /// <summary>Renders a JSON value as text for <see cref="Customer.Extra"/>: scalars invariantly, containers as compact JSON.</summary>
    public static string? ToExtraText(JToken? token) => token switch
    {
        null => null,
        { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue { Type: JTokenType.Boolean } v => (bool)v! ? "true" : "false",
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        _ => token.ToString(Formatting.None),
    };

    /// <summary>Builds <see cref="Customer.Extra"/> from the members a DTO did not map, leaving out secrets.</summary>
    public static IReadOnlyDictionary<string, string?> ToExtra(IDictionary<string, JToken>? unmapped, IReadOnlySet<string> secretNames)
    {
        var extra = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        if (unmapped is not null)
        {
            foreach (var (name, value) in unmapped)
            {
                if (!secretNames.Contains(name))
                {
                    extra[name] = ToExtraText(value);
                }
            }
        }

        return extra.AsReadOnly();
    }
}
