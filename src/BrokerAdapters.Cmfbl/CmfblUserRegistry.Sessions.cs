using System.Globalization;
using System.Net;
using BrokerAdapters.Cmfbl.Wire;
using BrokerAdapters.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl;

/// <summary>
/// The Client API's customer side: self-registration with a verification code, sign-in into a session with its
/// trading accounts, the access key exchange, switching between the real and the demo account, resetting the demo
/// account; and the Manager API's list of a customer's trading accounts.
/// </summary>
internal sealed partial class CmfblUserRegistry
{
    private const int EmailLoginType = 1;
    private const int PhoneLoginType = 2;

    /// <summary>Whether <see cref="RegisterAsync"/> can run: always in admin mode, with a code source in self-service mode.</summary>
    private bool CanRegister => _options.RegistrationMode != CmfblRegistrationMode.SelfService || (_codeSource is not null && _api.HasClientApi);

    public async Task<CmfblVerificationTicket> SendRegistrationCodeAsync(NewCustomer customer, CustomerLookupKind login, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        RequireClientApi(nameof(SendRegistrationCodeAsync));
        CmfblInputValidation.ValidateCodeRecipient(customer, login);
        cancellationToken.ThrowIfCancellationRequested();
        return await SendCodeAsync(customer, login, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CmfblSelfRegistration> RegisterWithCodeAsync(
        NewCustomer customer, CmfblVerificationTicket ticket, string verificationCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(ticket);
        RequireClientApi(nameof(RegisterWithCodeAsync));
        CmfblInputValidation.ValidateSelfRegistration(customer, ticket.Recipient.Kind, ticket, verificationCode);
        cancellationToken.ThrowIfCancellationRequested();

        var recipient = ticket.Recipient;
        var phone = recipient.Kind == CustomerLookupKind.Phone ? recipient.Phone : null;
        var request = new CmfblRegisterRequest
        {
            Type = phone is null ? EmailLoginType : PhoneLoginType,
            LoginName = phone?.Number ?? customer.Email!.Trim(),
            PhoneArea = phone?.CountryCode,
            Country = customer.Country!,
            Lang = customer.Language,
            Pwd = Md5Hex.Lower(customer.Password!),
            VerifyCode = verificationCode.Trim(),
            SendToken = ticket.SendToken,
            RegisterSource = CmfblConvert.SourceCode(customer.Source ?? _options.DefaultRegistrationSource),
            CustomerGroupId = customer.GroupId is null
                ? _options.CustomerGroupId
                : long.Parse(customer.GroupId, NumberStyles.None, CultureInfo.InvariantCulture),
            TradeTypeCurrencyList = _options.TradeTypeCurrencies.Count == 0
                ? null
                : _options.TradeTypeCurrencies.Select(t => new CmfblTradeTypeCurrencyDto { AllCurrency = t.Currency!, TradeType = t.TradeType! }).ToArray(),
            RegisterDevice = customer.Device,
            UtmSource = customer.Attribution?.Source,
            UtmMedium = customer.Attribution?.Medium,
            UtmCampaign = customer.Attribution?.Campaign,
            UtmContent = customer.Attribution?.Content,
            UtmTerm = customer.Attribution?.Term,
            ThirdServerCode = customer.ExternalId,
        };
        var call = new CmfblClientRequest("register/" + CmfblApiClient.RegisterBizType, CmfblApiClient.RegisterBizType, IsWrite: true)
        {
            ForwardedFor = customer.ClientIp,
        };

        try
        {
            var answer = await _api.PostClientAsync<CmfblCustomer>(call, request, cancellationToken).ConfigureAwait(false);
            var wire = answer.Read();
            var levels = KycLevelsOf(wire, answer.Call, answer.Status);
            return new CmfblSelfRegistration(ToCustomer(wire, answer.Call, answer.Status)) { KycLevels = levels };
        }
        catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.OutcomeUnknown)
        {
            // The code is spent if the registration went through: find the customer by its login before trying again.
            throw ProviderErrors.WithReconciliation(
                ex,
                $"{ex.Message} Find the customer by {recipient.Kind} before registering it again; a verification code is used once.",
                [recipient]);
        }
    }

    public async Task<CmfblCustomerSession> SignInAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var request = LoginRequest(credentials, nameof(SignInAsync));
        var answer = await _api.PostLoginAsync(request, cancellationToken).ConfigureAwait(false);
        var session = ToSession(answer.Read(), _options.CompanyId!, previous: null, answer.Call, answer.Status);
        return session;
    }

    public async Task<string> GetAccessKeyAsync(CmfblCustomerSession session, CancellationToken cancellationToken = default)
    {
        var call = SessionCall(session, CmfblApiClient.RandomKeyPath, "thirdExt/randomKey", sendVersion: false, nameof(GetAccessKeyAsync));
        var answer = await _api.PostClientAsync<JToken>(call, new JObject(), cancellationToken).ConfigureAwait(false);
        var data = answer.Value ?? answer.Tree;
        return data is JValue { Type: JTokenType.String, Value: string { Length: > 0 } key }
            ? key
            : throw ProviderErrors.Protocol(answer.Call, "the answer carries no access key (a text 'data').", answer.Status);
    }

    public async Task<CmfblCustomerSession> SwitchAccountAsync(CmfblCustomerSession session, CancellationToken cancellationToken = default)
    {
        var call = SessionCall(session, CmfblApiClient.SwitchAccountPath, CmfblApiClient.SwitchAccountPath, sendVersion: false, nameof(SwitchAccountAsync));
        var answer = await _api.PostClientAsync<CmfblCustomer>(call, new JObject(), cancellationToken).ConfigureAwait(false);
        var wire = answer.Read();

        // The switched-to side lives in the associated company: the session's next calls name it in companyId.
        var companyId = WireJson.UnmappedText(wire, "associationCompanyId") ?? session.CompanyId;
        return ToSession(wire, companyId, session, answer.Call, answer.Status);
    }

    public async Task ResetDemoAccountAsync(CmfblCustomerSession session, CancellationToken cancellationToken = default)
    {
        var call = SessionCall(session, "global/" + CmfblApiClient.ResetAccountBizType, CmfblApiClient.ResetAccountBizType, sendVersion: true, nameof(ResetDemoAccountAsync));
        _ = await _api.PostClientAsync<JToken>(call, new JObject(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TradingAccount>> GetTradingAccountsAsync(string customerNumber, int tradeType, CancellationToken cancellationToken = default)
    {
        var v = new InputValidator(CmfblApiClient.ProviderName);
        if (v.Required("CustomerNumber", customerNumber))
        {
            v.MaxLength("CustomerNumber", customerNumber, CmfblInputValidation.TextMaxLength);
        }

        if (tradeType <= 0)
        {
            v.Add("TradeType", $"must be a CMFBL trade type code (a positive number; was {tradeType}).");
        }

        v.ThrowIfInvalid();
        var request = new CmfblAccountListRequest { CustomerNo = customerNumber, TradeType = tradeType };
        var (data, status, call) = await _api.PostAdminAsync(AccountListBizType, request, isWrite: false, cancellationToken).ConfigureAwait(false);
        var accounts = data switch
        {
            JArray => CmfblApiClient.ReadData<List<CmfblTradingAccountDto?>>(data, status, call),
            JObject => [CmfblApiClient.ReadData<CmfblTradingAccountDto>(data, status, call)],
            null or { Type: JTokenType.Null } => [],
            _ => throw ProviderErrors.Protocol(call, "the account list is neither an array nor an object.", status),
        };
        return ToAccounts(accounts, mode: null, call, status);
    }

    /// <summary><see cref="RegisterAsync"/> in self-service mode: the code goes to the phone (else the email) and comes back from the code source.</summary>
    private async Task<CustomerRegistration> RegisterSelfServiceAsync(NewCustomer customer, CancellationToken cancellationToken)
    {
        if (_codeSource is null || !_api.HasClientApi)
        {
            throw UserRegistryException.NotSupported(
                CmfblApiClient.ProviderName,
                $"RegisterAsync in SelfService mode without an {nameof(ICmfblVerificationCodeSource)} service; use {nameof(SendRegistrationCodeAsync)} and {nameof(RegisterWithCodeAsync)}");
        }

        var login = customer.Phone is not null ? CustomerLookupKind.Phone : CustomerLookupKind.Email;
        CmfblInputValidation.ValidateSelfRegistration(customer, login, ticket: null, verificationCode: null);
        cancellationToken.ThrowIfCancellationRequested();
        var ticket = await SendCodeAsync(customer, login, cancellationToken).ConfigureAwait(false);
        var code = await _codeSource.GetCodeAsync(ticket, cancellationToken).ConfigureAwait(false);
        var registered = await RegisterWithCodeAsync(customer, ticket, code, cancellationToken).ConfigureAwait(false);
        return new CustomerRegistration(registered.Customer, RegistrationOutcome.Created);
    }

    private async Task<CmfblVerificationTicket> SendCodeAsync(NewCustomer customer, CustomerLookupKind login, CancellationToken cancellationToken)
    {
        var phone = login == CustomerLookupKind.Phone ? customer.Phone : null;
        var email = customer.Email?.Trim();
        var recipient = phone is null ? CustomerLookup.ByEmail(email!) : CustomerLookup.ByPhone(phone);
        var body = new CmfblVerifyCodeSendRequest
        {
            // Documented as a number; sent as configured when the configured id is not one.
            CompanyId = long.TryParse(_options.CompanyId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : _options.CompanyId!,
            BizType = phone is null ? CmfblVerifyCodeSendRequest.EmailRegister : CmfblVerifyCodeSendRequest.SmsRegister,

            // The provider's own web client addresses an SMS as "{area} {number}"; the file only says "recipient".
            ToUser = phone is null ? email! : phone.CountryCode + " " + phone.Number,
            Country = customer.Country,
        };
        var call = new CmfblClientRequest("global/" + CmfblApiClient.VerifyCodeSendBizType, CmfblApiClient.VerifyCodeSendBizType, IsWrite: true);
        var answer = await _api.PostClientAsync<CmfblVerifyCodeSendData>(call, body, cancellationToken).ConfigureAwait(false);
        var sendToken = answer.Read().Token;
        return string.IsNullOrEmpty(sendToken)
            ? throw ProviderErrors.Protocol(answer.Call, "the answer carries no ticket for the code (data.token); a code may have been sent.", answer.Status)
            : new CmfblVerificationTicket(recipient, sendToken);
    }

    /// <summary>Checks a session's values and describes a call made with it.</summary>
    private CmfblClientRequest SessionCall(CmfblCustomerSession session, string path, string operation, bool sendVersion, string method)
    {
        ArgumentNullException.ThrowIfNull(session);
        RequireClientApi(method);
        var v = new InputValidator(CmfblApiClient.ProviderName);
        if (v.Required("Session.ClientToken", session.ClientToken) && session.ClientToken.Any(c => c is < ' ' or > '~'))
        {
            v.Add("Session.ClientToken", "must be printable ASCII (it is sent in an HTTP header).");
        }

        if (v.Required("Session.CompanyId", session.CompanyId) && session.CompanyId.Any(c => c is < ' ' or > '~'))
        {
            v.Add("Session.CompanyId", "must be printable ASCII (it is sent in an HTTP header).");
        }

        v.ThrowIfInvalid();
        return new CmfblClientRequest(path, operation, IsWrite: true)
        {
            Token = session.ClientToken,
            CompanyId = session.CompanyId,
            SendVersion = sendVersion,
        };
    }

    private void RequireClientApi(string operation)
    {
        if (!_api.HasClientApi)
        {
            throw UserRegistryException.NotSupported(CmfblApiClient.ProviderName, $"{operation} without the setting {_clientBaseUrlSetting}");
        }
    }

    /// <summary>
    /// A session from a login or switch answer. A switch answer that does not describe the customer keeps the previous
    /// session's; one that does not tell the side is taken to be on the other side of the previous session.
    /// </summary>
    private CmfblCustomerSession ToSession(CmfblCustomer wire, string companyId, CmfblCustomerSession? previous, ProviderCall call, HttpStatusCode status)
    {
        var token = WireJson.UnmappedText(wire, "token");
        if (string.IsNullOrEmpty(token))
        {
            throw ProviderErrors.Protocol(call, "the answer carries no customer token.", status);
        }

        var mode = ModeOf(wire) ?? previous?.Mode switch
        {
            CmfblAccountMode.Real => CmfblAccountMode.Demo,
            CmfblAccountMode.Demo => CmfblAccountMode.Real,
            _ => null,
        };
        var accounts = AccountsOf(wire, mode, call, status);
        var customer = previous is not null && string.IsNullOrWhiteSpace(wire.Id) ? previous.Customer : ToCustomer(wire, call, status);
        var refresh = WireJson.UnmappedText(wire, "rToken");
        return new CmfblCustomerSession(customer, token, companyId)
        {
            RefreshToken = string.IsNullOrEmpty(refresh) ? null : refresh,
            Mode = mode,
            TradingAccounts = accounts,
        };
    }

    /// <summary>The side an answer is on: its company type, else its customer type (0 real, 1 demo, 2 guest).</summary>
    private static CmfblAccountMode? ModeOf(CmfblCustomer wire)
    {
        switch (WireJson.UnmappedText(wire, "companyType")?.Trim().ToUpperInvariant())
        {
            case "REAL":
                return CmfblAccountMode.Real;
            case "DEMO":
                return CmfblAccountMode.Demo;
        }

        return wire.Unmapped.TryGetValue("type", out var type) && type is long code
            ? code switch
            {
                0 => CmfblAccountMode.Real,
                1 => CmfblAccountMode.Demo,
                _ => null,
            }
            : null;
    }

    /// <summary>The answer's trading accounts (<c>accountList</c>), taken out of the members that go to <see cref="Customer.Extra"/>.</summary>
    private static IReadOnlyList<TradingAccount> AccountsOf(CmfblCustomer wire, CmfblAccountMode? mode, ProviderCall call, HttpStatusCode status)
    {
        if (!wire.Unmapped.Remove("accountList", out var list) || list is null or JToken { Type: JTokenType.Null })
        {
            return [];
        }

        if (list is not JArray accounts)
        {
            throw ProviderErrors.Protocol(call, "the answer's accountList is not an array.", status);
        }

        return ToAccounts(ReadMember<List<CmfblTradingAccountDto?>>(accounts, "accountList", call, status), mode, call, status);
    }

    private static TradingAccount[] ToAccounts(IReadOnlyList<CmfblTradingAccountDto?> accounts, CmfblAccountMode? mode, ProviderCall call, HttpStatusCode status)
    {
        var result = new TradingAccount[accounts.Count];
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i] ?? throw ProviderErrors.Protocol(call, "a trading account in the answer is null.", status);
            if (string.IsNullOrWhiteSpace(account.AccountId))
            {
                throw ProviderErrors.Protocol(call, "a trading account in the answer has no accountId.", status);
            }

            try
            {
                result[i] = ToAccount(account, mode);
            }
            catch (FormatException ex)
            {
                throw ProviderErrors.Protocol(call, "a trading account in the answer cannot be read (FormatException).", status, ex);
            }
        }

        return result;
    }

    private static TradingAccount ToAccount(CmfblTradingAccountDto a, CmfblAccountMode? mode) => new()
    {
        AccountId = a.AccountId!,
        Mode = mode,
        CustomerId = CmfblConvert.NullIfEmpty(a.CustomerId),
        CustomerNumber = CmfblConvert.NullIfEmpty(a.CustomerNo),
        CompanyId = CmfblConvert.NullIfEmpty(a.CompanyId),
        Currency = CmfblConvert.NullIfEmpty(a.Currency),
        TradeType = CmfblConvert.NullIfEmpty(a.TradeType),
        AssetsId = CmfblConvert.NullIfEmpty(a.AssetsId),
        Classification = a.Type,
        Status = a.Status,
        ActivateStatus = a.ActivateStatus,
        OpenAccountStatus = a.OpenAccountStatus,
        Digits = a.Digits,
        Balance = a.Balance,
        Equity = a.Equity,
        Available = a.Available,
        Frozen = a.Frozen,
        NetAssets = a.NetAssets,
        Margin = a.Margin,
        FreeMargin = a.FreeMargin,
        LockMargin = a.LockMargin,
        MarginRatio = a.MarginRadio,
        LockAmount = a.LockAmount,
        CollateralFrozen = a.CollateralFrozen,
        Profit = a.Profit,
        Interest = a.Interest,
        InterestProportion = a.InterestProportion,
        Liabilities = a.Liabilities,
        LiabilitiesPrincipal = a.LiabilitiesPrincipal,
        AvailableLoan = a.AvailableLoan,
        WithdrawAmount = a.WithdrawAmount,
        NotWithdrawAmount = a.NotWithdrawAmount,
        WholeWarehouseBalance = a.WholeWarehouseBalance,
        WholeWarehouseRate = a.WholeWarehouseRate,
        Remark = CmfblConvert.NullIfEmpty(a.Remark),
        CreatedAt = CmfblConvert.Time(a.CreateTime),
        ActivatedAt = CmfblConvert.Time(a.ActivateTime),
        FirstDepositAt = CmfblConvert.Time(a.FirstDepositTime),
        FirstWithdrawalAt = CmfblConvert.Time(a.FirstWithdrawTime),
    };

    /// <summary>The register answer's KYC levels (<c>list</c>), taken out of the members that go to <see cref="Customer.Extra"/>.</summary>
    private static CmfblKycLevel[] KycLevelsOf(CmfblCustomer wire, ProviderCall call, HttpStatusCode status)
    {
        if (!wire.Unmapped.Remove("list", out var list) || list is null or JToken { Type: JTokenType.Null })
        {
            return [];
        }

        if (list is not JArray items)
        {
            throw ProviderErrors.Protocol(call, "the answer's KYC list is not an array.", status);
        }

        var levels = ReadMember<List<CmfblKycLevelDto?>>(items, "list", call, status);
        return [.. levels.Select(level => level is null
            ? throw ProviderErrors.Protocol(call, "a KYC level in the answer is null.", status)
            : new CmfblKycLevel
            {
                LevelCode = level.LevelCode,
                LevelName = level.LevelName,
                PathCode = level.PathCode,
                PathName = level.PathName,
                OpenAccountType = level.OpenAccountType,
                Elements = [.. (level.ElementList ?? []).Select(element => element is null
                    ? throw ProviderErrors.Protocol(call, "a KYC element in the answer is null.", status)
                    : new CmfblKycElement
                    {
                        Code = element.ElementCode,
                        Name = element.ElementName,
                        ShowType = element.ShowType,
                        Extend = element.Extend,
                        Value = element.ElementValue,
                        ValueInputGroup = element.ElementValueInputGroup,
                        CodeInputGroup = element.ElementCodeInputGroup,
                    })],
            })];
    }

    private static T ReadMember<T>(JToken member, string name, ProviderCall call, HttpStatusCode status)
        where T : class
    {
        try
        {
            return member.ToObject<T>(WireJson.Serializer) ?? throw ProviderErrors.Protocol(call, $"the answer's {name} is empty.", status);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw ProviderErrors.Protocol(call, $"the answer's {name} does not have the expected shape ({ex.GetType().Name}).", status, ex);
        }
    }
}
