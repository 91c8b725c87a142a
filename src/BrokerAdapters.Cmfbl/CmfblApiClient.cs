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
/// </summary>
internal sealed class CmfblApiClient : IDisposable
{
    public const string ProviderName = "Cmfbl";
    public const string AuthBizType = "admin.admin.CompanyAuthDubboService.auth";
    public const string LoginBizType = "customer.app.CustomerWebApiService.login";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly string _httpClientName;
    private readonly CmfblOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _authGate = new(1, 1);
    private readonly Lock _encryptorLock = new();
    private readonly string _managerBase;
    private readonly string? _clientBase;
    private CmfblAdminSession? _session;
    private CmfblBodyEncryptor? _encryptor;

    public CmfblApiClient(IHttpClientFactory httpClientFactory, string httpClientName, CmfblOptions options, TimeProvider time, ILogger logger)
    {
        _httpClientFactory = httpClientFactory;
        _httpClientName = httpClientName;
        _options = options;
        _time = time;
        _logger = logger;
        _managerBase = JoinBase(options.BaseUrl!, "openapi-b");
        _clientBase = string.IsNullOrWhiteSpace(options.ClientBaseUrl) ? null : JoinBase(options.ClientBaseUrl, "api");
    }

    public bool HasClientApi => _clientBase is not null;

    /// <summary>Calls a Manager API operation with the admin token and returns the envelope's <c>data</c>.</summary>
    public async Task<(JToken? Data, HttpStatusCode Status, ProviderCall Call)> PostAdminAsync(string bizType, object body, bool isWrite, CancellationToken cancellationToken)
    {
        var session = await GetSessionAsync(stale: null, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendAdminAsync(bizType, body, session, isWrite, cancellationToken).ConfigureAwait(false);
        }
        catch (UserRegistryException ex) when (ex.ProviderCode is not null && CmfblErrorTable.TokenExpiredCodes.Contains(ex.ProviderCode))
        {
            // The gateway refuses an expired token before the operation runs, so replaying a write is safe.
            CmfblLog.TokenExpired(_logger, bizType, ex.TraceId ?? string.Empty, ex.ProviderCode);
            session = await GetSessionAsync(session, cancellationToken).ConfigureAwait(false);
            return await SendAdminAsync(bizType, body, session, isWrite, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Calls the Client API's login (no admin token; never encrypted) and returns the envelope's <c>data</c>.</summary>
    public async Task<(JToken? Data, HttpStatusCode Status, ProviderCall Call)> PostLoginAsync(CmfblLoginRequest body, CancellationToken cancellationToken)
    {
        var url = _clientBase + "/login/" + LoginBizType;
        var trace = NewTrace(encrypted: false);
        var call = new ProviderCall(ProviderName, LoginBizType, trace, IsWrite: false);
        return await SendAsync(url, WireJson.Serialize(body), trace, token: null, call, cancellationToken).ConfigureAwait(false);
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

    private async Task<(JToken? Data, HttpStatusCode Status, ProviderCall Call)> SendAdminAsync(
        string bizType, object body, CmfblAdminSession session, bool isWrite, CancellationToken cancellationToken)
    {
        var url = _managerBase + "/" + bizType;
        var encrypted = _options.Encryption == CmfblEncryption.Rsa;
        var trace = NewTrace(encrypted);
        var call = new ProviderCall(ProviderName, bizType, trace, isWrite);
        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
        string json;
        if (encrypted)
        {
            var obj = JObject.FromObject(body, WireJson.Serializer);
            CmfblSignature.Sign(obj, timestamp);
            string sealedData;
            try
            {
                sealedData = GetEncryptor(session, call).Encrypt(obj.ToString(Formatting.None));
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw ProviderErrors.Create(call, UserRegistryErrorKind.ProtocolError, "the body could not be encrypted with the company key.", ex);
            }

            var sealedBody = new JObject { ["data"] = sealedData };
            json = sealedBody.ToString(Formatting.None);
        }
        else
        {
            json = WireJson.Serialize(body);
        }

        return await SendAsync(url, json, trace, session.Token, call, cancellationToken, timestamp).ConfigureAwait(false);
    }

    private async Task<(JToken? Data, HttpStatusCode Status, ProviderCall Call)> SendAsync(
        string url, string json, string trace, string? token, ProviderCall call, CancellationToken cancellationToken, long? timestamp = null)
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
            headers.TryAddWithoutValidation("token", token);
        }

        headers.TryAddWithoutValidation("version", _options.Version);
        headers.TryAddWithoutValidation("companyId", _options.CompanyId);
        headers.TryAddWithoutValidation("lang", _options.Lang);
        headers.TryAddWithoutValidation("timestamp", (timestamp ?? _time.GetUtcNow().ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture));

        var started = Stopwatch.GetTimestamp();
        ProviderResponse response;
        try
        {
            var client = _httpClientFactory.CreateClient(_httpClientName);
            response = await ProviderTransport.SendAsync(client, request, call, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (UserRegistryException ex)
        {
            CmfblLog.Failed(_logger, call.Operation, call.TraceId, ex.Kind, ex.ProviderCode);
            throw;
        }

        CmfblLog.Answered(_logger, call.Operation, trace, (int)response.Status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return (Interpret(response, call), response.Status, call);
    }

    private JToken? Interpret(ProviderResponse response, ProviderCall call)
    {
        if (response.Status == HttpStatusCode.TooManyRequests)
        {
            throw Logged(call, ProviderErrors.FromStatus(call, response.Status, response.RetryAfter));
        }

        var envelope = CmfblEnvelope.TryRead(response.Body);
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
            retryAfter: response.RetryAfter);
        if (field is not null)
        {
            error = new UserRegistryException(error.Kind, error.Message)
            {
                Provider = error.Provider,
                ProviderCode = error.ProviderCode,
                ProviderMessage = error.ProviderMessage,
                TraceId = error.TraceId,
                HttpStatus = error.HttpStatus,
                RetryAfter = error.RetryAfter,
                FieldErrors = [new FieldError(field, envelope.Msg ?? envelope.Code ?? "refused by CMFBL.")],
            };
        }

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
        if (current is not null && !ReferenceEquals(current, stale))
        {
            return current;
        }

        await _authGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever waited behind the first caller finds the new session here and does not authenticate again.
            current = _session;
            if (current is not null && !ReferenceEquals(current, stale))
            {
                return current;
            }

            current = await AuthenticateAdminAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _session, current);
            return current;
        }
        finally
        {
            _authGate.Release();
        }
    }

    private async Task<CmfblAdminSession> AuthenticateAdminAsync(CancellationToken cancellationToken)
    {
        var url = _managerBase + "/auth/" + AuthBizType;
        var trace = NewTrace(encrypted: false);
        var call = new ProviderCall(ProviderName, AuthBizType, trace, IsWrite: false);
        var body = new CmfblAuthRequest { AppId = _options.AppId!, AppSecret = _options.AppSecret! };
        var (data, status, _) = await SendAsync(url, WireJson.Serialize(body), trace, token: null, call, cancellationToken).ConfigureAwait(false);
        var auth = ReadData<CmfblAuthData>(data, status, call);
        if (data!["token"]?.Type != JTokenType.String || string.IsNullOrWhiteSpace(auth.Token))
        {
            throw ProviderErrors.Protocol(call, "the authentication answer carries no token.", status);
        }

        CmfblLog.Authenticated(_logger, _options.CompanyId ?? string.Empty);
        return new CmfblAdminSession(auth.Token, string.IsNullOrWhiteSpace(auth.PublicKey) ? null : auth.PublicKey);
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

    private static string NewTrace(bool encrypted) => (encrypted ? "x-" : "t-") + Guid.NewGuid().ToString("N");
}
