namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>A <see cref="PersonName"/> in JSON.</summary>
internal sealed record NameDocument(string? Given, string? Middle, string? Family, string? Full)
{
    /// <summary>Maps a name.</summary>
    /// <param name="name">The name, or <see langword="null"/>.</param>
    /// <returns>The document, or <see langword="null"/>.</returns>
    public static NameDocument? From(PersonName? name) =>
        name is null ? null : new(name.Given, name.Middle, name.Family, name.Full);
}
