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
    private readonly RSA _key;
    private readonly TimeProvider _time;
    private long _nextId;
    private int _tokensIssued;
    private long _nextNumber;

    internal CmfblEmulatedCompany(string companyId, string appId, string appSecret, long firstCustomerNumber, int keySize, TimeProvider time)
    {
        CompanyId = companyId;
        AppId = appId;
        AppSecret = appSecret;
        _key = RSA.Create(keySize);
        PublicKey = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        _nextNumber = firstCustomerNumber;
        _nextId = 1001;
        _time = time;
    }

    /// <summary>Gets the company id, sent by clients in the <c>companyId</c> header.</summary>
    public string CompanyId { get; }

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
                customer.ExternalId, 1, 3, customer.Device, new Dictionary<string, string>());
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
        if (_customers.Any(c => c.Phone == phone && c.PhoneArea == phoneArea))
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

    /// <summary>Stores a new customer. Call under <see cref="Sync"/> after <see cref="Conflict"/>.</summary>
    internal CmfblEmulatedCustomer Create(
        string passwordMd5, string phoneArea, string phone, string? email, string country, string? thirdServerCode,
        long groupId, int registerSource, string? device, IReadOnlyDictionary<string, string> utm)
    {
        var customer = new CmfblEmulatedCustomer(_nextId++, (_nextNumber++).ToString(CultureInfo.InvariantCulture), passwordMd5)
        {
            PhoneArea = phoneArea,
            Phone = phone,
            Email = email,
            Country = country,
            ThirdServerCode = thirdServerCode,
            CustomerGroupId = groupId,
            RegisterSource = registerSource,
            RegisterDevice = device,
            Utm = utm,
            CreatedAt = _time.GetUtcNow(),
        };
        _customers.Add(customer);
        return customer;
    }

    internal List<CmfblEmulatedCustomer> CustomersUnsafe => _customers;

    internal List<CmfblEmulatedGroup> GroupsUnsafe => _groups;
}
