namespace BrokerAdapters;

/// <summary>
/// The names under which the providers publish traces and metrics, to subscribe with OpenTelemetry:
/// <c>.WithTracing(t =&gt; t.AddSource(BrokerAdaptersTelemetry.ActivitySourceName))</c> and
/// <c>.WithMetrics(m =&gt; m.AddMeter(BrokerAdaptersTelemetry.MeterName))</c>.
/// </summary>
public static class BrokerAdaptersTelemetry
{
    /// <summary>
    /// The <see cref="System.Diagnostics.ActivitySource"/> name: a span per registry operation (e.g. <c>Cmfbl register</c>)
    /// and, under it, a span per HTTP attempt the resilience pipeline sends.
    /// </summary>
    public const string ActivitySourceName = "BrokerAdapters";

    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> name: <c>brokeradapters.operation.duration</c> (seconds) and
    /// <c>brokeradapters.operation.outcomes</c>, tagged by provider, operation, outcome and error type.
    /// </summary>
    public const string MeterName = "BrokerAdapters";
}
