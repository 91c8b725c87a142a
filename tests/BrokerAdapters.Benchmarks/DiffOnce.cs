using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BrokerAdapters.Migration;

namespace BrokerAdapters.Benchmarks;

/// <summary>
/// <c>diff-once --source A --target B [--mode diff|read]</c>: one diff of two JSON Lines files in this process, which
/// then prints one JSON line (<see cref="DiffOnceResult"/>) with the elapsed time, the process's peak resident memory
/// (<c>VmHWM</c>) and the summary counts. Run by <see cref="ScaleRun"/> as a child process, so that the peak is that
/// diff's alone. <c>--mode read</c> only parses both files (target then source), for the share of parsing in the time;
/// <c>--match</c> and <c>--ignore</c> change the options (see <see cref="Options"/>), for profiling.
/// </summary>
internal static class DiffOnce
{
    public const string Command = "diff-once";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(Arguments args)
    {
        var source = args.Required("source");
        var target = args.Required("target");
        var mode = args.Get("mode") ?? "diff";
        var options = Options(args);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();

        var phases = new Phases();
        var summary = mode switch
        {
            "diff" => await DiffAsync(source, target, options, clock, phases),
            "read" => await ReadAsync(source, target, clock, phases),
            _ => throw new BenchmarkFailedException($"Unknown --mode '{mode}' (diff or read)."),
        };

        var elapsed = clock.Elapsed;
        process.Refresh();
        var result = new DiffOnceResult
        {
            Mode = mode,
            ElapsedMs = elapsed.TotalMilliseconds,
            CpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds,
            PeakBytes = ProcStatus.Read("VmHWM"),
            IndexedMs = phases.IndexedMs,
            SourceDoneMs = phases.SourceDoneMs,
            RssAfterIndexBytes = phases.RssAfterIndex,
            ManagedAfterIndexBytes = phases.ManagedAfterIndex,
            AllocatedBytes = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore,
            GcPauseMs = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds,
            Gen0 = GC.CollectionCount(0) - gen0,
            Gen1 = GC.CollectionCount(1) - gen1,
            Gen2 = GC.CollectionCount(2) - gen2,
            Source = summary.Source,
            Target = summary.Target,
            Identical = summary.Identical,
            Changed = summary.Changed,
            OnlyInSource = summary.OnlyInSource,
            OnlyInTarget = summary.OnlyInTarget,
            Ambiguous = summary.Ambiguous,
            Entries = summary.Entries,
            FieldChanges = summary.FieldChanges,
        };
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, Json));
        return 0;
    }

    /// <summary>
    /// The default options, or, for profiling, other match keys (<c>--match ExternalId,Email</c>) and more ignored
    /// fields (<c>--ignore Phone,Name</c>, added to the default ignored ones).
    /// </summary>
    public static DiffOptions Options(Arguments args)
    {
        var options = new DiffOptions();
        if (args.Get("match") is { } match)
        {
            options = new DiffOptions
            {
                MatchKeys = [.. match.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<MatchKey>)],
            };
        }

        if (args.Get("ignore") is { } ignore)
        {
            options = new DiffOptions
            {
                MatchKeys = options.MatchKeys,
                IgnoredFields = [.. DiffOptions.DefaultIgnoredFields, .. ignore.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            };
        }

        return options;
    }

    private static async Task<Counts> DiffAsync(string source, string target, DiffOptions options, Stopwatch clock, Phases phases)
    {
        var results = CustomerDiff.Compare(CustomerJsonLines.ReadFileAsync(source), CustomerJsonLines.ReadFileAsync(target), options);
        long entries = 0;
        long changes = 0;
        await foreach (var entry in results)
        {
            if (entries++ == 0)
            {
                // The first entry comes once the whole target is indexed (and the first source batch read).
                phases.IndexDone(clock);
            }

            if (entry.Category == DiffCategory.OnlyInTarget && phases.SourceDoneMs is null)
            {
                phases.SourceDoneMs = clock.Elapsed.TotalMilliseconds;
            }

            // A consumer looks at what changed; count it so that nothing is optimised away.
            changes += entry.Changes.Count;
        }

        var summary = results.Summary;
        if (!summary.IsComplete)
        {
            throw new BenchmarkFailedException("The diff ended without completing its summary.");
        }

        var fieldChanges = summary.GetFieldChanges();
        if (fieldChanges.Sum(pair => pair.Value) != changes)
        {
            throw new BenchmarkFailedException($"The entries hold {changes} field changes, the summary {fieldChanges.Sum(pair => pair.Value)}.");
        }

        return new Counts(
            summary.SourceCount,
            summary.TargetCount,
            summary.Identical,
            summary.Changed,
            summary.OnlyInSource,
            summary.OnlyInTarget,
            summary.Ambiguous,
            entries,
            new SortedDictionary<string, long>(fieldChanges.ToDictionary(pair => pair.Key, pair => pair.Value), StringComparer.Ordinal));
    }

    private static async Task<Counts> ReadAsync(string source, string target, Stopwatch clock, Phases phases)
    {
        long targetCount = 0;
        await foreach (var customer in CustomerJsonLines.ReadFileAsync(target))
        {
            targetCount += customer.Id.Length > 0 ? 1 : 0;
        }

        phases.IndexDone(clock);
        long sourceCount = 0;
        await foreach (var customer in CustomerJsonLines.ReadFileAsync(source))
        {
            sourceCount += customer.Id.Length > 0 ? 1 : 0;
        }

        phases.SourceDoneMs = clock.Elapsed.TotalMilliseconds;
        return new Counts(sourceCount, targetCount, 0, 0, 0, 0, 0, 0, new SortedDictionary<string, long>(StringComparer.Ordinal));
    }

    private sealed record Counts(
        long Source,
        long Target,
        long Identical,
        long Changed,
        long OnlyInSource,
        long OnlyInTarget,
        long Ambiguous,
        long Entries,
        SortedDictionary<string, long> FieldChanges);

    private sealed class Phases
    {
        public double? IndexedMs { get; private set; }

        public double? SourceDoneMs { get; set; }

        public long? RssAfterIndex { get; private set; }

        public long? ManagedAfterIndex { get; private set; }

        public void IndexDone(Stopwatch clock)
        {
            IndexedMs = clock.Elapsed.TotalMilliseconds;
            RssAfterIndex = ProcStatus.Read("VmRSS");
            ManagedAfterIndex = GC.GetTotalMemory(forceFullCollection: false);
        }
    }
}

/// <summary>What one <see cref="DiffOnce"/> run measured (one JSON line on its standard output).</summary>
internal sealed class DiffOnceResult
{
    public string Mode { get; init; } = "diff";

    /// <summary>Gets the wall-clock time of the diff (both files read, every entry consumed), in milliseconds.</summary>
    public double ElapsedMs { get; init; }

    /// <summary>Gets the CPU time (user + system, all threads) the process spent during the diff.</summary>
    public double CpuMs { get; init; }

    /// <summary>Gets the process's peak resident set size (<c>VmHWM</c>), runtime included.</summary>
    public long? PeakBytes { get; init; }

    /// <summary>Gets when the first entry arrived: the target is indexed by then.</summary>
    public double? IndexedMs { get; init; }

    /// <summary>Gets when the source was done (the first only-in-target entry arrived).</summary>
    public double? SourceDoneMs { get; init; }

    public long? RssAfterIndexBytes { get; init; }

    public long? ManagedAfterIndexBytes { get; init; }

    public long AllocatedBytes { get; init; }

    public double GcPauseMs { get; init; }

    public int Gen0 { get; init; }

    public int Gen1 { get; init; }

    public int Gen2 { get; init; }

    public long Source { get; init; }

    public long Target { get; init; }

    public long Identical { get; init; }

    public long Changed { get; init; }

    public long OnlyInSource { get; init; }

    public long OnlyInTarget { get; init; }

    public long Ambiguous { get; init; }

    public long Entries { get; init; }

    public SortedDictionary<string, long> FieldChanges { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>Reads this process's memory figures from <c>/proc/self/status</c> (Linux only; <see langword="null"/> elsewhere).</summary>
internal static class ProcStatus
{
    /// <summary>Reads a <c>kB</c> line such as <c>VmHWM</c> (peak resident set) or <c>VmRSS</c>, in bytes.</summary>
    public static long? Read(string name)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                var parts = line[(name.Length + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }
}
