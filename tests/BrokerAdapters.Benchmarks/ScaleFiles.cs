using System.Diagnostics;
using System.Globalization;
using BrokerAdapters.Migration;

namespace BrokerAdapters.Benchmarks;

/// <summary>The two JSON Lines exports of one size, generated from <see cref="ScaleData"/> once and cached in a folder.</summary>
internal sealed record ScaleFiles(int Size, string Source, string Target)
{
    public static async Task<ScaleFiles> EnsureAsync(string directory, int size)
    {
        var stem = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"customers-v{ScaleData.Version}-{size}"));
        var files = new ScaleFiles(size, stem + ".source.jsonl", stem + ".target.jsonl");
        await EnsureFileAsync(files.Source, () => ScaleData.Source(size));
        await EnsureFileAsync(files.Target, () => ScaleData.Target(size));
        return files;
    }

    private static async Task EnsureFileAsync(string path, Func<IEnumerable<Customer>> customers)
    {
        if (File.Exists(path))
        {
            return;
        }

        // Written under another name and renamed when complete: a file that exists is whole.
        var partial = path + ".partial";
        var clock = Stopwatch.StartNew();
        var count = await CustomerJsonLines.WriteFileAsync(partial, customers().ToAsyncEnumerable());
        File.Move(partial, path, overwrite: true);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  generated {Path.GetFileName(path)}: {count:N0} customers, {new FileInfo(path).Length / 1e6:F1} MB in {clock.Elapsed.TotalSeconds:F1} s"));
    }
}
