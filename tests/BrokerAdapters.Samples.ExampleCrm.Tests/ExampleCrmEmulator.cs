using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using BrokerAdapters.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

/// <summary>
/// An in-memory Example CRM on RichardSzalay.MockHttp: the four endpoints the provider uses, behind the bearer API
/// key, with unique emails and phones, cursor pages and password checks, and the test kit's faults
/// (<see cref="Faults"/>) applied in Example CRM's terms. Thread-safe.
/// </summary>
public sealed class ExampleCrmEmulator
{
    public const string BaseUrl = "https://api.example-crm.example/";

    private const int DefaultLimit = 50;
    private const int MaxLimit = 100;

    /// <summary>A customer as Example CRM writes one, the base of the broken answers.</summary>
    private const string SampleCustomer = """{"id":"cus_000000000000000000000001","number":"100000","email":"sample@example.com","status":"active","created_at":"2025-01-01T00:00:00Z"}""";

    private static readonly HttpRequestOptionsKey<bool> DropKey = new("ExampleCrmEmulator.Drop");
    private static readonly HttpRequestOptionsKey<bool> RefuseKey = new("ExampleCrmEmulator.Refuse");

    /// <summary>The HTTP status Example CRM answers each of its error codes with.</summary>
    private static readonly Dictionary<string, HttpStatusCode> ErrorStatuses = new(StringComparer.Ordinal)
    {
        ["validation_failed"] = HttpStatusCode.UnprocessableEntity,
        ["customer_exists"] = HttpStatusCode.Conflict,
        ["customer_not_found"] = HttpStatusCode.NotFound,
        ["invalid_credentials"] = HttpStatusCode.Unauthorized,
        ["account_locked"] = (HttpStatusCode)423,
        ["account_disabled"] = HttpStatusCode.Forbidden,
        ["invalid_api_key"] = HttpStatusCode.Unauthorized,
        ["forbidden"] = HttpStatusCode.Forbidden,
        ["rate_limited"] = HttpStatusCode.TooManyRequests,
        ["unavailable"] = HttpStatusCode.ServiceUnavailable,
    };

    private readonly List<ExampleCrmEmulatedCustomer> _customers = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();
    private long _nextNumber = 100001;

    #region emulator-routes
    public ExampleCrmEmulator(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        ApiKey = "ek_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Mock = new MockHttpMessageHandler();
        Mock.When(HttpMethod.Post, BaseUrl + "v1/customers").Respond(request => ServeAsync(request, ExampleCrmOperations.CreateCustomer, CreateCustomer));
        Mock.When(HttpMethod.Get, BaseUrl + "v1/customers/*").Respond(request => ServeAsync(request, ExampleCrmOperations.GetCustomer, GetCustomer));
        Mock.When(HttpMethod.Get, BaseUrl + "v1/customers").Respond(request => ServeAsync(request, ExampleCrmOperations.SearchCustomers, SearchCustomers));
        Mock.When(HttpMethod.Post, BaseUrl + "v1/sessions").Respond(request => ServeAsync(request, ExampleCrmOperations.CreateSession, CreateSession));
        Mock.Fallback.Respond(request => ServeAsync(request, operation: null, _ => Error(HttpStatusCode.NotFound, "not_found", "No such endpoint.")));
    }
    #endregion

    /// <summary>
    /// Gets the faults to inject, named by <see cref="ExampleCrmOperations"/>: statuses, error codes, broken bodies,
    /// answers lost after the change was made, resets, refusals, stalls and latency, as
    /// <see cref="EmulatorFaults.TakeNext"/> describes them.
    /// </summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>Gets the emulator's clock, for <see cref="EmulatorFaults.Latency"/>, <see cref="EmulatorFaults.StallDuration"/> and creation dates.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the API key clients must send as <c>Authorization: Bearer …</c>; a new one per emulator.</summary>
    public string ApiKey { get; }

    /// <summary>Gets the MockHttp handler behind the emulator, to add expectations of your own.</summary>
    public MockHttpMessageHandler Mock { get; }

    /// <summary>Gets every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Gets the stored customers, in creation order.</summary>
    public IReadOnlyList<ExampleCrmEmulatedCustomer> Customers
    {
        get
        {
            lock (_lock)
            {
                return _customers.ToArray();
            }
        }
    }

    /// <summary>
    /// Creates a handler for <c>ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler)</c>. IHttpClientFactory
    /// disposes the handlers it rotates; disposing this one leaves the emulator and its customers intact.
    /// </summary>
    public HttpMessageHandler CreateHandler() => new EmulatorHandler(this);

    /// <summary>The settings that point a registry section at this emulator.</summary>
    public IReadOnlyDictionary<string, string?> ToConfiguration(string section = "UserRegistry") => new Dictionary<string, string?>
    {
        [section + ":Provider"] = "ExampleCrm",
        [section + ":ExampleCrm:BaseUrl"] = BaseUrl,
        [section + ":ExampleCrm:ApiKey"] = ApiKey,
    };

    #region emulator-faults
    /// <summary>Records the request, then applies the next fault queued for its operation, or answers it normally.</summary>
    private async Task<HttpResponseMessage> ServeAsync(HttpRequestMessage request, string? operation, Func<Call, HttpResponseMessage> endpoint)
    {
        var recorded = await RecordedRequest.FromAsync(request);
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        // A path the API does not serve answers 404 whatever is queued.
        switch (operation is null ? null : Faults.TakeNext(operation))
        {
            case null:
                return Apply(recorded, endpoint);
            case { Status: { } status }:
                return StatusAnswer(status);
            case { ProviderCode: { } code } fault:
                return Error(ErrorStatuses.GetValueOrDefault(code, HttpStatusCode.BadRequest), code, fault.ProviderMessage ?? "Injected failure.");
            case { Malformed: { } kind }:
                return Malformed(kind, operation!);
            case { DropsResponse: true }:
                // Applied, but the client must not see the answer: the handler turns this mark into a reset connection.
                var applied = Apply(recorded, endpoint);
                request.Options.Set(DropKey, true);
                return applied;
            case { Kind: EmulatorFaultKind.ResetBeforeCommit }:
                request.Options.Set(DropKey, true);
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            case { Kind: EmulatorFaultKind.ConnectionRefused }:
                request.Options.Set(RefuseKey, true);
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            // The holds go on after the client has gone, as a server's would (the handler stops waiting for them).
            case { Kind: EmulatorFaultKind.TimeoutBeforeCommit }:
                await Task.Delay(Faults.StallDuration, TimeProvider);
                return Error(HttpStatusCode.GatewayTimeout, "unavailable", "The request timed out before it was processed.");
            case { Kind: EmulatorFaultKind.TimeoutWithLateCommit }:
                await Task.Delay(Faults.StallDuration, TimeProvider);
                return Apply(recorded, endpoint);
            case { Kind: EmulatorFaultKind.TimeoutAfterCommit }:
                var committed = Apply(recorded, endpoint);
                await Task.Delay(Faults.StallDuration, TimeProvider);
                return committed;
            case var other:
                return Error(HttpStatusCode.InternalServerError, "emulator_failure", $"Fault {other.Kind} is not emulated.");
        }
    }
    #endregion

    /// <summary>Answers a request as Example CRM does: the API key first, then the endpoint.</summary>
    private HttpResponseMessage Apply(RecordedRequest recorded, Func<Call, HttpResponseMessage> endpoint)
    {
        try
        {
            return recorded.Header("Authorization") == "Bearer " + ApiKey
                ? endpoint(new Call(recorded))
                : Error(HttpStatusCode.Unauthorized, "invalid_api_key", "The API key is missing or wrong.");
        }
        catch (Exception ex)
        {
            // A bug of the emulator answers 500 rather than leaving the client waiting.
            return Error(HttpStatusCode.InternalServerError, "emulator_failure", ex.Message);
        }
    }

    #region emulator-create
    private HttpResponseMessage CreateCustomer(Call call)
    {
        if (call.Body is not { } body)
        {
            return Invalid("body", "must be a JSON object.");
        }

        var email = (string?)body["email"];
        var password = (string?)body["password"];
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return Invalid("email", "is required and must be an email address.");
        }

        if (password is null || password.Length is < 8 or > 64)
        {
            return Invalid("password", "must be 8 to 64 characters.");
        }

        var countryCode = (string?)body["phone"]?["country_code"];
        var number = (string?)body["phone"]?["number"];
        lock (_lock)
        {
            if (_customers.Any(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)))
            {
                return Error(HttpStatusCode.Conflict, "customer_exists", "A customer with this email exists.");
            }

            if (number is not null && _customers.Any(c => c.PhoneCountryCode == countryCode && c.PhoneNumber == number))
            {
                return Error(HttpStatusCode.Conflict, "customer_exists", "A customer with this phone exists.");
            }

            var customer = new ExampleCrmEmulatedCustomer(
                "cus_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
                (_nextNumber++).ToString(CultureInfo.InvariantCulture),
                email,
                password,
                TimeProvider.GetUtcNow())
            {
                PhoneCountryCode = countryCode,
                PhoneNumber = number,
                Country = (string?)body["country"],
                FirstName = (string?)body["first_name"],
                LastName = (string?)body["last_name"],
                BirthDate = (string?)body["birth_date"],
                Language = (string?)body["language"],
                ExternalId = (string?)body["external_id"],
            };
            _customers.Add(customer);
            return Json(HttpStatusCode.Created, customer.ToJson());
        }
    }
    #endregion

    private HttpResponseMessage GetCustomer(Call call)
    {
        var id = Uri.UnescapeDataString(call.Request.Uri.AbsolutePath.Split('/')[^1]);
        lock (_lock)
        {
            var customer = _customers.FirstOrDefault(c => c.Id == id);
            return customer is null
                ? Error(HttpStatusCode.NotFound, "customer_not_found", "No customer has this id.")
                : Json(HttpStatusCode.OK, customer.ToJson());
        }
    }

    private HttpResponseMessage SearchCustomers(Call call)
    {
        var query = HttpUtility.ParseQueryString(call.Request.Uri.Query);
        var limit = DefaultLimit;
        if (query["limit"] is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return Invalid("limit", $"must be 1 to {MaxLimit}.");
        }

        var start = 0;
        if (query["cursor"] is { } cursor && (!cursor.StartsWith("c_", StringComparison.Ordinal)
            || !int.TryParse(cursor[2..], NumberStyles.None, CultureInfo.InvariantCulture, out start)))
        {
            return Invalid("cursor", "is not a cursor of this list.");
        }

        lock (_lock)
        {
            var matching = _customers
                .Where(c => query["email"] is not { } email || string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))
                .Where(c => query["phone"] is not { } phone || c.E164 == phone)
                .ToArray();
            var page = matching.Skip(start).Take(limit).ToArray();
            var next = start + page.Length < matching.Length ? "c_" + (start + page.Length).ToString(CultureInfo.InvariantCulture) : null;
            return Json(HttpStatusCode.OK, new JObject { ["data"] = new JArray(page.Select(c => c.ToJson())), ["next_cursor"] = next });
        }
    }

    private HttpResponseMessage CreateSession(Call call)
    {
        var email = (string?)call.Body?["email"];
        var password = (string?)call.Body?["password"];
        lock (_lock)
        {
            var customer = _customers.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));
            if (customer is null || password is null || !customer.PasswordMatches(password))
            {
                return Error(HttpStatusCode.Unauthorized, "invalid_credentials", "The email or password is wrong.");
            }

            return customer.Status switch
            {
                "locked" => Error((HttpStatusCode)423, "account_locked", "The account is locked."),
                "disabled" => Error(HttpStatusCode.Forbidden, "account_disabled", "The account is disabled."),
                _ => Json(HttpStatusCode.Created, new JObject
                {
                    ["access_token"] = "at_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                    ["refresh_token"] = "rt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                    ["expires_in"] = 3600,
                    ["customer"] = customer.ToJson(),
                }),
            };
        }
    }

    /// <summary>
    /// An injected status: the codes Example CRM documents for any call (401, 403, 429, 5xx) in its error format; any
    /// other status as the HTML page of a proxy in front of it.
    /// </summary>
    private static HttpResponseMessage StatusAnswer(HttpStatusCode status) => (int)status switch
    {
        401 => Error(status, "invalid_api_key", "The API key is missing or wrong."),
        403 => Error(status, "forbidden", "The API key may not do this."),
        429 => Error(status, "rate_limited", "Too many requests."),
        >= 500 => Error(status, "unavailable", "Injected failure."),
        _ => Text(status, $"<html><body><h1>{(int)status} {status}</h1></body></html>", "text/html"),
    };

    /// <summary>A broken answer with status 200, in Example CRM's terms: it has no envelope, so "data" is the answer itself.</summary>
    private static HttpResponseMessage Malformed(MalformedBody kind, string operation)
    {
        var search = operation == ExampleCrmOperations.SearchCustomers;
        var valid = search
            ? $$"""{"data":[{{SampleCustomer}}],"next_cursor":null}"""
            : operation == ExampleCrmOperations.CreateSession
                ? $$"""{"access_token":"at_0","refresh_token":"rt_0","expires_in":3600,"customer":{{SampleCustomer}}}"""
                : SampleCustomer;
        return kind switch
        {
            MalformedBody.Html => Text(HttpStatusCode.OK, "<!DOCTYPE html><html><body>Service maintenance</body></html>", "text/html"),
            MalformedBody.Empty => Text(HttpStatusCode.OK, string.Empty, "application/json"),
            MalformedBody.TruncatedJson => Text(HttpStatusCode.OK, valid[..(valid.Length * 2 / 3)], "application/json"),
            MalformedBody.NotJson => Text(HttpStatusCode.OK, "Internal error: upstream returned garbage", "application/json"),
            MalformedBody.NullData => Text(HttpStatusCode.OK, search ? """{"data":null,"next_cursor":null}""" : "null", "application/json"),
            MalformedBody.Array => Text(HttpStatusCode.OK, "[" + valid + "]", "application/json"),
            // No code in Example CRM's answers: the member that makes the answer what it is goes missing instead.
            MalformedBody.MissingCode => Text(HttpStatusCode.OK, WithoutKey(valid, search ? "data" : operation == ExampleCrmOperations.CreateSession ? "access_token" : "id"), "application/json"),
            MalformedBody.WrongDataType => Text(HttpStatusCode.OK, search ? """{"data":"unexpected text","next_cursor":null}""" : "\"unexpected text\"", "application/json"),
            _ => Error(HttpStatusCode.InternalServerError, "emulator_failure", $"Malformed body {kind} is not emulated."),
        };
    }

    private static string WithoutKey(string json, string key)
    {
        var answer = JObject.Parse(json);
        answer.Remove(key);
        return answer.ToString(Formatting.None);
    }

    private static HttpResponseMessage Text(HttpStatusCode status, string body, string mediaType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private static HttpResponseMessage Invalid(string field, string message) =>
        Error(HttpStatusCode.UnprocessableEntity, "validation_failed", "The request is invalid.", new JArray(new JObject { ["name"] = field, ["message"] = message }));

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message, JArray? fields = null)
    {
        var error = new JObject { ["code"] = code, ["message"] = message };
        if (fields is not null)
        {
            error["fields"] = fields;
        }

        var response = Json(status, new JObject { ["error"] = error });
        if (code == "rate_limited")
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
        }

        return response;
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JObject body)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json") };
        response.Headers.Add("X-Request-Id", "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        return response;
    }

    /// <summary>A request as an endpoint sees it: the recorded request and its body as a JSON object, if it is one.</summary>
    private sealed class Call(RecordedRequest request)
    {
        public RecordedRequest Request { get; } = request;

        public JObject? Body { get; } = TryParse(request.Body);

        private static JObject? TryParse(string body)
        {
            try
            {
                return body.Length == 0 ? null : JToken.Parse(body) as JObject;
            }
            catch (JsonReaderException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Waits the faults' latency, passes the request to the MockHttp handler without owning it, and turns a dropped or
    /// refused answer into the connection failure a client would see.
    /// </summary>
    private sealed class EmulatorHandler(ExampleCrmEmulator emulator) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _mock = new(emulator.Mock, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var latency = emulator.Faults.Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, emulator.TimeProvider, cancellationToken);
            }

            // The client stops waiting when its token says so, even while the emulator holds an answer (a stall fault).
            var response = await _mock.SendAsync(request, cancellationToken).WaitAsync(cancellationToken);
            if (request.Options.TryGetValue(RefuseKey, out var refused) && refused)
            {
                response.Dispose();
                throw new HttpRequestException(
                    HttpRequestError.ConnectionError, "The emulator refused the connection (injected fault).", new IOException("Connection refused"));
            }

            if (request.Options.TryGetValue(DropKey, out var drop) && drop)
            {
                response.Dispose();
                throw new HttpRequestException(
                    HttpRequestError.ResponseEnded, "The emulator dropped the connection (injected fault).", new IOException("Connection reset by peer"));
            }

            return response;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _mock.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
