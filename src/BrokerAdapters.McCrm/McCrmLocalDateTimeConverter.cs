using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace BrokerAdapters.McCrm;

/// <summary>
/// Reads a Java <c>LocalDateTime</c> as MC-CRM sends it (<c>2024-12-11T11:07:19.438744618</c>: no offset, seconds and
/// up to nine fraction digits optional) as a UTC <see cref="DateTimeOffset"/>. Digits beyond .NET's 100 ns tick are
/// truncated. Anything else is a <see cref="JsonSerializationException"/>, which the registry reports as a protocol error.
/// </summary>
internal sealed partial class McCrmLocalDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    private const int TicksDigits = 7;

    public override bool CanWrite => false;

    public static DateTimeOffset? Parse(string text)
    {
        var match = LocalDateTime().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var fraction = match.Groups["fraction"].Value;
        var ticks = fraction.Length == 0
            ? 0
            : long.Parse(fraction.Length > TicksDigits ? fraction[..TicksDigits] : fraction.PadRight(TicksDigits, '0'), CultureInfo.InvariantCulture);
        try
        {
            // An explicit zero offset, so the machine's own time zone can never leak in.
            var value = new DateTimeOffset(
                Number(match, "year"),
                Number(match, "month"),
                Number(match, "day"),
                Number(match, "hour"),
                Number(match, "minute"),
                match.Groups["second"].Success ? Number(match, "second") : 0,
                TimeSpan.Zero);
            return value.AddTicks(ticks);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public override DateTimeOffset? ReadJson(JsonReader reader, Type objectType, DateTimeOffset? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.TokenType switch
        {
            JsonToken.Null => null,
            JsonToken.String when reader.Value is string text && Parse(text) is { } value => value,
            _ => throw new JsonSerializationException($"Expected a LocalDateTime such as 2024-12-11T11:07:19.438 at {reader.Path}."),
        };
    }

    public override void WriteJson(JsonWriter writer, DateTimeOffset? value, JsonSerializer serializer) =>
        throw new NotSupportedException("MC-CRM timestamps are only read.");

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[T ](?<hour>[0-9]{2}):(?<minute>[0-9]{2})(:(?<second>[0-9]{2})(\.(?<fraction>[0-9]{1,9}))?)?Z?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex LocalDateTime();
}
