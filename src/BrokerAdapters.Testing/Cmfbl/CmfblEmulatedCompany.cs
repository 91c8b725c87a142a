using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BrokerAdapters.Testing;

/// <summary>
/// One white label served by a <see cref="CmfblEmulator"/>: its app credentials, RSA key pair, customer groups and
/// customers. Thread-safe.
/// </summary>
public sealed class CmfblEmulatedCompany
{
    private readonly List<CmfblEmulatedCustomer> _customers = [];
    private readonly List<CmfblEmulatedGroup> _groups = [new(1, "Default", 1, "USDT")];
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CmfblEmulatedCustomer Customer, bool Demo)> _clientTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CmfblEmulatedCustomer> _accessKeys = new(StringComparer.Ordinal);
    private readonly List<CmfblEmulatedVerificationCode> _codes = [];
    private readonly decimal _demoBalance;
    private readonly RSA _key;
    private readonly TimeProvider _time;
    private long _nextId;
    private int _tokensIssued;
    private long _nextNumber;

    internal CmfblEmulatedCompany(
        string companyId, string appId, string appSecret, long firstCustomerNumber, int keySize, TimeProvider time, decimal demoBalance = 100_000m)
    {
        CompanyId = companyId;
        DemoCompanyId = long.TryParse(companyId, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number + DemoCompanyOffset).ToString(CultureInfo.InvariantCulture)
            : companyId + "-demo";
        _demoBalance = demoBalance;
        AppId = appId;
        AppSecret = appSecret;
        _key = RSA.Create(keySize);
        PublicKey = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        _nextNumber = firstCustomerNumber;
        _nextId = 1001;
        _time = time;
    }

    /// <summary>The difference between a numeric company id and the id of its simulation side.</summary>
    public const long DemoCompanyOffset = 100_000;

    /// <summary>Gets the company id, sent by clients in the <c>companyId</c> header.</summary>
    public string CompanyId { get; }

    /// <summary>
    /// Gets the id of the company's simulation side, where its customers' demo accounts live: a session switched to demo
    /// sends it in <c>companyId</c>. The company id plus <see cref="DemoCompanyOffset"/> when that is a number, else
    /// the company id and <c>-demo</c>.
    /// </summary>
    public string DemoCompanyId { get; }

    /// <summary>Gets the app id that obtains admin tokens.</summary>
    public string AppId { get; }

    /// <summary>Gets the app secret that obtains admin tokens.</summary>
    public string AppSecret { get; }

    /// <summary>Gets the company public key as base64 SubjectPublicKeyInfo, as admin authentication returns it.</summary>
    public string PublicKey { get; }

    /// <summary>Gets the company public key as PEM.</summary>
    public string PublicKeyPem { get; }

    /// <summary>Gets the customers, in creation order.</summary>
    public IReadOnlyList<CmfblEmulatedCustomer> Customers
    {
        get
        {
            lock (Sync)
            {
                return _customers.ToArray();
            }
        }
    }

    /// <summary>Gets the customer groups; group 1 ("Default") always exists.</summary>
    public IReadOnlyList<CmfblEmulatedGroup> Groups
    {
        get
        {
            lock (Sync)
            {
                return _groups.ToArray();
            }
        }
    }

    /// <summary>Gets the verification codes sent so far, in order.</summary>
    public IReadOnlyList<CmfblEmulatedVerificationCode> VerificationCodes
    {
        get
        {
            lock (Sync)
            {
                return _codes.ToArray();
            }
        }
    }

    /// <summary>Gets how many admin tokens were issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    internal Lock Sync { get; } = new();

    internal RSA PrivateKey => _key;

    /// <summary>Adds a customer group.</summary>
    /// <param name="group">The group.</param>
    public void AddGroup(CmfblEmulatedGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (Sync)
        {
            _groups.RemoveAll(g => g.Id == group.Id);
            _groups.Add(group);
        }
    }

    /// <summary>Gets the code last sent to a recipient, as the customer would read it in the SMS or email.</summary>
    /// <param name="recipient">An email, or a phone as <c>+852 98763237</c> (how CMFBL's clients address an SMS).</param>
    /// <returns>The code, or <see langword="null"/> when none was sent there.</returns>
    public string? LastCodeSentTo(string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        lock (Sync)
        {
            return _codes.LastOrDefault(c => string.Equals(c.Recipient, recipient.Trim(), StringComparison.OrdinalIgnoreCase))?.Code;
        }
    }

    /// <summary>Gets the customer an access key (<c>thirdExt/randomKey</c>) was issued to.</summary>
    /// <param name="accessKey">The key.</param>
    /// <returns>The customer, or <see langword="null"/> when the key was not issued here.</returns>
    public CmfblEmulatedCustomer? AccessKeyOwner(string accessKey)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        lock (Sync)
        {
            return _accessKeys.GetValueOrDefault(accessKey);
        }
    }

    /// <summary>Makes every customer session (client token) expired, as if the customers had been signed out.</summary>
    public void ExpireClientTokens()
    {
        lock (Sync)
        {
            _clientTokens.Clear();
        }
    }

    /// <summary>Makes every admin token issued so far expired, as if its lifetime had passed.</summary>
    public void ExpireTokens()
    {
        lock (Sync)
        {
            foreach (var token in _tokens.Keys.ToArray())
            {
                _tokens[token] = DateTimeOffset.MinValue;
            }
        }
    }

    /// <summary>Stores a customer directly, as if registered earlier (no request is recorded).</summary>
    /// <param name="customer">The customer; needs a phone, a password and a country.</param>
    /// <returns>The stored customer with its id and number.</returns>
    /// <exception cref="InvalidOperationException">The phone, email or external id is taken.</exception>
    public CmfblEmulatedCustomer Seed(NewCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(customer.Phone);
        ArgumentException.ThrowIfNullOrEmpty(customer.Password);
#pragma warning disable CA5351 // CMFBL's wire format is MD5.
        var md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(customer.Password)));
#pragma warning restore CA5351
        lock (Sync)
        {
            if (Conflict(customer.Phone.CountryCode, customer.Phone.Number, customer.Email, customer.ExternalId) is { } code)
            {
                throw new InvalidOperationException($"Company {CompanyId} already has a customer with that {code}.");
            }

            return Create(md5, customer.Phone.CountryCode, customer.Phone.Number, customer.Email, customer.Country ?? "HK",
                customer.ExternalId, 1, 3, customer.Device, new Dictionary<string, string>(), null);
        }
    }

    /// <summary>The settings that point a registry section at this company on an emulator served at <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">Where the emulator is reachable, e.g. <c>https://cmfbl.emulator</c> in memory or the sandbox's URL.</param>
    /// <param name="section">The registry's section, e.g. <c>UserRegistry</c>.</param>
    /// <returns>Configuration keys and values, for <c>AddInMemoryCollection</c>.</returns>
    public IReadOnlyDictionary<string, string?> ToConfiguration(string baseUrl = CmfblEmulator.DefaultBaseUrl, string section = "UserRegistry")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        return new Dictionary<string, string?>
        {
            [section + ":Provider"] = "Cmfbl",
            [section + ":Cmfbl:BaseUrl"] = baseUrl,
            [section + ":Cmfbl:ClientBaseUrl"] = baseUrl,
            [section + ":Cmfbl:CompanyId"] = CompanyId,
            [section + ":Cmfbl:AppId"] = AppId,
            [section + ":Cmfbl:AppSecret"] = AppSecret,
            [section + ":Cmfbl:TradeTypeCurrencies:0:TradeType"] = "1",
            [section + ":Cmfbl:TradeTypeCurrencies:0:Currency"] = "USDT",

            // The emulator is local: retry after milliseconds, not seconds.
            [section + ":Cmfbl:Resilience:RetryDelay"] = "00:00:00.005",
            [section + ":Cmfbl:Resilience:MaxRetryDelay"] = "00:00:00.050",
        };
    }

    internal string IssueToken(TimeSpan lifetime)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (Sync)
        {
            _tokens[token] = _time.GetUtcNow() + lifetime;
            _tokensIssued++;
        }

        return token;
    }

    internal bool? IsTokenValid(string token)
    {
        lock (Sync)
        {
            // null: this company never issued it.
            return _tokens.TryGetValue(token, out var expires) ? expires > _time.GetUtcNow() : null;
        }
    }

    /// <summary>Which uniqueness rule a new customer breaks, as its error code; null when none. Call under <see cref="Sync"/>.</summary>
    internal string? Conflict(string phoneArea, string phone, string? email, string? thirdServerCode)
    {
        if (phone.Length > 0 && _customers.Any(c => c.Phone == phone && c.PhoneArea == phoneArea))
        {
            return "USCUSTOMER_API_0000106";
        }

        if (email is not null && _customers.Any(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            return "USCUSTOMER_API_0000107";
        }

        if (thirdServerCode is not null && _customers.Any(c => c.ThirdServerCode == thirdServerCode))
        {
            return "USCUSTOMER_API_0000101";
        }

        return null;
    }

    /// <summary>
    /// Stores a new customer with its real and demo accounts, opened in <paramref name="account"/>'s trade type and
    /// currency, else the group's. Call under <see cref="Sync"/> after <see cref="Conflict"/>.
    /// </summary>
    internal CmfblEmulatedCustomer Create(
        string passwordMd5, string phoneArea, string phone, string? email, string country, string? thirdServerCode,
        long groupId, int registerSource, string? device, IReadOnlyDictionary<string, string> utm, (int TradeType, string Currency)? account)
    {
        var id = _nextId++;
        var now = _time.GetUtcNow();
        var group = _groups.FirstOrDefault(g => g.Id == groupId);
        var (tradeType, currency) = account ?? (group?.TradeType ?? 1, group?.Assets.Split(',')[0].Trim() ?? "USDT");
        var customer = new CmfblEmulatedCustomer(id, (_nextNumber++).ToString(CultureInfo.InvariantCulture), passwordMd5)
        {
            RealAccount = new CmfblEmulatedAccount(RealAccountOffset + id, isDemo: false, currency, tradeType, 0m, now),
            DemoAccount = new CmfblEmulatedAccount(DemoAccountOffset + id, isDemo: true, currency, tradeType, _demoBalance, now),
            PhoneArea = phoneArea,
            Phone = phone,
            Email = email,
            Country = country,
            ThirdServerCode = thirdServerCode,
            CustomerGroupId = groupId,
            RegisterSource = registerSource,
            RegisterDevice = device,
            Utm = utm,
            CreatedAt = now,
        };
        _customers.Add(customer);
        return customer;
    }

    internal const long RealAccountOffset = 1_000_000;
    internal const long DemoAccountOffset = 2_000_000;

    internal decimal DemoBalance => _demoBalance;

    internal List<CmfblEmulatedCustomer> CustomersUnsafe => _customers;

    /// <summary>Starts a customer session on one side and returns its client token.</summary>
    internal string IssueClientToken(CmfblEmulatedCustomer customer, bool demo)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "app";
        lock (Sync)
        {
            _clientTokens[token] = (customer, demo);
        }

        return token;
    }

    /// <summary>The session a client token belongs to, or <see langword="null"/>.</summary>
    internal (CmfblEmulatedCustomer Customer, bool Demo)? ClientSession(string token)
    {
        lock (Sync)
        {
            return _clientTokens.TryGetValue(token, out var session) ? session : null;
        }
    }

    internal void EndClientSession(string token)
    {
        lock (Sync)
        {
            _clientTokens.Remove(token);
        }
    }

    internal string IssueAccessKey(CmfblEmulatedCustomer customer)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        lock (Sync)
        {
            _accessKeys[key] = customer;
        }

        return key;
    }

    internal CmfblEmulatedVerificationCode IssueCode(string recipient, string bizType, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var code = new CmfblEmulatedVerificationCode(
            recipient,
            bizType,
            RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture),
            Guid.NewGuid().ToString("D"),
            now,
            now + lifetime);
        lock (Sync)
        {
            _codes.Add(code);
        }

        return code;
    }

    internal CmfblEmulatedVerificationCode? FindCode(string sendToken)
    {
        lock (Sync)
        {
            return _codes.FirstOrDefault(c => string.Equals(c.SendToken, sendToken, StringComparison.Ordinal));
        }
    }

    internal bool IsExpired(CmfblEmulatedVerificationCode code) => code.ExpiresAt <= _time.GetUtcNow();

    internal List<CmfblEmulatedGroup> GroupsUnsafe => _groups;
}
