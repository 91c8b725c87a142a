using System.Globalization;
using System.Net;
using Newtonsoft.Json;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.Testing;

/// <summary>
/// The common machinery of the provider emulators: recording requests, injected faults, latency, the per-minute
/// rate limit, and the <see cref="HttpMessageHandler"/> built on RichardSzalay.MockHttp that applications point
/// their HttpClient at. Thread-safe.
/// </summary>
public abstract class ProviderEmulator
{
    private readonly List<EmulatorRequest> _requests = [];
    private readonly Lock _lock = new();
    private readonly FixedWindowRateLimit _rateLimit = new();

    /// <summary>Creates the emulator.</summary>
    /// <param name="timeProvider">The clock for tokens, timestamps, latency and rate limits; the system clock when <see langword="null"/>.</param>
    private protected ProviderEmulator(TimeProvider? timeProvider)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        Mock = new MockHttpMessageHandler();
        Mock.Fallback.Respond(async (HttpRequestMessage request) =>
        {
            var answer = await HandleAsync(request, CancellationToken.None).ConfigureAwait(false);
            if (answer.Drop)
            {
                request.Options.Set(answer.Refuse ? EmulatorHttpHandler.RefuseKey : EmulatorHttpHandler.DropKey, true);
            }

            return answer.ToHttpResponse(request);
        });
        Handler = CreateHandler();
    }

    /// <summary>Gets the emulator's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the faults to inject into the next answers.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>Gets or sets the per-minute limit per endpoint (and per company or merchant); <see langword="null"/> for none.</summary>
    public int? RateLimitPerMinute { get; set; }

    /// <summary>Gets every request received so far, in order.</summary>
    public IReadOnlyList<EmulatorRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>
    /// Gets the MockHttp handler behind the emulator. Requests that no expectation of yours matches go to the
    /// emulator, so you can add your own <c>When(…)</c> answers on top.
    /// </summary>
    public MockHttpMessageHandler Mock { get; }

    /// <summary>Gets a handler for <c>new HttpClient(emulator.Handler)</c>.</summary>
    public HttpMessageHandler Handler { get; }

    /// <summary>
    /// Creates a new handler over the emulator, for <c>ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler)</c>:
    /// IHttpClientFactory may dispose the handlers it rotates, and disposing this one leaves the emulator intact.
    /// </summary>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateHandler() => new EmulatorHttpHandler(Mock);

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests()
    {
        lock (_lock)
        {
            _requests.Clear();
        }
    }

    /// <summary>Answers one request; never throws for a bad request (the sandbox relies on it).</summary>
    internal async Task<EmulatorResponse> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        var path = request.RequestUri?.AbsolutePath ?? "/";
        return await HandleAsync(request.Method, path, headers, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Answers one request given as its parts, for hosts with their own transport (the sandbox serves emulators over
    /// Kestrel this way). Never throws for a bad request: the emulator answers as the provider would.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The URL path, e.g. <c>/openapi-b/customer.admin.WhiteCustomerAdminApiService.page</c>.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The request body.</param>
    /// <param name="cancellationToken">Cancels injected latency.</param>
    /// <returns>The answer.</returns>
    public async Task<EmulatorAnswer> ServeAsync(
        HttpMethod method, string path, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(body);
        var response = await HandleAsync(method, path, headers, body, cancellationToken).ConfigureAwait(false);
        return new EmulatorAnswer
        {
            Status = response.Status,
            Body = response.Body,
            ContentType = response.ContentType,
            Headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase),
            DropConnection = response.Drop,
        };
    }

    internal async Task<EmulatorResponse> HandleAsync(
        HttpMethod method, string path, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken)
    {
        var operation = ResolveOperation(path);
        var record = new EmulatorRequest
        {
            Operation = operation ?? path,
            Method = method,
            Path = path,
            Headers = headers,
            Body = body,
            ReceivedAt = TimeProvider.GetUtcNow(),
        };
        var call = new EmulatorCall { Operation = record.Operation, Path = path, Method = method, Headers = headers, Body = body, Record = record };
        int slot;
        lock (_lock)
        {
            // Recorded on arrival, so that the order of Requests is the order requests came in.
            slot = _requests.Count;
            _requests.Add(record);
        }

        EmulatorResponse response;
        try
        {
            response = await AnswerAsync(call, operation is not null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An emulator turns its own bugs into a 500 rather than hanging or crashing the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            response = EmulatorResponse.Json(
                JsonConvert.SerializeObject(new { error = "emulator failure", detail = ex.Message }),
                HttpStatusCode.InternalServerError);
        }

        lock (_lock)
        {
            // The dispatcher may have replaced the record (e.g. with the decrypted body).
            call.Record.Status = response.Drop ? null : response.Status;
            call.Record.ErrorCode = response.ErrorCode;
            if (slot < _requests.Count && ReferenceEquals(_requests[slot], record))
            {
                _requests[slot] = call.Record;
            }
        }

        return response;
    }

    /// <summary>Maps a path to the operation it serves, or <see langword="null"/> when the emulator does not serve it.</summary>
    private protected abstract string? ResolveOperation(string path);

    /// <summary>The key the rate limit counts under besides the operation (company, merchant).</summary>
    private protected abstract string RateLimitScope(EmulatorCall call);

    /// <summary>Answers a request for a served operation.</summary>
    private protected abstract Task<EmulatorResponse> DispatchAsync(EmulatorCall call, CancellationToken cancellationToken);

    /// <summary>A provider error envelope.</summary>
    private protected abstract EmulatorResponse Error(EmulatorCall call, string code, string message, HttpStatusCode status = HttpStatusCode.OK);

    /// <summary>A provider success envelope around raw JSON data.</summary>
    private protected abstract string SuccessJson(EmulatorCall call, string dataJson);

    private async Task<EmulatorResponse> AnswerAsync(EmulatorCall call, bool served, CancellationToken cancellationToken)
    {
        var latency = Faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (!served)
        {
            return EmulatorResponse.Json("""{"error":"not found"}""", HttpStatusCode.NotFound);
        }

        var fault = Faults.TakeNext(call.Operation);
        switch (fault?.Kind)
        {
            case EmulatorFaultKind.ConnectionRefused:
                return new EmulatorResponse { Status = HttpStatusCode.ServiceUnavailable, Body = string.Empty, Drop = true, Refuse = true };
            case EmulatorFaultKind.ResetBeforeCommit:
                return new EmulatorResponse { Status = HttpStatusCode.ServiceUnavailable, Body = string.Empty, Drop = true };
            // A server goes on with a request whose client has gone: the holds are not cancelled by a disconnect.
            case EmulatorFaultKind.TimeoutBeforeCommit:
                await Task.Delay(Faults.StallDuration, TimeProvider, CancellationToken.None).ConfigureAwait(false);
                return new EmulatorResponse { Status = HttpStatusCode.GatewayTimeout, Body = """{"error":"timed out before processing"}""" };
            case EmulatorFaultKind.TimeoutWithLateCommit:
                await Task.Delay(Faults.StallDuration, TimeProvider, CancellationToken.None).ConfigureAwait(false);
                return await DispatchAsync(call, CancellationToken.None).ConfigureAwait(false);
            case EmulatorFaultKind.TimeoutAfterCommit:
                var committed = await DispatchAsync(call, CancellationToken.None).ConfigureAwait(false);
                await Task.Delay(Faults.StallDuration, TimeProvider, CancellationToken.None).ConfigureAwait(false);
                return committed;
            case null when fault is { DropsResponse: false }:
                return Injected(call, fault);
            default:
                break;
        }

        var limited = ApplyRateLimit(call);
        if (limited is { Drop: false, Status: HttpStatusCode.TooManyRequests })
        {
            return limited;
        }

        var response = await DispatchAsync(call, cancellationToken).ConfigureAwait(false);
        if (limited is not null)
        {
            foreach (var (name, value) in limited.Headers)
            {
                response.Headers[name] = value;
            }
        }

        response.Drop = fault is { DropsResponse: true };
        return response;
    }

    private static string Truncated(string json) => json[..(json.Length * 2 / 3)];

    private EmulatorResponse? ApplyRateLimit(EmulatorCall call)
    {
        if (RateLimitPerMinute is not { } limit)
        {
            return null;
        }

        var (allowed, remaining, _) = _rateLimit.Hit(RateLimitScope(call) + "|" + call.Operation, limit, TimeProvider.GetUtcNow());
        var response = allowed
            ? new EmulatorResponse { Status = HttpStatusCode.OK, Body = string.Empty }
            : new EmulatorResponse
            {
                Status = HttpStatusCode.TooManyRequests,
                Body = """{"error":"Too Many Requests"}""",
                ErrorCode = "429",
            };
        response.Headers["x-ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remairing"] = remaining.ToString(CultureInfo.InvariantCulture);
        // CMFBL documents x-ratelimit-reset as the window's length in seconds, not the time left in it.
        response.Headers["x-ratelimit-reset"] = FixedWindowRateLimit.WindowSeconds.ToString(CultureInfo.InvariantCulture);
        return response;
    }

    private EmulatorResponse Injected(EmulatorCall call, EmulatorFault fault)
    {
        if (fault.Status is { } status)
        {
            return new EmulatorResponse
            {
                Status = status,
                Body = $"<html><body><h1>{(int)status} {status}</h1><p>injected fault</p></body></html>",
                ContentType = "text/html",
            };
        }

        if (fault.ProviderCode is { } code)
        {
            return Error(call, code, fault.ProviderMessage ?? "Injected failure");
        }

        var success = SuccessJson(call, "null");
        return fault.Malformed switch
        {
            MalformedBody.Html => new EmulatorResponse { Status = HttpStatusCode.OK, Body = "<!DOCTYPE html><html><body>Service maintenance</body></html>", ContentType = "text/html" },
            MalformedBody.Empty => new EmulatorResponse { Status = HttpStatusCode.OK, Body = string.Empty },
            MalformedBody.TruncatedJson => EmulatorResponse.Json(Truncated(SuccessJson(call, """{"records":[{"id":1,"customerNo":"86000001"}],"total":1}"""))),
            MalformedBody.NotJson => EmulatorResponse.Json("Internal error: upstream returned garbage"),
            MalformedBody.NullData => EmulatorResponse.Json(success),
            MalformedBody.Array => EmulatorResponse.Json("""[{"code":"0"}]"""),
            MalformedBody.MissingCode => EmulatorResponse.Json("""{"msg":"Success","data":{}}"""),
            MalformedBody.WrongDataType => EmulatorResponse.Json(SuccessJson(call, "\"unexpected text\"")),
            _ => EmulatorResponse.Json(success),
        };
    }
}
