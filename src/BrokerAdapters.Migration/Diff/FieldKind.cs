namespace BrokerAdapters.Migration;

/// <summary>How two values of a field are compared.</summary>
internal enum FieldKind : byte
{
    /// <summary>Trimmed, then ordinal: identifiers, canonical dates and enum names.</summary>
    Exact,

    /// <summary>Trimmed, white space collapsed, case-insensitive: names, emails, countries, free text.</summary>
    Text,

    /// <summary>By the E.164 form (<see cref="CustomerKeys.Phone"/>).</summary>
    Phone,

    /// <summary>By the instant, whatever the offset.</summary>
    Timestamp,
}
