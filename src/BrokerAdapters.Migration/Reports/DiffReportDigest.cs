namespace BrokerAdapters.Migration;

/// <summary>
/// What the Markdown and HTML reports show, gathered in one pass over the results: the first changed and ambiguous
/// entries (bounded), and the final summary.
/// </summary>
internal sealed class DiffReportDigest
{
    private DiffReportDigest(DiffSummary summary, DiffOptions options, List<CustomerDiffEntry> changed, List<CustomerDiffEntry> ambiguous)
    {
        Summary = summary;
        Options = options;
        Changed = changed;
        Ambiguous = ambiguous;
    }

    public DiffSummary Summary { get; }

    public DiffOptions Options { get; }

    /// <summary>Gets the first changed entries, at most <see cref="DiffReportOptions.MaxRows"/>.</summary>
    public IReadOnlyList<CustomerDiffEntry> Changed { get; }

    /// <summary>Gets the first ambiguous entries, at most <see cref="DiffReportOptions.MaxRows"/>.</summary>
    public IReadOnlyList<CustomerDiffEntry> Ambiguous { get; }

    /// <summary>The categories in the order reports show them.</summary>
    public static IReadOnlyList<DiffCategory> Categories { get; } =
        [DiffCategory.Identical, DiffCategory.Changed, DiffCategory.OnlyInSource, DiffCategory.OnlyInTarget, DiffCategory.Ambiguous];

    public static async Task<DiffReportDigest> CollectAsync(CustomerDiffResults results, int maxRows, CancellationToken cancellationToken)
    {
        var changed = new List<CustomerDiffEntry>();
        var ambiguous = new List<CustomerDiffEntry>();
        await foreach (var entry in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var list = entry.Category switch
            {
                DiffCategory.Changed => changed,
                DiffCategory.Ambiguous => ambiguous,
                _ => null,
            };
            if (list is not null && list.Count < maxRows)
            {
                list.Add(entry);
            }
        }

        return new DiffReportDigest(results.Summary, results.Options, changed, ambiguous);
    }

    /// <summary>How a category reads in a report.</summary>
    public static string Label(DiffCategory category) => category switch
    {
        DiffCategory.Identical => "Identical",
        DiffCategory.Changed => "Changed",
        DiffCategory.OnlyInSource => "Only in source",
        DiffCategory.OnlyInTarget => "Only in target",
        _ => "Ambiguous",
    };

    /// <summary>A customer as one short text: its number or id, and its email when it has one.</summary>
    public static string Describe(CustomerReference? customer) =>
        customer is null
            ? string.Empty
            : (customer.Number ?? customer.Id) + (customer.Email is null ? string.Empty : " (" + customer.Email + ")");

    /// <summary>How an ambiguity reads in a report.</summary>
    public static string Label(AmbiguityReason? reason) => reason switch
    {
        AmbiguityReason.ConflictingKeys => "keys lead to different customers",
        AmbiguityReason.SharedKeyValue => "a key value is shared by several customers",
        AmbiguityReason.AlreadyMatched => "its match was already taken by another customer",
        _ => string.Empty,
    };

    /// <summary>The options as one line.</summary>
    public string DescribeOptions() =>
        $"Match keys: {string.Join(", ", Options.MatchKeys)}. Ignored fields: {(Options.IgnoredFields.Count == 0 ? "none" : string.Join(", ", Options.IgnoredFields))}. Provider fields (Extra) compared: {(Options.CompareExtra ? "yes" : "no")}.";
}
