using System.Globalization;
using System.Text;
using BrokerAdapters.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using JsonTokenType = System.Text.Json.JsonTokenType;
using Utf8JsonReader = System.Text.Json.Utf8JsonReader;

namespace BrokerAdapters.Cmfbl;

/// <summary>
/// The Manager API's body signature: the body's non-empty string and number members (the body carries the
/// <c>timestamp</c> too) sorted by name in ordinal order and joined as <c>k=v</c> with <c>&amp;</c>, prefixed
/// with <c>timestamp=TS&amp;</c>, then MD5 as upper-case hex.
/// </summary>
internal static class CmfblSignature
{
    public const string TimestampField = "timestamp";
    public const string SignatureField = "signature";

    /// <summary>Adds <c>timestamp</c> and <c>signature</c> to <paramref name="body"/>.</summary>
    public static void Sign(JObject body, long timestamp)
    {
        body[TimestampField] = timestamp;
        body.Remove(SignatureField);
        body[SignatureField] = Compute(body, timestamp);
    }

    /// <summary>
    /// The request body as compact JSON with <c>timestamp</c> and <c>signature</c> added, as
    /// <see cref="Sign"/> on <c>JObject.FromObject(body)</c> would write it: the body's JSON is read once instead of
    /// being built as a JSON tree. A body that already has either member goes through <see cref="Sign"/>.
    /// </summary>
    public static string SignedJson(object body, long timestamp)
    {
        var json = WireJson.Serialize(body);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return SignedByTree(body, timestamp);
        }

        var pairs = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (name is TimestampField or SignatureField)
            {
                return SignedByTree(body, timestamp);
            }

            reader.Read();
            string? value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),

                // A number's text as the JSON writer wrote it, which is what the tree would give.
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                _ => null,
            };
            reader.Skip();
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add(new(name, value));
            }
        }

        var stamp = timestamp.ToString(CultureInfo.InvariantCulture);
        pairs.Add(new(TimestampField, stamp));
        var signature = Md5Hex.Upper(Canonical(pairs, timestamp));
        return (json.Length <= 2 ? "{" : json[..^1] + ",") + "\"" + TimestampField + "\":" + stamp + ",\"" + SignatureField + "\":\"" + signature + "\"}";
    }

    /// <summary>The text that is hashed, exposed so that tests can state it literally.</summary>
    public static string CanonicalText(JObject body, long timestamp)
    {
        var pairs = new List<KeyValuePair<string, string>>(body.Count);
        foreach (var property in body.Properties())
        {
            if (!string.Equals(property.Name, SignatureField, StringComparison.Ordinal) && ScalarText(property.Value) is { Length: > 0 } value)
            {
                pairs.Add(new(property.Name, value));
            }
        }

        return Canonical(pairs, timestamp);
    }

    public static string Compute(JObject body, long timestamp) => Md5Hex.Upper(CanonicalText(body, timestamp));

    private static string SignedByTree(object body, long timestamp)
    {
        var tree = JObject.FromObject(body, WireJson.Serializer);
        Sign(tree, timestamp);
        return tree.ToString(Formatting.None);
    }

    private static string Canonical(List<KeyValuePair<string, string>> pairs, long timestamp)
    {
        // Member names are unique within a body, so an unstable sort orders them as a stable one would.
        pairs.Sort(static (x, y) => string.CompareOrdinal(x.Key, y.Key));
        var text = new StringBuilder(TimestampField.Length + 24 + (pairs.Count * 32));
        text.Append(TimestampField).Append('=').Append(timestamp.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in pairs)
        {
            text.Append('&').Append(name).Append('=').Append(value);
        }

        return text.ToString();
    }

    private static string? ScalarText(JToken value) => value.Type switch
    {
        JTokenType.String => (string?)value,

        // Integers are written as their invariant digits, as the JSON writer does, without a writer per value.
        JTokenType.Integer => Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture),
        JTokenType.Float => value.ToString(Formatting.None),
        _ => null,
    };
}
