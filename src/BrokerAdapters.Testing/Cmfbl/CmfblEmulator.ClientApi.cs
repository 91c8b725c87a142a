using System.Globalization;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Testing;

/// <summary>The Client API (<c>/api/…</c>) side of the emulator, and the Manager API's trading account list.</summary>
public sealed partial class CmfblEmulator
{
    internal const string RegisterOperation = "customer.app.CustomerWebApiService.register";
    internal const string VerifyCodeSendOperation = "message.app.VerificationApiService.verifyCodeSend";
    internal const string ResetAccountOperation = "customer.app.CustomerDubboApiService.resetAccount";
    internal const string RandomKeyOperation = "thirdExt/randomKey";
    internal const string SwitchAccountOperation = "thirdExt/switchAccount";

    private const string RegisterPrefix = "/api/register/";
    private const string GlobalPrefix = "/api/global/";
    private const string ForwardedForHeader = "X-Forwarded-For";

    private static readonly string[] CodeBizTypes =
    [
        "EMAIL_COMMON_VERIFICATION_CODE", "EMAIL_LOGIN_VERIFICATION_CODE", "EMAIL_REGISTER_VERIFICATION_CODE",
        "EMAIL_PASSWORD_VERIFICATION_CODE", "EMAIL_LOGINED_VERIFICATION_CODE", "SMS_COMMON_VERIFICATION_CODE",
        "SMS_LOGIN_VERIFICATION_CODE", "SMS_REGISTER_VERIFICATION_CODE", "SMS_PASSWORD_VERIFICATION_CODE",
        "SMS_LOGINED_VERIFICATION_CODE", "SMS_TELEGRAM_VERIFICATION_CODE",
    ];

    /// <summary>The operation a Client API path serves: the bizType after its group, or the path of the <c>thirdExt</c> calls.</summary>
    private static string? ResolveClientOperation(string path)
    {
        foreach (var prefix in (string[])[LoginPrefix, RegisterPrefix, GlobalPrefix, ClientPrefix])
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length)
            {
                return path[prefix.Length..];
            }
        }

        return null;
    }

    private EmulatorResponse Client(EmulatorCall call, CmfblEmulatedCompany company, bool demo)
    {
        var path = call.Path;
        if (path == LoginPrefix + LoginOperation)
        {
            return Login(call, company, demo, Parse(call.Body));
        }

        if (path == RegisterPrefix + RegisterOperation)
        {
            return Register(call, company, demo, Parse(call.Body));
        }

        if (path == GlobalPrefix + VerifyCodeSendOperation)
        {
            return VerifyCodeSend(call, company, demo, Parse(call.Body));
        }

        if (path == GlobalPrefix + RandomKeyOperation)
        {
            return RandomKey(call, company, demo);
        }

        if (path == ClientPrefix + SwitchAccountOperation)
        {
            return SwitchAccount(call, company, demo);
        }

        return path == GlobalPrefix + ResetAccountOperation
            ? ResetAccount(call, company, demo)
            : Error(call, "GGATEWAY_CODE_002", "Invalid business type");
    }

    private EmulatorResponse Login(EmulatorCall call, CmfblEmulatedCompany company, bool demo, JObject? body)
    {
        var type = body?["type"]?.Type == JTokenType.Integer ? (int)body["type"]! : 0;
        var login = Text(body, "loginName");
        var pwd = Text(body, "loginPwd");
        if (body is null || type is < 1 or > 3 || login is null || body["device"]?.Type != JTokenType.Integer || (pwd is not null && !IsMd5Hex(pwd)))
        {
            return Error(call, "GGATEWAY_CODE_015", "The request parameter is invalid");
        }

        lock (company.Sync)
        {
            var customer = FindByLogin(company, type, login, Text(body, "phoneArea"));
            if (customer is null)
            {
                return Error(call, "USCUSTOMER_API_0000102", "Account number or password wrong");
            }

            switch (customer.Status)
            {
                case 5:
                    return Error(call, "USCUSTOMER_API_0000157", "The customer is locked and operations are prohibited.");
                case 2:
                    return Error(call, "USCUSTOMER_API_0000158", "The customer is disabled, operation prohibited.");
                case 3 or 4:
                    return Error(call, "USCUSTOMER_API_0000113", "Account is suspended, login is not allowed.");
            }

            if (pwd is null || customer.PasswordMd5.Length == 0 || !string.Equals(pwd, customer.PasswordMd5, StringComparison.OrdinalIgnoreCase))
            {
                customer.FailedLogins++;
                if (customer.FailedLogins >= _options.MaxFailedLogins)
                {
                    customer.Status = 5;
                    return Error(call, "USCUSTOMER_API_0001050", "Your account has been locked due to 5 consecutive incorrect password attempts.");
                }

                return Error(call, "USCUSTOMER_API_0000102", "Account number or password wrong");
            }

            customer.FailedLogins = 0;
            customer.LastLoginAt = TimeProvider.GetUtcNow();
            var data = SessionInfo(company, customer, demo, company.IssueClientToken(customer, demo));

            // A login names no associated company; a switch answer names the one switched to.
            data["associationCompanyId"] = null;
            return Ok(call, data);
        }
    }

    private EmulatorResponse VerifyCodeSend(EmulatorCall call, CmfblEmulatedCompany company, bool demo, JObject? body)
    {
        var companyId = Text(body, "companyId");
        var bizType = Text(body, "bizType");
        var toUser = Text(body, "toUser");
        if (body is null || companyId is null || bizType is null)
        {
            return Error(call, "USCUSTOMER_API_0000501", "Mandatory param cannot be null");
        }

        if (companyId != (demo ? company.DemoCompanyId : company.CompanyId) || !CodeBizTypes.Contains(bizType))
        {
            return Error(call, "GGATEWAY_CODE_015", "The request parameter is invalid");
        }

        if (toUser is null)
        {
            // Codes for a signed-in customer may name it by customerNo; registration codes need a recipient.
            return Error(call, "USCUSTOMER_API_0000501", "Mandatory param cannot be null");
        }

        if (bizType.StartsWith("EMAIL_", StringComparison.Ordinal) && !EmailPattern().IsMatch(toUser))
        {
            return Error(call, "USCUSTOMER_API_0000510", "Email format is not correct");
        }

        if (bizType.StartsWith("SMS_", StringComparison.Ordinal) && bizType != "SMS_TELEGRAM_VERIFICATION_CODE" && SmsRecipient(toUser) is null)
        {
            return Error(call, "USCUSTOMER_API_0000504", "Mobile number format is not correct");
        }

        var code = company.IssueCode(toUser, bizType, _options.VerificationCodeLifetime);
        return Ok(call, new JObject { ["token"] = code.SendToken });
    }

    private EmulatorResponse Register(EmulatorCall call, CmfblEmulatedCompany company, bool demo, JObject? body)
    {
        if (string.IsNullOrWhiteSpace(call.Header("version")) || string.IsNullOrWhiteSpace(call.Header(ForwardedForHeader)))
        {
            return Error(call, "GGATEWAY_CODE_009", "Head request cannot be null");
        }

        if (demo)
        {
            return Error(call, "USCUSTOMER_API_0000007", "Demo company is not allowed to register an account");
        }

        var type = body?["type"]?.Type == JTokenType.Integer ? (int)body["type"]! : 0;
        var source = body?["registerSource"]?.Type == JTokenType.Integer ? (int)body["registerSource"]! : 0;
        var login = Text(body, "loginName");
        var country = Text(body, "country");
        var sendToken = Text(body, "sendToken");
        var verifyCode = Text(body, "verifyCode");
        var pwd = Text(body, "pwd");
        if (body is null || type is not (1 or 2) || source is < 1 or > 9 || login is null || country is null || sendToken is null || verifyCode is null)
        {
            return Error(call, "USCUSTOMER_API_0000501", "Mandatory param cannot be null");
        }

        if (pwd is not null && !IsMd5Hex(pwd))
        {
            return Error(call, "GGATEWAY_CODE_015", "The request parameter is invalid");
        }

        var phoneArea = Text(body, "phoneArea") ?? "+86";
        if (type == 2 && (!login.All(char.IsAsciiDigit) || login.Length is < 4 or > 20))
        {
            return Error(call, "USCUSTOMER_API_0000504", "Mobile number format is not correct");
        }

        if (type == 1 && !EmailPattern().IsMatch(login))
        {
            return Error(call, "USCUSTOMER_API_0000510", "Email format is not correct");
        }

        if (country.Length != 2)
        {
            return Error(call, "USCUSTOMER_API_0001003", "The country you selected is not currently supported");
        }

        // A code is good for the recipient and purpose it was sent for, once, until it expires.
        var code = company.FindCode(sendToken);
        if (code is not null && code.FailedAttempts >= _options.MaxVerificationAttempts)
        {
            return Error(call, "USCUSTOMER_API_0000512", "Verification code error many times,please try again later");
        }

        var recipient = type == 2 ? phoneArea + " " + login : login;
        var purpose = type == 2 ? "SMS_REGISTER_VERIFICATION_CODE" : "EMAIL_REGISTER_VERIFICATION_CODE";
        if (code is null || code.IsUsed || company.IsExpired(code) || code.BizType != purpose
            || !string.Equals(code.Recipient, recipient, StringComparison.OrdinalIgnoreCase)
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(code.Code), System.Text.Encoding.UTF8.GetBytes(verifyCode)))
        {
            code?.Fail();
            return Error(call, "USCUSTOMER_API_0000511", "Verification code is not correct");
        }

        var groupId = body["customerGroupId"]?.Type == JTokenType.Integer ? (long)body["customerGroupId"]! : 1;
        var third = Text(body, "thirdServerCode");
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
                return Error(call, "USCUSTOMER_API_0000301", "Client group info is not exist");
            }

            var (phone, email) = type == 2 ? (login, (string?)null) : (string.Empty, login);
            if (company.Conflict(phoneArea, phone, email, third) is { } conflict)
            {
                return Error(call, conflict, conflict switch
                {
                    "USCUSTOMER_API_0000106" => "Mobile number already exist",
                    "USCUSTOMER_API_0000107" => "Email exist already",
                    _ => "Client info exist already",
                });
            }

            code.MarkUsed();
            var customer = company.Create(
                pwd?.ToLowerInvariant() ?? string.Empty, phoneArea, phone, email, country, third, groupId, source, Text(body, "registerDevice"), utm, FirstTradeType(body));
            return Ok(call, RegisterInfo(company, customer));
        }
    }

    private EmulatorResponse RandomKey(EmulatorCall call, CmfblEmulatedCompany company, bool demo) =>
        WithSession(call, company, demo, (customer, _, _) => Ok(call, company.IssueAccessKey(customer)));

    private EmulatorResponse SwitchAccount(EmulatorCall call, CmfblEmulatedCompany company, bool demo) =>
        WithSession(call, company, demo, (customer, onDemo, token) =>
        {
            // The session moves to the other side: a new token there, the old one ends.
            company.EndClientSession(token);
            var data = SessionInfo(company, customer, !onDemo, company.IssueClientToken(customer, !onDemo));
            data["associationCompanyId"] = CompanyNumber(SideCompanyId(company, !onDemo));
            return Ok(call, data);
        });

    private EmulatorResponse ResetAccount(EmulatorCall call, CmfblEmulatedCompany company, bool demo)
    {
        if (string.IsNullOrWhiteSpace(call.Header("version")))
        {
            return Error(call, "GGATEWAY_CODE_009", "Head request cannot be null");
        }

        return WithSession(call, company, demo, (customer, onDemo, _) =>
        {
            if (!onDemo)
            {
                return Error(call, "USCUSTOMER_API_0000008", "Real account cannot reset account information");
            }

            var wait = customer.DemoAccount.TryReset(company.DemoBalance, TimeProvider.GetUtcNow(), _options.DemoResetCooldown);
            if (wait is { } left)
            {
                var minutes = Math.Max(1, (int)Math.Ceiling(left.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
                return Error(call, "USCUSTOMER_API_0000009", $"The Demo account is being reset, please try again after {minutes} minutes or contact Customer Service");
            }

            return Ok(call, JValue.CreateNull());
        });
    }

    private static EmulatorResponse AccountList(EmulatorCall call, CmfblEmulatedCompany company, JObject body)
    {
        var number = Text(body, "customerNo");
        if (number is null || body["tradeType"]?.Type != JTokenType.Integer)
        {
            return Refuse(call, "GGATEWAY_CODE_015", "The request parameter is invalid");
        }

        CmfblEmulatedCustomer? customer;
        lock (company.Sync)
        {
            customer = company.CustomersUnsafe.FirstOrDefault(c => c.CustomerNo == number);
        }

        if (customer is null)
        {
            return Refuse(call, "USCUSTOMER_API_0000003", "Data not exist");
        }

        // The admin sees its own company's accounts: the real ones; demo accounts live in the simulation side.
        var tradeType = (long)body["tradeType"]!;
        return Ok(call, customer.RealAccount.TradeType == tradeType ? new JArray(Account(company, customer, demo: false)) : new JArray());
    }

    /// <summary>Runs <paramref name="action"/> with the customer session the <c>token</c> header names, on the side <c>companyId</c> names.</summary>
    private EmulatorResponse WithSession(
        EmulatorCall call, CmfblEmulatedCompany company, bool demo, Func<CmfblEmulatedCustomer, bool, string, EmulatorResponse> action)
    {
        var token = call.Header("token");
        if (string.IsNullOrEmpty(token))
        {
            return Error(call, "GGATEWAY_CODE_001", "TOKEN is null");
        }

        if (company.ClientSession(token) is not { } session || session.Demo != demo)
        {
            return Error(call, "GGATEWAY_CODE_005", "Login info is expired, please login again");
        }

        lock (company.Sync)
        {
            return action(session.Customer, session.Demo, token);
        }
    }

    /// <summary>The customer as a login or switch answer describes it, on one side, with that side's token and accounts.</summary>
    private static JObject SessionInfo(CmfblEmulatedCompany company, CmfblEmulatedCustomer c, bool demo, string token)
    {
        var data = BaseInfo(company, c);
        data["id"] = demo ? c.DemoId : c.Id;
        data["companyId"] = CompanyNumber(SideCompanyId(company, demo));
        data["companyType"] = demo ? "demo" : "real";
        data["type"] = demo ? 1 : 0;
        data["relationCustomerId"] = demo ? c.Id : c.DemoId;
        data["token"] = token;
        data["rToken"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        data["accountList"] = new JArray(Account(company, c, demo));
        return data;
    }

    /// <summary>The register answer's <c>data</c>: the new customer and the company's KYC levels.</summary>
    private static JObject RegisterInfo(CmfblEmulatedCompany company, CmfblEmulatedCustomer c) => new()
    {
        ["id"] = c.Id,
        ["customerNo"] = c.CustomerNo,
        ["companyId"] = CompanyNumber(company),
        ["customerGroupId"] = c.CustomerGroupId,
        ["email"] = c.Email ?? string.Empty,
        ["phone"] = c.Phone,
        ["phoneArea"] = c.Phone.Length == 0 ? string.Empty : c.PhoneArea,
        ["name"] = string.Empty,
        ["country"] = c.Country,
        ["loginPassStatus"] = c.PasswordMd5.Length == 0 ? "1" : "2",
        ["payPassStatus"] = "1",
        ["optional"] = 0,
        ["companyKycStatus"] = 2,
        ["thirdServerCode"] = c.ThirdServerCode ?? string.Empty,
        ["source"] = SourceName(c.RegisterSource),
        ["capitalInStatus"] = 2,
        ["openAccountType"] = 0,
        ["companyType"] = "real",
        ["associationCompanyId"] = CompanyNumber(company.DemoCompanyId),
        ["registerTime"] = c.CreatedAt.ToUnixTimeMilliseconds(),
        ["apiCheckSwitch"] = false,
        ["apiCheckRule"] = string.Empty,
        ["list"] = new JArray(
            new JObject
            {
                ["levelCode"] = "L1",
                ["levelName"] = "Basic",
                ["pathCode"] = "register",
                ["pathName"] = "Registration",
                ["openAccountType"] = 0,
                ["elementList"] = new JArray(
                    KycElement("firstName", "First name", "input"),
                    KycElement("lastName", "Last name", "input"),
                    KycElement("birthday", "Date of birth", "date")),
            }),
    };

    private static JObject KycElement(string code, string name, string showType) => new()
    {
        ["elementCode"] = code,
        ["elementName"] = name,
        ["showType"] = showType,
        ["extend"] = string.Empty,
        ["elementValue"] = string.Empty,
        ["elementValueInputGroup"] = null,
        ["elementCodeInputGroup"] = null,
    };

    /// <summary>A trading account with every member of CMFBL's account object, amounts as decimal texts.</summary>
    private static JObject Account(CmfblEmulatedCompany company, CmfblEmulatedCustomer c, bool demo)
    {
        var account = demo ? c.DemoAccount : c.RealAccount;
        var balance = Amount(account.Balance);
        var zero = Amount(0m);
        return new JObject
        {
            ["accountId"] = account.AccountId,
            ["customerId"] = demo ? c.DemoId : c.Id,
            ["customerNo"] = c.CustomerNo,
            ["companyId"] = CompanyNumber(SideCompanyId(company, demo)),
            ["currency"] = account.Currency,
            ["tradeType"] = account.TradeType,
            ["assetsId"] = 1,
            ["type"] = 1,
            ["status"] = 2,
            ["activateStatus"] = 2,
            ["activateTime"] = account.CreatedAt.ToUnixTimeMilliseconds(),
            ["openAccountStatus"] = true,
            ["digits"] = 4,
            ["balance"] = balance,
            ["equity"] = balance,
            ["available"] = balance,
            ["netAssets"] = balance,
            ["withdrawAmount"] = demo ? zero : balance,
            ["frozen"] = zero,
            ["margin"] = "0",
            ["freeMargin"] = "0",
            ["lockMargin"] = zero,
            ["lockAmount"] = zero,
            ["collateralFrozen"] = zero,
            ["profit"] = "0",
            ["interest"] = zero,
            ["interestProportion"] = null,
            ["liabilities"] = zero,
            ["liabilitiesPrincipal"] = zero,
            ["availableLoan"] = null,
            ["notWithdrawAmount"] = zero,
            ["marginRadio"] = null,
            ["wholeWarehouseBalance"] = null,
            ["wholeWarehouseRate"] = null,
            ["remark"] = null,
            ["createTime"] = account.CreatedAt.ToUnixTimeMilliseconds(),
            ["firstDepositTime"] = null,
            ["firstWithdrawTime"] = null,
        };
    }

    private static string Amount(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string SideCompanyId(CmfblEmulatedCompany company, bool demo) => demo ? company.DemoCompanyId : company.CompanyId;

    private static JToken CompanyNumber(string companyId) =>
        long.TryParse(companyId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? new JValue(id) : new JValue(companyId);

    /// <summary>The first entry of a registration's <c>tradeTypeCurrencyList</c>, when it has a usable one.</summary>
    private static (int TradeType, string Currency)? FirstTradeType(JObject body) =>
        body["tradeTypeCurrencyList"] is JArray { Count: > 0 } list && list[0] is JObject first
            && int.TryParse(Text(first, "tradeType"), NumberStyles.None, CultureInfo.InvariantCulture, out var tradeType)
            && Text(first, "allCurrency") is { } currency
            ? (tradeType, currency.Split(',')[0].Trim())
            : null;

    /// <summary>An SMS recipient as CMFBL's clients write it, <c>+852 98763237</c>; <see langword="null"/> when it is not one.</summary>
    private static string? SmsRecipient(string toUser)
    {
        var parts = toUser.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts[0].Length is > 1 and <= 4 && parts[0][0] == '+' && parts[0][1..].All(char.IsAsciiDigit)
            && parts[1].Length is >= 4 and <= 20 && parts[1].All(char.IsAsciiDigit)
            ? toUser
            : null;
    }

    private static string SourceName(int source) => source switch
    {
        1 => "H5",
        2 => "PC_Web",
        3 => "System",
        4 => "Android",
        5 => "iOS",
        6 => "HOS",
        7 => "PC_Win",
        8 => "PC_Mac",
        _ => "Other",
    };
}
