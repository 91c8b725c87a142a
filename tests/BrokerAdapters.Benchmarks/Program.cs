using BenchmarkDotNet.Running;

namespace BrokerAdapters.Benchmarks;

/// <summary>
/// <c>diff-scale</c>: the timed scale run of the customer diff beside <c>sort | join</c> (see <c>docs/benchmarks.md</c>);
/// <c>diff-once</c>: one diff in this process, as the scale run's child; <c>soak</c>: registrations under injected
/// faults (see <c>docs/reliability.md</c>); <c>throughput</c>: registrations per second over loopback, library against
/// hand-written clients; <c>smoke</c>: every benchmark once, checked (CI); anything else: BenchmarkDotNet (see
/// <c>docs/benchmarks.md</c>).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case ScaleRun.Command:
                    return await ScaleRun.RunAsync(Arguments.Parse(args.AsSpan(1)));
                case DiffOnce.Command:
                    return await DiffOnce.RunAsync(Arguments.Parse(args.AsSpan(1)));
                case SoakCommand.Command:
                    return await SoakCommand.RunAsync(Arguments.Parse(args.AsSpan(1)));
                case Throughput.ThroughputCommand.Command:
                    return await Throughput.ThroughputCommand.RunAsync(Arguments.Parse(args.AsSpan(1)));
                case SmokeCommand.Command:
                    return await SmokeCommand.RunAsync(Arguments.Parse(args.AsSpan(1)));
                default:
                    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                    return 0;
            }
        }
        catch (BenchmarkFailedException ex)
        {
            await Console.Error.WriteLineAsync("FAILED: " + ex.Message);
            return 1;
        }
    }
}
