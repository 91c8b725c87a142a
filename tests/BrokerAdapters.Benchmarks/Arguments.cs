using System.Globalization;

namespace BrokerAdapters.Benchmarks;

/// <summary>The <c>--name value</c> options of the scale commands (a name followed by another name, or last, is a flag).</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _values;

    private Arguments(Dictionary<string, string?> values)
    {
        _values = values;
    }

    public static Arguments Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new BenchmarkFailedException($"Unexpected argument '{args[i]}': options are --name value.");
            }

            var name = args[i][2..];
            string? value = null;
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            values[name] = value;
        }

        return new Arguments(values);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) =>
        Get(name) ?? throw new BenchmarkFailedException($"--{name} is required.");

    public int Int(string name, int defaultValue) =>
        Get(name) is { } text ? ParseCount(text) : defaultValue;

    /// <summary>A count such as <c>100000</c>, <c>100_000</c>, <c>100k</c> or <c>1M</c>.</summary>
    public static int ParseCount(string text)
    {
        var value = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        var multiplier = 1;
        if (value.EndsWith('k') || value.EndsWith('K'))
        {
            multiplier = 1_000;
            value = value[..^1];
        }
        else if (value.EndsWith('M') || value.EndsWith('m'))
        {
            multiplier = 1_000_000;
            value = value[..^1];
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            throw new BenchmarkFailedException($"'{text}' is not a positive count.");
        }

        return checked(number * multiplier);
    }
}

/// <summary>A benchmark that cannot run or measured a wrong result: reported, and the process exits with 1.</summary>
internal sealed class BenchmarkFailedException : Exception
{
    public BenchmarkFailedException()
    {
    }

    public BenchmarkFailedException(string message)
        : base(message)
    {
    }

    public BenchmarkFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
