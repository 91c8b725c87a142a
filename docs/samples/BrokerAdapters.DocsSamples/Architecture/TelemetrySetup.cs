using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.DocsSamples.Architecture;

/// <summary>docs/architecture.md, "Traces and metrics".</summary>
public static class TelemetrySetup
{
    public static void Configure(IServiceCollection services)
    {
        #region architecture-telemetry
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(BrokerAdaptersTelemetry.ActivitySourceName))   // "BrokerAdapters"
            .WithMetrics(metrics => metrics.AddMeter(BrokerAdaptersTelemetry.MeterName));            // "BrokerAdapters"
        #endregion
    }
}
