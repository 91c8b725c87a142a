using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace BrokerAdapters.Benchmarks;

/// <summary>
/// Samples what the runtime allocates (its allocation tick, about one event per 100 KB allocated) and counts the
/// sampled bytes by type: a rough picture of where allocations go, for <c>smoke --measure N --allocations</c>.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    /// <summary>The types with the most sampled bytes, largest first, as shares of the sampled total.</summary>
    public IEnumerable<(string Type, double Share)> Top(int count)
    {
        var total = (double)Math.Max(1, _bytes.Values.Sum());
        return _bytes.OrderByDescending(pair => pair.Value).Take(count).Select(pair => (pair.Key, pair.Value / total));
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName") is >= 0 and var t ? eventData.Payload![t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is >= 0 and var a ? Convert.ToInt64(eventData.Payload![a], System.Globalization.CultureInfo.InvariantCulture) : 0;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
