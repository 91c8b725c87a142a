using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace BrokerAdapters.Internal;

/// <summary>The one Newtonsoft.Json configuration used on the wire.</summary>
internal static class WireJson
{
    private const int DepthLimit = 64;

    /// <summary>From this size on, a body is read with a name table of its own (<see cref="BodyNameTable"/>).</summary>
    private const int LargeBody = 16 * 1024;

    /// <summary>The most members an object may have for its names to be compared in place (<see cref="TryCheckWithoutAllocating"/>).</summary>
    private const int MembersComparedInPlace = 64;

    private static readonly JsonLoadSettings LoadSettings = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    private static readonly System.Text.Json.JsonDocumentOptions StrictOptions = new() { MaxDepth = DepthLimit, AllowDuplicateProperties = false };

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly IReadOnlyDictionary<string, string?> EmptyExtra = new Dictionary<string, string?>().AsReadOnly();

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
        ContractResolver = new WireContractResolver(),
    };

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    /// <summary>Serializes a request body with <see cref="Serializer"/> (not a serializer built per call from <see cref="Settings"/>).</summary>
    public static string Serialize(object value)
    {
        using var text = new StringWriter(new StringBuilder(256), CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false })
        {
            Serializer.Serialize(writer, value);
        }

        return text.ToString();
    }

    /// <summary>
    /// Checks that a provider's body is RFC 8259 JSON in UTF-8 (a leading byte order mark is ignored): one value, at
    /// most 64 levels deep, no comments, single quotes, NaN, trailing commas or duplicated member names, all of which
    /// Newtonsoft.Json alone would accept or resolve silently. Returns the body without its byte order mark, ready
    /// for <see cref="ParseChecked"/> or <see cref="TryDeserializeChecked{T}"/>.
    /// </summary>
    /// <exception cref="JsonReaderException">The body is not such JSON.</exception>
    public static ReadOnlyMemory<byte> Check(ReadOnlyMemory<byte> body)
    {
        if (body.Span.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (!Utf8.IsValid(body.Span))
        {
            throw new JsonReaderException("The body is not valid UTF-8.");
        }

        try
        {
            if (!TryCheckWithoutAllocating(body.Span))
            {
                // An escaped member name or a very large object: JsonDocument (its memory rented and returned at
                // once) checks it, duplicates included.
                using var strict = System.Text.Json.JsonDocument.Parse(body, StrictOptions);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new JsonReaderException("The body is not valid JSON.", ex);
        }

        return body;
    }

    /// <summary>
    /// The checks of <see cref="Check"/> in one pass of <see cref="System.Text.Json.Utf8JsonReader"/> (which refuses
    /// what JsonDocument refuses), with duplicated member names found by comparing each name with the earlier ones of
    /// its object. <see langword="false"/> when that comparison cannot be made cheaply and exactly (a member name with
    /// an escape sequence, or an object of more than <see cref="MembersComparedInPlace"/> members): JsonDocument must
    /// check the body then.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The body is not such JSON, or has a duplicated member name.</exception>
    internal static bool TryCheckWithoutAllocating(ReadOnlySpan<byte> body)
    {
        var reader = new System.Text.Json.Utf8JsonReader(body, new System.Text.Json.JsonReaderOptions { MaxDepth = DepthLimit });

        // The open objects' first name in `names` (one per depth), and every open object's member names as
        // (offset, length) pairs in `body`.
        Span<int> firstName = stackalloc int[DepthLimit + 2];
        Span<int> names = stackalloc int[2 * MembersComparedInPlace * 4];
        var depth = 0;
        var count = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case System.Text.Json.JsonTokenType.StartObject:
                    firstName[++depth] = count;
                    break;
                case System.Text.Json.JsonTokenType.EndObject:
                    count = firstName[depth--];
                    break;
                case System.Text.Json.JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped || count - firstName[depth] >= MembersComparedInPlace || 2 * (count + 1) > names.Length)
                    {
                        return false;
                    }

                    var name = reader.ValueSpan;
                    for (var i = firstName[depth]; i < count; i++)
                    {
                        if (body.Slice(names[2 * i], names[(2 * i) + 1]).SequenceEqual(name))
                        {
                            throw new System.Text.Json.JsonException("A member name is repeated in one object.");
                        }
                    }

                    names[2 * count] = (int)reader.TokenStartIndex + 1;
                    names[(2 * count) + 1] = name.Length;
                    count++;
                    break;
            }
        }

        return true;
    }

    /// <summary>Parses a provider's body after <see cref="Check"/>: see there for what is refused.</summary>
    /// <exception cref="JsonReaderException">The body is not such JSON.</exception>
    public static JToken Parse(ReadOnlyMemory<byte> body) => ParseChecked(Check(body));

    /// <summary>Builds the JSON tree of a body that passed <see cref="Check"/>.</summary>
    /// <exception cref="JsonReaderException">A number Newtonsoft.Json cannot hold (a fraction beyond <see cref="decimal"/>).</exception>
    public static JToken ParseChecked(ReadOnlyMemory<byte> body)
    {
        using var reader = Reader(body);
        return JToken.ReadFrom(reader, LoadSettings);
    }

    /// <summary>
    /// Reads a body that passed <see cref="Check"/> straight into <typeparamref name="T"/> with <see cref="Serializer"/>,
    /// without the JSON tree; <see langword="false"/> when it does not have that shape (or is JSON <c>null</c>).
    /// </summary>
    public static bool TryDeserializeChecked<T>(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out T? value)
        where T : class
    {
        try
        {
            using var reader = Reader(body);
            value = Serializer.Deserialize<T>(reader);
            return value is not null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            value = null;
            return false;
        }
    }

    private static JsonTextReader Reader(ReadOnlyMemory<byte> body)
    {
        var bytes = MemoryMarshal.TryGetArray(body, out var segment) ? segment : new ArraySegment<byte>(body.ToArray());
        var text = new StreamReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Utf8NoBom, detectEncodingFromByteOrderMarks: false);
        return new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = DepthLimit,
            CloseInput = true,

            // A page repeats the same member names in every record: each is allocated once per body, not per record.
            // A small body keeps the serializer's table of declared names.
            PropertyNameTable = bytes.Count > LargeBody ? new BodyNameTable() : null,
        };
    }

    private sealed class ByName : IComparer<KeyValuePair<string, object?>>
    {
        public static readonly ByName Instance = new();

        public int Compare(KeyValuePair<string, object?> x, KeyValuePair<string, object?> y) => string.CompareOrdinal(x.Key, y.Key);
    }

    /// <summary>Member names seen in one body, kept so that a name repeated in every record is one string.</summary>
    private sealed class BodyNameTable : JsonNameTable
    {
        private readonly DefaultJsonNameTable _names = new();

        public override string? Get(char[] key, int start, int length) =>
            _names.Get(key, start, length) ?? _names.Add(new string(key, start, length));
    }

    /// <summary>
    /// Renders a JSON value as text for <see cref="Customer.Extra"/>: scalars invariantly, containers as compact JSON.
    /// The value is an undeclared member as read (<see cref="IUnmappedMembers"/>: text, a number, a boolean, null, or a
    /// <see cref="JToken"/> for an object or an array), or any <see cref="JToken"/>.
    /// </summary>
    public static string? ToExtraText(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        JToken { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue token => ToExtraText(token.Value),
        JToken token => token.ToString(Formatting.None),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// An undeclared member as text: a non-empty string, or an integer written invariantly (ids are numbers on the
    /// wire); <see langword="null"/> when it is absent, empty or anything else.
    /// </summary>
    public static string? UnmappedText(IUnmappedMembers wire, string name) =>
        wire.Unmapped.TryGetValue(name, out var value)
            ? value switch
            {
                string { Length: > 0 } text => text,
                long or System.Numerics.BigInteger => Convert.ToString(value, CultureInfo.InvariantCulture),
                _ => null,
            }
            : null;

    /// <summary>
    /// Builds <see cref="Customer.Extra"/> from the members a DTO did not map, leaving out secrets, in ordinal order of
    /// their names (a sorted array filled into a dictionary, cheaper than a sorted tree: a page maps thousands).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ToExtra(IDictionary<string, object?>? unmapped, IReadOnlySet<string> secretNames)
    {
        if (unmapped is null || unmapped.Count == 0)
        {
            return EmptyExtra;
        }

        var pairs = new KeyValuePair<string, object?>[unmapped.Count];
        var count = 0;
        if (unmapped is Dictionary<string, object?> members)
        {
            foreach (var member in members)
            {
                if (!secretNames.Contains(member.Key))
                {
                    pairs[count++] = member;
                }
            }
        }
        else
        {
            foreach (var member in unmapped)
            {
                if (!secretNames.Contains(member.Key))
                {
                    pairs[count++] = member;
                }
            }
        }

        Array.Sort(pairs, 0, count, ByName.Instance);
        var extra = new Dictionary<string, string?>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            extra[pairs[i].Key] = ToExtraText(pairs[i].Value);
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

        // Compared with the five types CanConvert accepts: Nullable.GetUnderlyingType allocates on every call, and
        // this runs for every text and integer member of every record.
        var (target, nullable) = objectType == typeof(string) ? (typeof(string), true)
            : objectType == typeof(long?) ? (typeof(long), true)
            : objectType == typeof(int?) ? (typeof(int), true)
            : (objectType, false);
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

/// <summary>
/// A wire object that keeps the members it does not declare, by their wire name (<c>[JsonExtensionData]</c>), as read:
/// text, an integer (<see cref="long"/> or <see cref="System.Numerics.BigInteger"/>), a fraction (<see cref="decimal"/>),
/// a boolean, <see langword="null"/>, or a <see cref="JToken"/> for an object or an array.
/// </summary>
internal interface IUnmappedMembers
{
    IDictionary<string, object?> Unmapped { get; }
}

/// <summary>
/// The default contracts, except that the undeclared members of an <see cref="IUnmappedMembers"/> are stored by a
/// typed setter: Newtonsoft.Json's own goes through a late-bound call per member and records line numbers nobody reads,
/// which costs more than the rest of a page record together. Scalars are stored without a JValue around them.
/// </summary>
internal sealed class WireContractResolver : DefaultContractResolver
{
    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (typeof(IUnmappedMembers).IsAssignableFrom(objectType) && contract.ExtensionDataSetter is not null)
        {
            // Read as plain values (objects and arrays arrive as JObject and JArray) and stored as they are.
            contract.ExtensionDataValueType = typeof(object);
            contract.ExtensionDataSetter = static (target, name, value) => ((IUnmappedMembers)target).Unmapped[name] = value;
        }

        return contract;
    }
}
