namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>What <c>diff --json --out FILE</c> prints once the report is written: the sides, the report and the counts.</summary>
/// <param name="Source">The source side, as named in the report.</param>
/// <param name="Target">The target side.</param>
/// <param name="Report">The report file.</param>
/// <param name="Format">The report's format.</param>
/// <param name="Summary">The counts.</param>
internal sealed record DiffDocument(string Source, string Target, string Report, string Format, DiffSummaryDocument Summary);

/// <summary>The counts of a diff, as the JSON report's <c>summary</c> has them.</summary>
/// <param name="Complete">Whether the diff ran to its end.</param>
/// <param name="SourceCount">Source customers read.</param>
/// <param name="TargetCount">Target customers read.</param>
/// <param name="Identical">Matched pairs without a difference.</param>
/// <param name="Changed">Matched pairs with a difference.</param>
/// <param name="OnlyInSource">Source customers without a match.</param>
/// <param name="OnlyInTarget">Target customers without a match.</param>
/// <param name="Ambiguous">Source customers that cannot be matched without guessing.</param>
/// <param name="AmbiguousInTarget">Target customers left unmatched as candidates of ambiguous ones.</param>
/// <param name="FieldChanges">Per field, how many changed pairs differ in it.</param>
internal sealed record DiffSummaryDocument(
    bool Complete,
    long SourceCount,
    long TargetCount,
    long Identical,
    long Changed,
    long OnlyInSource,
    long OnlyInTarget,
    long Ambiguous,
    long AmbiguousInTarget,
    IReadOnlyDictionary<string, long> FieldChanges)
{
    /// <summary>Maps a summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The document.</returns>
    public static DiffSummaryDocument From(Migration.DiffSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(
            summary.IsComplete,
            summary.SourceCount,
            summary.TargetCount,
            summary.Identical,
            summary.Changed,
            summary.OnlyInSource,
            summary.OnlyInTarget,
            summary.Ambiguous,
            summary.AmbiguousInTarget,
            summary.GetFieldChanges().ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
    }
}
