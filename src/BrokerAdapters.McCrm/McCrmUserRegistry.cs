using System.Net;
using System.Text;
using BrokerAdapters.Internal;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.McCrm;

/// <summary>
/// The MC-CRM user registry: <see cref="RegisterAsync"/> (<c>openapi/v1/user/signup</c>) and <see cref="FindAsync"/> by
/// <see cref="CustomerLookupKind.Id"/> (<c>openapi/v1/user/query/uid</c>). MC-CRM documents no exists, list or login
/// endpoint, so those operations throw <see cref="UserRegistryErrorKind.NotSupported"/> without a request.
/// </summary>
internal sealed class McCrmUserRegistry : IUserRegistry, IDisposable
{
    public const string ProviderName = "McCrm";
    public const string SignupPath = "openapi/v1/user/signup";
    public const string QueryUidPath = "openapi/v1/user/query/uid";
    public const string TokenHeader = "token";

    private static readonly UserRegistryDescriptor ProviderDescriptor = new(
        ProviderName,
        UserRegistryCapabilities.Register | UserRegistryCapabilities.Find,
        findLookups: CustomerLookupKinds.Id);

    // MC-CRM documents no trace header and answers no trace field: each call gets a correlation id of our own, kept
    // in its log lines and in its exception (never sent, since MC-CRM documents no header for it).
    private static readonly ProviderCall SignupCall = new(ProviderName, "user/signup", TraceId: null, IsWrite: true);
    private static readonly ProviderCall QueryUidCall = new(ProviderName, "user/query/uid", TraceId: null, IsWrite: false);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly string _httpClientName;
    private readonly string _token;
    private readonly string _bizName;
    private readonly string _channelName;
    private readonly Uri _signupUri;
    private readonly Uri _queryUidUri;
    private readonly McCrmPasswordCipher _cipher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public McCrmUserRegistry(
        IHttpClientFactory httpClientFactory,
        string httpClientName,
        McCrmOptions options,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BaseUrl, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Token, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PublicKey, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BizName, nameof(options));

        _httpClientFactory = httpClientFactory;
        _httpClientName = httpClientName;
        _token = options.Token;
        _bizName = options.BizName;
        _channelName = options.ChannelName ?? string.Empty;
        _signupUri = Endpoint(options.BaseUrl, SignupPath);
        _queryUidUri = Endpoint(options.BaseUrl, QueryUidPath);
        _cipher = new McCrmPasswordCipher(options.PublicKey, options.Padding);
        _time = time;
        _logger = logger;
    }

    public UserRegistryDescriptor Descriptor => ProviderDescriptor;

    public async Task<CustomerRegistration> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        McCrmSignupValidator.Validate(customer);
        cancellationToken.ThrowIfCancellationRequested();

        var request = McCrmMapper.ToSignupRequest(customer) with
        {
            BizName = _bizName,
            ChannelName = _channelName,
            Password = _cipher.Encrypt(customer.Password!),
        };

        Customer created;
        try
        {
            created = await CallAsync(_signupUri, request, SignupCall, ReadSignup, cancellationToken).ConfigureAwait(false);
        }
        catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.OutcomeUnknown)
        {
            // MC-CRM has no lookup by phone, email or the caller's userId, so the outcome cannot be verified here.
            throw ProviderErrors.WithReconciliation(
                ex,
                ex.Message + " MC-CRM cannot be asked by phone or email; reconcile from its back office or an export before registering again.",
                ProviderErrors.ReconciliationLookupsOf(customer));
        }

        // The signup answer does not echo userId; keep the caller's identifier rather than dropping it.
        var stored = created.ExternalId is null && customer.ExternalId is not null ? created with { ExternalId = customer.ExternalId } : created;
        return new CustomerRegistration(stored, RegistrationOutcome.Created);
    }

    public Task<bool> ExistsAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return Task.FromException<bool>(UserRegistryException.NotSupported(ProviderName, nameof(ExistsAsync)));
    }

    public async Task<Customer?> FindAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (lookup.Kind != CustomerLookupKind.Id)
        {
            throw UserRegistryException.NotSupported(ProviderName, $"{nameof(FindAsync)} by {lookup.Kind}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return await CallAsync(_queryUidUri, new McCrmUidQuery(lookup.Value), QueryUidCall, ReadFound, cancellationToken).ConfigureAwait(false);
    }

    // Thrown at the call, not at the first MoveNextAsync, like every other unsupported operation.
    public IAsyncEnumerable<Customer> ListAsync(CustomerQuery? query = null, CancellationToken cancellationToken = default) =>
        throw UserRegistryException.NotSupported(ProviderName, nameof(ListAsync));

    public Task<AuthenticatedCustomer> AuthenticateAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Task.FromException<AuthenticatedCustomer>(UserRegistryException.NotSupported(ProviderName, nameof(AuthenticateAsync)));
    }

    public void Dispose() => _cipher.Dispose();

    /// <summary>Joins the base URL (which may carry a path such as <c>/mc-crm/</c>) and a path with exactly one slash.</summary>
    internal static Uri Endpoint(string baseUrl, string path) => new(baseUrl.TrimEnd('/') + "/" + path.TrimStart('/'), UriKind.Absolute);

    private static Customer ReadSignup(ProviderResponse response, ProviderCall call)
    {
        if (McCrmSuccess.TryRead(response) is { } user)
        {
            return McCrmMapper.ToCustomer(user);
        }

        var envelope = McCrmEnvelope.Read(response, call);
        if (!envelope.IsSuccess)
        {
            throw envelope.ToException();
        }

        return envelope.Data is null
            ? throw ProviderErrors.Protocol(call, "the provider reported success without 'data'.", response.Status)
            : ToCustomer(envelope.Data, call, response.Status);
    }

    private static Customer? ReadFound(ProviderResponse response, ProviderCall call)
    {
        if (McCrmSuccess.TryRead(response) is { } user)
        {
            return McCrmMapper.ToCustomer(user);
        }

        var envelope = McCrmEnvelope.Read(response, call);
        if (!envelope.IsSuccess)
        {
            // Not found is an answer, not a failure, whether it comes as data null, a message or a 404 with a message.
            return envelope.ErrorKind == UserRegistryErrorKind.NotFound ? null : throw envelope.ToException();
        }

        return envelope.Data is null ? null : ToCustomer(envelope.Data, call, response.Status);
    }

    private static Customer ToCustomer(JToken data, ProviderCall call, HttpStatusCode status)
    {
        if (data is not JObject)
        {
            throw ProviderErrors.Protocol(call, $"expected the user object in 'data' but got {data.Type}.", status);
        }

        McCrmUser? user;
        try
        {
            user = data.ToObject<McCrmUser>(WireJson.Serializer);
        }
        catch (JsonException ex)
        {
            // The path names the field; the value is not repeated in the message.
            throw ProviderErrors.Protocol(call, $"the user object does not match the documented types ({ex.GetType().Name} at '{PathOf(ex)}').", status, ex);
        }

        if (user is null || string.IsNullOrWhiteSpace(user.Uid))
        {
            throw ProviderErrors.Protocol(call, "the user object has no 'uid'.", status);
        }

        return McCrmMapper.ToCustomer(user);
    }

    private static string PathOf(JsonException exception) => exception switch
    {
        JsonSerializationException serialization => serialization.Path ?? string.Empty,
        JsonReaderException reader => reader.Path ?? string.Empty,
        _ => string.Empty,
    };

    private double Elapsed(long? started) => started is { } timestamp ? _time.GetElapsedTime(timestamp).TotalMilliseconds : 0;

    private async Task<T> CallAsync<T>(Uri uri, object body, ProviderCall operation, Func<ProviderResponse, ProviderCall, T> read, CancellationToken cancellationToken)
    {
        var call = operation with { TraceId = "m-" + Guid.NewGuid().ToString("N") };
        // The clock is read only for a log line that will be written (reading it is not free everywhere).
        long? started = _logger.IsEnabled(LogLevel.Debug) || _logger.IsEnabled(LogLevel.Warning) ? _time.GetTimestamp() : null;
        var json = WireJson.Serialize(body);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation(TokenHeader, _token);

            var client = _httpClientFactory.CreateClient(_httpClientName);
            var response = await ProviderTransport.SendAsync(client, request, call, _time, cancellationToken).ConfigureAwait(false);
            var result = read(response, call);
            McCrmLog.CallSucceeded(_logger, call.Operation, call.TraceId!, (int)response.Status, Elapsed(started));
            return result;
        }
        catch (UserRegistryException ex)
        {
            McCrmLog.CallFailed(_logger, call.Operation, ex.TraceId ?? call.TraceId!, ex.Kind, ex.ProviderCode, ex.HttpStatus, Elapsed(started));

            // The answer's message may repeat the encrypted password or the token this request carried.
            var clean = ProviderEchoes.Without(ex, [_token, .. ProviderEchoes.SecretsIn(json)]);
            if (ReferenceEquals(clean, ex))
            {
                throw;
            }

            throw clean;
        }
    }
}
