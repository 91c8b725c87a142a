using System.Globalization;
using BrokerAdapters.Samples.ExampleCrm.Wire;
using Newtonsoft.Json;

namespace BrokerAdapters.Samples.ExampleCrm;

/// <summary>Turns Example CRM's error answers and transport failures into <see cref="UserRegistryException"/>.</summary>
internal static class ExampleCrmErrors
{
    #region error-table
    /// <summary>Example CRM's error codes (<c>error.code</c>), by what they mean to a caller.</summary>
    public static readonly IReadOnlyDictionary<string, UserRegistryErrorKind> Codes = new Dictionary<string, UserRegistryErrorKind>(StringComparer.Ordinal)
    {
        ["validation_failed"] = UserRegistryErrorKind.InvalidInput,
        ["customer_exists"] = UserRegistryErrorKind.AlreadyExists,
        ["customer_not_found"] = UserRegistryErrorKind.NotFound,
        ["invalid_credentials"] = UserRegistryErrorKind.InvalidCredentials,
        ["account_locked"] = UserRegistryErrorKind.AccountLocked,
        ["account_disabled"] = UserRegistryErrorKind.AccountDisabled,
        ["invalid_api_key"] = UserRegistryErrorKind.Unauthorized,
        ["forbidden"] = UserRegistryErrorKind.Forbidden,
        ["rate_limited"] = UserRegistryErrorKind.RateLimited,
        ["unavailable"] = UserRegistryErrorKind.Unavailable,
    };

    /// <summary>What an answer without a known code means, by its HTTP status alone (a proxy's HTML page, say).</summary>
    public static UserRegistryErrorKind FromStatus(int status) => status switch
    {
        401 => UserRegistryErrorKind.Unauthorized,
        403 => UserRegistryErrorKind.Forbidden,
        429 => UserRegistryErrorKind.RateLimited,
        408 or 504 => UserRegistryErrorKind.Timeout,
        >= 500 => UserRegistryErrorKind.Unavailable,
        // A 404 without customer_not_found is a wrong base URL, not a missing customer.
        _ => UserRegistryErrorKind.ProtocolError,
    };
    #endregion

    /// <summary>Example CRM's field names, by the unified model's.</summary>
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["email"] = nameof(NewCustomer.Email),
        ["phone"] = nameof(NewCustomer.Phone),
        ["phone.country_code"] = "Phone.CountryCode",
        ["phone.number"] = "Phone.Number",
        ["password"] = nameof(NewCustomer.Password),
        ["country"] = nameof(NewCustomer.Country),
        ["first_name"] = "Name.Given",
        ["last_name"] = "Name.Family",
        ["birth_date"] = nameof(NewCustomer.BirthDate),
        ["language"] = nameof(NewCustomer.Language),
        ["external_id"] = nameof(NewCustomer.ExternalId),
    };

    #region error-answer
    /// <summary>The error for an answer with a failure status.</summary>
    /// <param name="call">The request.</param>
    /// <param name="response">The answer.</param>
    /// <param name="body">The answer's body.</param>
    /// <param name="time">The clock, for a <c>Retry-After</c> given as a date.</param>
    /// <param name="secrets">What the request carried that must not come back in a message (API key, password).</param>
    public static UserRegistryException FromAnswer(
        ExampleCrmCall call, HttpResponseMessage response, string body, TimeProvider time, IReadOnlyList<string> secrets)
    {
        var status = (int)response.StatusCode;
        var error = TryRead(body);
        var kind = error?.Code is { } code && Codes.TryGetValue(code, out var known) ? known : FromStatus(status);
        if (call.IsWrite && kind is UserRegistryErrorKind.Timeout or UserRegistryErrorKind.Unavailable)
        {
            // The server may have stored the customer before it failed: for a write that is never a retryable failure.
            kind = UserRegistryErrorKind.OutcomeUnknown;
        }

        var providerMessage = Redact(error?.Message, secrets);
        var text = $"Example CRM answered HTTP {status.ToString(CultureInfo.InvariantCulture)}"
            + (error?.Code is null ? "." : $" {error.Code}: {providerMessage}");
        return new UserRegistryException(kind, $"{ExampleCrmUserRegistry.ProviderName} {call.Operation}: {text}")
        {
            Provider = ExampleCrmUserRegistry.ProviderName,
            ProviderCode = error?.Code,
            ProviderMessage = providerMessage,
            TraceId = RequestId(response),
            HttpStatus = status,
            RetryAfter = RetryAfter(response, time),
            FieldErrors = kind == UserRegistryErrorKind.InvalidInput ? FieldErrorsOf(error, secrets) : [],
        };
    }
    #endregion

    #region transport-errors
    /// <summary>No answer: the connection failed.</summary>
    public static UserRegistryException Transport(ExampleCrmCall call, HttpRequestException exception)
    {
        var notSent = exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError;
        return call.IsWrite && !notSent
            ? Create(call, UserRegistryErrorKind.OutcomeUnknown, "the connection failed after the request was sent; the customer may have been created.", exception)
            : Create(call, UserRegistryErrorKind.Unavailable, $"Example CRM could not be reached ({exception.HttpRequestError}).", exception);
    }

    /// <summary>No answer in time (the client's <see cref="ExampleCrmOptions.Timeout"/>, not the caller's cancellation).</summary>
    public static UserRegistryException Timeout(ExampleCrmCall call, OperationCanceledException exception) =>
        call.IsWrite
            ? Create(call, UserRegistryErrorKind.OutcomeUnknown, "the request timed out after it was sent; the customer may have been created.", exception)
            : Create(call, UserRegistryErrorKind.Timeout, "the request timed out.", exception);

    /// <summary>A success status whose body is not what Example CRM documents. After a write, the customer may exist.</summary>
    public static UserRegistryException Protocol(ExampleCrmCall call, string message, HttpResponseMessage? response = null, Exception? inner = null) =>
        call.IsWrite
            ? Create(call, UserRegistryErrorKind.OutcomeUnknown, message + " The customer may have been created.", inner, response)
            : Create(call, UserRegistryErrorKind.ProtocolError, message, inner, response);
    #endregion

    private static UserRegistryException Create(
        ExampleCrmCall call, UserRegistryErrorKind kind, string message, Exception? inner, HttpResponseMessage? response = null) =>
        new(kind, $"{ExampleCrmUserRegistry.ProviderName} {call.Operation}: {message}", inner)
        {
            Provider = ExampleCrmUserRegistry.ProviderName,
            TraceId = response is null ? null : RequestId(response),
            HttpStatus = response is null ? null : (int)response.StatusCode,
        };

    /// <summary>Example CRM's id of the request, which its support asks for.</summary>
    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;

    private static ExampleCrmError? TryRead(string body)
    {
        try
        {
            return ExampleCrmJson.Deserialize<ExampleCrmErrorBody>(body)?.Error;
        }
        catch (JsonException)
        {
            // Not Example CRM's error JSON (a gateway's HTML page, say): the status alone decides.
            return null;
        }
    }

    private static FieldError[] FieldErrorsOf(ExampleCrmError? error, IReadOnlyList<string> secrets) =>
        error?.Fields?.Where(f => !string.IsNullOrWhiteSpace(f.Name))
            .Select(f => new FieldError(FieldNames.GetValueOrDefault(f.Name!, f.Name!), Redact(f.Message, secrets) ?? "is invalid."))
            .ToArray() ?? [];

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>A provider that repeats the request in its message must not carry a secret into logs.</summary>
    private static string? Redact(string? text, IReadOnlyList<string> secrets)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            if (secret.Length > 0)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
