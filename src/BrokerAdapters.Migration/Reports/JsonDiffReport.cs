using System.Text.Json;

namespace BrokerAdapters.Migration;

/// <summary>
/// The complete report: <c>{"report":…,"version":1,"title","source","target","options":{…},"entries":[…],"summary":{…}}</c>,
/// each entry with its category, match key, source and target references, changes (field, source, target), ambiguity
/// reason and candidates. The summary comes last because it is final only once every entry is written.
/// </summary>
internal static class JsonDiffReport
{
    public const string ReportName = "brokeradapters-customer-diff";
    private const int FlushThreshold = 64 * 1024;

    public static async Task WriteAsync(CustomerDiffResults results, Stream output, DiffReportOptions options, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(output);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("report"u8, ReportName);
            writer.WriteNumber("version"u8, 1);
            writer.WriteString("title"u8, options.Title);
            writer.WriteString("source"u8, options.SourceName);
            writer.WriteString("target"u8, options.TargetName);
            WriteOptions(writer, results.Options);
            writer.WriteStartArray("entries"u8);
            await foreach (var entry in results.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                WriteEntry(writer, entry);
                if (writer.BytesPending >= FlushThreshold)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            WriteSummary(writer, results.Summary);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteOptions(Utf8JsonWriter writer, DiffOptions options)
    {
        writer.WriteStartObject("options"u8);
        writer.WriteStartArray("matchKeys"u8);
        foreach (var key in options.MatchKeys)
        {
            writer.WriteStringValue(key.ToString());
        }

        writer.WriteEndArray();
        writer.WriteStartArray("ignoredFields"u8);
        foreach (var field in options.IgnoredFields)
        {
            writer.WriteStringValue(field);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("compareExtra"u8, options.CompareExtra);
        writer.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter writer, CustomerDiffEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("category"u8, entry.Category.ToString());
        if (entry.MatchKey is { } key)
        {
            writer.WriteString("matchKey"u8, key.ToString());
        }

        if (entry.Ambiguity is { } reason)
        {
            writer.WriteString("reason"u8, reason.ToString());
        }

        WriteReference(writer, "source"u8, entry.Source);
        WriteReference(writer, "target"u8, entry.Target);
        if (entry.Changes.Count > 0)
        {
            writer.WriteStartArray("changes"u8);
            foreach (var change in entry.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("field"u8, change.Field);
                writer.WriteString("source"u8, change.SourceValue);
                writer.WriteString("target"u8, change.TargetValue);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (entry.Candidates.Count > 0)
        {
            writer.WriteStartArray("candidates"u8);
            foreach (var candidate in entry.Candidates)
            {
                writer.WriteStartObject();
                WriteReference(writer, "customer"u8, candidate.Customer);
                writer.WriteStartArray("keys"u8);
                foreach (var candidateKey in candidate.Keys)
                {
                    writer.WriteStringValue(candidateKey.ToString());
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteReference(Utf8JsonWriter writer, ReadOnlySpan<byte> property, CustomerReference? reference)
    {
        if (reference is null)
        {
            return;
        }

        writer.WriteStartObject(property);
        writer.WriteString("provider"u8, reference.Provider);
        writer.WriteString("id"u8, reference.Id);
        writer.WriteString("number"u8, reference.Number);
        writer.WriteString("externalId"u8, reference.ExternalId);
        writer.WriteString("email"u8, reference.Email);
        writer.WriteString("phone"u8, reference.Phone);
        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, DiffSummary summary)
    {
        writer.WriteStartObject("summary"u8);
        writer.WriteBoolean("complete"u8, summary.IsComplete);
        writer.WriteNumber("sourceCount"u8, summary.SourceCount);
        writer.WriteNumber("targetCount"u8, summary.TargetCount);
        writer.WriteNumber("identical"u8, summary.Identical);
        writer.WriteNumber("changed"u8, summary.Changed);
        writer.WriteNumber("onlyInSource"u8, summary.OnlyInSource);
        writer.WriteNumber("onlyInTarget"u8, summary.OnlyInTarget);
        writer.WriteNumber("ambiguous"u8, summary.Ambiguous);
        writer.WriteNumber("ambiguousInTarget"u8, summary.AmbiguousInTarget);
        writer.WriteStartObject("fieldChanges"u8);
        foreach (var (field, count) in summary.GetFieldChanges())
        {
            writer.WriteNumber(field, count);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
