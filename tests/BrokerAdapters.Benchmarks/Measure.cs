using System.Diagnostics;
using System.Globalization;

namespace BrokerAdapters.Benchmarks;

/// <summary>Runs external commands and measures them.</summary>
internal static class Measure
{
    private const string TimePath = "/usr/bin/time";

    /// <summary>Gets a value indicating whether GNU <c>time</c> is there to measure a command's peak memory (<c>%M</c>).</summary>
    public static bool HasGnuTime { get; } = File.Exists(TimePath);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static long? Median(IEnumerable<long?> values)
    {
        var known = values.Where(value => value.HasValue).Select(value => (double)value!.Value).ToArray();
        return known.Length == 0 ? null : (long)Median(known);
    }

    /// <summary>Tells whether <paramref name="program"/> is on the PATH.</summary>
    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    /// <summary>
    /// Runs a program to its end, measuring the wall-clock time and, with GNU <c>time</c>, the peak resident set of the
    /// program (of its largest process when it is a shell running a pipeline). Throws when it fails.
    /// </summary>
    public static async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var memoryFile = HasGnuTime ? Path.GetTempFileName() : null;
        try
        {
            var start = new ProcessStartInfo(memoryFile is null ? program : TimePath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (memoryFile is not null)
            {
                foreach (var argument in (string[])["-f", "%M", "-o", memoryFile, program])
                {
                    start.ArgumentList.Add(argument);
                }
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new BenchmarkFailedException($"Could not start {program}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var elapsed = clock.Elapsed;
            var stdout = await output;
            var stderr = await error;
            if (process.ExitCode != 0)
            {
                throw new BenchmarkFailedException(
                    $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:{Environment.NewLine}{stderr}{stdout}");
            }

            long? peak = null;
            if (memoryFile is not null
                && long.TryParse((await File.ReadAllTextAsync(memoryFile)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
            {
                peak = kilobytes * 1024;
            }

            return new CommandResult(elapsed, stdout, stderr, peak);
        }
        finally
        {
            if (memoryFile is not null)
            {
                File.Delete(memoryFile);
            }
        }
    }

    /// <summary>The 1-minute load average (Linux), to say how busy the machine was.</summary>
    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }
}

internal sealed record CommandResult(TimeSpan Elapsed, string Output, string Error, long? PeakBytes);
