using System.Globalization;
using BrokerAdapters.Testing.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>Customer sessions: sign-in with trading accounts, the access key, switching sides, the demo reset; and the admin account list.</summary>
public sealed class CmfblSessionTests
{
    private const string RandomKeyPath = "global/thirdExt/randomKey";
    private const string SwitchPath = "thirdExt/switchAccount";
    private const string ResetPath = "global/customer.app.CustomerDubboApiService.resetAccount";
    private const string ClientToken = "a541f9d5-0000-42b3-b790-59e1f755c380app";

    /// <summary>A full account: every member CMFBL documents for it.</summary>
    private const string FullAccount = """
        {"accountId":1031717,"customerId":1176,"customerNo":"86021976","companyId":360,"currency":"USDT","tradeType":5,"assetsId":13,
         "type":1,"status":2,"activateStatus":2,"openAccountStatus":true,"digits":4,
         "balance":"2904321.4696","equity":"2904318.4696","available":"2904318.4696","frozen":"3.0000","netAssets":"2904318.4696",
         "margin":"0","freeMargin":"0","lockMargin":"0.0000","marginRadio":"0.25","lockAmount":"3.0000","collateralFrozen":"0.0000",
         "profit":"-1.5","interest":"0.0000","interestProportion":"0.0005","liabilities":"0.0000","liabilitiesPrincipal":"0.0000",
         "availableLoan":null,"withdrawAmount":"2904318.4696","notWithdrawAmount":"0.0000","wholeWarehouseBalance":null,
         "wholeWarehouseRate":"7.1","remark":null,"createTime":1648777706190,"activateTime":1648792208194,
         "firstDepositTime":1648785031654,"firstWithdrawTime":null}
        """;

    private static readonly TradingAccount FullAccountModel = new()
    {
        AccountId = "1031717",
        CustomerId = "1176",
        CustomerNumber = "86021976",
        CompanyId = "360",
        Currency = "USDT",
        TradeType = "5",
        AssetsId = "13",
        Classification = 1,
        Status = 2,
        ActivateStatus = 2,
        OpenAccountStatus = true,
        Digits = 4,
        Balance = 2904321.4696m,
        Equity = 2904318.4696m,
        Available = 2904318.4696m,
        Frozen = 3.0000m,
        NetAssets = 2904318.4696m,
        Margin = 0m,
        FreeMargin = 0m,
        LockMargin = 0m,
        MarginRatio = 0.25m,
        LockAmount = 3m,
        CollateralFrozen = 0m,
        Profit = -1.5m,
        Interest = 0m,
        InterestProportion = 0.0005m,
        Liabilities = 0m,
        LiabilitiesPrincipal = 0m,
        AvailableLoan = null,
        WithdrawAmount = 2904318.4696m,
        NotWithdrawAmount = 0m,
        WholeWarehouseBalance = null,
        WholeWarehouseRate = 7.1m,
        Remark = null,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1648777706190),
        ActivatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1648792208194),
        FirstDepositAt = DateTimeOffset.FromUnixTimeMilliseconds(1648785031654),
        FirstWithdrawalAt = null,
    };

    private static readonly CustomerCredentials Credentials = new(CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")), Samples.Password);

    private static string LoginAnswer(string accounts = $"[{FullAccount}]", string side = "\"companyType\":\"real\",\"type\":0") => CmfblTestHost.Envelope($$"""
        {"id":1176,"customerNo":"86021976","companyId":360,"customerGroupId":1,"country":"HK","email":"ch**@example.com","phone":"987****37",
         "phoneArea":"+852","kycStatus":1,"registerSource":2,"status":1,{{side}},"relationCustomerId":1001176,"associationCompanyId":null,
         "loginTime":1732537200000,"token":"{{ClientToken}}","rToken":"refresh-token-1","accountList":{{accounts}}}
        """);

    private static CmfblCustomerSession Session(string companyId = "360", CmfblAccountMode? mode = CmfblAccountMode.Real) =>
        new(new Customer { Provider = "Cmfbl", Id = "1176", Number = "86021976" }, ClientToken, companyId) { Mode = mode };

    [Test]
    public async Task Sign_in_calls_the_client_login_and_returns_the_session_with_its_accounts()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, LoginAnswer());

        var session = await host.Cmfbl.SignInAsync(Credentials);

        var login = host.Provider.Requests.Single();
        Assert.That(login.Uri.ToString(), Is.EqualTo("https://client.cmfbl.test/api/login/customer.app.CustomerWebApiService.login"));
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "login-phone.request.json"), login.Json);
        Assert.That(login.Header("version"), Is.EqualTo("0.0.1"));
        Assert.That(login.Headers.ContainsKey("token"), Is.False);

        Assert.That(session.ClientToken, Is.EqualTo(ClientToken));
        Assert.That(session.RefreshToken, Is.EqualTo("refresh-token-1"));
        Assert.That(session.CompanyId, Is.EqualTo("360"));
        Assert.That(session.Mode, Is.EqualTo(CmfblAccountMode.Real));
        Assert.That(session.Customer.Id, Is.EqualTo("1176"));
        Assert.That(session.Customer.Number, Is.EqualTo("86021976"));
        Assert.That(session.Customer.Extra.Keys, Has.None.EqualTo("token").And.None.EqualTo("rToken"));
        Assert.That(session.Customer.Extra.ContainsKey("accountList"), Is.False, "the accounts are typed, not left in Extra");
        Assert.That(session.Customer.Extra["relationCustomerId"], Is.EqualTo("1001176"));
        Assert.That(session.TradingAccounts, Is.EqualTo(new[] { FullAccountModel with { Mode = CmfblAccountMode.Real } }));
    }

    [Test]
    public async Task The_session_never_prints_its_tokens()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, LoginAnswer());

        var session = await host.Cmfbl.SignInAsync(Credentials);

        Assert.That(session.ToString(), Does.Not.Contain(ClientToken).And.Not.Contain("refresh-token-1").And.Contain("ClientToken = ***"));
    }

    [TestCase("\"companyType\":\"demo\",\"type\":0", CmfblAccountMode.Demo)]
    [TestCase("\"companyType\":\"REAL\"", CmfblAccountMode.Real)]
    [TestCase("\"type\":1", CmfblAccountMode.Demo)]
    [TestCase("\"type\":0", CmfblAccountMode.Real)]
    [TestCase("\"type\":2", null)]
    [TestCase("\"companyType\":\"other\"", null)]
    public async Task The_side_is_the_company_type_else_the_customer_type(string side, CmfblAccountMode? mode)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, LoginAnswer(side: side));

        var session = await host.Cmfbl.SignInAsync(Credentials);

        Assert.That(session.Mode, Is.EqualTo(mode));
        Assert.That(session.TradingAccounts.Single().Mode, Is.EqualTo(mode));
    }

    [TestCase("null")]
    [TestCase("[]")]
    public async Task A_login_without_accounts_has_none(string accounts)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, LoginAnswer(accounts));

        var session = await host.Cmfbl.SignInAsync(Credentials);

        Assert.That(session.TradingAccounts, Is.Empty);
    }

    [TestCase("""[{"accountId":1,"balance":"twelve"}]""", "accountList")]
    [TestCase("""[{"accountId":1,"balance":true}]""", "accountList")]
    [TestCase("""[{"currency":"USDT"}]""", "no accountId")]
    [TestCase("""[null]""", "is null")]
    [TestCase("""{"accountId":1}""", "not an array")]
    public async Task Unreadable_accounts_are_a_ProtocolError(string accounts, string says)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, LoginAnswer(accounts));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.SignInAsync(Credentials));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(ex.Message, Does.Contain(says));
        Assert.That(ex.ToString(), Does.Not.Contain(ClientToken));
    }

    [Test]
    public async Task A_login_answer_without_a_token_is_a_ProtocolError()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, CmfblTestHost.Envelope("""{"id":1176,"customerNo":"86021976","accountList":[]}"""));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.SignInAsync(Credentials));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
    }

    [Test]
    public async Task The_access_key_is_exchanged_with_the_session_token_and_company()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(RandomKeyPath), CmfblTestHost.Envelope("\"qfx13-8z5850-mf4l657-gkqbn\""));

        var key = await host.Cmfbl.GetAccessKeyAsync(Session(companyId: "100360"));

        var exchange = host.Provider.Requests.Single();
        Assert.That(exchange.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(exchange.Uri.ToString(), Is.EqualTo("https://client.cmfbl.test/api/global/thirdExt/randomKey"));
        JsonAssert.AreEqual(new JObject(), exchange.Json);
        Assert.That(exchange.Header("token"), Is.EqualTo(ClientToken));
        Assert.That(exchange.Header("companyId"), Is.EqualTo("100360"));
        Assert.That(exchange.Header("lang"), Is.EqualTo("en-US"));
        Assert.That(exchange.Header("trace"), Does.StartWith("t-"));
        Assert.That(exchange.Header("timestamp"), Is.EqualTo(CmfblTestHost.Now.ToString(CultureInfo.InvariantCulture)));
        Assert.That(exchange.Headers.ContainsKey("version"), Is.False, "the operation documents no version");
        Assert.That(key, Is.EqualTo("qfx13-8z5850-mf4l657-gkqbn"));
    }

    [TestCase("null")]
    [TestCase("\"\"")]
    [TestCase("{\"key\":\"x\"}")]
    [TestCase("42")]
    public async Task An_access_key_answer_without_a_text_key_is_refused(string data)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(RandomKeyPath), CmfblTestHost.Envelope(data));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.GetAccessKeyAsync(Session()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown), "the exchange may have spent the token");
        Assert.That(ex.Message, Does.Contain("no access key"));
    }

    [Test]
    public async Task An_expired_session_is_Unauthorized_and_its_token_never_shows()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(
            CmfblTestHost.ClientUrl(RandomKeyPath), CmfblTestHost.Error("GGATEWAY_CODE_005", $"token {ClientToken} expired", "t-expired"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.GetAccessKeyAsync(Session()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unauthorized));
        Assert.That(ex.TraceId, Is.EqualTo("t-expired"));
        Assert.That(ex.ToString() + ex.ProviderMessage, Does.Not.Contain(ClientToken));
        Assert.That(host.Provider.Requests, Has.Count.EqualTo(1), "a customer token is not renewed like the admin token");
    }

    [Test]
    public async Task Switching_posts_switchAccount_and_moves_the_session_to_the_associated_company()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(SwitchPath), CmfblTestHost.Envelope($$"""
            {"id":1001176,"customerNo":"86021976","companyId":100360,"companyType":"demo","type":1,"associationCompanyId":100360,
             "token":"demo-token-1","accountList":[{"accountId":2001176,"currency":"USDT","tradeType":1,"balance":"100000.0000","status":2}]}
            """));

        var demo = await host.Cmfbl.SwitchAccountAsync(Session());

        var request = host.Provider.Requests.Single();
        Assert.That(request.Uri.ToString(), Is.EqualTo("https://client.cmfbl.test/api/thirdExt/switchAccount"));
        JsonAssert.AreEqual(new JObject(), request.Json);
        Assert.That(request.Header("token"), Is.EqualTo(ClientToken));
        Assert.That(request.Header("companyId"), Is.EqualTo("360"));
        Assert.That(request.Header("lang"), Is.EqualTo("en-US"));
        Assert.That(request.Headers.ContainsKey("version"), Is.False, "the operation documents no version");

        Assert.That(demo.ClientToken, Is.EqualTo("demo-token-1"));
        Assert.That(demo.CompanyId, Is.EqualTo("100360"));
        Assert.That(demo.Mode, Is.EqualTo(CmfblAccountMode.Demo));
        Assert.That(demo.Customer.Id, Is.EqualTo("1001176"));
        Assert.That(demo.TradingAccounts, Is.EqualTo(new[]
        {
            new TradingAccount { AccountId = "2001176", Mode = CmfblAccountMode.Demo, Currency = "USDT", TradeType = "1", Balance = 100000m, Status = 2 },
        }));
    }

    [Test]
    public async Task A_switch_answer_with_only_a_token_keeps_the_customer_and_company_and_flips_the_side()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(SwitchPath), CmfblTestHost.Envelope("""{"token":"demo-token-2"}"""));
        var real = Session();

        var demo = await host.Cmfbl.SwitchAccountAsync(real);

        Assert.That(demo.ClientToken, Is.EqualTo("demo-token-2"));
        Assert.That(demo.Customer, Is.SameAs(real.Customer));
        Assert.That(demo.CompanyId, Is.EqualTo("360"));
        Assert.That(demo.Mode, Is.EqualTo(CmfblAccountMode.Demo));
        Assert.That(demo.TradingAccounts, Is.Empty);
    }

    [TestCase("null")]
    [TestCase("""{"associationCompanyId":100360}""")]
    public async Task A_switch_answer_without_a_token_is_refused(string data)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(SwitchPath), CmfblTestHost.Envelope(data));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.SwitchAccountAsync(Session()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown), "the switch may have happened");
    }

    [Test]
    public async Task Resetting_posts_resetAccount_with_the_version_header()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(ResetPath), CmfblTestHost.Envelope("null"));

        await host.Cmfbl.ResetDemoAccountAsync(Session(companyId: "100360", mode: CmfblAccountMode.Demo));

        var reset = host.Provider.Requests.Single();
        Assert.That(reset.Uri.ToString(), Is.EqualTo("https://client.cmfbl.test/api/global/customer.app.CustomerDubboApiService.resetAccount"));
        JsonAssert.AreEqual(new JObject(), reset.Json);
        Assert.That(reset.Header("version"), Is.EqualTo("0.0.1"));
        Assert.That(reset.Header("token"), Is.EqualTo(ClientToken));
        Assert.That(reset.Header("companyId"), Is.EqualTo("100360"));
        Assert.That(reset.Header("lang"), Is.EqualTo("en-US"));
        Assert.That(reset.Header("trace"), Does.StartWith("t-"));
    }

    [TestCase("USCUSTOMER_API_0000008", UserRegistryErrorKind.Forbidden, false)]
    [TestCase("USCUSTOMER_API_0000009", UserRegistryErrorKind.RateLimited, true)]
    public async Task A_refused_reset_says_why(string code, UserRegistryErrorKind kind, bool retryable)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(ResetPath), CmfblTestHost.Error(code, "refused", "t-reset"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.ResetDemoAccountAsync(Session()));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.ProviderCode, Is.EqualTo(code));
        Assert.That(ex.TraceId, Is.EqualTo("t-reset"));
        Assert.That(ex.IsRetryable, Is.EqualTo(retryable));
    }

    [Test]
    public async Task A_session_with_a_blank_token_or_company_is_InvalidInput_before_any_call()
    {
        using var host = CmfblTestHost.Create();
        var broken = Session() with { ClientToken = " ", CompanyId = "36\n0" };

        var key = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.GetAccessKeyAsync(broken));
        var toggle = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.SwitchAccountAsync(broken));
        var reset = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.ResetDemoAccountAsync(broken));

        foreach (var ex in new[] { key!, toggle!, reset! })
        {
            Assert.That(ex.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
            Assert.That(ex.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Session.ClientToken", "Session.CompanyId" }));
        }

        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task Session_calls_without_a_client_base_url_name_the_setting()
    {
        using var host = CmfblTestHost.Create(s => s.Remove("UserRegistry:Cmfbl:ClientBaseUrl"));

        var calls = new Func<Task>[]
        {
            () => host.Cmfbl.SignInAsync(Credentials),
            () => host.Cmfbl.GetAccessKeyAsync(Session()),
            () => host.Cmfbl.SwitchAccountAsync(Session()),
            () => host.Cmfbl.ResetDemoAccountAsync(Session()),
            () => host.Registry.AuthenticateAsync(Credentials),
        };
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<UserRegistryException>(() => call());
            Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
            Assert.That(ex.Message, Does.EndWith("without the setting UserRegistry:Cmfbl:ClientBaseUrl."));
        }

        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task The_admin_account_list_posts_queryAccountList_and_reads_every_member()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.AccountListBizType, CmfblTestHost.Envelope($"[{FullAccount}]"));

        var accounts = await host.Cmfbl.GetTradingAccountsAsync("86021976", 5);

        var request = host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.AccountListBizType)).Single();
        Assert.That(request.Uri.ToString(), Is.EqualTo("https://cmfbl.test/openapi-b/customer.admin.CustomerAdminApiService.queryAccountList"));
        JsonAssert.AreEqual(JToken.Parse("""{"customerNo":"86021976","tradeType":5}"""), request.Json);
        Assert.That(request.Header("token"), Is.EqualTo("admin-token-1"));
        Assert.That(request.Header("companyId"), Is.EqualTo("360"));
        Assert.That(request.Header("version"), Is.EqualTo("0.0.1"));
        Assert.That(accounts, Is.EqualTo(new[] { FullAccountModel }));
    }

    [TestCase("null", 0)]
    [TestCase("[]", 0)]
    [TestCase("""{"accountId":7}""", 1)]
    public async Task The_admin_account_list_takes_an_array_one_account_or_none(string data, int count)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.AccountListBizType, CmfblTestHost.Envelope(data));

        var accounts = await host.Cmfbl.GetTradingAccountsAsync("86021976", 1);

        Assert.That(accounts, Has.Count.EqualTo(count));
        Assert.That(accounts.Select(a => a.Mode), Has.All.Null);
    }

    [Test]
    public async Task The_admin_account_list_checks_its_input_before_any_call()
    {
        using var host = CmfblTestHost.Create();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.GetTradingAccountsAsync(" ", 0));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "CustomerNumber", "TradeType" }));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task An_unknown_customer_in_the_admin_account_list_is_NotFound()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.AccountListBizType, CmfblTestHost.Error("USCUSTOMER_API_0000003", "Data not exist"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.GetTradingAccountsAsync("86099999", 1));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.NotFound));
    }
}
