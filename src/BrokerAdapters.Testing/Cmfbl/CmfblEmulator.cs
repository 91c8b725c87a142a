using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Testing;

/// <summary>
/// An in-memory CMFBL: the Manager API (<c>/openapi-b/…</c>: admin authentication, create customer, exists, page,
/// detail, group list, trading accounts; plain or signed and encrypted bodies) and the Client API (<c>/api/…</c>:
/// login, verification codes, self-registration, access key, switching between the real and the demo account,
/// demo reset), for several companies (white labels), each with its own credentials, key pair and customers. It
/// behaves as CMFBL documents: customer numbers are assigned, uniqueness is enforced with CMFBL's error codes, MD5
/// passwords are checked at login, admin tokens expire, verification codes are checked once and expire, every
/// customer has a real and a demo account (the demo one in the company's simulation side,
/// <see cref="CmfblEmulatedCompany.DemoCompanyId"/>), only a demo account can be reset, and a configured rate limit
/// answers 429 with CMFBL's headers.
/// </summary>
/// <example>
/// <code>
/// var emulator = new CmfblEmulator();
/// var company = emulator.AddCompany("360");
/// services.AddUserRegistry(new ConfigurationBuilder().AddInMemoryCollection(company.ToConfiguration()).Build().GetSection("UserRegistry"))
///     .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler));
/// </code>
/// </example>
public sealed partial class CmfblEmulator : ProviderEmulator
{
    /// <summary>The base URL <see cref="CmfblEmulatedCompany.ToConfiguration"/> uses by default; any host reaches the emulator in memory.</summary>
    public const string DefaultBaseUrl = "https://cmfbl.emulator";

    internal const string AuthOperation = "admin.admin.CompanyAuthDubboService.auth";
    internal const string CreateOperation = "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc";
    internal const string ExistsOperation = "customer.app.CustomerWebApiService.checkCustomerExist";
    internal const string PageOperation = "customer.admin.WhiteCustomerAdminApiService.page";
    internal const string DetailOperation = "customer.admin.WhiteCustomerAdminApiService.detail";
    internal const string GroupListOperation = "customer.admin.CustomerGroupAdminApiService.groupList";
    internal const string LoginOperation = "customer.app.CustomerWebApiService.login";
    internal const string AccountListOperation = "customer.admin.CustomerAdminApiService.queryAccountList";

    private const string ManagerPrefix = "/openapi-b/";
    private const string AuthPrefix = "/openapi-b/auth/";
    private const string LoginPrefix = "/api/login/";
    private const string ClientPrefix = "/api/";

    private static readonly string[] DetailSections = ["baseInfo", "tradeAccount", "kyc", "allKyc", "bankList", "walletList", "otherInfo"];

    private readonly CmfblEmulatorOptions _options;
    private readonly List<CmfblEmulatedCompany> _companies = [];
    private readonly Lock _companiesLock = new();
    private long _nextNumberBlock = 86000001;

    /// <summary>Creates an emulator with no company; add them with <see cref="AddCompany"/>.</summary>
    /// <param name="options">How it behaves; defaults when <see langword="null"/>.</param>
    public CmfblEmulator(CmfblEmulatorOptions? options = null)
        : base(options?.TimeProvider)
    {
        _options = options ?? new CmfblEmulatorOptions();
        RateLimitPerMinute = _options.RateLimitPerMinute;
    }

    /// <summary>Gets the companies served.</summary>
    public IReadOnlyList<CmfblEmulatedCompany> Companies
    {
        get
        {
            lock (_companiesLock)
            {
                return _companies.ToArray();
            }
        }
    }

    /// <summary>Adds a company (white label) with its own credentials, 1024-bit key pair and customer numbers.</summary>
    /// <param name="companyId">The id clients send in the <c>companyId</c> header.</param>
    /// <param name="appId">The app id; a random one when <see langword="null"/>.</param>
    /// <param name="appSecret">The app secret; a random one when <see langword="null"/>.</param>
    /// <returns>The company.</returns>
    public CmfblEmulatedCompany AddCompany(string companyId, string? appId = null, string? appSecret = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(companyId);
        lock (_companiesLock)
        {
            if (_companies.Any(c => c.CompanyId == companyId))
            {
                throw new InvalidOperationException($"Company {companyId} exists already.");
            }

            var company = new CmfblEmulatedCompany(
                companyId,
                appId ?? "app-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
                appSecret ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                _nextNumberBlock,
                1024,
                TimeProvider,
                _options.DemoInitialBalance);
            _nextNumberBlock += 1_000_000;
            _companies.Add(company);
            return company;
        }
    }

    /// <summary>Gets a company by id.</summary>
    /// <param name="companyId">The company id.</param>
    /// <returns>The company.</returns>
    /// <exception cref="KeyNotFoundException">No such company.</exception>
    public CmfblEmulatedCompany Company(string companyId) =>
        FindCompany(companyId) ?? throw new KeyNotFoundException($"The emulator has no company {companyId}.");

    private protected override string? ResolveOperation(string path)
    {
        if (path.StartsWith(AuthPrefix, StringComparison.Ordinal))
        {
            return path[AuthPrefix.Length..];
        }

        if (path.StartsWith(ManagerPrefix, StringComparison.Ordinal))
        {
            return path[ManagerPrefix.Length..];
        }

        return ResolveClientOperation(path);
    }

    private protected override string RateLimitScope(EmulatorCall call) => call.Header("companyId") ?? string.Empty;

    private protected override EmulatorResponse Error(EmulatorCall call, string code, string message, HttpStatusCode status = HttpStatusCode.OK) =>
        Refuse(call, code, message);

    private protected override string SuccessJson(EmulatorCall call, string dataJson) => Envelope(call, "0", "Success", dataJson);

    private protected override Task<EmulatorResponse> DispatchAsync(EmulatorCall call, CancellationToken cancellationToken)
    {
        if (call.Method != HttpMethod.Post)
        {
            return Task.FromResult(Error(call, "GGATEWAY_CODE_016", "The current interface does not support this request type"));
        }

        var companyId = call.Header("companyId");
        if (string.IsNullOrWhiteSpace(companyId))
        {
            return Task.FromResult(Error(call, "GGATEWAY_CODE_003", "Company ID cannot be null"));
        }

        var company = FindCompany(companyId);
        var demo = false;
        if (company is null && FindDemoCompany(companyId) is { } demoSide && call.Path.StartsWith(ClientPrefix, StringComparison.Ordinal))
        {
            // The simulation side serves the Client API only; its admin is not emulated.
            (company, demo) = (demoSide, true);
        }

        if (company is null)
        {
            return Task.FromResult(Error(call, "USCUSTOMER_API_0000111", "Company not exist, or suspended"));
        }

        if (call.Path.StartsWith(AuthPrefix, StringComparison.Ordinal))
        {
            return Task.FromResult(call.Operation == AuthOperation
                ? Authenticate(call, company)
                : Error(call, "GGATEWAY_CODE_002", "Invalid business type"));
        }

        if (call.Path.StartsWith(ClientPrefix, StringComparison.Ordinal))
        {
            return Task.FromResult(Client(call, company, demo));
        }

        return Task.FromResult(Manager(call, company));
    }

    private EmulatorResponse Manager(EmulatorCall call, CmfblEmulatedCompany company)
    {
        var token = call.Header("token");
        var guestAllowed = call.Operation == ExistsOperation;
        if (string.IsNullOrEmpty(token))
        {
            if (!guestAllowed)
            {
                return Error(call, "GGATEWAY_CODE_001", "TOKEN is null");
            }
        }
        else
        {
            switch (company.IsTokenValid(token))
            {
                case null when Companies.Any(c => c.IsTokenValid(token) is not null):
                    return Error(call, "GGATEWAY_CODE_019", "No access rights");
                case null:
                    return Error(call, "GGATEWAY_CODE_005", "Login info is expired, please login again");
                case false:
                    return Error(call, "GGATEWAY_CODE_017", "Login info is expired, please login again");
            }
        }

        JObject? body;
        var trace = call.Header("trace") ?? string.Empty;
        if (trace.StartsWith("x-", StringComparison.Ordinal))
        {
            var (decrypted, error) = Unseal(call, company);
            if (error is not null)
            {
                return error;
            }

            body = decrypted;
        }
        else
        {
            body = Parse(call.Body);
        }

        if (body is null)
        {
            return Error(call, "GGATEWAY_CODE_015", "The request parameter is invalid");
        }

        return call.Operation switch
        {
            CreateOperation => Create(call, company, body),
            ExistsOperation => Exists(call, company, body),
            PageOperation => Page(call, company, body),
            DetailOperation => Detail(call, company, body),
            GroupListOperation => GroupList(call, company),
            AccountListOperation => AccountList(call, company, body),
            _ => Error(call, "GGATEWAY_CODE_002", "Invalid business type"),
        };
    }

    private EmulatorResponse Authenticate(EmulatorCall call, CmfblEmulatedCompany company)
    {
        var body = Parse(call.Body);
        var appId = Text(body, "appId");
        var appSecret = Text(body, "appSecret");
        if (appId is null || appSecret is null)
        {
            return Error(call, "GGATEWAY_CODE_006", "Request params is null");
        }

        if (!string.Equals(appId, company.AppId, StringComparison.Ordinal)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(company.AppSecret)))
        {
            return Error(call, "GGATEWAY_CODE_101", "Invalid account info");
        }

        var data = new JObject
        {
            ["id"] = long.TryParse(company.CompanyId, out var id) ? id : 0,
            ["strId"] = company.CompanyId,
            ["appId"] = company.AppId,
            ["token"] = company.IssueToken(_options.TokenLifetime),
            ["publicKey"] = company.PublicKey,
            ["bizName"] = "Emulated company " + company.CompanyId,
            ["lang"] = "en-US",
            ["timezone"] = 8,
            ["status"] = 1,
            ["companyType"] = "real",
        };
        return Ok(call, data);
    }

    private static EmulatorResponse Create(EmulatorCall call, CmfblEmulatedCompany company, JObject body)
    {
        var phone = Text(body, "phone");
        var phoneArea = Text(body, "phoneArea") ?? "+86";
        var email = Text(body, "email");
        var pwd = Text(body, "pwd");
        var country = Text(body, "country");
        var third = Text(body, "thirdServerCode");
        var source = body["registerSource"]?.Type == JTokenType.Integer ? (int)body["registerSource"]! : 0;
        var groupId = body["customerGroupId"]?.Type == JTokenType.Integer ? (long)body["customerGroupId"]! : 0;

        if (string.IsNullOrEmpty(phone))
        {
            return Refuse(call, "USCUSTOMER_API_0000502", "Mobile number cannot be null");
        }

        if (!phone.All(char.IsAsciiDigit) || phone.Length is < 4 or > 20)
        {
            return Refuse(call, "USCUSTOMER_API_0000504", "Mobile number format is not correct");
        }

        if (email is not null && !EmailPattern().IsMatch(email))
        {
            return Refuse(call, "USCUSTOMER_API_0000510", "Email format is not correct");
        }

        if (string.IsNullOrEmpty(pwd))
        {
            return Refuse(call, "USCUSTOMER_API_0000125", "Password cannot be null");
        }

        // Passwords travel as MD5; a client that sends anything else (the plain password…) is refused.
        if (!IsMd5Hex(pwd))
        {
            return Refuse(call, "GGATEWAY_CODE_015", "The request parameter is invalid");
        }

        if (string.IsNullOrEmpty(country) || source is < 1 or > 9 || groupId <= 0)
        {
            return Refuse(call, "USCUSTOMER_API_0000501", "Mandatory param cannot be null");
        }

        if (country.Length != 2)
        {
            return Refuse(call, "USCUSTOMER_API_0001003", "The country you selected is not currently supported");
        }

        if (third is { Length: > 50 })
        {
            return Refuse(call, "GGATEWAY_CODE_015", "The request parameter is invalid");
        }

        var utm = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm" })
        {
            if (Text(body, name) is { } value)
            {
                utm[name] = value;
            }
        }

        lock (company.Sync)
        {
            if (company.GroupsUnsafe.All(g => g.Id != groupId))
            {
                return Refuse(call, "USCUSTOMER_API_0000301", "Client group info is not exist");
            }

            if (company.Conflict(phoneArea, phone, email, third) is { } conflict)
            {
                return Refuse(call, conflict, conflict switch
                {
                    "USCUSTOMER_API_0000106" => "Mobile number already exist",
                    "USCUSTOMER_API_0000107" => "Email exist already",
                    _ => "Client info exist already",
                });
            }

            var customer = company.Create(
                pwd.ToLowerInvariant(), phoneArea, phone, email, country, third, groupId, source, Text(body, "registerDevice"), utm, FirstTradeType(body));
            return Ok(call, customer.CustomerNo);
        }
    }

    private static EmulatorResponse Exists(EmulatorCall call, CmfblEmulatedCompany company, JObject body)
    {
        var type = body["type"]?.Type == JTokenType.Integer ? (int)body["type"]! : 0;
        var login = Text(body, "loginName");
        if (type is < 1 or > 3 || login is null)
        {
            return Refuse(call, "GGATEWAY_CODE_015", "The request parameter is invalid");
        }

        var found = FindByLogin(company, type, login, Text(body, "phoneArea")) is not null;
        return Ok(call, found ? 1 : 2);
    }

    private static EmulatorResponse Page(EmulatorCall call, CmfblEmulatedCompany company, JObject body)
    {
        var size = body["size"] is { Type: JTokenType.Integer or JTokenType.Float } s ? (int)(decimal)s : 20;
        var current = body["current"] is { Type: JTokenType.Integer or JTokenType.Float } c ? (int)(decimal)c : 1;
        if (size is < 1 or > 2000 || current < 1)
        {
            return Refuse(call, "GGATEWAY_CODE_015", "The request parameter is invalid");
        }

        var number = Text(body, "customerNo");
        CmfblEmulatedCustomer[] matching;
        lock (company.Sync)
        {
            matching = company.CustomersUnsafe.Where(x => number is null || x.CustomerNo == number).ToArray();
        }

        var records = new JArray(matching.Skip((current - 1) * size).Take(size).Select(x => PageRecord(company, x)));
        return Ok(call, new JObject
        {
            ["records"] = records,
            ["total"] = matching.Length,
            ["size"] = size,
            ["current"] = current,
            ["pages"] = (matching.Length + size - 1) / size,
        });
    }

    private static EmulatorResponse Detail(EmulatorCall call, CmfblEmulatedCompany company, JObject body)
    {
        var type = Text(body, "type");
        var id = Text(body, "id");
        var number = Text(body, "customerNo");
        if (type is null || !DetailSections.Contains(type) || id is null || number is null)
        {
            return Refuse(call, "GGATEWAY_CODE_015", "The request parameter is invalid");
        }

        CmfblEmulatedCustomer? customer;
        lock (company.Sync)
        {
            customer = company.CustomersUnsafe.FirstOrDefault(x => x.CustomerNo == number && x.Id.ToString(CultureInfo.InvariantCulture) == id);
        }

        if (customer is null)
        {
            return Refuse(call, "USCUSTOMER_API_0000003", "Data not exist");
        }

        JToken data = type switch
        {
            "baseInfo" => BaseInfo(company, customer),
            "tradeAccount" => new JObject { ["accountList"] = Accounts(company, customer) },
            "bankList" or "walletList" => new JArray(),
            _ => new JObject { ["customerId"] = customer.Id, ["customerNo"] = customer.CustomerNo },
        };
        return Ok(call, data);
    }

    private static EmulatorResponse GroupList(EmulatorCall call, CmfblEmulatedCompany company) =>
        Ok(call, new JArray(company.Groups.Select(g => new JObject
        {
            ["id"] = g.Id,
            ["name"] = g.Name,
            ["openAccountType"] = 0,
            ["type"] = 1,
            ["tradeType"] = g.TradeType,
            ["assets"] = g.Assets,
        })));

    /// <summary>Decrypts and verifies a signed, encrypted body.</summary>
    private (JObject? Body, EmulatorResponse? Error) Unseal(EmulatorCall call, CmfblEmulatedCompany company)
    {
        var outer = Parse(call.Body);
        if (outer?["data"] is not { Type: JTokenType.String } sealedData)
        {
            return (null, Error(call, "GGATEWAY_CODE_015", "The request parameter is invalid"));
        }

        string json;
        try
        {
            var plain = new StringBuilder();
            foreach (var segment in ((string)sealedData!).Split(','))
            {
                var bytes = company.PrivateKey.Decrypt(Convert.FromBase64String(segment), RSAEncryptionPadding.Pkcs1);
                plain.Append(Encoding.UTF8.GetString(bytes));
            }

            json = WebUtility.UrlDecode(plain.ToString());
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return (null, Error(call, "GGATEWAY_CODE_015", "The request parameter is invalid"));
        }

        call.Record = call.Record with { DecryptedBody = json };
        var body = Parse(json);
        if (body is null)
        {
            return (null, Error(call, "GGATEWAY_CODE_015", "The request parameter is invalid"));
        }

        var signature = Text(body, "signature");
        if (signature is null)
        {
            return (null, Error(call, "GGATEWAY_CODE_004", "Link sign cannot be null"));
        }

        if (!long.TryParse(call.Header("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return (null, Error(call, "GGATEWAY_CODE_009", "Head request cannot be null"));
        }

        if (_options.MaxClockSkew is { } skew && (TimeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(timestamp)).Duration() > skew)
        {
            return (null, Error(call, "GGATEWAY_CODE_014", "Request expired"));
        }

        if (!string.Equals(signature, ExpectedSignature(body, timestamp), StringComparison.Ordinal))
        {
            return (null, Error(call, "GGATEWAY_CODE_015", "The request parameter is invalid"));
        }

        return (body, null);
    }

    /// <summary>CMFBL's verification: <c>timestamp=TS</c>, then <c>&amp;k=v</c> for each non-empty string or number member in name order, MD5 upper-case.</summary>
    private static string ExpectedSignature(JObject body, long timestamp)
    {
        var text = new StringBuilder("timestamp=").Append(timestamp.ToString(CultureInfo.InvariantCulture));
        foreach (var member in body.Properties().Where(p => p.Name != "signature").OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var value = member.Value.Type switch
            {
                JTokenType.String => (string?)member.Value,
                JTokenType.Integer or JTokenType.Float => member.Value.ToString(Formatting.None),
                _ => null,
            };
            if (!string.IsNullOrEmpty(value))
            {
                text.Append('&').Append(member.Name).Append('=').Append(value);
            }
        }

#pragma warning disable CA5351 // CMFBL's signature is MD5.
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString())));
#pragma warning restore CA5351
    }

    private static CmfblEmulatedCustomer? FindByLogin(CmfblEmulatedCompany company, int type, string login, string? phoneArea)
    {
        lock (company.Sync)
        {
            return type switch
            {
                1 => company.CustomersUnsafe.FirstOrDefault(c => string.Equals(c.Email, login, StringComparison.OrdinalIgnoreCase)),
                2 => company.CustomersUnsafe.FirstOrDefault(c => c.Phone == login && (phoneArea is null || c.PhoneArea == phoneArea)),
                _ => company.CustomersUnsafe.FirstOrDefault(c => c.CustomerNo == login),
            };
        }
    }

    private static JObject PageRecord(CmfblEmulatedCompany company, CmfblEmulatedCustomer c) => new()
    {
        ["id"] = c.Id,
        ["customerNo"] = c.CustomerNo,
        ["agentCustomerNo"] = string.Empty,
        ["companyId"] = CompanyNumber(company),
        ["customerGroupId"] = c.CustomerGroupId,
        ["customerGroupName"] = company.Groups.FirstOrDefault(g => g.Id == c.CustomerGroupId)?.Name ?? string.Empty,
        ["customerType"] = 0,
        ["email"] = c.Email ?? string.Empty,
        ["phone"] = c.Phone,
        ["phoneArea"] = c.PhoneArea,
        ["firstName"] = string.Empty,
        ["lastName"] = string.Empty,
        ["name"] = string.Empty,
        ["openAccountType"] = 0,
        ["registerSource"] = c.RegisterSource,
        ["status"] = c.Status,
        ["createTime"] = c.CreatedAt.ToUnixTimeMilliseconds(),
        ["updateTime"] = c.CreatedAt.ToUnixTimeMilliseconds(),
        ["loginTime"] = c.LastLoginAt?.ToUnixTimeMilliseconds() ?? 0,
    };

    private static JObject BaseInfo(CmfblEmulatedCompany company, CmfblEmulatedCustomer c) => new()
    {
        ["id"] = c.Id,
        ["customerNo"] = c.CustomerNo,
        ["companyId"] = CompanyNumber(company),
        ["customerGroupId"] = c.CustomerGroupId,
        ["customerType"] = 0,
        ["email"] = c.Email ?? string.Empty,
        ["phone"] = c.Phone,
        ["phoneArea"] = c.PhoneArea,
        ["country"] = c.Country,
        ["firstName"] = string.Empty,
        ["lastName"] = string.Empty,
        ["name"] = string.Empty,
        ["registerSource"] = c.RegisterSource,
        ["status"] = c.Status,
        ["kycStatus"] = c.KycStatus,
        ["thirdServerCode"] = c.ThirdServerCode ?? string.Empty,
        ["utmSource"] = c.Utm.TryGetValue("utmSource", out var utm) ? utm : string.Empty,
        ["companyType"] = "real",
        ["registerTime"] = c.CreatedAt.ToUnixTimeMilliseconds(),
        ["createTime"] = c.CreatedAt.ToUnixTimeMilliseconds(),
        ["loginTime"] = c.LastLoginAt?.ToUnixTimeMilliseconds() ?? 0,
        ["deposit"] = 1,
        ["withdraw"] = 1,
    };

    private static JArray Accounts(CmfblEmulatedCompany company, CmfblEmulatedCustomer c) => [Account(company, c, demo: false)];

    private static long CompanyNumber(CmfblEmulatedCompany company) =>
        long.TryParse(company.CompanyId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private CmfblEmulatedCompany? FindCompany(string companyId)
    {
        lock (_companiesLock)
        {
            return _companies.FirstOrDefault(c => c.CompanyId == companyId);
        }
    }

    private CmfblEmulatedCompany? FindDemoCompany(string companyId)
    {
        lock (_companiesLock)
        {
            return _companies.FirstOrDefault(c => c.DemoCompanyId == companyId);
        }
    }

    private static EmulatorResponse Ok(EmulatorCall call, JToken data) =>
        EmulatorResponse.Json(Envelope(call, "0", "Success", data.ToString(Formatting.None)));

    /// <summary>CMFBL answers business errors with HTTP 200 and the code in the envelope.</summary>
    private static EmulatorResponse Refuse(EmulatorCall call, string code, string message) =>
        EmulatorResponse.Json(Envelope(call, code, message, "null"), HttpStatusCode.OK, code);

    private static string Envelope(EmulatorCall call, string code, string message, string dataJson)
    {
        var ok = code == "0";
        var trace = call.Header("trace") ?? "t-" + Guid.NewGuid().ToString("N");
        return new JObject
        {
            ["code"] = code,
            ["msg"] = message,
            ["ok"] = ok,
            ["fail"] = !ok,
            ["trace"] = trace,
            ["data"] = JToken.Parse(dataJson),
            ["bizCode"] = ok ? string.Empty : code.Split('_')[0],
            ["tm"] = 1,
            ["msgParams"] = null,
        }.ToString(Formatting.None);
    }

    private static JObject? Parse(string json)
    {
        try
        {
            return JToken.Parse(json) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JObject? body, string name) =>
        body?[name] is JValue { Type: JTokenType.String or JTokenType.Integer } value && value.Value is not null
            ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null
            : null;

    private static bool IsMd5Hex(string value) => value.Length == 32 && value.All(char.IsAsciiHexDigit);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
