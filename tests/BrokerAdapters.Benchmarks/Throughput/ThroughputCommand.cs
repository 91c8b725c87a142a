using System.Diagnostics;
using System.Globalization;
using BrokerAdapters.Benchmarks.Operations;
using BrokerAdapters.Benchmarks.Raw;
using BrokerAdapters.Sandbox;

namespace BrokerAdapters.Benchmarks.Throughput;

/// <summary>How the throughput run goes.</summary>
internal sealed record ThroughputSettings
{
    public IReadOnlyList<string> Providers { get; init; } = ["Cmfbl", "McCrm"];

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 16, 64];

    /// <summary>Gets the measured time of one side in one round, after <see cref="WarmupSeconds"/>.</summary>
    public double Seconds { get; init; } = 5;

    public double WarmupSeconds { get; init; } = 1;

    /// <summary>Gets how many times each side is measured; the order alternates (raw first, then the library first…).</summary>
    public int Rounds { get; init; } = 2;

    public bool Quiet { get; init; }

    /// <summary>Gets whether the hand-written client is also measured on the library's named HttpClient (its HTTP pipeline).</summary>
    public bool Pipeline { get; init; }
}

/// <summary>Who registers: the hand-written client, the same on the library's HttpClient, or the library.</summary>
internal enum ThroughputSide
{
    Raw,
    RawThroughPipeline,
    Library,
}

/// <summary>One provider at one concurrency: registrations per second of each side, over every round.</summary>
internal sealed record ThroughputResult(string Provider, int Concurrency, double RawPerSecond, double LibraryPerSecond, double? PipelinePerSecond)
{
    public double Ratio => LibraryPerSecond / RawPerSecond;
}

/// <summary>
/// <c>throughput</c>: registrations per second over loopback against the sandbox (Kestrel serving the emulators), by
/// the library (<see cref="IUserRegistry"/> from DI, default resilience with the CMFBL rate limit raised) and by the
/// hand-written clients, with 1, 16 and 64 registrations in flight. Every measurement gets a fresh sandbox, so that
/// neither side finds a fuller emulator than the other; each registration is a new customer.
/// Options: <c>--seconds 5 --warmup 1 --rounds 2 --concurrency 1,16,64 --provider Cmfbl,McCrm</c>, and <c>--pipeline</c>
/// to measure the hand-written client on the library's named HttpClient too.
/// </summary>
internal static class ThroughputCommand
{
    public const string Command = "throughput";

    private const string Password = "Bench-pa55";

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var settings = new ThroughputSettings
        {
            Seconds = double.Parse(arguments.Get("seconds") ?? "5", CultureInfo.InvariantCulture),
            WarmupSeconds = double.Parse(arguments.Get("warmup") ?? "1", CultureInfo.InvariantCulture),
            Rounds = arguments.Int("rounds", 2),
            Concurrency = arguments.Get("concurrency") is { } c ? [.. c.Split(',').Select(Arguments.ParseCount)] : [1, 16, 64],
            Providers = arguments.Get("provider") is { } p ? p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : ["Cmfbl", "McCrm"],
            Pipeline = arguments.Has("pipeline"),
        };
        await RunAsync(settings);
        return 0;
    }

    public static async Task<IReadOnlyList<ThroughputResult>> RunAsync(ThroughputSettings settings)
    {
        var results = new List<ThroughputResult>();
        var header = $"{"Provider",-8} {"In flight",9} {"Raw reg/s",10} {"Library reg/s",14} {"Library ÷ raw",14}";
        Print(settings, settings.Pipeline ? header + $" {"Raw on the library's HttpClient, reg/s",40}" : header);
        ThroughputSide[] sides = settings.Pipeline ? [ThroughputSide.Raw, ThroughputSide.RawThroughPipeline, ThroughputSide.Library] : [ThroughputSide.Raw, ThroughputSide.Library];
        foreach (var provider in settings.Providers)
        {
            foreach (var concurrency in settings.Concurrency)
            {
                var counts = new Dictionary<ThroughputSide, (long Count, double Seconds)>();
                for (var round = 0; round < settings.Rounds; round++)
                {
                    foreach (var side in round % 2 == 0 ? sides : sides.Reverse())
                    {
                        var (count, seconds) = await MeasureAsync(provider, side, concurrency, settings);
                        var sum = counts.GetValueOrDefault(side);
                        counts[side] = (sum.Count + count, sum.Seconds + seconds);
                    }
                }

                double PerSecond(ThroughputSide side) => counts[side].Count / counts[side].Seconds;
                var result = new ThroughputResult(
                    provider, concurrency, PerSecond(ThroughputSide.Raw), PerSecond(ThroughputSide.Library), settings.Pipeline ? PerSecond(ThroughputSide.RawThroughPipeline) : null);
                results.Add(result);
                var line = string.Create(CultureInfo.InvariantCulture, $"{provider,-8} {concurrency,9} {result.RawPerSecond,10:F0} {result.LibraryPerSecond,14:F0} {result.Ratio,13:F2}×");
                Print(settings, result.PipelinePerSecond is { } piped ? line + string.Create(CultureInfo.InvariantCulture, $" {piped,40:F0}") : line);
            }
        }

        return results;
    }

    private static void Print(ThroughputSettings settings, string line)
    {
        if (!settings.Quiet)
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>Registrations completed and the seconds they took, on a fresh sandbox after a warm-up.</summary>
    private static async Task<(long Count, double Seconds)> MeasureAsync(string provider, ThroughputSide side, int concurrency, ThroughputSettings settings)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedCustomers = 0 });
        var config = new Dictionary<string, string?>(sandbox.ToConfiguration(provider));
        config["UserRegistry:Cmfbl:Resilience:RateLimit:PermitLimit"] = "100000000";
        Func<NewCustomer, Task<string?>> register;
        IAsyncDisposable? host = null;
        IDisposable? rawHttp = null;
        IDisposable? rawClient = null;
        if (side == ThroughputSide.Library)
        {
            var libraryHost = LibraryHost.Both(config);
            host = libraryHost;
            register = async customer => (await libraryHost.Registry.RegisterAsync(customer).ConfigureAwait(false)).Customer.Email;
        }
        else
        {
            HttpClient http;
            if (side == ThroughputSide.RawThroughPipeline)
            {
                var libraryHost = LibraryHost.Both(config);
                host = libraryHost;
                http = libraryHost.CreateHttpClient(provider == "Cmfbl"
                    ? Microsoft.Extensions.DependencyInjection.CmfblUserRegistryBuilderExtensions.HttpClientName
                    : Microsoft.Extensions.DependencyInjection.McCrmUserRegistryBuilderExtensions.HttpClientName);
            }
            else
            {
                http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
            }

            rawHttp = http;
            if (provider == "Cmfbl")
            {
                var cmfbl = new RawCmfblClient(http, new RawCmfblSettings(
                    config["UserRegistry:Cmfbl:BaseUrl"]!, config["UserRegistry:Cmfbl:CompanyId"]!, config["UserRegistry:Cmfbl:AppId"]!, config["UserRegistry:Cmfbl:AppSecret"]!));
                await cmfbl.AuthenticateAdminAsync();
                register = async customer => (await cmfbl.RegisterAsync(customer).ConfigureAwait(false)).Email;
            }
            else
            {
                var mcCrm = new RawMcCrmClient(http, new RawMcCrmSettings(
                    config["UserRegistry:McCrm:BaseUrl"]!, config["UserRegistry:McCrm:Token"]!, config["UserRegistry:McCrm:PublicKey"]!, config["UserRegistry:McCrm:BizName"]!));
                rawClient = mcCrm;
                register = async customer => (await mcCrm.SignupAsync(customer).ConfigureAwait(false))?.Email;
            }
        }

        try
        {
            var next = 0;
            await RunForAsync(settings.WarmupSeconds, concurrency, register, () => Interlocked.Increment(ref next));
            return await RunForAsync(settings.Seconds, concurrency, register, () => Interlocked.Increment(ref next));
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            rawClient?.Dispose();
            rawHttp?.Dispose();
        }
    }

    private static async Task<(long Count, double Seconds)> RunForAsync(double seconds, int concurrency, Func<NewCustomer, Task<string?>> register, Func<int> nextIndex)
    {
        long done = 0;
        var stop = 0;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                var customer = Customer(nextIndex());
                var email = await register(customer).ConfigureAwait(false);
                if (!string.Equals(email, customer.Email, StringComparison.OrdinalIgnoreCase))
                {
                    throw new BenchmarkFailedException($"A registration answered the email '{email}' for '{customer.Email}'.");
                }

                Interlocked.Increment(ref done);
            }
        })).ToArray();
        await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(seconds)), Task.WhenAll(workers));
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(workers);
        return (Interlocked.Read(ref done), Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>The <paramref name="index"/>th new customer of a run: unique email and phone, as both providers require.</summary>
    private static NewCustomer Customer(int index) => new()
    {
        Email = string.Create(CultureInfo.InvariantCulture, $"throughput{index}@example.com"),
        Phone = new PhoneNumber("+852", (51_000_000 + index).ToString(CultureInfo.InvariantCulture)),
        Password = Password,
        Country = "HK",
    };
}
