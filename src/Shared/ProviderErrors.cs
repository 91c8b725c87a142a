using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace BrokerAdapters.Internal;

/// <summary>Builds the <see cref="UserRegistryException"/> for transport, status and protocol failures.</summary>
internal static class ProviderErrors
{
    public static UserRegistryException Create(
        ProviderCall call,
        UserRegistryErrorKind kind,
        string message,
        Exception? inner = null,
        HttpStatusCode? status = null,
        string? providerCode = null,
        string? providerMessage = null,
        string? traceId = null,
        TimeSpan? retryAfter = null,
        IReadOnlyList<FieldError>? fieldErrors = null) =>
        new(kind, $"{call.Provider} {call.Operation}: {message}", inner)
        {
            FieldErrors = fieldErrors ?? [],
            Provider = call.Provider,
            ProviderCode = providerCode,
            ProviderMessage = providerMessage,
            TraceId = traceId ?? call.TraceId,
            HttpStatus = status is null ? null : (int)status,
            RetryAfter = retryAfter,
        };

    public static UserRegistryException Protocol(ProviderCall call, string message, HttpStatusCode? status, Exception? inner = null) =>
        call.IsWrite && status is not null && (int)status is >= 200 and < 300
            // The provider accepted the write but its answer is unreadable: the customer may exist now.
            ? Create(call, UserRegistryErrorKind.OutcomeUnknown, message + " The write may have been applied; check before retrying.", inner, status)
            : Create(call, UserRegistryErrorKind.ProtocolError, message, inner, status);

    public static UserRegistryException Timeout(ProviderCall call, Exception inner) =>
        call.IsWrite
            ? Create(call, UserRegistryErrorKind.OutcomeUnknown, "the request timed out after it was sent; the write may have been applied.", inner)
            : Create(call, UserRegistryErrorKind.Timeout, "the request timed out.", inner);

    public static UserRegistryException Transport(ProviderCall call, HttpRequestException inner)
    {
        var notSent = inner.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
        return call.IsWrite && !notSent
            ? Create(call, UserRegistryErrorKind.OutcomeUnknown, $"the connection failed after the request was sent ({inner.HttpRequestError}); the write may have been applied.", inner)
            : Create(call, UserRegistryErrorKind.Unavailable, $"the provider could not be reached ({inner.HttpRequestError}).", inner);
    }

    /// <summary>
    /// A timeout or a server-side failure of a write may have happened after the change was applied: for writes it
    /// is <see cref="UserRegistryErrorKind.OutcomeUnknown"/>, never a retryable kind that invites a duplicate.
    /// </summary>
    public static UserRegistryErrorKind ForWrite(ProviderCall call, UserRegistryErrorKind kind) =>
        call.IsWrite && kind is UserRegistryErrorKind.Timeout or UserRegistryErrorKind.Unavailable
            ? UserRegistryErrorKind.OutcomeUnknown
            : kind;

    /// <summary>
    /// An <see cref="UserRegistryErrorKind.OutcomeUnknown"/> error wrapping <paramref name="error"/>, with the lookups
    /// that find what the failed write may have created.
    /// </summary>
    public static UserRegistryException WithReconciliation(UserRegistryException error, string message, IReadOnlyList<CustomerLookup> lookups) =>
        new(UserRegistryErrorKind.OutcomeUnknown, message, error)
        {
            Provider = error.Provider,
            ProviderCode = error.ProviderCode,
            ProviderMessage = error.ProviderMessage,
            TraceId = error.TraceId,
            HttpStatus = error.HttpStatus,
            RetryAfter = error.RetryAfter,
            FieldErrors = error.FieldErrors,
            ReconciliationLookups = lookups,
        };

    /// <summary>The lookups a registration can be reconciled by: its phone and email, when it has them.</summary>
    public static CustomerLookup[] ReconciliationLookupsOf(NewCustomer customer)
    {
        var lookups = new List<CustomerLookup>(2);
        if (customer.Phone is { Number.Length: > 0 })
        {
            lookups.Add(CustomerLookup.ByPhone(customer.Phone));
        }

        if (!string.IsNullOrWhiteSpace(customer.Email))
        {
            lookups.Add(CustomerLookup.ByEmail(customer.Email));
        }

        return [.. lookups];
    }

    /// <summary>Classifies an HTTP status that carries no provider error code.</summary>
    public static UserRegistryException FromStatus(ProviderCall call, HttpStatusCode status, TimeSpan? retryAfter)
    {
        var code = (int)status;
        var text = $"the provider answered HTTP {code.ToString(CultureInfo.InvariantCulture)}.";
        var kind = code switch
        {
            429 => UserRegistryErrorKind.RateLimited,
            401 => UserRegistryErrorKind.Unauthorized,
            403 => UserRegistryErrorKind.Forbidden,
            408 or 504 => ForWrite(call, UserRegistryErrorKind.Timeout),
            >= 500 => ForWrite(call, UserRegistryErrorKind.Unavailable),
            _ => UserRegistryErrorKind.ProtocolError,
        };
        return Create(call, kind, text, status: status, retryAfter: retryAfter);
    }

    /// <summary>Reads how long to wait from <c>Retry-After</c>, else from <c>x-ratelimit-reset</c> (seconds).</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, TimeProvider time) =>
        RetryAfterHeader(headers, time) ?? RateLimitReset(headers);

    /// <summary>The <c>Retry-After</c> header as a wait, when present (the clock is read only for a date).</summary>
    public static TimeSpan? RetryAfterHeader(HttpResponseHeaders headers, TimeProvider time)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    /// <summary>The <c>x-ratelimit-reset</c> header in seconds (CMFBL documents it as its window's length).</summary>
    public static TimeSpan? RateLimitReset(HttpResponseHeaders headers)
    {
        if (headers.TryGetValues("x-ratelimit-reset", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }
}
