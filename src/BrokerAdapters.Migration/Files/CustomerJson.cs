using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BrokerAdapters.Migration;

/// <summary>
/// One <see cref="Customer"/> as one JSON object, the shape of <c>brokeradapters list --json</c>: camelCase properties in
/// a fixed order, nulls written, enums by name, dates as <c>yyyy-MM-dd</c>, times in ISO 8601 with their offset,
/// <c>extra</c> sorted by name. Reading accepts any property order, ignores unknown properties and names the line of
/// any error.
/// </summary>
internal static class CustomerJson
{
    /// <summary>Writer options: readable non-ASCII text (the output is a data file, never embedded in HTML).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The extra of a customer without provider fields, shared.</summary>
    public static readonly IReadOnlyDictionary<string, string?> NoExtra = new ReadOnlyDictionary<string, string?>(new Dictionary<string, string?>());

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 };

    public static void Write(Utf8JsonWriter writer, Customer customer)
    {
        writer.WriteStartObject();
        writer.WriteString("provider"u8, customer.Provider);
        writer.WriteString("id"u8, customer.Id);
        writer.WriteString("number"u8, customer.Number);
        writer.WriteString("externalId"u8, customer.ExternalId);
        writer.WriteString("email"u8, customer.Email);
        if (customer.Phone is { } phone)
        {
            writer.WriteStartObject("phone"u8);
            writer.WriteString("countryCode"u8, phone.CountryCode);
            writer.WriteString("number"u8, phone.Number);
            writer.WriteString("e164"u8, phone.E164);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("phone"u8);
        }

        writer.WriteString("country"u8, customer.Country);
        if (customer.Name is { } name)
        {
            writer.WriteStartObject("name"u8);
            writer.WriteString("given"u8, name.Given);
            writer.WriteString("middle"u8, name.Middle);
            writer.WriteString("family"u8, name.Family);
            writer.WriteString("full"u8, name.Full);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("name"u8);
        }

        if (customer.BirthDate is { } birthDate)
        {
            writer.WriteString("birthDate"u8, birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull("birthDate"u8);
        }

        if (customer.Address is { } address)
        {
            writer.WriteStartObject("address"u8);
            writer.WriteString("street"u8, address.Street);
            writer.WriteString("houseNumber"u8, address.HouseNumber);
            writer.WriteString("city"u8, address.City);
            writer.WriteString("postalCode"u8, address.PostalCode);
            writer.WriteString("line"u8, address.Line);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("address"u8);
        }

        writer.WriteString("language"u8, customer.Language);
        writer.WriteString("timeZone"u8, customer.TimeZone);
        writer.WriteString("source"u8, customer.Source?.ToString());
        writer.WriteString("groupId"u8, customer.GroupId);
        if (customer.Attribution is { } attribution)
        {
            writer.WriteStartObject("attribution"u8);
            writer.WriteString("source"u8, attribution.Source);
            writer.WriteString("medium"u8, attribution.Medium);
            writer.WriteString("campaign"u8, attribution.Campaign);
            writer.WriteString("content"u8, attribution.Content);
            writer.WriteString("term"u8, attribution.Term);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("attribution"u8);
        }

        writer.WriteString("clientIp"u8, customer.ClientIp);
        writer.WriteString("device"u8, customer.Device);
        writer.WriteString("status"u8, customer.Status.ToString());
        writer.WriteString("kycStatus"u8, customer.KycStatus);
        WriteTime(writer, "createdAt"u8, customer.CreatedAt);
        WriteTime(writer, "updatedAt"u8, customer.UpdatedAt);
        WriteTime(writer, "lastLoginAt"u8, customer.LastLoginAt);
        writer.WritePropertyName("extra"u8);
        WriteExtra(writer, customer.Extra);
        writer.WriteEndObject();
    }

    /// <summary>Writes the <c>extra</c> members alone, as a compact JSON object (the CSV <c>extra</c> column).</summary>
    public static void WriteExtra(Utf8JsonWriter writer, IReadOnlyDictionary<string, string?> extra)
    {
        writer.WriteStartObject();
        if (extra.Count > 0)
        {
            // Sorted by name, so that a provider's field order does not show up as a change between two files.
            var pairs = new KeyValuePair<string, string?>[extra.Count];
            var count = 0;
            foreach (var pair in extra)
            {
                pairs[count++] = pair;
            }

            Array.Sort(pairs, 0, count, ExtraOrder.Instance);
            for (var i = 0; i < count; i++)
            {
                writer.WriteString(pairs[i].Key, pairs[i].Value);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads one customer from one line of UTF-8 JSON.</summary>
    /// <exception cref="CustomerFormatException">The line is not a customer.</exception>
    public static Customer Read(ReadOnlySpan<byte> json, long lineNumber)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            var customer = ReadCustomer(ref reader, lineNumber);
            if (reader.Read())
            {
                throw new CustomerFormatException(lineNumber, "there is more than one JSON value on the line.");
            }

            return customer;
        }
        catch (JsonException ex)
        {
            throw new CustomerFormatException(lineNumber, "not valid JSON: " + ex.Message, ex);
        }
    }

    /// <summary>Reads a compact JSON object of provider fields (the CSV <c>extra</c> column).</summary>
    public static IReadOnlyDictionary<string, string?> ReadExtra(ReadOnlySpan<byte> json, long lineNumber)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            reader.Read();
            return ReadExtra(ref reader, lineNumber);
        }
        catch (JsonException ex)
        {
            throw new CustomerFormatException(lineNumber, "extra is not valid JSON: " + ex.Message, ex);
        }
    }

    private static Customer ReadCustomer(ref Utf8JsonReader reader, long line)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new CustomerFormatException(line, "a customer must be a JSON object.");
        }

        string? provider = null, id = null, number = null, externalId = null, email = null, country = null, language = null;
        string? timeZone = null, groupId = null, clientIp = null, device = null, kycStatus = null;
        PhoneNumber? phone = null;
        PersonName? name = null;
        PostalAddress? address = null;
        MarketingAttribution? attribution = null;
        DateOnly? birthDate = null;
        RegistrationSource? source = null;
        var status = CustomerStatus.Unknown;
        DateTimeOffset? createdAt = null, updatedAt = null, lastLoginAt = null;
        IReadOnlyDictionary<string, string?>? extra = null;
        Span<char> nameBuffer = stackalloc char[32];
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = PropertyId(ref reader, ref expected, nameBuffer);
            reader.Read();
            switch (property)
            {
                case Property.Provider: provider = Text(ref reader, line, "provider"); break;
                case Property.Id: id = Text(ref reader, line, "id"); break;
                case Property.Number: number = Text(ref reader, line, "number"); break;
                case Property.ExternalId: externalId = Text(ref reader, line, "externalId"); break;
                case Property.Email: email = Text(ref reader, line, "email"); break;
                case Property.Phone: phone = ReadPhone(ref reader, line); break;
                case Property.Country: country = Text(ref reader, line, "country"); break;
                case Property.Name: name = ReadName(ref reader, line); break;
                case Property.BirthDate: birthDate = ReadDate(ref reader, line); break;
                case Property.Address: address = ReadAddress(ref reader, line); break;
                case Property.Language: language = Text(ref reader, line, "language"); break;
                case Property.TimeZone: timeZone = Text(ref reader, line, "timeZone"); break;
                case Property.Source: source = ReadEnum<RegistrationSource>(ref reader, line, "source"); break;
                case Property.GroupId: groupId = Text(ref reader, line, "groupId"); break;
                case Property.Attribution: attribution = ReadAttribution(ref reader, line); break;
                case Property.ClientIp: clientIp = Text(ref reader, line, "clientIp"); break;
                case Property.Device: device = Text(ref reader, line, "device"); break;
                case Property.Status: status = ReadEnum<CustomerStatus>(ref reader, line, "status") ?? CustomerStatus.Unknown; break;
                case Property.KycStatus: kycStatus = Text(ref reader, line, "kycStatus"); break;
                case Property.CreatedAt: createdAt = ReadTime(ref reader, line, "createdAt"); break;
                case Property.UpdatedAt: updatedAt = ReadTime(ref reader, line, "updatedAt"); break;
                case Property.LastLoginAt: lastLoginAt = ReadTime(ref reader, line, "lastLoginAt"); break;
                case Property.Extra: extra = reader.TokenType == JsonTokenType.Null ? null : ReadExtra(ref reader, line); break;
                default: reader.Skip(); break;
            }
        }

        return new Customer
        {
            Provider = provider ?? throw new CustomerFormatException(line, "provider is required."),
            Id = id ?? throw new CustomerFormatException(line, "id is required."),
            Number = number,
            ExternalId = externalId,
            Email = email,
            Phone = phone,
            Country = country,
            Name = name,
            BirthDate = birthDate,
            Address = address,
            Language = language,
            TimeZone = timeZone,
            Source = source,
            GroupId = groupId,
            Attribution = attribution,
            ClientIp = clientIp,
            Device = device,
            Status = status,
            KycStatus = kycStatus,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            LastLoginAt = lastLoginAt,
            Extra = extra ?? NoExtra,
        };
    }

    /// <summary>
    /// Which property the reader is on. Files written by <see cref="Write"/> (and the CLI) have the properties in one
    /// order, so the next expected name is tried first: one comparison instead of a search.
    /// </summary>
    private static Property PropertyId(ref Utf8JsonReader reader, ref int expected, scoped Span<char> buffer)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && expected < PropertyNames.Length
            && reader.ValueSpan.SequenceEqual(PropertyNames[expected]))
        {
            return (Property)expected++;
        }

        // Names longer than any known property are unknown ones: skipped.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > buffer.Length)
        {
            return Property.Unknown;
        }

        var name = buffer[..reader.CopyString(buffer)];
        for (var i = 0; i < PropertyNames.Length; i++)
        {
            if (Ascii.Equals(PropertyNames[i], name))
            {
                expected = i + 1;
                return (Property)i;
            }
        }

        return Property.Unknown;
    }

    private static string? Text(ref Utf8JsonReader reader, long line, string property) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new CustomerFormatException(line, $"{property} must be a string or null, not {Describe(reader.TokenType)}."),
    };

    private static PhoneNumber? ReadPhone(ref Utf8JsonReader reader, long line)
    {
        if (!StartObject(ref reader, line, "phone"))
        {
            return null;
        }

        string? countryCode = null, number = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("countryCode"u8))
            {
                reader.Read();
                countryCode = Text(ref reader, line, "phone.countryCode");
            }
            else if (reader.ValueTextEquals("number"u8))
            {
                reader.Read();
                number = Text(ref reader, line, "phone.number");
            }
            else
            {
                // e164 is derived from the two parts.
                reader.Read();
                reader.Skip();
            }
        }

        if (number is null)
        {
            throw new CustomerFormatException(line, "phone.number is required when there is a phone.");
        }

        // The constructor's normalisation is idempotent: parts written from a PhoneNumber read back unchanged.
        return new PhoneNumber(countryCode ?? string.Empty, number);
    }

    private static PersonName? ReadName(ref Utf8JsonReader reader, long line)
    {
        if (!StartObject(ref reader, line, "name"))
        {
            return null;
        }

        string? given = null, middle = null, family = null, full = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var which = reader.ValueTextEquals("given"u8) ? 0 : reader.ValueTextEquals("middle"u8) ? 1
                : reader.ValueTextEquals("family"u8) ? 2 : reader.ValueTextEquals("full"u8) ? 3 : -1;
            reader.Read();
            switch (which)
            {
                case 0: given = Text(ref reader, line, "name.given"); break;
                case 1: middle = Text(ref reader, line, "name.middle"); break;
                case 2: family = Text(ref reader, line, "name.family"); break;
                case 3: full = Text(ref reader, line, "name.full"); break;
                default: reader.Skip(); break;
            }
        }

        return new PersonName { Given = given, Middle = middle, Family = family, Full = full };
    }

    private static PostalAddress? ReadAddress(ref Utf8JsonReader reader, long line)
    {
        if (!StartObject(ref reader, line, "address"))
        {
            return null;
        }

        string? street = null, houseNumber = null, city = null, postalCode = null, addressLine = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var which = reader.ValueTextEquals("street"u8) ? 0 : reader.ValueTextEquals("houseNumber"u8) ? 1
                : reader.ValueTextEquals("city"u8) ? 2 : reader.ValueTextEquals("postalCode"u8) ? 3
                : reader.ValueTextEquals("line"u8) ? 4 : -1;
            reader.Read();
            switch (which)
            {
                case 0: street = Text(ref reader, line, "address.street"); break;
                case 1: houseNumber = Text(ref reader, line, "address.houseNumber"); break;
                case 2: city = Text(ref reader, line, "address.city"); break;
                case 3: postalCode = Text(ref reader, line, "address.postalCode"); break;
                case 4: addressLine = Text(ref reader, line, "address.line"); break;
                default: reader.Skip(); break;
            }
        }

        return new PostalAddress { Street = street, HouseNumber = houseNumber, City = city, PostalCode = postalCode, Line = addressLine };
    }

    private static MarketingAttribution? ReadAttribution(ref Utf8JsonReader reader, long line)
    {
        if (!StartObject(ref reader, line, "attribution"))
        {
            return null;
        }

        string? source = null, medium = null, campaign = null, content = null, term = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var which = reader.ValueTextEquals("source"u8) ? 0 : reader.ValueTextEquals("medium"u8) ? 1
                : reader.ValueTextEquals("campaign"u8) ? 2 : reader.ValueTextEquals("content"u8) ? 3
                : reader.ValueTextEquals("term"u8) ? 4 : -1;
            reader.Read();
            switch (which)
            {
                case 0: source = Text(ref reader, line, "attribution.source"); break;
                case 1: medium = Text(ref reader, line, "attribution.medium"); break;
                case 2: campaign = Text(ref reader, line, "attribution.campaign"); break;
                case 3: content = Text(ref reader, line, "attribution.content"); break;
                case 4: term = Text(ref reader, line, "attribution.term"); break;
                default: reader.Skip(); break;
            }
        }

        return new MarketingAttribution { Source = source, Medium = medium, Campaign = campaign, Content = content, Term = term };
    }

    private static IReadOnlyDictionary<string, string?> ReadExtra(ref Utf8JsonReader reader, long line)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new CustomerFormatException(line, $"extra must be an object, not {Describe(reader.TokenType)}.");
        }

        var extra = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            extra[key] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                // Hand-written files: scalars as their text, objects and arrays as compact JSON, as Customer.Extra keeps them.
                _ => JsonElement.ParseValue(ref reader).GetRawText(),
            };
        }

        return extra.Count == 0 ? NoExtra : extra;
    }

    private static bool StartObject(ref Utf8JsonReader reader, long line, string property) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw new CustomerFormatException(line, $"{property} must be an object or null, not {Describe(reader.TokenType)}."),
    };

    private static DateOnly? ReadDate(ref Utf8JsonReader reader, long line)
    {
        // The common case, yyyy-MM-dd straight from the UTF-8 bytes; anything else goes the string way below.
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && TryParseIsoDate(reader.ValueSpan, out var fast))
        {
            return fast;
        }

        var text = Text(ref reader, line, "birthDate");
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CustomerFormatException(line, $"birthDate '{text}' is not a date (yyyy-MM-dd).");
    }

    /// <summary>Parses exactly <c>yyyy-MM-dd</c> (ASCII digits, a real calendar date) from UTF-8 bytes.</summary>
    internal static bool TryParseIsoDate(ReadOnlySpan<byte> value, out DateOnly date)
    {
        date = default;
        if (value.Length != 10 || value[4] != (byte)'-' || value[7] != (byte)'-'
            || !TryDigits(value[..4], out var year) || !TryDigits(value.Slice(5, 2), out var month) || !TryDigits(value.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader, long line, string property)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time))
        {
            return time;
        }

        throw new CustomerFormatException(line, $"{property} must be an ISO 8601 date and time or null.");
    }

    private static TEnum? ReadEnum<TEnum>(ref Utf8JsonReader reader, long line, string property)
        where TEnum : struct, Enum
    {
        var text = Text(ref reader, line, property);
        return text is null ? null : ParseEnum<TEnum>(text, line, property);
    }

    /// <summary>Parses an enum by name, ignoring case; numbers and unknown names are refused.</summary>
    public static TEnum ParseEnum<TEnum>(string text, long line, string property)
        where TEnum : struct, Enum
    {
        if (text.Length > 0 && !char.IsAsciiDigit(text[0]) && text[0] != '-'
            && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        throw new CustomerFormatException(line, $"{property} '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
    }

    private static void WriteTime(Utf8JsonWriter writer, ReadOnlySpan<byte> property, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(property, value);
        }
        else
        {
            writer.WriteNull(property);
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };

    private sealed class ExtraOrder : IComparer<KeyValuePair<string, string?>>
    {
        public static readonly ExtraOrder Instance = new();

        public int Compare(KeyValuePair<string, string?> x, KeyValuePair<string, string?> y) => string.CompareOrdinal(x.Key, y.Key);
    }

    private static readonly byte[][] PropertyNames =
    [
        "provider"u8.ToArray(), "id"u8.ToArray(), "number"u8.ToArray(), "externalId"u8.ToArray(), "email"u8.ToArray(),
        "phone"u8.ToArray(), "country"u8.ToArray(), "name"u8.ToArray(), "birthDate"u8.ToArray(), "address"u8.ToArray(),
        "language"u8.ToArray(), "timeZone"u8.ToArray(), "source"u8.ToArray(), "groupId"u8.ToArray(), "attribution"u8.ToArray(),
        "clientIp"u8.ToArray(), "device"u8.ToArray(), "status"u8.ToArray(), "kycStatus"u8.ToArray(), "createdAt"u8.ToArray(),
        "updatedAt"u8.ToArray(), "lastLoginAt"u8.ToArray(), "extra"u8.ToArray(),
    ];

    /// <summary>The customer's properties, in the order <see cref="Write"/> writes them (and <see cref="PropertyNames"/> lists them).</summary>
    private enum Property
    {
        Provider,
        Id,
        Number,
        ExternalId,
        Email,
        Phone,
        Country,
        Name,
        BirthDate,
        Address,
        Language,
        TimeZone,
        Source,
        GroupId,
        Attribution,
        ClientIp,
        Device,
        Status,
        KycStatus,
        CreatedAt,
        UpdatedAt,
        LastLoginAt,
        Extra,
        Unknown,
    }
}
