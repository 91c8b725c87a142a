using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Testing;

/// <summary>
/// An in-memory MC-CRM: <c>…/openapi/v1/user/signup</c> (the password decrypted with the merchant's private key)
/// and <c>…/openapi/v1/user/query/uid</c>, behind the <c>token</c> header, answering with either documented
/// envelope. Phone, email and user id are unique; a configured rate limit answers 429.
/// </summary>
/// <example>
/// <code>
/// var emulator = new McCrmEmulator();
/// services.AddUserRegistry(new ConfigurationBuilder().AddInMemoryCollection(emulator.ToConfiguration()).Build().GetSection("UserRegistry"))
///     .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler));
/// </code>
/// </example>
public sealed class McCrmEmulator : ProviderEmulator
{
    /// <summary>The base URL <see cref="ToConfiguration"/> uses by default; any host reaches the emulator in memory.</summary>
    public const string DefaultBaseUrl = "https://mccrm.emulator/mc-crm/";

    internal const string SignupOperation = "user/signup";
    internal const string QueryUidOperation = "user/query/uid";

    private const string ApiMarker = "/openapi/v1/";
    private const int PasswordMaxLength = 20;

    private static readonly (string Field, int Max)[] Limits =
    [
        ("userId", 64), ("userName", 50), ("email", 100), ("phoneNumber", 20), ("address", 255), ("city", 50), ("postalCode", 20),
    ];

    private readonly McCrmEmulatorOptions _options;
    private readonly RSA _key;
    private readonly List<McCrmEmulatedUser> _users = [];
    private readonly Lock _lock = new();
    private long _nextId = 139001;
    private long _nextBizCode = 98200001;

    /// <summary>Creates an emulator with a fresh merchant key pair and token.</summary>
    /// <param name="options">How it behaves; defaults when <see langword="null"/>.</param>
    public McCrmEmulator(McCrmEmulatorOptions? options = null)
        : base(options?.TimeProvider)
    {
        // A copy: the emulator's own settings (EnvelopeStyle can change later) never write back into the caller's object.
        var given = options ?? new McCrmEmulatorOptions();
        _options = new McCrmEmulatorOptions
        {
            TimeProvider = given.TimeProvider,
            Token = given.Token,
            BizName = given.BizName,
            KeySize = given.KeySize,
            Padding = given.Padding,
            EnvelopeStyle = given.EnvelopeStyle,
            RateLimitPerMinute = given.RateLimitPerMinute,
        };
        RateLimitPerMinute = _options.RateLimitPerMinute;
        Token = _options.Token ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _key = RSA.Create(_options.KeySize);
        PublicKey = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>Gets the merchant token clients must send in the <c>token</c> header.</summary>
    public string Token { get; }

    /// <summary>Gets the merchant public key as base64 SubjectPublicKeyInfo.</summary>
    public string PublicKey { get; }

    /// <summary>Gets the merchant public key as PEM.</summary>
    public string PublicKeyPem { get; }

    /// <summary>Gets the merchant's business name.</summary>
    public string BizName => _options.BizName;

    /// <summary>Gets or sets which envelope the emulator answers with.</summary>
    public McCrmEnvelopeStyle EnvelopeStyle
    {
        get => _options.EnvelopeStyle;
        set => _options.EnvelopeStyle = value;
    }

    /// <summary>Gets the users, in creation order.</summary>
    public IReadOnlyList<McCrmEmulatedUser> Users
    {
        get
        {
            lock (_lock)
            {
                return _users.ToArray();
            }
        }
    }

    /// <summary>Stores a user directly, as if signed up earlier (no request is recorded).</summary>
    /// <param name="customer">The customer; needs a password and an email or phone.</param>
    /// <returns>The stored user.</returns>
    /// <exception cref="InvalidOperationException">The phone, email or user id is taken.</exception>
    public McCrmEmulatedUser Seed(NewCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentException.ThrowIfNullOrEmpty(customer.Password);
        lock (_lock)
        {
            var prefix = customer.Phone?.CountryCodeDigits;
            if (Conflict(prefix, customer.Phone?.Number, customer.Email, customer.ExternalId) is { } taken)
            {
                throw new InvalidOperationException($"The emulator already has a user with that {taken}.");
            }

            return Create(customer.Password, customer.ExternalId, customer.Name?.Formatted, customer.Email, prefix, customer.Phone?.Number,
                customer.Country, customer.TimeZone, customer.ClientIp, customer.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                customer.Address?.Line, customer.Address?.City, customer.Address?.PostalCode);
        }
    }

    /// <summary>The settings that point a registry section at this emulator served at <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">Where the emulator is reachable, including the <c>/mc-crm/</c> prefix.</param>
    /// <param name="section">The registry's section, e.g. <c>UserRegistry</c>.</param>
    /// <returns>Configuration keys and values, for <c>AddInMemoryCollection</c>.</returns>
    public IReadOnlyDictionary<string, string?> ToConfiguration(string baseUrl = DefaultBaseUrl, string section = "UserRegistry")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        var padding = _options.Padding == RSAEncryptionPadding.OaepSHA1 ? "OaepSha1"
            : _options.Padding == RSAEncryptionPadding.OaepSHA256 ? "OaepSha256"
            : _options.Padding == RSAEncryptionPadding.Pkcs1 ? "Pkcs1"
            : throw new InvalidOperationException($"The library has no setting for the padding {_options.Padding}; use PKCS#1, OAEP-SHA1 or OAEP-SHA256.");
        return new Dictionary<string, string?>
        {
            [section + ":Provider"] = "McCrm",
            [section + ":McCrm:BaseUrl"] = baseUrl,
            [section + ":McCrm:Token"] = Token,
            [section + ":McCrm:PublicKey"] = PublicKey,
            [section + ":McCrm:Padding"] = padding,
            [section + ":McCrm:BizName"] = BizName,

            // The emulator is local: retry after milliseconds, not seconds.
            [section + ":McCrm:Resilience:RetryDelay"] = "00:00:00.005",
            [section + ":McCrm:Resilience:MaxRetryDelay"] = "00:00:00.050",
        };
    }

    private protected override string? ResolveOperation(string path)
    {
        var at = path.IndexOf(ApiMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var operation = path[(at + ApiMarker.Length)..].TrimEnd('/');
        return operation is SignupOperation or QueryUidOperation ? operation : null;
    }

    private protected override string RateLimitScope(EmulatorCall call) => "merchant";

    private protected override EmulatorResponse Error(EmulatorCall call, string code, string message, HttpStatusCode status = HttpStatusCode.OK) =>
        EmulatorResponse.Json(Envelope(code, message, "null"), status, code);

    private protected override string SuccessJson(EmulatorCall call, string dataJson) => Envelope(SuccessCode, "ok", dataJson);

    private protected override Task<EmulatorResponse> DispatchAsync(EmulatorCall call, CancellationToken cancellationToken)
    {
        if (call.Method != HttpMethod.Post)
        {
            return Task.FromResult(Error(call, "405", "method not allowed", HttpStatusCode.MethodNotAllowed));
        }

        var token = call.Header("token");
        if (token is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(Token)))
        {
            return Task.FromResult(Error(call, "401", "invalid token", HttpStatusCode.Unauthorized));
        }

        JObject? body;
        try
        {
            body = JToken.Parse(call.Body) as JObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return Task.FromResult(Error(call, "303", "request body is not a JSON object"));
        }

        return Task.FromResult(call.Operation == SignupOperation ? Signup(call, body) : QueryUid(call, body));
    }

    private EmulatorResponse Signup(EmulatorCall call, JObject body)
    {
        if (!string.Equals(Text(body, "bizName"), BizName, StringComparison.Ordinal))
        {
            return Error(call, "303", "bizName is invalid");
        }

        var cipher = Text(body, "password");
        if (cipher is null)
        {
            return Error(call, "303", "password is required");
        }

        string password;
        try
        {
            password = Encoding.UTF8.GetString(_key.Decrypt(Convert.FromBase64String(cipher), _options.Padding));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return Error(call, "303", "password could not be decrypted");
        }

        if (password.Length is 0 or > PasswordMaxLength)
        {
            return Error(call, "303", $"password must be 1 to {PasswordMaxLength} characters");
        }

        foreach (var (field, max) in Limits)
        {
            if (Text(body, field) is { } value && value.Length > max)
            {
                return Error(call, "303", $"{field} must be at most {max} characters");
            }
        }

        var email = Text(body, "email");
        var prefix = Text(body, "phoneNumberPrefix")?.TrimStart('+');
        var phone = Text(body, "phoneNumber");
        if (email is null && phone is null)
        {
            return Error(call, "303", "email or phoneNumber is required");
        }

        lock (_lock)
        {
            if (Conflict(prefix, phone, email, Text(body, "userId")) is { } taken)
            {
                return Error(call, "303", $"{taken} already exists");
            }

            var user = Create(password, Text(body, "userId"), Text(body, "userName"), email, prefix, phone, Text(body, "countryIds"),
                Text(body, "timeZone"), Text(body, "ip"), Text(body, "dateOfBirth"), Text(body, "address"), Text(body, "city"), Text(body, "postalCode"));
            return EmulatorResponse.Json(Envelope(SuccessCode, "ok", ToJson(user).ToString(Formatting.None)));
        }
    }

    private EmulatorResponse QueryUid(EmulatorCall call, JObject body)
    {
        var uid = Text(body, "uid");
        if (uid is null)
        {
            return Error(call, "303", "uid is required");
        }

        McCrmEmulatedUser? user;
        lock (_lock)
        {
            user = _users.FirstOrDefault(u => u.Uid == uid);
        }

        return EmulatorResponse.Json(Envelope(SuccessCode, "ok", user is null ? "null" : ToJson(user).ToString(Formatting.None)));
    }

    /// <summary>Which unique field a new user would duplicate; call under the lock.</summary>
    private string? Conflict(string? prefix, string? phone, string? email, string? userId)
    {
        if (phone is not null && _users.Any(u => u.PhoneNumber == phone && u.PhoneNumberPrefix == prefix))
        {
            return "phone number";
        }

        if (email is not null && _users.Any(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            return "email";
        }

        return userId is not null && _users.Any(u => u.UserId == userId) ? "user" : null;
    }

    private McCrmEmulatedUser Create(
        string password, string? userId, string? userName, string? email, string? prefix, string? phone, string? country,
        string? timeZone, string? ip, string? dateOfBirth, string? address, string? city, string? postalCode)
    {
        var user = new McCrmEmulatedUser(_nextId++, Guid.NewGuid().ToString("N"), (_nextBizCode++).ToString(CultureInfo.InvariantCulture), password)
        {
            UserId = userId,
            UserName = userName,
            Email = email,
            PhoneNumberPrefix = prefix,
            PhoneNumber = phone,
            CountryId = country,
            TimeZone = timeZone,
            RegisterIp = ip,
            DateOfBirth = dateOfBirth,
            Address = address,
            City = city,
            PostalCode = postalCode,
            CreatedAt = TimeProvider.GetUtcNow(),
        };
        _users.Add(user);
        return user;
    }

    private JObject ToJson(McCrmEmulatedUser u)
    {
        var created = LocalDateTime(u.CreatedAt);
        return new JObject
        {
            ["id"] = u.Id,
            ["uid"] = u.Uid,
            ["bizCode"] = u.BizCode,
            ["bizName"] = BizName,
            ["identificationLevel"] = null,
            ["nickname"] = Nickname(u),
            ["phoneNumberPrefix"] = u.PhoneNumberPrefix is { } p && int.TryParse(p, out var prefix) ? prefix : null,
            ["phoneNumber"] = u.PhoneNumber,
            ["email"] = u.Email,
            ["loginType"] = u.PhoneNumber is null ? "2" : "1",
            ["registerType"] = u.PhoneNumber is null ? "2" : "1",
            ["password"] = u.PasswordDigest,
            ["birthday"] = u.DateOfBirth,
            ["countryId"] = u.CountryId,
            ["country"] = CountryName(u.CountryId),
            ["surname"] = null,
            ["middleName"] = null,
            ["givenName"] = null,
            ["fullName"] = u.UserName,
            ["city"] = u.City,
            ["address"] = u.Address,
            ["postalCode"] = u.PostalCode,
            ["street"] = null,
            ["houseNumber"] = null,
            ["timeZone"] = u.TimeZone,
            ["createTime"] = created,
            ["updateTime"] = created,
            ["openAccountTime"] = null,
            ["status"] = u.Status,
            ["registerIp"] = u.RegisterIp,
            ["lastLoginIp"] = u.RegisterIp,
            ["lastLoginTime"] = null,
            ["registerSource"] = 0,
        };
    }

    /// <summary>Java <c>LocalDateTime</c> text in UTC with nanoseconds, as MC-CRM writes it.</summary>
    private static string LocalDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00";

    private static string Nickname(McCrmEmulatedUser u)
    {
        var source = u.PhoneNumber ?? u.Email ?? u.Uid;
        return source.Length <= 4 ? source : source[..2] + new string('*', source.Length - 4) + source[^2..];
    }

    private static string? CountryName(string? countryId)
    {
        if (countryId is null)
        {
            return null;
        }

        try
        {
            return new RegionInfo(countryId).EnglishName;
        }
        catch (ArgumentException)
        {
            return countryId;
        }
    }

    private string SuccessCode => EnvelopeStyle == McCrmEnvelopeStyle.StringCode ? "0" : "200";

    private string Envelope(string code, string message, string dataJson)
    {
        var envelope = new JObject();
        if (EnvelopeStyle == McCrmEnvelopeStyle.StringCode)
        {
            envelope["code"] = code;
        }
        else
        {
            envelope["code"] = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric : 500;
        }

        envelope["msg"] = message;
        envelope["data"] = JToken.Parse(dataJson);
        if (EnvelopeStyle == McCrmEnvelopeStyle.StringCode)
        {
            envelope["success"] = code == "0";
        }

        return envelope.ToString(Formatting.None);
    }

    private static string? Text(JObject body, string name) =>
        body[name] is JValue { Type: JTokenType.String or JTokenType.Integer } value && value.Value is not null
            ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null
            : null;
}
