namespace BrokerAdapters.Benchmarks.Operations;

/// <summary>What a benchmark's setup asserts before anything is measured: a wrong answer fails the run.</summary>
internal static class Check
{
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new BenchmarkFailedException("Benchmark check failed: " + what);
        }
    }

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new BenchmarkFailedException($"Benchmark check failed: {what} is '{actual}', expected '{expected}'.");
        }
    }
}
