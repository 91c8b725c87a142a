using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

/// <summary>
/// An in-memory Example CRM on RichardSzalay.MockHttp: the four endpoints the provider uses, behind the bearer API
/// key, with unique emails and phones, cursor pages and password checks, and a few faults to inject. Thread-safe.
/// </summary>
public sealed class ExampleCrmEmulator
{
    public const string BaseUrl = "https://api.example-crm.example/";

    private const int DefaultLimit = 50;
    private const int MaxLimit = 100;

    private static readonly HttpRequestOptionsKey<bool> DropKey = new("ExampleCrmEmulator.Drop");

    private readonly List<ExampleCrmEmulatedCustomer> _customers = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();
    private long _nextNumber = 100001;
    private (int Count, HttpStatusCode Status) _failures;
    private int _malformed;
    private int _drops;

    #region emulator-routes
    public ExampleCrmEmulator()
    {
        ApiKey = "ek_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Mock = new MockHttpMessageHandler();
        Mock.When(HttpMethod.Post, BaseUrl + "v1/customers").Respond(request => ServeAsync(request, CreateCustomer));
        Mock.When(HttpMethod.Get, BaseUrl + "v1/customers/*").Respond(request => ServeAsync(request, GetCustomer));
        Mock.When(HttpMethod.Get, BaseUrl + "v1/customers").Respond(request => ServeAsync(request, SearchCustomers));
        Mock.When(HttpMethod.Post, BaseUrl + "v1/sessions").Respond(request => ServeAsync(request, CreateSession));
        Mock.Fallback.Respond(request => ServeAsync(request, _ => Error(HttpStatusCode.NotFound, "not_found", "No such endpoint.")));
    }
    #endregion

    /// <summary>Gets the API key clients must send as <c>Authorization: Bearer …</c>; a new one per emulator.</summary>
    public string ApiKey { get; }

    /// <summary>Gets the MockHttp handler behind the emulator, to add expectations of your own.</summary>
    public MockHttpMessageHandler Mock { get; }

    /// <summary>Gets or sets a delay before every answer; the caller's cancellation ends it.</summary>
    public TimeSpan Latency { get; set; }

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

    #region emulator-faults
    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> and Example CRM's error body; nothing is applied.</summary>
    public void FailNext(int count, HttpStatusCode status)
    {
        lock (_lock)
        {
            _failures = (count, status);
        }
    }

    /// <summary>Answers the next <paramref name="count"/> requests with a 200 whose body is not JSON; nothing is applied.</summary>
    public void MalformNext(int count)
    {
        lock (_lock)
        {
            _malformed = count;
        }
    }

    /// <summary>Applies the next <paramref name="count"/> requests, then drops the connection instead of answering.</summary>
    public void DropNextResponses(int count)
    {
        lock (_lock)
        {
            _drops = count;
        }
    }
    #endregion

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

    private async Task<HttpResponseMessage> ServeAsync(HttpRequestMessage request, Func<Call, HttpResponseMessage> endpoint)
    {
        var recorded = await RecordedRequest.FromAsync(request);
        bool drop;
        lock (_lock)
        {
            _requests.Add(recorded);
            if (_failures.Count > 0)
            {
                _failures.Count--;
                return Injected(_failures.Status);
            }

            if (_malformed > 0)
            {
                _malformed--;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("Internal error: upstream returned garbage", Encoding.UTF8, "application/json") };
            }

            drop = _drops > 0;
            if (drop)
            {
                _drops--;
            }
        }

        HttpResponseMessage response;
        try
        {
            response = recorded.Header("Authorization") == "Bearer " + ApiKey
                ? endpoint(new Call(recorded))
                : Error(HttpStatusCode.Unauthorized, "invalid_api_key", "The API key is missing or wrong.");
        }
        catch (Exception ex)
        {
            // A bug of the emulator answers 500 rather than leaving the client waiting.
            response = Error(HttpStatusCode.InternalServerError, "emulator_failure", ex.Message);
        }
        if (drop)
        {
            // Applied, but the client must not see the answer: the handler turns this mark into a reset connection.
            request.Options.Set(DropKey, true);
        }

        return response;
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
                DateTimeOffset.UtcNow)
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

    private static HttpResponseMessage Injected(HttpStatusCode status)
    {
        var response = status == HttpStatusCode.TooManyRequests
            ? Error(status, "rate_limited", "Too many requests.")
            : Error(status, "unavailable", "Injected failure.");
        if (status == HttpStatusCode.TooManyRequests)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
        }

        return response;
    }

    private static HttpResponseMessage Invalid(string field, string message) =>
        Error(HttpStatusCode.UnprocessableEntity, "validation_failed", "The request is invalid.", new JArray(new JObject { ["name"] = field, ["message"] = message }));

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message, JArray? fields = null)
    {
        var error = new JObject { ["code"] = code, ["message"] = message };
        if (fields is not null)
        {
            error["fields"] = fields;
        }

        return Json(status, new JObject { ["error"] = error });
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
    /// Adds the latency, passes the request to the MockHttp handler without owning it, and turns a dropped answer into
    /// the connection failure a client would see.
    /// </summary>
    private sealed class EmulatorHandler(ExampleCrmEmulator emulator) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _mock = new(emulator.Mock, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (emulator.Latency > TimeSpan.Zero)
            {
                await Task.Delay(emulator.Latency, cancellationToken);
            }

            var response = await _mock.SendAsync(request, cancellationToken);
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
