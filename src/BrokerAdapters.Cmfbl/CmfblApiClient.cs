using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using BrokerAdapters.Cmfbl.Wire;
using BrokerAdapters.Internal;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl;

/// <summary>
/// Speaks the CMFBL wire protocol: URLs, headers, the admin token (obtained once, renewed single-flight when a
/// call says it expired, then that call replayed once), the optional signed and encrypted body, and the envelope.
/// The token is shared through an <see cref="ICmfblTokenStore"/>, read only when this client has no usable one.
/// </summary>
internal sealed class CmfblApiClient : IDisposable
{
    public const string ProviderName = "Cmfbl";
    public const string AuthBizType = "admin.admin.CompanyAuthDubboService.auth";
    public const string LoginBizType = "customer.app.CustomerWebApiService.login";
    public const string RegisterBizType = "customer.app.CustomerWebApiService.register";
    public const string VerifyCodeSendBizType = "message.app.VerificationApiService.verifyCodeSend";
    public const string ResetAccountBizType = "customer.app.CustomerDubboApiService.resetAccount";
    public const string RandomKeyPath = "global/thirdExt/randomKey";
    public const string SwitchAccountPath = "thirdExt/switchAccount";
    public const string TokenHeader = "token";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly string _httpClientName;
    private readonly CmfblOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ICmfblTokenStore _tokenStore;
    private readonly string _tokenStoreKey;
    private readonly SemaphoreSlim _authGate = new(1, 1);
    private readonly Lock _encryptorLock = new();
    private readonly string _managerBase;
    private readonly string? _clientBase;
    private CmfblAdminSession? _session;
    private CmfblBodyEncryptor? _encryptor;

    public CmfblApiClient(
        IHttpClientFactory httpClientFactory, string httpClientName, CmfblOptions options, TimeProvider time, ILogger logger, ICmfblTokenStore? tokenStore = null)
    {
        _httpClientFactory = httpClientFactory;
        _httpClientName = httpClientName;
        _options = options;
        _time = time;
        _logger = logger;
        _managerBase = JoinBase(options.BaseUrl!, "openapi-b");
        _clientBase = string.IsNullOrWhiteSpace(options.ClientBaseUrl) ? null : JoinBase(options.ClientBaseUrl, "api");
        _tokenStore = tokenStore ?? new CmfblMemoryTokenStore(time);
        _tokenStoreKey = CmfblTokenStoreKey.For(_managerBase, options.CompanyId ?? string.Empty, options.AppId ?? string.Empty);
    }

    public bool HasClientApi => _clientBase is not null;

    /// <summary>Calls a Manager API operation with the admin token and returns the envelope's <c>data</c>.</summary>
    public async Task<(JToken? Data, HttpStatusCode Status, ProviderCall Call)> PostAdminAsync(string bizType, object body, bool isWrite, CancellationToken cancellationToken)
    {
        var answer = await PostAdminAsync<JToken>(bizType, body, isWrite, cancellationToken).ConfigureAwait(false);
        return (answer.Value ?? answer.Tree, answer.Status, answer.Call);
    }

    /// <summary>Calls a Manager API operation with the admin token and returns the envelope's <c>data</c>, read as <typeparamref name="T"/>.</summary>
    public async Task<CmfblAnswer<T>> PostAdminAsync<T>(string bizType, object body, bool isWrite, CancellationToken cancellationToken)
        where T : class
    {
        // The usable session is taken without an asynchronous call (the common case); renewal goes through the gate.
        var current = Volatile.Read(ref _session);
        var session = IsUsable(current, stale: null) ? current! : await GetSessionAsync(stale: null, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendAdminAsync<T>(bizType, body, session, isWrite, cancellationToken).ConfigureAwait(false);
        }
        catch (UserRegistryException ex) when (ex.ProviderCode is not null && CmfblErrorTable.TokenExpiredCodes.Contains(ex.ProviderCode))
        {
            // The gateway refuses an expired token before the operation runs, so replaying a write is safe.
            CmfblLog.TokenExpired(_logger, bizType, ex.TraceId ?? string.Empty, ex.ProviderCode);
            session = await GetSessionAsync(session, cancellationToken).ConfigureAwait(false);
            return await SendAdminAsync<T>(bizType, body, session, isWrite, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Calls the Client API's login (no admin token; never encrypted) and returns the envelope's <c>data</c>.</summary>
    public Task<CmfblAnswer<CmfblCustomer>> PostLoginAsync(CmfblLoginRequest body, CancellationToken cancellationToken) =>
        PostClientAsync<CmfblCustomer>(new CmfblClientRequest("login/" + LoginBizType, LoginBizType, IsWrite: false), body, cancellationToken);

    /// <summary>
    /// Calls a Client API operation (never encrypted, no admin token: the customer's token when the request has one)
    /// and returns the envelope's <c>data</c>, read as <typeparamref name="T"/>.
    /// </summary>
    public async Task<CmfblAnswer<T>> PostClientAsync<T>(CmfblClientRequest request, object body, CancellationToken cancellationToken)
        where T : class
    {
        var url = _clientBase + "/" + request.Path;
        var trace = NewTrace(encrypted: false);
        var call = new ProviderCall(ProviderName, request.Operation, trace, request.IsWrite);
        return await SendAsync<T>(url, WireJson.Serialize(body), trace, request.Token, call, cancellationToken, client: request).ConfigureAwait(false);
    }

    public static T ReadData<T>(JToken? data, HttpStatusCode status, ProviderCall call)
        where T : class
    {
        if (data is null || data.Type == JTokenType.Null)
        {
            throw ProviderErrors.Protocol(call, "the answer reports success but carries no data.", status);
        }

        try
        {
            return data.ToObject<T>(WireJson.Serializer)
                ?? throw ProviderErrors.Protocol(call, "the answer's data is empty.", status);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw ProviderErrors.Protocol(call, $"the answer's data does not have the expected shape ({ex.GetType().Name}).", status, ex);
        }
    }

    public void Dispose()
    {
        _authGate.Dispose();
        _encryptor?.Dispose();
    }

    internal static string JoinBase(string baseUrl, string apiSegment)
    {
        var trimmed = baseUrl.Trim().TrimEnd('/');
        return trimmed.EndsWith("/" + apiSegment, StringComparison.OrdinalIgnoreCase) ? trimmed : trimmed + "/" + apiSegment;
    }

    private async Task<CmfblAnswer<T>> SendAdminAsync<T>(
        string bizType, object body, CmfblAdminSession session, bool isWrite, CancellationToken cancellationToken)
        where T : class
    {
        var url = _managerBase + "/" + bizType;
        var encrypted = _options.Encryption == CmfblEncryption.Rsa;
        var trace = NewTrace(encrypted);
        var call = new ProviderCall(ProviderName, bizType, trace, isWrite);
        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
        string json;
        string? plainJson = null;
        if (encrypted)
        {
            plainJson = CmfblSignature.SignedJson(body, timestamp);
            string sealedData;
            try
            {
                sealedData = GetEncryptor(session, call).Encrypt(plainJson);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw ProviderErrors.Create(call, UserRegistryErrorKind.ProtocolError, "the body could not be encrypted with the company key.", ex);
            }

            // Base64 and commas need no escaping: the same text as a JObject {"data": …} would write.
            json = "{\"data\":\"" + sealedData + "\"}";
        }
        else
        {
            json = WireJson.Serialize(body);
        }

        return await SendAsync<T>(url, json, trace, session.Token, call, cancellationToken, timestamp, plainJson).ConfigureAwait(false);
    }

    // plainJson: the body before it was sealed, when it was; the provider decrypts it and may repeat it.
    // client: the Client API call's own headers; none for the Manager API.
    private async Task<CmfblAnswer<T>> SendAsync<T>(
        string url, string json, string trace, string? token, ProviderCall call, CancellationToken cancellationToken,
        long? timestamp = null, string? plainJson = null, CmfblClientRequest? client = null)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("trace", trace);
        if (token is not null)
        {
            headers.TryAddWithoutValidation(TokenHeader, token);
        }

        if (client?.SendVersion != false)
        {
            headers.TryAddWithoutValidation("version", _options.Version);
        }

        headers.TryAddWithoutValidation("companyId", client?.CompanyId ?? _options.CompanyId);
        headers.TryAddWithoutValidation("lang", _options.Lang);
        headers.TryAddWithoutValidation("timestamp", (timestamp ?? _time.GetUtcNow().ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture));
        if (client?.ForwardedFor is { } forwardedFor)
        {
            headers.TryAddWithoutValidation(CmfblClientRequest.ForwardedForHeader, forwardedFor);
        }

        // The clock is read only for a log line that will be written (reading it is not free everywhere).
        var timed = _logger.IsEnabled(LogLevel.Debug);
        var started = timed ? Stopwatch.GetTimestamp() : 0;
        ProviderResponse response;
        try
        {
            var httpClient = _httpClientFactory.CreateClient(_httpClientName);
            response = await ProviderTransport.SendAsync(httpClient, request, call, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (UserRegistryException ex)
        {
            CmfblLog.Failed(_logger, call.Operation, call.TraceId, ex.Kind, ex.ProviderCode);
            throw;
        }

        if (timed)
        {
            CmfblLog.Answered(_logger, call.Operation, trace, (int)response.Status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // The common case, a success with data of the expected shape, is read straight into its type; everything
        // else (failures, no data, other shapes) is interpreted from the JSON tree.
        if (response.IsSuccessStatus
            && response.TryRead<CmfblSuccess<T>>(out var success)
            && success.Code == CmfblEnvelope.SuccessCode
            && success.Data is { } value
            && value is not JToken { Type: JTokenType.Null })
        {
            return new CmfblAnswer<T>(value, null, response.Status, call);
        }

        try
        {
            return new CmfblAnswer<T>(null, Interpret(response, call), response.Status, call);
        }
        catch (UserRegistryException ex)
        {
            // The answer's message may repeat the MD5 password, the app secret or the token this request carried.
            var clean = ProviderEchoes.Without(ex, [token, .. ProviderEchoes.SecretsIn(json), .. ProviderEchoes.SecretsIn(plainJson)]);
            if (ReferenceEquals(clean, ex))
            {
                throw;
            }

            throw clean;
        }
    }

    private JToken? Interpret(ProviderResponse response, ProviderCall call)
    {
        if (response.Status == HttpStatusCode.TooManyRequests)
        {
            throw Logged(call, ProviderErrors.FromStatus(call, response.Status, response.RetryAfter));
        }

        JToken body;
        try
        {
            body = response.Body;
        }
        catch (UserRegistryException ex)
        {
            throw Logged(call, ex);
        }

        var envelope = CmfblEnvelope.TryRead(body);
        if (envelope is null)
        {
            throw Logged(call, response.IsSuccessStatus
                ? ProviderErrors.Protocol(call, "the answer is not a CMFBL envelope (no string 'code').", response.Status)
                : ProviderErrors.FromStatus(call, response.Status, response.RetryAfter));
        }

        if (envelope.IsSuccess)
        {
            if (!response.IsSuccessStatus)
            {
                throw Logged(call, ProviderErrors.FromStatus(call, response.Status, response.RetryAfter));
            }

            return envelope.Data;
        }

        var kind = CmfblErrorTable.Table.Classify(envelope.Code, envelope.Msg);
        if (kind == UserRegistryErrorKind.Unknown && !response.IsSuccessStatus)
        {
            kind = ProviderErrors.FromStatus(call, response.Status, response.RetryAfter).Kind;
        }

        if (!CmfblErrorTable.RefusedBeforeDispatch.Contains(envelope.Code ?? string.Empty))
        {
            kind = ProviderErrors.ForWrite(call, kind);
        }

        var field = CmfblErrorTable.FieldOf(envelope.Code);
        var error = ProviderErrors.Create(
            call,
            kind,
            $"CMFBL answered {envelope.Code}: {envelope.Msg}",
            status: response.Status,
            providerCode: envelope.Code,
            providerMessage: envelope.Msg,
            traceId: envelope.Trace ?? call.TraceId,
            retryAfter: response.RetryAfter,
            fieldErrors: field is null ? null : [new FieldError(field, envelope.Msg ?? envelope.Code ?? "refused by CMFBL.")]);

        throw Logged(call, error);
    }

    private UserRegistryException Logged(ProviderCall call, UserRegistryException error)
    {
        CmfblLog.Failed(_logger, call.Operation, error.TraceId, error.Kind, error.ProviderCode);
        return error;
    }

    private async Task<CmfblAdminSession> GetSessionAsync(CmfblAdminSession? stale, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _session);
        if (IsUsable(current, stale))
        {
            return current!;
        }

        await _authGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever waited behind the first caller finds the new session here and does not authenticate again.
            current = _session;
            if (IsUsable(current, stale))
            {
                return current!;
            }

            // Another registry or application instance sharing the store may have renewed the token already: use
            // its token unless it is the very one that just expired here.
            var stored = await ReadStoreAsync(cancellationToken).ConfigureAwait(false);
            if (stored is not null
                && !string.Equals(stored.Token, stale?.Token, StringComparison.Ordinal)
                && stored.ExpiresAt > _time.GetUtcNow())
            {
                current = new CmfblAdminSession(stored);
                Volatile.Write(ref _session, current);
                CmfblLog.TokenFromStore(_logger, _options.CompanyId ?? string.Empty);
                return current;
            }

            current = await AuthenticateAdminAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _session, current);
            await WriteStoreAsync(current.Stored, cancellationToken).ConfigureAwait(false);
            return current;
        }
        finally
        {
            _authGate.Release();
        }
    }

    /// <summary>
    /// A session is used until a call reports it expired (<paramref name="stale"/>, compared by reference so that a
    /// renewal answering the same token string still counts as new) or until its lifetime ends.
    /// </summary>
    private bool IsUsable(CmfblAdminSession? session, CmfblAdminSession? stale) =>
        session is not null && !ReferenceEquals(session, stale) && session.ExpiresAt > _time.GetUtcNow();

    private async Task<CmfblStoredToken?> ReadStoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _tokenStore.GetAsync(_tokenStoreKey, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A broken store must not stop the registry: it authenticates as if the store were empty.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CmfblLog.TokenStoreFailed(_logger, _tokenStore.GetType().Name, "read", _options.CompanyId ?? string.Empty, ex.GetType().Name);
            return null;
        }
    }

    private async Task WriteStoreAsync(CmfblStoredToken token, CancellationToken cancellationToken)
    {
        try
        {
            await _tokenStore.SetAsync(_tokenStoreKey, token, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The new token is kept in this client; only sharing it failed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CmfblLog.TokenStoreFailed(_logger, _tokenStore.GetType().Name, "write", _options.CompanyId ?? string.Empty, ex.GetType().Name);
        }
    }

    private async Task<CmfblAdminSession> AuthenticateAdminAsync(CancellationToken cancellationToken)
    {
        var url = _managerBase + "/auth/" + AuthBizType;
        var trace = NewTrace(encrypted: false);
        var call = new ProviderCall(ProviderName, AuthBizType, trace, IsWrite: false);
        var body = new CmfblAuthRequest { AppId = _options.AppId!, AppSecret = _options.AppSecret! };
        var answer = await SendAsync<JToken>(url, WireJson.Serialize(body), trace, token: null, call, cancellationToken).ConfigureAwait(false);
        var (data, status) = (answer.Value ?? answer.Tree, answer.Status);
        var auth = ReadData<CmfblAuthData>(data, status, call);
        if (data!["token"]?.Type != JTokenType.String || string.IsNullOrWhiteSpace(auth.Token))
        {
            throw ProviderErrors.Protocol(call, "the authentication answer carries no token.", status);
        }

        CmfblLog.Authenticated(_logger, _options.CompanyId ?? string.Empty);
        var obtainedAt = _time.GetUtcNow();
        return new CmfblAdminSession(new CmfblStoredToken(auth.Token, auth.PublicKey, obtainedAt, obtainedAt + _options.AdminTokenLifetime));
    }

    private CmfblBodyEncryptor GetEncryptor(CmfblAdminSession session, ProviderCall call)
    {
        var key = string.IsNullOrWhiteSpace(_options.PublicKey) ? session.PublicKey : _options.PublicKey;
        if (key is null)
        {
            throw ProviderErrors.Create(call, UserRegistryErrorKind.ProtocolError,
                "Encryption is Rsa but no public key is configured and authentication returned none.");
        }

        lock (_encryptorLock)
        {
            if (_encryptor is null || !string.Equals(_encryptor.PublicKey, key, StringComparison.Ordinal))
            {
                try
                {
                    // The previous encryptor is not disposed: a concurrent call may still be using it.
                    _encryptor = new CmfblBodyEncryptor(key);
                }
                catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
                {
                    throw ProviderErrors.Create(call, UserRegistryErrorKind.ProtocolError, "the company public key is not a usable RSA public key (PEM or base64 SubjectPublicKeyInfo, at least 1024 bits).", ex);
                }
            }

            return _encryptor;
        }
    }

    private static string NewTrace(bool encrypted) => CmfblTraceHeader.New(encrypted);
}
