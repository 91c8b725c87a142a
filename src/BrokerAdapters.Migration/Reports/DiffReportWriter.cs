namespace BrokerAdapters.Migration;

/// <summary>Writes the results of a diff as a report, consuming them (a diff's results can be enumerated once).</summary>
/// <example>
/// <code>
/// var results = CustomerDiff.Compare(source.ListAsync(), target.ListAsync());
/// await using var file = File.Create("diff.html");
/// await DiffReportWriter.WriteAsync(DiffReportFormat.Html, results, file, cancellationToken: cancellationToken);
/// Console.WriteLine(results.Summary);
/// </code>
/// </example>
/// <remarks>
/// JSON and CSV are written as the entries arrive; Markdown and HTML keep at most <see cref="DiffReportOptions.MaxRows"/>
/// changed and ambiguous entries until the counts are final. Reports hold identities, match keys and field values,
/// never secrets (customers carry none). Every customer value is escaped for the format: HTML through an XML writer
/// (the page is well-formed XHTML), Markdown cells with backslashes, CSV cells quoted, and CSV cells that a spreadsheet
/// would run as a formula (starting with <c>= + - @</c>) prefixed with <c>'</c>.
/// </remarks>
public static class DiffReportWriter
{
    /// <summary>Runs the diff and writes its report to <paramref name="output"/>, which is flushed and left open.</summary>
    /// <param name="format">The format.</param>
    /// <param name="results">The results of <see cref="CustomerDiff.Compare"/>, not yet enumerated.</param>
    /// <param name="output">Where to write (UTF-8).</param>
    /// <param name="options">Titles, side labels and row limits; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the diff and the writing.</param>
    /// <returns>A task that completes when the report is written.</returns>
    public static Task WriteAsync(
        DiffReportFormat format, CustomerDiffResults results, Stream output, DiffReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new DiffReportOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRows, nameof(options));
        return format switch
        {
            DiffReportFormat.Json => JsonDiffReport.WriteAsync(results, output, options, cancellationToken),
            DiffReportFormat.Csv => CsvDiffReport.WriteAsync(results, output, cancellationToken),
            DiffReportFormat.Markdown => MarkdownDiffReport.WriteAsync(results, output, options, cancellationToken),
            DiffReportFormat.Html => HtmlDiffReport.WriteAsync(results, output, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
        };
    }
}
