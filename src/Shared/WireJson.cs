using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using JsonReaderOptions = System.Text.Json.JsonReaderOptions;
using Utf8JsonReader = System.Text.Json.Utf8JsonReader;

namespace BrokerAdapters.Internal;

/// <summary>The one Newtonsoft.Json configuration used on the wire.</summary>
internal static class WireJson
{
    private const int DepthLimit = 64;

    private static readonly JsonLoadSettings LoadSettings = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        MaxDepth = DepthLimit,
        Culture = CultureInfo.InvariantCulture,
        Formatting = Formatting.None,
        Converters = [new StrictScalarConverter()],
    };

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>
    /// Parses a provider's body, which must be RFC 8259 JSON in UTF-8 (a leading byte order mark is ignored): one
    /// value, at most 64 levels deep, no comments, single quotes, NaN, trailing commas or
    /// duplicated member names, all of which Newtonsoft.Json alone would accept or resolve silently.
    /// </summary>
    /// <exception cref="JsonReaderException">The body is not such JSON.</exception>
    public static JToken Parse(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (!Utf8.IsValid(body))
        {
            throw new JsonReaderException("The body is not valid UTF-8.");
        }

        try
        {
            var strict = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = DepthLimit });
            while (strict.Read())
            {
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new JsonReaderException("The body is not valid JSON.", ex);
        }

        using var text = new StringReader(Encoding.UTF8.GetString(body));
        using var reader = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = DepthLimit,
        };
        return JToken.ReadFrom(reader, LoadSettings);
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

/// <summary>
/// Reads the text and integer members of wire objects without Newtonsoft.Json's coercions, which would turn
/// <c>true</c> into the text "True", <c>1.5</c> into the integer 2 and <c>false</c> into 0. Text comes from a string
/// or an integer (ids are numbers on the wire); an integer from an integer, or from a string of digits (gateways that
/// quote long numbers). Anything else is a <see cref="JsonSerializationException"/>.
/// </summary>
internal sealed class StrictScalarConverter : JsonConverter
{
    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) =>
        objectType == typeof(string) || objectType == typeof(int) || objectType == typeof(int?) || objectType == typeof(long) || objectType == typeof(long?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var target = Nullable.GetUnderlyingType(objectType) ?? objectType;
        var nullable = target != objectType || target == typeof(string);
        return (reader.TokenType, reader.Value) switch
        {
            (JsonToken.Null, _) when nullable => null,
            (JsonToken.String, string text) when target == typeof(string) => text,
            (JsonToken.Integer, { } number) when target == typeof(string) => Convert.ToString(number, CultureInfo.InvariantCulture),
            (JsonToken.Integer, long number) => Integer(number, target, reader),
            (JsonToken.String, string digits) when long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) =>
                Integer(number, target, reader),
            (JsonToken.Integer, _) => throw new JsonSerializationException($"The integer at '{reader.Path}' is out of range."),
            _ => throw new JsonSerializationException($"Expected {(target == typeof(string) ? "text" : "an integer")} at '{reader.Path}' but found {reader.TokenType}."),
        };
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Only reads are strict; writes use the default serialization.");

    private static object Integer(long number, Type target, JsonReader reader) =>
        target == typeof(long) ? (object)number
        : number is >= int.MinValue and <= int.MaxValue ? (object)(int)number
        : throw new JsonSerializationException($"The integer at '{reader.Path}' is out of range.");
}
