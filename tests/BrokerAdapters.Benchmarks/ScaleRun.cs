using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace BrokerAdapters.Benchmarks;

/// <summary>
/// <c>diff-scale [--sizes 10000,100000,1000000] [--dir DIR] [--repeat 3] [--mode diff|read] [--no-baseline]
/// [--match KEYS] [--ignore FIELDS]</c>: per size, generates (or reuses) the two exports, runs <see cref="DiffOnce"/>
/// in a child process <c>--repeat</c> times, checks every run's counts against <see cref="ScaleData.Expected"/>, runs
/// <see cref="SortJoinBaseline"/> as many times, and prints Markdown tables of the medians. See <c>docs/benchmarks.md</c>.
/// </summary>
internal static class ScaleRun
{
    public const string Command = "diff-scale";

    /// <summary>The issue's targets for 1M × 1M.</summary>
    private const double TargetSeconds = 10;

    private const double TargetMegabytes = 1500;

    private static readonly int[] DefaultSizes = [10_000, 100_000, 1_000_000];

    public static async Task<int> RunAsync(Arguments args)
    {
        var sizes = args.Get("sizes") is { } list
            ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Arguments.ParseCount)]
            : DefaultSizes;
        var directory = Path.GetFullPath(args.Get("dir") ?? Path.Combine(Path.GetTempPath(), "brokeradapters-diff-scale"));
        if (sizes.FirstOrDefault(size => size > ScaleData.MaxSize) is var tooLarge and > 0)
        {
            throw new BenchmarkFailedException(string.Create(CultureInfo.InvariantCulture, $"{tooLarge:N0} is more than ScaleData generates ({ScaleData.MaxSize:N0})."));
        }

        var repeat = args.Int("repeat", 3);
        var mode = args.Get("mode") ?? "diff";
        // Other match keys or ignored fields are for profiling: the counts then differ from ScaleData.Expected.
        var profiling = args.Has("match") || args.Has("ignore");
        var baseline = !args.Has("no-baseline") && mode == "diff" && !profiling;
        var missing = ((string[])["bash", "sort", "join", "awk", "wc"]).Where(tool => !Measure.OnPath(tool)).ToArray();
        if (baseline && missing.Length > 0)
        {
            Console.WriteLine($"No sort | join baseline: {string.Join(", ", missing)} not on the PATH.");
            baseline = false;
        }

        Directory.CreateDirectory(directory);

        Console.WriteLine($"# diff-scale ({mode}), {repeat} runs per size, data in {directory}");
        Console.WriteLine(Machine());
        var rows = new List<Row>();
        foreach (var size in sizes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## {size:N0} customers per side (load average {Measure.LoadAverage()})"));
            var files = await ScaleFiles.EnsureAsync(directory, size);
            var expected = ScaleData.Expected(size);
            var runs = new List<DiffOnceResult>();
            await WarmUpAsync(files.Source, files.Target);
            for (var i = 0; i < repeat; i++)
            {
                var (result, processMs) = await RunChildAsync(files, mode, args);
                if (mode == "diff")
                {
                    Verify(files, expected, result, complete: !profiling);
                }

                runs.Add(result);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {mode} run {i + 1}: {result.ElapsedMs / 1000:F2} s (process {processMs / 1000:F2} s, CPU {result.CpuMs / 1000:F2} s), peak {Mb(result.PeakBytes)} MB, indexed at {result.IndexedMs / 1000:F2} s, source done at {result.SourceDoneMs / 1000:F2} s, allocated {result.AllocatedBytes / 1e9:F2} GB, GC {result.Gen0}/{result.Gen1}/{result.Gen2} pause {result.GcPauseMs:F0} ms: {Counts(result)}"));
            }

            var baselineRuns = new List<BaselineRun>();
            string? flattening = null;
            if (baseline)
            {
                var input = await SortJoinBaseline.PrepareAsync(files);
                flattening = input.Flattening;
                await WarmUpAsync(input.Source, input.Target);
                for (var i = 0; i < repeat; i++)
                {
                    var run = await SortJoinBaseline.RunOnceAsync(input, expected);
                    baselineRuns.Add(run);
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  sort|join run {i + 1}: {run.TotalMs / 1000:F2} s (sort {run.SortMs / 1000:F2} s, join {run.JoinMs / 1000:F2} s), sort peak {Mb(run.SortPeakBytes)} MB, join peak {Mb(run.JoinPeakBytes)} MB: only in source {run.OnlyInSource}, only in target {run.OnlyInTarget}, paired {run.Paired}, changed {run.Changed}"));
                }
            }

            rows.Add(new Row(size, runs, baselineRuns, flattening, Measure.LoadAverage()));
        }

        Console.WriteLine();
        Console.WriteLine(Tables(rows, mode));
        return 0;
    }

    /// <summary>
    /// Reads the files once, untimed, so that every timed run finds them in the page cache: on this machine the cache
    /// does not keep all the exports of every size, and a run that reads from the disk is not comparable.
    /// </summary>
    private static async Task WarmUpAsync(params string[] paths)
    {
        var clock = Stopwatch.StartNew();
        var buffer = new byte[1 << 20];
        long bytes = 0;
        foreach (var path in paths)
        {
            var file = File.OpenRead(path);
            await using (file)
            {
                int read;
                while ((read = await file.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up: read {bytes / 1e6:F0} MB in {clock.Elapsed.TotalSeconds:F2} s (untimed)"));
    }

    private static async Task<(DiffOnceResult Result, double ProcessMs)> RunChildAsync(ScaleFiles files, string mode, Arguments args)
    {
        var executable = Environment.ProcessPath ?? throw new BenchmarkFailedException("Cannot tell this program's path to start the child.");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(executable) == "dotnet")
        {
            // Started as `dotnet BrokerAdapters.Benchmarks.dll`: the child too.
            start.ArgumentList.Add(typeof(ScaleRun).Assembly.Location);
        }

        foreach (var argument in (string[])[DiffOnce.Command, "--source", files.Source, "--target", files.Target, "--mode", mode])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var option in (string[])["match", "ignore"])
        {
            if (args.Get(option) is { } value)
            {
                start.ArgumentList.Add("--" + option);
                start.ArgumentList.Add(value);
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchmarkFailedException("Could not start the diff-once child.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var processMs = clock.Elapsed.TotalMilliseconds;
        var stdout = await output;
        var stderr = await error;
        if (process.ExitCode != 0)
        {
            throw new BenchmarkFailedException($"diff-once exited with {process.ExitCode}:{Environment.NewLine}{stderr}{stdout}");
        }

        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(text => text.StartsWith('{'))
            ?? throw new BenchmarkFailedException($"diff-once printed no result:{Environment.NewLine}{stdout}{stderr}");
        var result = JsonSerializer.Deserialize<DiffOnceResult>(line, DiffOnce.Json)
            ?? throw new BenchmarkFailedException($"diff-once printed an empty result: {line}");
        return (result, processMs);
    }

    /// <summary>A wrong diff must not produce a figure: every count is checked against what the generator implies.</summary>
    /// <remarks>With other options (<paramref name="complete"/> false) only the sides' sizes are known.</remarks>
    private static void Verify(ScaleFiles files, ScaleExpectation expected, DiffOnceResult actual, bool complete)
    {
        var mismatches = new List<string>();
        Check("source", expected.Source, actual.Source);
        Check("target", expected.Target, actual.Target);
        if (!complete)
        {
            Check("entries", actual.Source + actual.OnlyInTarget, actual.Entries);
            Report();
            return;
        }

        Check("identical", expected.Identical, actual.Identical);
        Check("changed", expected.Changed, actual.Changed);
        Check("only in source", expected.OnlyInSource, actual.OnlyInSource);
        Check("only in target", expected.OnlyInTarget, actual.OnlyInTarget);
        Check("ambiguous", expected.Ambiguous, actual.Ambiguous);
        Check("entries", expected.Identical + expected.Changed + expected.OnlyInSource + expected.OnlyInTarget + expected.Ambiguous, actual.Entries);
        var fields = expected.FieldChanges.Keys.Union(actual.FieldChanges.Keys).Order(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            Check("changes of " + field, expected.FieldChanges.GetValueOrDefault(field), actual.FieldChanges.GetValueOrDefault(field));
        }

        Report();

        void Report()
        {
            if (mismatches.Count > 0)
            {
                throw new BenchmarkFailedException(
                    $"The diff of {files.Source} and {files.Target} is wrong: {string.Join("; ", mismatches)}.");
            }
        }

        void Check(string what, long wanted, long got)
        {
            if (wanted != got)
            {
                mismatches.Add($"{what} {got}, expected {wanted}");
            }
        }
    }

    private static string Counts(DiffOnceResult result) =>
        $"source {result.Source}, target {result.Target}, identical {result.Identical}, changed {result.Changed}, only in source {result.OnlyInSource}, only in target {result.OnlyInTarget}, ambiguous {result.Ambiguous}";

    private static string Machine()
    {
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(line => line.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var gigabytes = memory is null ? "?" : (long.Parse(memory, CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
        return $"Machine: {Environment.ProcessorCount} logical CPUs, {gigabytes} GiB RAM, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture}), "
            + $"server GC {GCSettings.IsServerGC}, GC latency {GCSettings.LatencyMode}, load average {Measure.LoadAverage()}";
    }

    private static string Tables(List<Row> rows, string mode)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"| Customers per side | Diff ({mode}), median of {rows.FirstOrDefault()?.Runs.Count} | Runs | Peak RSS (median) | Throughput (source + target) | CPU time (median) | `sort` + `join`, median | Peak RSS of `sort` | `sort` + `join` ÷ diff |");
        text.AppendLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var seconds = row.MedianMs / 1000;
            var runs = string.Join(" / ", row.Runs.Select(run => (run.ElapsedMs / 1000).ToString("F2", c)));
            var throughput = 2.0 * row.Size / seconds;
            var baseline = row.Baseline.Count == 0 ? "n/a" : (row.BaselineMedianMs / 1000).ToString("F2", c) + " s";
            var ratio = row.Baseline.Count == 0 ? "n/a" : (row.BaselineMedianMs / row.MedianMs).ToString("F2", c) + "×";
            text.AppendLine(c, $"| {row.Size:N0} | {seconds:F2} s | {runs} | {Mb(row.PeakBytes)} MB | {throughput / 1e6:F2} M customers/s | {Measure.Median(row.Runs.Select(run => run.CpuMs)) / 1000:F2} s | {baseline} | {Mb(Measure.Median(row.Baseline.Select(run => run.SortPeakBytes)))} MB | {ratio} |");
        }

        text.AppendLine();
        text.AppendLine("| Customers per side | Target indexed at | Source streamed by | Total | µs per customer pair | Growth vs previous size (time / size) | Peak RSS per target customer | GC gen0/1/2, pause | Allocated | Load average (1/5/15 min) after |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Row? previous = null;
        foreach (var row in rows)
        {
            var middle = row.Runs.OrderBy(run => run.ElapsedMs).ElementAt(row.Runs.Count / 2);
            var perPair = row.MedianMs * 1000 / row.Size;
            var growth = previous is null
                ? "—"
                : $"{row.MedianMs / previous.MedianMs:F2}× / {(double)row.Size / previous.Size:F0}×";
            text.AppendLine(c, $"| {row.Size:N0} | {middle.IndexedMs / 1000:F2} s | {middle.SourceDoneMs / 1000:F2} s | {middle.ElapsedMs / 1000:F2} s | {perPair:F2} µs | {growth} | {(row.PeakBytes ?? 0) / (double)row.Size:F0} B | {middle.Gen0}/{middle.Gen1}/{middle.Gen2}, {middle.GcPauseMs:F0} ms | {middle.AllocatedBytes / 1e9:F2} GB | {row.LoadAfter} |");
            previous = row;
        }

        if (rows.Any(row => row.Baseline.Count > 0))
        {
            text.AppendLine();
            text.AppendLine("| Customers per side | `sort` both (median) | `join` ×3 (median) | Peak RSS of `join`/`awk` | TSV flattening (not timed in the baseline) |");
            text.AppendLine("|---:|---:|---:|---:|---|");
            foreach (var row in rows.Where(row => row.Baseline.Count > 0))
            {
                text.AppendLine(c, $"| {row.Size:N0} | {Measure.Median(row.Baseline.Select(run => run.SortMs)) / 1000:F2} s | {Measure.Median(row.Baseline.Select(run => run.JoinMs)) / 1000:F2} s | {Mb(Measure.Median(row.Baseline.Select(run => run.JoinPeakBytes)))} MB | {row.Flattening} |");
            }
        }

        if (rows.FirstOrDefault(row => row.Size == 1_000_000) is { } million && mode == "diff")
        {
            var seconds = million.MedianMs / 1000;
            var megabytes = (million.PeakBytes ?? 0) / 1e6;
            text.AppendLine();
            text.AppendLine(c, $"Target 1M × 1M ≤ {TargetSeconds} s: {(seconds <= TargetSeconds ? "met" : "MISSED")} ({seconds:F2} s); ≤ {TargetMegabytes} MB: {(megabytes <= TargetMegabytes ? "met" : "MISSED")} ({megabytes:F0} MB).");
        }

        return text.ToString();
    }

    private static string Mb(long? bytes) => bytes is { } value ? (value / 1e6).ToString("F0", CultureInfo.InvariantCulture) : "n/a";

    private sealed record Row(int Size, List<DiffOnceResult> Runs, List<BaselineRun> Baseline, string? Flattening, string LoadAfter)
    {
        public double MedianMs => Measure.Median(Runs.Select(run => run.ElapsedMs));

        public long? PeakBytes => Measure.Median(Runs.Select(run => run.PeakBytes));

        public double BaselineMedianMs => Measure.Median(Baseline.Select(run => run.TotalMs));
    }
}
