using Newtonsoft.Json;

namespace BrokerAdapters.McCrm;

/// <summary>
/// Reads a Java <c>LocalDateTime</c> as MC-CRM sends it (<c>2024-12-11T11:07:19.438744618</c>: no offset, seconds and
/// up to nine fraction digits optional) as a UTC <see cref="DateTimeOffset"/>. Digits beyond .NET's 100 ns tick are
/// truncated. Anything else is a <see cref="JsonSerializationException"/>, which the registry reports as a protocol error.
/// </summary>
internal sealed class McCrmLocalDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    private const int TicksDigits = 7;

    public override bool CanWrite => false;

    public static DateTimeOffset? Parse(string text)
    {
        // yyyy-MM-dd, 'T' or a space, HH:mm, then optionally :ss and .f (1 to 9 digits), then an optional Z. Read by
        // hand rather than by a regular expression: every user object carries three of these.
        var value = text.AsSpan();
        if (value.EndsWith("Z", StringComparison.Ordinal))
        {
            value = value[..^1];
        }

        if (value.Length < 16 || !Digits(value[..4]) || value[4] != '-' || !Digits(value[5..7]) || value[7] != '-' || !Digits(value[8..10])
            || value[10] is not ('T' or ' ') || !Digits(value[11..13]) || value[13] != ':' || !Digits(value[14..16]))
        {
            return null;
        }

        var second = 0;
        long ticks = 0;
        var rest = value[16..];
        if (!rest.IsEmpty)
        {
            if (rest.Length < 3 || rest[0] != ':' || !Digits(rest[1..3]))
            {
                return null;
            }

            second = Number(rest[1..3]);
            rest = rest[3..];
            if (!rest.IsEmpty)
            {
                if (rest[0] != '.' || rest.Length is < 2 or > 10 || !Digits(rest[1..]))
                {
                    return null;
                }

                // Digits beyond the 100 ns tick are dropped.
                var fraction = rest[1..];
                var kept = fraction.Length > TicksDigits ? fraction[..TicksDigits] : fraction;
                ticks = Number(kept);
                for (var i = kept.Length; i < TicksDigits; i++)
                {
                    ticks *= 10;
                }
            }
        }

        try
        {
            // An explicit zero offset, so the machine's own time zone can never leak in.
            var time = new DateTimeOffset(
                Number(value[..4]), Number(value[5..7]), Number(value[8..10]), Number(value[11..13]), Number(value[14..16]), second, TimeSpan.Zero);
            return time.AddTicks(ticks);
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

    private static bool Digits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var number = 0;
        foreach (var c in digits)
        {
            number = (number * 10) + (c - '0');
        }

        return number;
    }
}
