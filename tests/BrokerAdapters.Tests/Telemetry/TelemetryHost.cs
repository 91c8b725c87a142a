using System.Diagnostics;
using BrokerAdapters.Cmfbl;
using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Tests.Telemetry;

/// <summary>
/// A registry over an emulator, built through DI, and the spans of the "BrokerAdapters" source recorded under a
/// test's own root activity (so that spans of anything else running meanwhile are left out).
/// </summary>
internal sealed class TelemetryHost : IDisposable
{
    private static readonly ActivitySource TestSource = new("BrokerAdapters.Tests.Telemetry");

    private readonly ServiceProvider _services;
    private readonly ActivityListener _listener;
    private readonly List<Activity> _stopped = [];
    private readonly Lock _sync = new();

    private TelemetryHost(ServiceProvider services)
    {
        _services = services;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is BrokerAdaptersTelemetry.ActivitySourceName or "BrokerAdapters.Tests.Telemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_sync)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IServiceProvider Services => _services;

    public IUserRegistry Registry => _services.GetRequiredService<IUserRegistry>();

    public ICmfblUserRegistry Cmfbl => _services.GetRequiredService<ICmfblUserRegistry>();

    public static TelemetryHost For(CmfblEmulator emulator, CmfblEmulatedCompany company, bool metrics = false, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>(company.ToConfiguration());
        configure?.Invoke(settings);
        return Build(settings, metrics, builder => builder.AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler)));
    }

    public static TelemetryHost For(McCrmEmulator emulator, bool metrics = false)
    {
        var settings = new Dictionary<string, string?>(emulator.ToConfiguration());
        return Build(settings, metrics, builder => builder.AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler)));
    }

    /// <summary>Runs <paramref name="action"/> under a new root activity and returns it with the library's spans below it.</summary>
    public async Task<Recorded> RecordAsync(Func<Task> action)
    {
        Activity root;
        using (root = TestSource.StartActivity("test", ActivityKind.Internal, parentContext: default)!)
        {
            await action();
        }

        lock (_sync)
        {
            var spans = _stopped
                .Where(a => a.TraceId == root.TraceId && a.Source.Name == BrokerAdaptersTelemetry.ActivitySourceName)
                .OrderBy(a => a.StartTimeUtc)
                .ToArray();
            return new Recorded(root, spans);
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private static TelemetryHost Build(Dictionary<string, string?> settings, bool metrics, Action<UserRegistryBuilder> add)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (metrics)
        {
            services.AddMetrics();
        }

        add(services.AddUserRegistry(configuration.GetSection("UserRegistry")));
        return new TelemetryHost(services.BuildServiceProvider());
    }

    internal sealed record Recorded(Activity Root, IReadOnlyList<Activity> Spans)
    {
        /// <summary>The operation spans: the direct children of the test's root.</summary>
        public IReadOnlyList<Activity> Operations => Spans.Where(s => s.ParentSpanId == Root.SpanId).ToArray();

        public IReadOnlyList<Activity> AttemptsOf(Activity operation) => Spans.Where(s => s.ParentSpanId == operation.SpanId).ToArray();

        public static object? Tag(Activity span, string name) => span.GetTagItem(name);
    }
}
