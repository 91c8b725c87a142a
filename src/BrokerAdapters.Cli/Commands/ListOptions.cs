namespace BrokerAdapters.Cli.Commands;

/// <summary>Options that take lists: <c>--match ExternalId,Email</c>, also repeated (<c>--match ExternalId --match Email</c>).</summary>
internal static class ListOptions
{
    /// <summary>Splits the option's values at commas, trimming and dropping empty items.</summary>
    /// <param name="values">The values as given.</param>
    /// <returns>The items, in order.</returns>
    public static IReadOnlyList<string> Split(IEnumerable<string>? values) =>
        values is null
            ? []
            : [.. values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
