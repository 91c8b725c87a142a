using System.Diagnostics;
using System.Globalization;

namespace BrokerAdapters.Internal;

/// <summary>
/// A span per HTTP attempt, inside the resilience pipeline so that each retry is its own span under the operation's.
/// It names the provider's wire operation (the CMFBL bizType, the MC-CRM path), the attempt number and the status.
/// </summary>
internal sealed class ProviderAttemptHandler : DelegatingHandler
{
    public const string WireOperationTag = "brokeradapters.wire_operation";
    public const string AttemptTag = "brokeradapters.attempt";
    public const string MethodTag = "http.request.method";
    public const string StatusTag = "http.response.status_code";

    /// <summary>The call a request belongs to, set by <see cref="ProviderTransport"/>.</summary>
    public static readonly HttpRequestOptionsKey<ProviderCall> CallKey = new("BrokerAdapters.Call");

    private static readonly HttpRequestOptionsKey<int> AttemptKey = new("BrokerAdapters.Attempt");

    /// <summary>Without a listener the request passes straight through: no span, no count, no allocation.</summary>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ProviderTelemetry.Source.HasListeners() ? SendObservedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendObservedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Counted on the request itself: the retry strategy sends the same message again. (A listener that starts
        // between two attempts of one call sees the later attempts numbered from 1.)
        var attempt = (request.Options.TryGetValue(AttemptKey, out var previous) ? previous : 0) + 1;
        request.Options.Set(AttemptKey, attempt);

        request.Options.TryGetValue(CallKey, out var call);
        var provider = call?.Provider ?? request.RequestUri?.Host ?? "unknown";
        var operation = call?.Operation ?? request.RequestUri?.AbsolutePath ?? string.Empty;
        using var activity = ProviderTelemetry.Source.StartActivity(provider + " " + operation, ActivityKind.Client);
        if (activity is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        activity.SetTag(ProviderTelemetry.ProviderTag, provider);
        activity.SetTag(WireOperationTag, operation);
        activity.SetTag(AttemptTag, attempt);
        activity.SetTag(MethodTag, request.Method.Method);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            activity.SetTag(StatusTag, status);
            if (status >= 400)
            {
                var errorType = status.ToString(CultureInfo.InvariantCulture);
                activity.SetTag(ProviderTelemetry.ErrorTypeTag, errorType);
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }

            return response;
        }
        catch (Exception ex)
        {
            var errorType = ex.GetType().FullName ?? ex.GetType().Name;
            activity.SetTag(ProviderTelemetry.ErrorTypeTag, errorType);
            activity.SetStatus(ActivityStatusCode.Error, errorType);
            throw;
        }
    }
}
