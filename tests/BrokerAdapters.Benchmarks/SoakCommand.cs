using System.Globalization;
using BrokerAdapters.Soak;

namespace BrokerAdapters.Benchmarks;

/// <summary>
/// <c>soak</c>: registers many customers through the sandbox with injected faults and prints what every caller was
/// told against what the provider holds (docs/reliability.md). Exit code 1 when a duplicate, lost or phantom
/// registration was found.
/// </summary>
internal static class SoakCommand
{
    public const string Command = "soak";

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var providers = (arguments.Get("provider") ?? "Cmfbl,McCrm").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var passed = true;
        foreach (var provider in providers)
        {
            var options = new SoakOptions
            {
                Provider = provider,
                Registrations = int.Parse(arguments.Get("registrations") ?? "10000", CultureInfo.InvariantCulture),
                Concurrency = int.Parse(arguments.Get("concurrency") ?? "32", CultureInfo.InvariantCulture),
                FaultRate = double.Parse(arguments.Get("fault-rate") ?? "0.10", CultureInfo.InvariantCulture),
                Seed = int.Parse(arguments.Get("seed") ?? "20261123", CultureInfo.InvariantCulture),
            };
            var report = await RegistrationSoak.RunAsync(options);
            Console.WriteLine(report);
            passed &= report.Passed;
        }

        return passed ? 0 : 1;
    }
}
