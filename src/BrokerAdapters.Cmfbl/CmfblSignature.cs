using System.Globalization;
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
        var pairs = body.Properties()
            .Where(p => !string.Equals(p.Name, SignatureField, StringComparison.Ordinal))
            .Select(p => (p.Name, Value: ScalarText(p.Value)))
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value);
        var sorted = string.Join('&', pairs);
        var salt = TimestampField + "=" + timestamp.ToString(CultureInfo.InvariantCulture);
        return sorted.Length == 0 ? salt : salt + "&" + sorted;
    }

    public static string Compute(JObject body, long timestamp) => Md5Hex.Upper(CanonicalText(body, timestamp));

    private static string? ScalarText(JToken value) => value.Type switch
    {
        JTokenType.String => (string?)value,
        JTokenType.Integer or JTokenType.Float => value.ToString(Formatting.None),
        _ => null,
    };
}
