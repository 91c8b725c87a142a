using System.Globalization;
using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>
/// Reads CMFBL's amounts, which it sends as decimal texts (<c>"2904318.4696"</c>), into <see cref="decimal"/>; a JSON
/// number is taken too, an empty text or <c>null</c> is no value. Anything else (a word, <c>true</c>, an object) is a
/// <see cref="JsonSerializationException"/>, so that a wrong amount is never read as some other number.
/// </summary>
internal sealed class CmfblDecimalTextConverter : JsonConverter
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(decimal?) || objectType == typeof(decimal);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return (reader.TokenType, reader.Value) switch
        {
            (JsonToken.Null, _) => null,
            (JsonToken.String, string { Length: 0 }) => null,
            (JsonToken.String, string text) when decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var parsed) => parsed,
            (JsonToken.Integer or JsonToken.Float, { } number) => Convert.ToDecimal(number, CultureInfo.InvariantCulture),
            _ => throw new JsonSerializationException($"Expected an amount at '{reader.Path}' but found {reader.TokenType}."),
        };
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Amounts are only read.");
}
