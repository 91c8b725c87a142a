namespace BrokerAdapters.Migration;

/// <summary>The formats <see cref="DiffReportWriter"/> writes.</summary>
public enum DiffReportFormat
{
    /// <summary>Everything, machine-readable: the options, every entry (changes and candidates included) and the summary. Streamed.</summary>
    Json,

    /// <summary>One row per difference (a changed field, a customer only on one side, an ambiguous candidate), for spreadsheets. Streamed.</summary>
    Csv,

    /// <summary>A summary table, the changed-field counts and the first changes and ambiguities.</summary>
    Markdown,

    /// <summary>A self-contained page (no scripts, no external assets): the counts as a chart, the changed fields and the first changes and ambiguities in tables.</summary>
    Html,
}
