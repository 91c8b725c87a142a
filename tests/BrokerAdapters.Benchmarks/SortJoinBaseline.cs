using System.Diagnostics;
using System.Globalization;
using System.Text;
using BrokerAdapters.Migration;

namespace BrokerAdapters.Benchmarks;

/// <summary>
/// The baseline a user would otherwise write: the exports flattened to TSV (the key, then every field the diff
/// compares), both sorted by the key with <c>LC_ALL=C sort</c>, then three <c>join</c>s: <c>-v1</c> (only in the
/// source), <c>-v2</c> (only in the target) and the paired rows through <c>awk</c> (changed rows). Only the sorts and
/// joins are timed: the flattening (with <c>jq</c> when installed) is done once per size and cached.
/// </summary>
internal static class SortJoinBaseline
{
    /// <summary>The <c>jq</c> filter that flattens one export line: the key (ExternalId) first, then the compared fields.</summary>
    public const string JqFilter =
        "[.externalId, .email, .phone[\"e164\"], .country, .name.given, .name.middle, .name.family, .name.full, .birthDate,"
        + " .address.street, .address.houseNumber, .address.city, .address.postalCode, .address.line, .language, .timeZone,"
        + " .source, .groupId, .attribution.source, .attribution.medium, .attribution.campaign, .attribution.content,"
        + " .attribution.term, .clientIp, .device, .status, .kycStatus] | @tsv";

    /// <summary>Counts the paired rows and those whose fields differ (join prints the key, the source's fields, then the target's).</summary>
    private const string ChangedAwk =
        "{ n = (NF - 1) / 2; for (i = 2; i <= n + 1; i++) if ($i != $(i + n)) { c++; break } } END { print NR, c + 0 }";

    private static readonly Dictionary<string, string> CLocale = new(StringComparer.Ordinal) { ["LC_ALL"] = "C" };

    /// <summary>Flattens both exports to TSV unless cached; returns the TSV files and how the flattening went.</summary>
    public static async Task<BaselineInput> PrepareAsync(ScaleFiles files)
    {
        var (source, sourceNote) = await FlattenAsync(files.Source);
        var (target, targetNote) = await FlattenAsync(files.Target);
        return new BaselineInput(source, target, $"source: {sourceNote}; target: {targetNote}");
    }

    /// <summary>Sorts and joins once; throws when the counts are not those of <paramref name="expected"/>.</summary>
    public static async Task<BaselineRun> RunOnceAsync(BaselineInput input, ScaleExpectation expected)
    {
        var sortedSource = input.Source + ".sorted";
        var sortedTarget = input.Target + ".sorted";
        var sortSource = await Sort(input.Source, sortedSource);
        var sortTarget = await Sort(input.Target, sortedTarget);
        var onlySource = await Join("join -t \"$TAB\" -v1 \"$S\" \"$T\" | wc -l", sortedSource, sortedTarget);
        var onlyTarget = await Join("join -t \"$TAB\" -v2 \"$S\" \"$T\" | wc -l", sortedSource, sortedTarget);
        var paired = await Join($"join -t \"$TAB\" \"$S\" \"$T\" | awk -F '\\t' '{ChangedAwk}'", sortedSource, sortedTarget);

        var counts = paired.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var run = new BaselineRun(
            SortMs: (sortSource.Elapsed + sortTarget.Elapsed).TotalMilliseconds,
            JoinMs: (onlySource.Elapsed + onlyTarget.Elapsed + paired.Elapsed).TotalMilliseconds,
            SortPeakBytes: Max(sortSource.PeakBytes, sortTarget.PeakBytes),
            JoinPeakBytes: Max(Max(onlySource.PeakBytes, onlyTarget.PeakBytes), paired.PeakBytes),
            OnlyInSource: ParseCount(onlySource.Output),
            OnlyInTarget: ParseCount(onlyTarget.Output),
            Paired: ParseCount(counts[0]),
            Changed: ParseCount(counts[1]));

        var mismatches = new List<string>();
        Check(mismatches, "only in source", expected.OnlyInSource, run.OnlyInSource);
        Check(mismatches, "only in target", expected.OnlyInTarget, run.OnlyInTarget);
        Check(mismatches, "paired", expected.Identical + expected.Changed, run.Paired);
        Check(mismatches, "changed", expected.Changed, run.Changed);
        if (mismatches.Count > 0)
        {
            throw new BenchmarkFailedException(
                $"sort | join of {input.Source} and {input.Target} found wrong counts: {string.Join("; ", mismatches)}.");
        }

        return run;
    }

    private static void Check(List<string> mismatches, string what, long expected, long actual)
    {
        if (expected != actual)
        {
            mismatches.Add($"{what} {actual}, expected {expected}");
        }
    }

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static long ParseCount(string text) => long.Parse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    private static Task<CommandResult> Sort(string input, string output) =>
        Measure.RunAsync("sort", ["-t", "\t", "-k1,1", "-o", output, input], CLocale);

    private static Task<CommandResult> Join(string script, string source, string target) =>
        Measure.RunAsync("bash", ["-c", "set -o pipefail; " + script], new Dictionary<string, string>(CLocale)
        {
            ["TAB"] = "\t",
            ["S"] = source,
            ["T"] = target,
        });

    private static async Task<(string Path, string Note)> FlattenAsync(string jsonLines)
    {
        var tsv = Path.ChangeExtension(jsonLines, ".tsv");
        var note = tsv + ".how";
        if (File.Exists(tsv) && File.Exists(note))
        {
            return (tsv, await File.ReadAllTextAsync(note));
        }

        var partial = tsv + ".partial";
        var clock = Stopwatch.StartNew();
        string how;
        if (Measure.OnPath("jq"))
        {
            await Measure.RunAsync("bash", ["-c", "jq -r \"$FILTER\" \"$IN\" > \"$OUT\""], new Dictionary<string, string>(CLocale)
            {
                ["FILTER"] = JqFilter,
                ["IN"] = jsonLines,
                ["OUT"] = partial,
            });
            how = "jq";
        }
        else
        {
            await FlattenInProcessAsync(jsonLines, partial);
            how = "C# (no jq)";
        }

        how = string.Create(CultureInfo.InvariantCulture, $"{how} {clock.Elapsed.TotalSeconds:F1} s");
        File.Move(partial, tsv, overwrite: true);
        await File.WriteAllTextAsync(note, how);
        Console.WriteLine($"  flattened {Path.GetFileName(jsonLines)} to TSV with {how}");
        return (tsv, how);
    }

    /// <summary>The same TSV as <see cref="JqFilter"/>, for machines without <c>jq</c>.</summary>
    private static async Task FlattenInProcessAsync(string jsonLines, string tsv)
    {
        var writer = new StreamWriter(tsv, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };
        await using (writer)
        {
            var line = new StringBuilder();
            await foreach (var c in CustomerJsonLines.ReadFileAsync(jsonLines))
            {
                line.Clear();
                string?[] values =
                [
                    c.ExternalId, c.Email, c.Phone?.E164, c.Country, c.Name?.Given, c.Name?.Middle, c.Name?.Family, c.Name?.Full,
                    c.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    c.Address?.Street, c.Address?.HouseNumber, c.Address?.City, c.Address?.PostalCode, c.Address?.Line,
                    c.Language, c.TimeZone, c.Source?.ToString(), c.GroupId,
                    c.Attribution?.Source, c.Attribution?.Medium, c.Attribution?.Campaign, c.Attribution?.Content, c.Attribution?.Term,
                    c.ClientIp, c.Device, c.Status.ToString(), c.KycStatus,
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    if (i > 0)
                    {
                        line.Append('\t');
                    }

                    // As jq's @tsv escapes.
                    line.Append((values[i] ?? string.Empty)
                        .Replace("\\", "\\\\", StringComparison.Ordinal)
                        .Replace("\t", "\\t", StringComparison.Ordinal)
                        .Replace("\n", "\\n", StringComparison.Ordinal)
                        .Replace("\r", "\\r", StringComparison.Ordinal));
                }

                await writer.WriteLineAsync(line);
            }
        }
    }
}

internal sealed record BaselineInput(string Source, string Target, string Flattening);

internal sealed record BaselineRun(
    double SortMs,
    double JoinMs,
    long? SortPeakBytes,
    long? JoinPeakBytes,
    long OnlyInSource,
    long OnlyInTarget,
    long Paired,
    long Changed)
{
    public double TotalMs => SortMs + JoinMs;
}
