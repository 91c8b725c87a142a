using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using BrokerAdapters.Cmfbl.Wire;
using BrokerAdapters.Internal;
using Mapster;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl;

/// <summary>The CMFBL (MultiMarkets Manager API) implementation of <see cref="IUserRegistry"/>.</summary>
internal sealed partial class CmfblUserRegistry : ICmfblUserRegistry, IDisposable
{
    public const string CreateBizType = "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc";
    public const string ExistsBizType = "customer.app.CustomerWebApiService.checkCustomerExist";
    public const string PageBizType = "customer.admin.WhiteCustomerAdminApiService.page";
    public const string DetailBizType = "customer.admin.WhiteCustomerAdminApiService.detail";
    public const string GroupListBizType = "customer.admin.CustomerGroupAdminApiService.groupList";
    public const string AccountListBizType = "customer.admin.CustomerAdminApiService.queryAccountList";

    private const int FindPageSize = 20;
    private const int MaxRegisterAttempts = 2;
    private const int RecoveryPageSize = 200;
    private const int RecoveryTailPages = 2;
    private const int ExistsYes = 1;
    private const int ExistsNo = 2;

    private static readonly Lazy<TypeAdapterConfig> SharedConfig = new(CmfblMappingRegister.CreateConfig);

    private readonly CmfblApiClient _api;
    private readonly CmfblOptions _options;
    private readonly ILogger _logger;
    private readonly TypeAdapterConfig _mapping = SharedConfig.Value;
    private readonly ICmfblVerificationCodeSource? _codeSource;
    private readonly string _clientBaseUrlSetting;

    /// <summary>Creates the registry.</summary>
    /// <param name="api">The wire client.</param>
    /// <param name="options">The registry's settings.</param>
    /// <param name="logger">Where it logs.</param>
    /// <param name="codeSource">Supplies verification codes to <see cref="RegisterAsync"/> in self-service mode.</param>
    /// <param name="clientBaseUrlSetting">The full path of the ClientBaseUrl setting, for errors that name it.</param>
    public CmfblUserRegistry(
        CmfblApiClient api, CmfblOptions options, ILogger logger, ICmfblVerificationCodeSource? codeSource = null, string? clientBaseUrlSetting = null)
    {
        _api = api;
        _options = options;
        _logger = logger;
        _codeSource = codeSource;
        _clientBaseUrlSetting = clientBaseUrlSetting ?? CmfblOptions.SectionName + ":" + nameof(CmfblOptions.ClientBaseUrl);
        var capabilities = UserRegistryCapabilities.Exists | UserRegistryCapabilities.Find | UserRegistryCapabilities.List;
        if (CanRegister)
        {
            capabilities |= UserRegistryCapabilities.Register;
        }

        if (api.HasClientApi)
        {
            capabilities |= UserRegistryCapabilities.Authenticate;
        }

        Descriptor = new UserRegistryDescriptor(
            CmfblApiClient.ProviderName,
            capabilities,
            existsLookups: CustomerLookupKinds.Email | CustomerLookupKinds.Phone | CustomerLookupKinds.Number,
            findLookups: CustomerLookupKinds.Number,
            authenticateLookups: CustomerLookupKinds.Email | CustomerLookupKinds.Phone | CustomerLookupKinds.Number);
    }

    public UserRegistryDescriptor Descriptor { get; }

    /// <summary>Where the pages of <see cref="ListAsync"/> are measured, one span each.</summary>
    internal ProviderTelemetry Telemetry { get; init; } = ProviderTelemetry.Shared;

    public async Task<CustomerRegistration> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (_options.RegistrationMode == CmfblRegistrationMode.SelfService)
        {
            return await RegisterSelfServiceAsync(customer, cancellationToken).ConfigureAwait(false);
        }

        CmfblInputValidation.ValidateNewCustomer(customer);
        cancellationToken.ThrowIfCancellationRequested();

        var request = customer.Adapt<CmfblCreateCustomerRequest>(_mapping);
        request.Pwd = Md5Hex.Lower(customer.Password!);
        request.RegisterSource = CmfblConvert.SourceCode(customer.Source ?? _options.DefaultRegistrationSource);
        request.CustomerGroupId = customer.GroupId is null
            ? _options.CustomerGroupId
            : long.Parse(customer.GroupId, NumberStyles.None, CultureInfo.InvariantCulture);
        request.TradeTypeCurrencyList = _options.TradeTypeCurrencies.Count == 0
            ? null
            : _options.TradeTypeCurrencies.Select(t => new CmfblTradeTypeCurrencyDto { AllCurrency = t.Currency!, TradeType = t.TradeType! }).ToArray();

        for (var attempt = 1; ; attempt++)
        {
            string number;
            ProviderCall call;
            try
            {
                var (data, status, created) = await _api.PostAdminAsync(CreateBizType, request, isWrite: true, cancellationToken).ConfigureAwait(false);
                call = created;
                number = ScalarText(data)
                    ?? throw ProviderErrors.Protocol(call, "the answer carries no customer number.", status);
            }
            catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.OutcomeUnknown)
            {
                // The answer was lost after the request was sent: never retry blindly. Check first.
                var recovered = await RecoverAsync(customer, ex, cancellationToken).ConfigureAwait(false);
                if (recovered is not null)
                {
                    CmfblLog.RegistrationRecovered(_logger, ex.TraceId ?? string.Empty, recovered.Number);
                    return new CustomerRegistration(recovered, RegistrationOutcome.Recovered);
                }

                if (attempt >= MaxRegisterAttempts)
                {
                    throw Unresolved(ex, customer, "it was sent twice and the customer is still not there; it may yet appear.");
                }

                // Not there: one more attempt. CMFBL refuses a second customer with the same phone or email, so even
                // a first attempt that is still in flight cannot turn this into a duplicate.
                CmfblLog.RegistrationRetried(_logger, ex.TraceId ?? string.Empty);
                continue;
            }
            catch (UserRegistryException ex) when (attempt > 1 && ex.Kind == UserRegistryErrorKind.AlreadyExists)
            {
                // The first attempt was applied after the check said it was not: it is the customer we registered.
                var late = await LocateAsync(customer, ex, cancellationToken).ConfigureAwait(false);
                CmfblLog.RegistrationRecovered(_logger, ex.TraceId ?? string.Empty, late.Number);
                return new CustomerRegistration(late, RegistrationOutcome.Recovered);
            }

            return new CustomerRegistration(await ReadBackAsync(number, call).ConfigureAwait(false), RegistrationOutcome.Created);
        }
    }

    public async Task<bool> ExistsAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        EnsureSupported(UserRegistryCapabilities.Exists, lookup.Kind, nameof(ExistsAsync));
        CmfblInputValidation.ValidateLookup("Lookup", lookup);
        var request = new CmfblExistRequest
        {
            Type = LoginType(lookup.Kind),
            LoginName = lookup.Kind == CustomerLookupKind.Phone ? lookup.Phone!.Number : lookup.Value,
            PhoneArea = lookup.Phone?.CountryCode,
        };
        var (data, status, call) = await _api.PostAdminAsync(ExistsBizType, request, isWrite: false, cancellationToken).ConfigureAwait(false);
        return ScalarText(data) switch
        {
            "1" => true,
            "2" => false,
            _ => throw ProviderErrors.Protocol(call, $"the existence answer is not {ExistsYes} or {ExistsNo}.", status),
        };
    }

    public async Task<Customer?> FindAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        EnsureSupported(UserRegistryCapabilities.Find, lookup.Kind, nameof(FindAsync));
        CmfblInputValidation.ValidateLookup("Lookup", lookup);
        return await FindByNumberAsync(lookup.Value, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<Customer> ListAsync(CustomerQuery? query = null, CancellationToken cancellationToken = default)
    {
        // Validate eagerly so that a bad page size fails at the call, not at the first MoveNextAsync.
        CmfblInputValidation.ValidatePageSize(query?.PageSize);
        return ListCoreAsync(query?.PageSize ?? _options.PageSize, cancellationToken);
    }

    public async Task<AuthenticatedCustomer> AuthenticateAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var request = LoginRequest(credentials, nameof(AuthenticateAsync));
        var answer = await _api.PostLoginAsync(request, cancellationToken).ConfigureAwait(false);
        var (status, call) = (answer.Status, answer.Call);
        var wire = answer.Read();
        var token = LoginText(answer, wire, "token");
        if (string.IsNullOrEmpty(token))
        {
            throw ProviderErrors.Protocol(call, "the login answer carries no token.", status);
        }

        var refresh = LoginText(answer, wire, "rToken");
        return new AuthenticatedCustomer(ToCustomer(wire, call, status), token) { RefreshToken = string.IsNullOrEmpty(refresh) ? null : refresh };
    }

    public async Task<IReadOnlyList<CmfblCustomerGroup>> GetCustomerGroupsAsync(CancellationToken cancellationToken = default)
    {
        var (data, status, call) = await _api.PostAdminAsync(GroupListBizType, new JObject(), isWrite: false, cancellationToken).ConfigureAwait(false);
        var groups = data switch
        {
            JArray => CmfblApiClient.ReadData<List<CmfblGroup>>(data, status, call),
            JObject => [CmfblApiClient.ReadData<CmfblGroup>(data, status, call)],
            null or { Type: JTokenType.Null } => [],
            _ => throw ProviderErrors.Protocol(call, "the group list is neither an array nor an object.", status),
        };
        return groups.Select(g => g.Adapt<CmfblCustomerGroup>(_mapping)).ToArray();
    }

    public async Task<string?> GetCustomerDetailJsonAsync(string id, string number, CmfblDetailSection section, CancellationToken cancellationToken = default)
    {
        var v = new InputValidator(CmfblApiClient.ProviderName);
        v.Required("Id", id);
        v.Required("Number", number);
        if (!Enum.IsDefined(section))
        {
            v.Add("Section", $"'{(int)section}' is not a detail section.");
        }

        v.ThrowIfInvalid();
        var request = new CmfblDetailRequest { Type = SectionName(section), Id = id, CustomerNo = number };
        var (data, _, _) = await _api.PostAdminAsync(DetailBizType, request, isWrite: false, cancellationToken).ConfigureAwait(false);
        return data is null || data.Type == JTokenType.Null ? null : data.ToString(Formatting.None);
    }

    public void Dispose() => _api.Dispose();

    /// <summary>The create call answers only the number; read the customer back so the caller gets ids and state.</summary>
    private async Task<Customer> ReadBackAsync(string number, ProviderCall call)
    {
        // It was created whatever happens next, so a failed read-back must not look like a failed registration,
        // and the caller's cancellation no longer applies: the customer exists.
        Customer? created;
        try
        {
            created = await FindByNumberAsync(number, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var inner = ex as UserRegistryException;
            throw new UserRegistryException(
                UserRegistryErrorKind.OutcomeUnknown,
                $"Cmfbl created customer {number} but could not read it back: {ex.Message}",
                ex)
            {
                Provider = CmfblApiClient.ProviderName,
                ProviderCode = inner?.ProviderCode,
                TraceId = inner?.TraceId ?? call.TraceId,
                HttpStatus = inner?.HttpStatus,
                ReconciliationLookups = [CustomerLookup.ByNumber(number)],
            };
        }

        return created ?? throw new UserRegistryException(
            UserRegistryErrorKind.OutcomeUnknown,
            $"Cmfbl created customer {number} but does not list it.")
        {
            Provider = CmfblApiClient.ProviderName,
            TraceId = call.TraceId,
            ReconciliationLookups = [CustomerLookup.ByNumber(number)],
        };
    }

    /// <summary>
    /// After a registration whose answer was lost: the customer if it exists now (found by phone and email),
    /// <see langword="null"/> if it does not; throws <see cref="UserRegistryErrorKind.OutcomeUnknown"/> when that
    /// cannot be told.
    /// </summary>
    private async Task<Customer?> RecoverAsync(NewCustomer customer, UserRegistryException lost, CancellationToken cancellationToken)
    {
        bool exists;
        try
        {
            exists = false;
            foreach (var lookup in ProviderErrors.ReconciliationLookupsOf(customer))
            {
                if (await ExistsAsync(lookup, cancellationToken).ConfigureAwait(false))
                {
                    exists = true;
                    break;
                }
            }
        }
        catch (UserRegistryException check)
        {
            throw Unresolved(lost, customer, $"checking whether it exists failed too ({check.Kind}).");
        }

        return exists ? await LocateAsync(customer, lost, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// Finds a customer known to exist by its phone or email. CMFBL's page filters only by number, so the pages
    /// where a new customer lands are read: the first and the last ones.
    /// </summary>
    private async Task<Customer> LocateAsync(NewCustomer customer, UserRegistryException lost, CancellationToken cancellationToken)
    {
        try
        {
            var (first, status, call) = await GetPageAsync(null, RecoveryPageSize, 1, cancellationToken).ConfigureAwait(false);
            var match = Match(first, customer, call, status);
            var lastPage = first.Total is { } total && total > RecoveryPageSize ? (int)Math.Min(int.MaxValue, (total + RecoveryPageSize - 1) / RecoveryPageSize) : 1;
            for (var current = lastPage; match is null && current > 1 && current > lastPage - RecoveryTailPages; current--)
            {
                var (page, pageStatus, pageCall) = await GetPageAsync(null, RecoveryPageSize, current, cancellationToken).ConfigureAwait(false);
                match = Match(page, customer, pageCall, pageStatus);
            }

            if (match?.Number is { Length: > 0 } number && await FindByNumberAsync(number, cancellationToken).ConfigureAwait(false) is { } full)
            {
                return full;
            }

            return match ?? throw Unresolved(lost, customer, "a customer with its phone or email exists, but it is not among the newest customers.");
        }
        catch (UserRegistryException locate) when (locate.Kind != UserRegistryErrorKind.OutcomeUnknown)
        {
            throw Unresolved(lost, customer, $"a customer with its phone or email exists, but finding it failed ({locate.Kind}).");
        }
    }

    private Customer? Match(CmfblPage page, NewCustomer customer, ProviderCall call, HttpStatusCode status)
    {
        var phone = customer.Phone?.E164;
        var email = customer.Email?.Trim();
        foreach (var record in page.Records ?? [])
        {
            if (record is null || string.IsNullOrWhiteSpace(record.Id))
            {
                continue;
            }

            var candidate = ToCustomer(record, call, status);
            if ((phone is not null && string.Equals(candidate.Phone?.E164, phone, StringComparison.Ordinal))
                || (!string.IsNullOrEmpty(email) && string.Equals(candidate.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static UserRegistryException Unresolved(UserRegistryException lost, NewCustomer customer, string why) =>
        ProviderErrors.WithReconciliation(
            lost,
            $"Cmfbl: the registration's answer was lost ({lost.Message}) and {why} Find the customer by its phone or email before registering it again.",
            ProviderErrors.ReconciliationLookupsOf(customer));

    private async IAsyncEnumerable<Customer> ListCoreAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long seen = 0;
        for (var current = 1; ; current++)
        {
            var (page, status, call) = await Telemetry.RunAsync(
                CmfblApiClient.ProviderName,
                TelemetryUserRegistry.List,
                (Registry: this, pageSize, current, cancellationToken),
                static state => state.Registry.GetPageAsync(null, state.pageSize, state.current, state.cancellationToken)).ConfigureAwait(false);
            var records = page.Records ?? [];
            foreach (var record in records)
            {
                yield return ToCustomer(record, call, status);
            }

            seen += records.Count;

            // The announced total decides when it is known: a server that caps the page below the size asked for
            // answers short pages, and stopping on them would silently drop customers. Without a total, a short
            // page is the last one. Offset paging is not a snapshot: customers added meanwhile may shift pages.
            var done = page.Total is { } total
                ? seen >= total || records.Count == 0
                : records.Count < pageSize;
            if (done)
            {
                yield break;
            }
        }
    }

    private async Task<Customer?> FindByNumberAsync(string number, CancellationToken cancellationToken)
    {
        // A few rows rather than one, in case the provider matches the number by prefix.
        var (page, pageStatus, pageCall) = await GetPageAsync(number, FindPageSize, 1, cancellationToken).ConfigureAwait(false);
        if (page.Records?.Contains(null!) == true)
        {
            throw ProviderErrors.Protocol(pageCall, "a customer in the answer is null.", pageStatus);
        }

        var record = page.Records?.FirstOrDefault(r => string.Equals(r.CustomerNo, number, StringComparison.Ordinal));
        if (record is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(record.Id))
        {
            throw ProviderErrors.Protocol(pageCall, "the customer record has no id.", pageStatus);
        }

        var request = new CmfblDetailRequest { Type = SectionName(CmfblDetailSection.BaseInfo), Id = record.Id, CustomerNo = number };
        CmfblAnswer<CmfblCustomer> detail;
        try
        {
            detail = await _api.PostAdminAsync<CmfblCustomer>(DetailBizType, request, isWrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.NotFound)
        {
            // Removed between the two calls.
            return null;
        }

        if (detail.IsEmpty)
        {
            // Some companies answer no base info; the page record is still a faithful, if shorter, customer.
            return ToCustomer(record, pageCall, pageStatus);
        }

        return ToCustomer(Merge(record, detail.Read()), detail.Call, detail.Status);
    }

    private async Task<(CmfblPage Page, HttpStatusCode Status, ProviderCall Call)> GetPageAsync(
        string? customerNo, int size, int current, CancellationToken cancellationToken)
    {
        var request = new CmfblPageRequest { CustomerNo = customerNo, Size = size, Current = current };
        var answer = await _api.PostAdminAsync<CmfblPage>(PageBizType, request, isWrite: false, cancellationToken).ConfigureAwait(false);
        return (answer.Read(), answer.Status, answer.Call);
    }

    private Customer ToCustomer(CmfblCustomer? wire, ProviderCall call, HttpStatusCode status)
    {
        if (wire is null)
        {
            throw ProviderErrors.Protocol(call, "a customer in the answer is null.", status);
        }

        if (string.IsNullOrWhiteSpace(wire.Id))
        {
            throw ProviderErrors.Protocol(call, "a customer in the answer has no id.", status);
        }

        try
        {
            return wire.Adapt<Customer>(_mapping);
        }
        catch (Exception ex) when (ex is not UserRegistryException and not OperationCanceledException)
        {
            // A value the unified model cannot hold (a time beyond year 9999, a malformed phone…) is the provider's fault.
            throw ProviderErrors.Protocol(call, $"a customer in the answer cannot be read ({ex.GetType().Name}).", status, ex);
        }
    }

    /// <summary>Detail wins; fields only the page record has (e.g. customerGroupName) are kept.</summary>
    private static CmfblCustomer Merge(CmfblCustomer record, CmfblCustomer detail)
    {
        foreach (var (name, value) in record.Unmapped)
        {
            detail.Unmapped.TryAdd(name, value);
        }

        return detail.Id is null ? record : detail;
    }

    private void EnsureSupported(UserRegistryCapabilities capability, CustomerLookupKind kind, string operation)
    {
        if (!Descriptor.Supports(capability, kind))
        {
            throw UserRegistryException.NotSupported(CmfblApiClient.ProviderName, $"{operation} by {kind}");
        }
    }

    /// <summary>Checks the credentials and builds the Client API login's body.</summary>
    private CmfblLoginRequest LoginRequest(CustomerCredentials credentials, string operation)
    {
        RequireClientApi(operation);
        EnsureSupported(UserRegistryCapabilities.Authenticate, credentials.Login.Kind, operation);
        CmfblInputValidation.ValidateLookup("Login", credentials.Login);
        if (string.IsNullOrEmpty(credentials.Password))
        {
            throw UserRegistryException.InvalidInput(CmfblApiClient.ProviderName, [new FieldError("Password", "is required.")]);
        }

        var login = credentials.Login;
        return new CmfblLoginRequest
        {
            Type = LoginType(login.Kind),
            PhoneArea = login.Phone?.CountryCode,
            LoginName = login.Kind == CustomerLookupKind.Phone ? login.Phone!.Number : login.Value,
            Device = CmfblConvert.SourceCode(_options.LoginDevice),
            IsThird = false,
            LoginPwd = Md5Hex.Lower(credentials.Password),
        };
    }

    private static int LoginType(CustomerLookupKind kind) => kind switch
    {
        CustomerLookupKind.Email => 1,
        CustomerLookupKind.Phone => 2,
        CustomerLookupKind.Number => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "CMFBL has no login type for this lookup."),
    };

    private static string SectionName(CmfblDetailSection section) => section switch
    {
        CmfblDetailSection.BaseInfo => "baseInfo",
        CmfblDetailSection.TradeAccount => "tradeAccount",
        CmfblDetailSection.Kyc => "kyc",
        CmfblDetailSection.AllKyc => "allKyc",
        CmfblDetailSection.BankList => "bankList",
        CmfblDetailSection.WalletList => "walletList",
        CmfblDetailSection.OtherInfo => "otherInfo",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Unknown detail section."),
    };

    /// <summary>A text member of the login answer that the customer type does not declare (the session tokens).</summary>
    private static string? LoginText(CmfblAnswer<CmfblCustomer> answer, CmfblCustomer wire, string name)
    {
        if (answer.Value is not null)
        {
            return wire.Unmapped.TryGetValue(name, out var member) ? member as string : null;
        }

        return (answer.Tree as JObject)?[name] is JValue { Type: JTokenType.String } text ? (string?)text : null;
    }

    private static string? ScalarText(JToken? token) =>
        token is JValue { Type: JTokenType.String or JTokenType.Integer } value && value.Value is not null
            && Convert.ToString(value.Value, CultureInfo.InvariantCulture) is { Length: > 0 } text
            ? text
            : null;
}
