namespace BrokerAdapters.Cli.Sides;

/// <summary>The formats of customer files: those of <c>BrokerAdapters.Migration</c>'s <c>CustomerJsonLines</c> and <c>CustomerCsv</c>.</summary>
internal enum CustomerFileFormat
{
    /// <summary>JSON Lines, one customer per line: the schema of <c>list --json</c>.</summary>
    JsonLines,

    /// <summary>CSV with a header row and flat columns.</summary>
    Csv,
}
