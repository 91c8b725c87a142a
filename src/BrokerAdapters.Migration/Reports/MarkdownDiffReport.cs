using System.Globalization;
using System.Text;

namespace BrokerAdapters.Migration;

/// <summary>A Markdown summary: the counts, the changed-field counts, and the first changes and ambiguities as tables.</summary>
internal static class MarkdownDiffReport
{
    public static async Task WriteAsync(CustomerDiffResults results, Stream output, DiffReportOptions options, CancellationToken cancellationToken)
    {
        var digest = await DiffReportDigest.CollectAsync(results, options.MaxRows, cancellationToken).ConfigureAwait(false);
        var text = Render(digest, options);
        await output.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static string Render(DiffReportDigest digest, DiffReportOptions options)
    {
        var summary = digest.Summary;
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(options.Title)).Append('\n').Append('\n');
        if (options.SourceName is not null || options.TargetName is not null)
        {
            md.Append("Source: ").Append(Escape(options.SourceName ?? "source"))
                .Append(" → target: ").Append(Escape(options.TargetName ?? "target")).Append("\n\n");
        }

        md.Append(Escape(digest.DescribeOptions())).Append("\n\n");
        if (!summary.IsComplete)
        {
            md.Append("**The diff did not run to its end: the counts are partial.**\n\n");
        }

        md.Append("| Category | Customers |\n|---|---:|\n");
        foreach (var category in DiffReportDigest.Categories)
        {
            md.Append("| ").Append(DiffReportDigest.Label(category)).Append(" | ").Append(Number(summary.Count(category))).Append(" |\n");
        }

        md.Append("| Source customers | ").Append(Number(summary.SourceCount)).Append(" |\n");
        md.Append("| Target customers | ").Append(Number(summary.TargetCount)).Append(" |\n\n");

        var fieldChanges = summary.GetFieldChanges();
        if (fieldChanges.Count > 0)
        {
            md.Append("## Changed fields\n\n| Field | Customers |\n|---|---:|\n");
            foreach (var (field, count) in fieldChanges)
            {
                md.Append("| ").Append(Escape(field)).Append(" | ").Append(Number(count)).Append(" |\n");
            }

            md.Append('\n');
        }

        if (summary.Changed > 0)
        {
            md.Append("## Changes\n\n");
            AppendShown(md, digest.Changed.Count, summary.Changed);
            md.Append("| Match | Source | Target | Field | Source value | Target value |\n|---|---|---|---|---|---|\n");
            foreach (var entry in digest.Changed)
            {
                foreach (var change in entry.Changes)
                {
                    md.Append("| ").Append(entry.MatchKey)
                        .Append(" | ").Append(Escape(DiffReportDigest.Describe(entry.Source)))
                        .Append(" | ").Append(Escape(DiffReportDigest.Describe(entry.Target)))
                        .Append(" | ").Append(Escape(change.Field))
                        .Append(" | ").Append(Value(change.SourceValue))
                        .Append(" | ").Append(Value(change.TargetValue))
                        .Append(" |\n");
                }
            }

            md.Append('\n');
        }

        if (summary.Ambiguous > 0)
        {
            md.Append("## Ambiguous\n\n");
            AppendShown(md, digest.Ambiguous.Count, summary.Ambiguous);
            md.Append("| Source | Why | Candidates |\n|---|---|---|\n");
            foreach (var entry in digest.Ambiguous)
            {
                md.Append("| ").Append(Escape(DiffReportDigest.Describe(entry.Source)))
                    .Append(" | ").Append(Escape(DiffReportDigest.Label(entry.Ambiguity)))
                    .Append(" | ").Append(Escape(string.Join("; ", entry.Candidates.Select(c => DiffReportDigest.Describe(c.Customer) + " by " + string.Join('+', c.Keys)))))
                    .Append(" |\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    /// <summary>Makes text safe in a table cell: no line breaks, and Markdown and HTML punctuation escaped with backslashes.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                escaped.Append(' ');
            }
            else
            {
                if (c is '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '~' or '#' or '!' or '&')
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static string Value(string? value) => value is null ? "*(none)*" : value.Length == 0 ? "*(empty)*" : Escape(value);

    private static void AppendShown(StringBuilder md, int shown, long total)
    {
        if (shown < total)
        {
            md.Append("The first ").Append(Number(shown)).Append(" of ").Append(Number(total)).Append(" customers; the JSON and CSV reports list all.\n\n");
        }
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
