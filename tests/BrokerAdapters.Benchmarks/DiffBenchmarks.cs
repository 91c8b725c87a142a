using BenchmarkDotNet.Attributes;
using BrokerAdapters.Migration;

namespace BrokerAdapters.Benchmarks;

/// <summary>
/// The diff of 10k × 10k <see cref="ScaleData"/> customers in memory (generated once): <see cref="InMemory"/> from
/// lists, <see cref="FromJsonLines"/> from JSON Lines bytes, so the difference is the parsing. The result is checked
/// in <see cref="GlobalSetup"/>; run with <c>-- --filter *DiffBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class DiffBenchmarks
{
    private const int Size = 10_000;

    private Customer[] _source = [];
    private Customer[] _target = [];
    private byte[] _sourceJson = [];
    private byte[] _targetJson = [];

    [GlobalSetup]
    public void GlobalSetup()
    {
        _source = [.. ScaleData.Source(Size)];
        _target = [.. ScaleData.Target(Size)];
        _sourceJson = ToJsonLines(_source);
        _targetJson = ToJsonLines(_target);

        // A wrong diff must not be measured: each counts its entries plus their field changes.
        var expected = ScaleData.Expected(Size);
        var entries = expected.Identical + expected.Changed + expected.OnlyInSource + expected.OnlyInTarget + expected.Ambiguous;
        var wanted = entries + expected.FieldChanges.Values.Sum();
        Check(nameof(InMemory), InMemory().GetAwaiter().GetResult(), wanted);
        Check(nameof(FromJsonLines), FromJsonLines().GetAwaiter().GetResult(), wanted);
    }

    [Benchmark(Baseline = true)]
    public Task<long> InMemory() =>
        ConsumeAsync(CustomerDiff.Compare(_source.ToAsyncEnumerable(), _target.ToAsyncEnumerable()));

    [Benchmark]
    public Task<long> FromJsonLines() =>
        ConsumeAsync(CustomerDiff.Compare(
            CustomerJsonLines.ReadAsync(new MemoryStream(_sourceJson, writable: false)),
            CustomerJsonLines.ReadAsync(new MemoryStream(_targetJson, writable: false))));

    /// <summary>Counts the entries and their changes, as a consumer that looks at every entry.</summary>
    private static async Task<long> ConsumeAsync(CustomerDiffResults results)
    {
        long count = 0;
        await foreach (var entry in results)
        {
            count += 1 + entry.Changes.Count;
        }

        return count;
    }

    private static void Check(string benchmark, long actual, long wanted)
    {
        if (actual != wanted)
        {
            throw new InvalidOperationException($"{benchmark} counted {actual} entries and changes, expected {wanted}.");
        }
    }

    private static byte[] ToJsonLines(Customer[] customers)
    {
        using var stream = new MemoryStream();
        CustomerJsonLines.WriteAsync(stream, customers.ToAsyncEnumerable()).GetAwaiter().GetResult();
        return stream.ToArray();
    }
}
