using System.Globalization;
using System.Text;
using BrokerAdapters.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

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

        // Member names are unique within a JObject, so an unstable sort orders them as OrderBy did.
        pairs.Sort(static (x, y) => string.CompareOrdinal(x.Key, y.Key));
        var text = new StringBuilder(TimestampField.Length + 24 + (pairs.Count * 32));
        text.Append(TimestampField).Append('=').Append(timestamp.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in pairs)
        {
            text.Append('&').Append(name).Append('=').Append(value);
        }

        return text.ToString();
    }

    public static string Compute(JObject body, long timestamp) => Md5Hex.Upper(CanonicalText(body, timestamp));

    private static string? ScalarText(JToken value) => value.Type switch
    {
        JTokenType.String => (string?)value,

        // Integers are written as their invariant digits, as the JSON writer does, without a writer per value.
        JTokenType.Integer => Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture),
        JTokenType.Float => value.ToString(Formatting.None),
        _ => null,
    };
}
