using CsvHelper;

namespace BrokerAdapters.Migration;

/// <summary>
/// One row per difference: a changed field of a matched pair, a customer only on one side, or a candidate of an
/// ambiguous source customer (identical pairs have no row). Columns:
/// <c>category,reason,matchKey,sourceId,sourceNumber,targetId,targetNumber,field,sourceValue,targetValue</c>.
/// </summary>
internal static class CsvDiffReport
{
    public static readonly string[] Columns =
        ["category", "reason", "matchKey", "sourceId", "sourceNumber", "targetId", "targetNumber", "field", "sourceValue", "targetValue"];

    // Spreadsheets run cells starting with = + - @ as formulas: customer data must not become one.
    private static readonly CsvWriterOptions Options = new() { Separator = ',', Injection = CsvInjection.Escape };

    public static async Task WriteAsync(CustomerDiffResults results, Stream output, CancellationToken cancellationToken)
    {
        var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            csv.WriteHeader(Columns);
            await foreach (var entry in results.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                switch (entry.Category)
                {
                    case DiffCategory.Changed:
                        foreach (var change in entry.Changes)
                        {
                            Row(csv, entry, entry.MatchKey?.ToString(), entry.Target, change);
                            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                        }

                        break;
                    case DiffCategory.Ambiguous:
                        foreach (var candidate in entry.Candidates)
                        {
                            Row(csv, entry, string.Join('+', candidate.Keys), candidate.Customer, null);
                            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                        }

                        break;
                    case DiffCategory.OnlyInSource:
                    case DiffCategory.OnlyInTarget:
                        Row(csv, entry, null, entry.Target, null);
                        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        break;
                }
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Row(CsvWriter csv, CustomerDiffEntry entry, string? matchKey, CustomerReference? target, FieldDifference? change)
    {
        csv.WriteField(entry.Category.ToString());
        csv.WriteField(entry.Ambiguity?.ToString());
        csv.WriteField(matchKey);
        csv.WriteField(entry.Source?.Id);
        csv.WriteField(entry.Source?.Number);
        csv.WriteField(target?.Id);
        csv.WriteField(target?.Number);
        csv.WriteField(change?.Field);
        csv.WriteField(change?.SourceValue);
        csv.WriteField(change?.TargetValue);
    }
}
