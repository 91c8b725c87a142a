namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>A <see cref="PhoneNumber"/> in JSON: its parts and its E.164 form.</summary>
internal sealed record PhoneDocument(string CountryCode, string Number, string E164)
{
    /// <summary>Maps a phone number.</summary>
    /// <param name="phone">The phone number, or <see langword="null"/>.</param>
    /// <returns>The document, or <see langword="null"/>.</returns>
    public static PhoneDocument? From(PhoneNumber? phone) =>
        phone is null ? null : new(phone.CountryCode, phone.Number, phone.E164);
}
