using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Internal;

/// <summary>
/// The span and the measurements of one registry operation (<see cref="BrokerAdaptersTelemetry"/>). Tags carry names,
/// outcomes and error kinds only: never secrets, bodies, header values or customer data.
/// </summary>
internal sealed class ProviderTelemetry
{
    public const string ProviderTag = "brokeradapters.provider";
    public const string OperationTag = "brokeradapters.operation";
    public const string OutcomeTag = "brokeradapters.outcome";
    public const string ErrorTypeTag = "error.type";
    public const string DurationName = "brokeradapters.operation.duration";
    public const string OutcomesName = "brokeradapters.operation.outcomes";

    public const string Success = "success";
    public const string Recovered = "recovered";
    public const string Failure = "failure";

    private static readonly string? Version = typeof(ProviderTelemetry).Assembly.GetName().Version?.ToString();
    private static readonly ConditionalWeakTable<IMeterFactory, ProviderTelemetry> ByFactory = [];

    // Durations of HTTP calls: from a few milliseconds to the total timeout's order of magnitude.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60];

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _outcomes;

    private ProviderTelemetry(Meter meter)
    {
        _duration = meter.CreateHistogram(
            DurationName,
            unit: "s",
            description: "How long a registry operation took, retries and token renewals included.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _outcomes = meter.CreateCounter<long>(OutcomesName, unit: "{operation}", description: "Registry operations by outcome.");
    }

    /// <summary>The spans of every registry and attempt.</summary>
    public static ActivitySource Source { get; } = new(BrokerAdaptersTelemetry.ActivitySourceName, Version);

    /// <summary>Measurements on a process-wide meter, for registries built without an <see cref="IMeterFactory"/>.</summary>
    public static ProviderTelemetry Shared { get; } = new(new Meter(BrokerAdaptersTelemetry.MeterName, Version));

    /// <summary>Measurements on the application's <see cref="IMeterFactory"/> when it registered one (AddMetrics, hosting).</summary>
    public static ProviderTelemetry For(IServiceProvider services) =>
        services.GetService<IMeterFactory>() is { } factory
            ? ByFactory.GetValue(factory, f => new ProviderTelemetry(f.Create(new MeterOptions(BrokerAdaptersTelemetry.MeterName) { Version = Version })))
            : Shared;

    /// <summary>
    /// Gets a value indicating whether anyone listens to the spans or the measurements; when nobody does, an operation
    /// runs without a span, a clock reading or an allocation of its own.
    /// </summary>
    public bool IsObserved => Source.HasListeners() || _duration.Enabled || _outcomes.Enabled;

    /// <summary>Runs one operation inside its span and measures it; <paramref name="outcome"/> tells success from recovery.</summary>
    public Task<T> RunAsync<T>(string provider, string operation, Func<Task<T>> action, Func<T, string>? outcome = null) =>
        RunAsync(provider, operation, action, static run => run(), outcome);

    /// <summary>
    /// Runs one operation inside its span and measures it, passing <paramref name="state"/> to a static
    /// <paramref name="action"/> so that an unobserved call allocates nothing here.
    /// </summary>
    public Task<T> RunAsync<TState, T>(string provider, string operation, TState state, Func<TState, Task<T>> action, Func<T, string>? outcome = null) =>
        IsObserved ? RunObservedAsync(provider, operation, state, action, outcome) : action(state);

    private async Task<T> RunObservedAsync<TState, T>(string provider, string operation, TState state, Func<TState, Task<T>> action, Func<T, string>? outcome)
    {
        var scope = Start(provider, operation);
        try
        {
            var result = await action(state).ConfigureAwait(false);
            scope.Succeeded(outcome?.Invoke(result) ?? Success);
            return result;
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }
    }

    /// <summary>Starts an operation's span; the caller ends it with <see cref="OperationScope.Succeeded"/> or <see cref="OperationScope.Failed"/>.</summary>
    public OperationScope Start(string provider, string operation)
    {
        // The span's name is built only when someone listens.
        var activity = Source.HasListeners() ? Source.StartActivity(provider + " " + operation, ActivityKind.Internal) : null;
        activity?.SetTag(ProviderTag, provider);
        activity?.SetTag(OperationTag, operation);
        return new OperationScope(this, activity, provider, operation, Stopwatch.GetTimestamp());
    }

    /// <summary>The error type of a failure: the registry error kind, else the exception's type.</summary>
    public static string ErrorType(Exception exception) =>
        exception is UserRegistryException registry ? registry.Kind.ToString() : exception.GetType().FullName ?? exception.GetType().Name;

    private void Record(string provider, string operation, string outcome, string? errorType, long started)
    {
        if (!_duration.Enabled && !_outcomes.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { ProviderTag, provider },
            { OperationTag, operation },
            { OutcomeTag, outcome },
        };
        if (errorType is not null)
        {
            tags.Add(ErrorTypeTag, errorType);
        }

        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        _outcomes.Add(1, tags);
    }

    /// <summary>One operation under way: its span (when someone listens) and its start time.</summary>
    internal readonly struct OperationScope(ProviderTelemetry telemetry, Activity? activity, string provider, string operation, long started)
    {
        public void Succeeded(string outcome)
        {
            if (activity is not null)
            {
                activity.SetTag(OutcomeTag, outcome);
                activity.SetStatus(ActivityStatusCode.Ok);
                activity.Dispose();
            }

            telemetry.Record(provider, operation, outcome, errorType: null, started);
        }

        public void Failed(Exception exception)
        {
            var errorType = ErrorType(exception);
            if (activity is not null)
            {
                activity.SetTag(OutcomeTag, Failure);
                activity.SetTag(ErrorTypeTag, errorType);

                // The exception's message may name the customer; the span keeps its kind only.
                activity.SetStatus(ActivityStatusCode.Error, errorType);
                activity.Dispose();
            }

            telemetry.Record(provider, operation, Failure, errorType, started);
        }
    }
}
