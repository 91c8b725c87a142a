namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>What <c>export --json</c> prints once the file is written.</summary>
/// <param name="Provider">The provider exported.</param>
/// <param name="File">The file written.</param>
/// <param name="Format"><c>jsonl</c> or <c>csv</c>.</param>
/// <param name="Details">Whether each customer was read again in detail (<c>--details</c>).</param>
/// <param name="Customers">How many customers were written.</param>
/// <param name="ElapsedSeconds">How long the export took.</param>
internal sealed record ExportDocument(string Provider, string File, string Format, bool Details, long Customers, double ElapsedSeconds);
