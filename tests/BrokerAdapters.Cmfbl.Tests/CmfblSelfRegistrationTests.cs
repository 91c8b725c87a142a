using System.Globalization;
using BrokerAdapters.Testing.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>Self-registration through the Client API: the verification code, then the registration with it.</summary>
public sealed class CmfblSelfRegistrationTests
{
    private const string SendCodePath = "global/message.app.VerificationApiService.verifyCodeSend";
    private const string RegisterPath = "register/customer.app.CustomerWebApiService.register";
    private const string SendToken = "38caf08b-0000-4cb5-b36c-ebdd1878b974";

    private const string RegisterAnswer = """
        {"code":"0","msg":"Success","ok":true,"fail":false,"trace":"t-register-1","bizCode":"","tm":12,"msgParams":null,
         "data":{"id":1177,"customerNo":"86021977","companyId":360,"customerGroupId":1,"email":"","phone":"98763237","phoneArea":"+852",
                 "name":"","country":"HK","loginPassStatus":"2","payPassStatus":"1","optional":0,"companyKycStatus":2,"thirdServerCode":"crm-000042",
                 "source":"PC_Web","capitalInStatus":2,"openAccountType":0,"companyType":"real","associationCompanyId":100360,
                 "registerTime":1732530000000,"apiCheckSwitch":false,"apiCheckRule":"",
                 "list":[{"levelCode":"L1","levelName":"Basic","pathCode":"register","pathName":"Registration","openAccountType":0,
                          "elementList":[{"elementCode":"firstName","elementName":"First name","showType":"input","extend":"{\"max\":50}",
                                          "elementValue":"","elementValueInputGroup":null,"elementCodeInputGroup":null},
                                         {"elementCode":"address","elementName":"Address","showType":"group","extend":null,
                                          "elementValue":"Flat 1","elementValueInputGroup":"Flat 1|Central","elementCodeInputGroup":"line|city"}]},
                         {"levelCode":"L2","levelName":"Identity","pathCode":"deposit","pathName":"Deposit","openAccountType":0,"elementList":[]}]}}
        """;

    /// <summary>A customer who registers by phone: no email (self-registration sends one login).</summary>
    private static NewCustomer PhoneCustomer() => Samples.NewCustomer() with { Email = null, ClientIp = "203.0.113.7", Language = "en-US" };

    private static NewCustomer EmailCustomer() => Samples.NewCustomer() with { Phone = null, ClientIp = "2001:db8::7" };

    private static CmfblVerificationTicket PhoneTicket() => new(CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")), SendToken);

    [Test]
    public async Task Sending_a_code_by_sms_posts_verifyCodeSend_with_the_phone_as_the_recipient()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(SendCodePath), CmfblTestHost.Envelope($$"""{"token":"{{SendToken}}"}"""));

        var ticket = await host.Cmfbl.SendRegistrationCodeAsync(PhoneCustomer(), CustomerLookupKind.Phone);

        var send = host.Provider.Requests.Single();
        Assert.That(send.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(send.Uri.ToString(), Is.EqualTo("https://client.cmfbl.test/api/global/message.app.VerificationApiService.verifyCodeSend"));
        JsonAssert.AreEqual(JToken.Parse("""{"companyId":360,"bizType":"SMS_REGISTER_VERIFICATION_CODE","toUser":"+852 98763237","country":"HK"}"""), send.Json);
        Assert.That(send.Header("companyId"), Is.EqualTo("360"));
        Assert.That(send.Header("version"), Is.EqualTo("0.0.1"));
        Assert.That(send.Header("lang"), Is.EqualTo("en-US"));
        Assert.That(send.Header("timestamp"), Is.EqualTo(CmfblTestHost.Now.ToString(CultureInfo.InvariantCulture)));
        Assert.That(send.Header("trace"), Does.StartWith("t-"));
        Assert.That(send.Headers.ContainsKey("token"), Is.False, "a guest call carries no token");

        Assert.That(ticket.Recipient, Is.EqualTo(CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237"))));
        Assert.That(ticket.SendToken, Is.EqualTo(SendToken));
        Assert.That(ticket.ToString(), Does.Not.Contain(SendToken));
    }

    [Test]
    public async Task Sending_a_code_by_email_names_the_email_business_type()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(SendCodePath), CmfblTestHost.Envelope($$"""{"token":"{{SendToken}}"}"""));

        var ticket = await host.Cmfbl.SendRegistrationCodeAsync(EmailCustomer() with { Country = null }, CustomerLookupKind.Email);

        JsonAssert.AreEqual(
            JToken.Parse("""{"companyId":360,"bizType":"EMAIL_REGISTER_VERIFICATION_CODE","toUser":"chan.tai.man@example.com"}"""),
            host.Provider.Requests.Single().Json);
        Assert.That(ticket.Recipient, Is.EqualTo(CustomerLookup.ByEmail("chan.tai.man@example.com")));
    }

    [Test]
    public async Task A_company_id_that_is_not_a_number_is_sent_as_configured()
    {
        using var host = CmfblTestHost.Create(s => s["UserRegistry:Cmfbl:CompanyId"] = "wl-360");
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(SendCodePath), CmfblTestHost.Envelope($$"""{"token":"{{SendToken}}"}"""));

        await host.Cmfbl.SendRegistrationCodeAsync(EmailCustomer(), CustomerLookupKind.Email);

        var send = host.Provider.Requests.Single();
        Assert.That(send.Json["companyId"], Is.EqualTo(new JValue("wl-360")));
        Assert.That(send.Header("companyId"), Is.EqualTo("wl-360"));
    }

    [Test]
    public async Task A_send_answer_without_a_ticket_says_a_code_may_have_been_sent()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(SendCodePath), CmfblTestHost.Envelope("{}"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.SendRegistrationCodeAsync(PhoneCustomer(), CustomerLookupKind.Phone));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.Message, Does.Contain("data.token"));
    }

    [TestCase(CustomerLookupKind.Number, "Login")]
    [TestCase(CustomerLookupKind.Id, "Login")]
    public async Task A_code_goes_only_to_a_phone_or_an_email(CustomerLookupKind login, string field)
    {
        using var host = CmfblTestHost.Create();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.SendRegistrationCodeAsync(PhoneCustomer(), login));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { field }));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task A_code_for_a_missing_or_malformed_login_is_refused_before_any_call()
    {
        using var host = CmfblTestHost.Create();

        var noPhone = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Cmfbl.SendRegistrationCodeAsync(EmailCustomer(), CustomerLookupKind.Phone));
        var badEmail = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Cmfbl.SendRegistrationCodeAsync(EmailCustomer() with { Email = "not-an-email", Country = "hk" }, CustomerLookupKind.Email));

        Assert.That(noPhone!.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Phone" }));
        Assert.That(badEmail!.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Email", "Country" }));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task Registering_with_the_code_posts_register_with_the_customers_ip_and_the_ticket()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(RegisterPath), RegisterAnswer);

        await host.Cmfbl.RegisterWithCodeAsync(PhoneCustomer(), PhoneTicket(), " 123456 ");

        var register = host.Provider.Requests.Single();
        Assert.That(register.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(register.Uri.ToString(), Is.EqualTo("https://client.cmfbl.test/api/register/customer.app.CustomerWebApiService.register"));
        JsonAssert.AreEqual(JToken.Parse($$"""
            {"type":2,"loginName":"98763237","phoneArea":"+852","country":"HK","lang":"en-US","pwd":"{{Samples.PasswordMd5}}",
             "verifyCode":"123456","sendToken":"{{SendToken}}","registerSource":2,"customerGroupId":1,
             "tradeTypeCurrencyList":[{"allCurrency":"USDT","tradeType":"1"}],"registerDevice":"iPhone15,2",
             "utmSource":"newsletter","utmMedium":"email","utmCampaign":"autumn","utmContent":"banner-a","utmTerm":"forex",
             "thirdServerCode":"crm-000042"}
            """), register.Json);
        Assert.That(register.Header("X-Forwarded-For"), Is.EqualTo("203.0.113.7"));
        Assert.That(register.Header("version"), Is.EqualTo("0.0.1"));
        Assert.That(register.Header("companyId"), Is.EqualTo("360"));
        Assert.That(register.Header("lang"), Is.EqualTo("en-US"));
        Assert.That(register.Header("trace"), Does.StartWith("t-"));
        Assert.That(register.Headers.ContainsKey("token"), Is.False);
    }

    [Test]
    public async Task Registering_by_email_sends_the_email_as_the_login_and_no_phone_area()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(RegisterPath), RegisterAnswer);
        var customer = new NewCustomer { Email = "Chan.Tai.Man@example.com", Password = Samples.Password, Country = "HK", ClientIp = "2001:db8::7" };

        await host.Cmfbl.RegisterWithCodeAsync(customer, new CmfblVerificationTicket(CustomerLookup.ByEmail("chan.tai.man@example.com"), SendToken), "123456");

        var register = host.Provider.Requests.Single();
        JsonAssert.AreEqual(JToken.Parse($$"""
            {"type":1,"loginName":"Chan.Tai.Man@example.com","country":"HK","pwd":"{{Samples.PasswordMd5}}","verifyCode":"123456",
             "sendToken":"{{SendToken}}","registerSource":3,"customerGroupId":1,"tradeTypeCurrencyList":[{"allCurrency":"USDT","tradeType":"1"}]}
            """), register.Json);
        Assert.That(register.Header("X-Forwarded-For"), Is.EqualTo("2001:db8::7"));
    }

    [Test]
    public async Task The_register_answer_gives_the_customer_and_its_kyc_levels()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(RegisterPath), RegisterAnswer);

        var result = await host.Cmfbl.RegisterWithCodeAsync(PhoneCustomer(), PhoneTicket(), "123456");

        var customer = result.Customer;
        Assert.That(customer.Provider, Is.EqualTo("Cmfbl"));
        Assert.That(customer.Id, Is.EqualTo("1177"));
        Assert.That(customer.Number, Is.EqualTo("86021977"));
        Assert.That(customer.Phone, Is.EqualTo(new PhoneNumber("+852", "98763237")));
        Assert.That(customer.Email, Is.Null);
        Assert.That(customer.Country, Is.EqualTo("HK"));
        Assert.That(customer.ExternalId, Is.EqualTo("crm-000042"));
        Assert.That(customer.GroupId, Is.EqualTo("1"));
        Assert.That(customer.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1732530000000)));
        Assert.That(customer.Extra["companyType"], Is.EqualTo("real"));
        Assert.That(customer.Extra.ContainsKey("list"), Is.False, "the KYC levels are typed, not left in Extra");

        Assert.That(result.KycLevels, Is.EqualTo(new[]
        {
            new CmfblKycLevel
            {
                LevelCode = "L1",
                LevelName = "Basic",
                PathCode = "register",
                PathName = "Registration",
                OpenAccountType = 0,
                Elements =
                [
                    new CmfblKycElement { Code = "firstName", Name = "First name", ShowType = "input", Extend = "{\"max\":50}", Value = "" },
                    new CmfblKycElement
                    {
                        Code = "address", Name = "Address", ShowType = "group", Value = "Flat 1",
                        ValueInputGroup = "Flat 1|Central", CodeInputGroup = "line|city",
                    },
                ],
            },
            new CmfblKycLevel { LevelCode = "L2", LevelName = "Identity", PathCode = "deposit", PathName = "Deposit", OpenAccountType = 0 },
        }).Using<CmfblKycLevel>(SameLevel));
    }

    [TestCase("USCUSTOMER_API_0000511", UserRegistryErrorKind.InvalidInput, "VerificationCode")]
    [TestCase("USCUSTOMER_API_0000517", UserRegistryErrorKind.InvalidInput, "VerificationCode")]
    [TestCase("USCUSTOMER_API_0000518", UserRegistryErrorKind.InvalidInput, "VerificationCode")]
    [TestCase("USCUSTOMER_API_0000106", UserRegistryErrorKind.AlreadyExists, "Phone")]
    public async Task A_refused_registration_names_the_field(string code, UserRegistryErrorKind kind, string field)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(RegisterPath), CmfblTestHost.Error(code, "refused", "t-refused"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.RegisterWithCodeAsync(PhoneCustomer(), PhoneTicket(), "654321"));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.ProviderCode, Is.EqualTo(code));
        Assert.That(ex.TraceId, Is.EqualTo("t-refused"));
        Assert.That(ex.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Too_many_wrong_codes_is_RateLimited()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(RegisterPath), CmfblTestHost.Error("USCUSTOMER_API_0000512", "too many"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.RegisterWithCodeAsync(PhoneCustomer(), PhoneTicket(), "654321"));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.IsRetryable, Is.True);
    }

    [Test]
    public async Task The_code_and_its_ticket_never_show_in_an_error_that_repeats_them()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(
            CmfblTestHost.ClientUrl(RegisterPath),
            CmfblTestHost.Error("USCUSTOMER_API_0000511", $"code 654321 for ticket {SendToken} is not correct"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.RegisterWithCodeAsync(PhoneCustomer(), PhoneTicket(), "654321"));

        foreach (var text in new[] { ex!.Message, ex.ProviderMessage!, ex.FieldErrors.Single().Message, ex.ToString() })
        {
            Assert.That(text, Does.Not.Contain("654321").And.Not.Contain(SendToken));
        }
    }

    [Test]
    public async Task A_lost_register_answer_is_OutcomeUnknown_with_the_login_to_reconcile_by()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(RegisterPath), CmfblTestHost.Error("G500", "system error"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.RegisterWithCodeAsync(PhoneCustomer(), PhoneTicket(), "123456"));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.IsRetryable, Is.False);
        Assert.That(ex.ReconciliationLookups, Is.EqualTo(new[] { CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")) }));
        Assert.That(host.Provider.Requests, Has.Count.EqualTo(1), "a registration with a code is never sent twice");
    }

    [Test]
    public async Task Self_registration_input_is_checked_before_any_call_naming_every_field()
    {
        using var host = CmfblTestHost.Create();
        var customer = Samples.NewCustomer() with { Phone = new PhoneNumber("+852", "98763238"), Password = " ", ClientIp = "10.1" };

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.RegisterWithCodeAsync(customer, PhoneTicket(), ""));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Phone", "Email", "Password", "ClientIp", "VerificationCode" }));
        Assert.That(ex.FieldErrors[0].Message, Is.EqualTo("must be the one the verification code was sent to."));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task The_customers_ip_is_required_for_self_registration()
    {
        using var host = CmfblTestHost.Create();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Cmfbl.RegisterWithCodeAsync(PhoneCustomer() with { ClientIp = null }, PhoneTicket(), "123456"));

        Assert.That(ex!.FieldErrors.Single(), Is.EqualTo(new FieldError("ClientIp", "is required.")));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task Self_registration_without_a_client_base_url_names_the_setting()
    {
        using var host = CmfblTestHost.Create(s => s.Remove("UserRegistry:Cmfbl:ClientBaseUrl"));

        var send = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.SendRegistrationCodeAsync(PhoneCustomer(), CustomerLookupKind.Phone));
        var register = await Assert.ThrowsAsync<UserRegistryException>(() => host.Cmfbl.RegisterWithCodeAsync(PhoneCustomer(), PhoneTicket(), "123456"));

        Assert.That(send!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(send.Message, Is.EqualTo("Cmfbl does not support SendRegistrationCodeAsync without the setting UserRegistry:Cmfbl:ClientBaseUrl."));
        Assert.That(register!.Message, Is.EqualTo("Cmfbl does not support RegisterWithCodeAsync without the setting UserRegistry:Cmfbl:ClientBaseUrl."));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task RegisterAsync_in_self_service_mode_sends_the_code_and_registers_with_the_one_the_source_supplies()
    {
        var source = new QueuedCodeSource("246810");
        using var host = CmfblTestHost.Create(
            s => s["UserRegistry:Cmfbl:RegistrationMode"] = "SelfService",
            configureServices: services => services.AddSingleton<ICmfblVerificationCodeSource>(source));
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(SendCodePath), CmfblTestHost.Envelope($$"""{"token":"{{SendToken}}"}"""));
        host.Provider.AnswerJson(CmfblTestHost.ClientUrl(RegisterPath), RegisterAnswer);

        var registration = await host.Registry.RegisterAsync(PhoneCustomer());

        Assert.That(host.Provider.Requests.Select(r => r.Uri.AbsolutePath), Is.EqualTo(new[]
        {
            "/api/global/message.app.VerificationApiService.verifyCodeSend",
            "/api/register/customer.app.CustomerWebApiService.register",
        }));
        Assert.That(source.Tickets.Single(), Is.EqualTo(PhoneTicket()));
        Assert.That((string?)host.Provider.Requests[1].Json["verifyCode"], Is.EqualTo("246810"));
        Assert.That((string?)host.Provider.Requests[1].Json["sendToken"], Is.EqualTo(SendToken));
        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(registration.Customer.Number, Is.EqualTo("86021977"));
        Assert.That(host.Registry.Descriptor.Supports(UserRegistryCapabilities.Register), Is.True);
    }

    [Test]
    public async Task RegisterAsync_in_self_service_mode_checks_the_customer_before_a_code_is_sent()
    {
        var source = new QueuedCodeSource("246810");
        using var host = CmfblTestHost.Create(
            s => s["UserRegistry:Cmfbl:RegistrationMode"] = "SelfService",
            configureServices: services => services.AddSingleton<ICmfblVerificationCodeSource>(source));

        // The sample has a phone and an email: self-registration could send only the phone.
        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Email", "ClientIp" }));
        Assert.That(host.Provider.Requests, Is.Empty);
        Assert.That(source.Tickets, Is.Empty);
    }

    [Test]
    public async Task RegisterAsync_in_self_service_mode_without_a_code_source_is_not_offered()
    {
        using var host = CmfblTestHost.Create(s => s["UserRegistry:Cmfbl:RegistrationMode"] = "SelfService");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(PhoneCustomer()));

        Assert.That(host.Registry.Descriptor.Supports(UserRegistryCapabilities.Register), Is.False);
        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(ex.Message, Does.Contain("ICmfblVerificationCodeSource").And.Contain("SendRegistrationCodeAsync").And.Contain("RegisterWithCodeAsync"));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task A_keyed_code_source_serves_its_keyed_registry()
    {
        var keyed = new QueuedCodeSource("111111");
        var shared = new QueuedCodeSource("999999");
        var settings = CmfblTestHost.DefaultSettings();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("UserRegistry:", "Registries:Web:", StringComparison.Ordinal), s.Value)))
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("Registries:Web:Cmfbl:RegistrationMode", "SelfService")])
            .Build();
        using var provider = new FakeProvider();
        provider.AnswerJson(CmfblTestHost.ClientUrl(SendCodePath), CmfblTestHost.Envelope($$"""{"token":"{{SendToken}}"}"""));
        provider.AnswerJson(CmfblTestHost.ClientUrl(RegisterPath), RegisterAnswer);
        var services = new ServiceCollection();
        services.AddSingleton<ICmfblVerificationCodeSource>(shared);
        services.AddKeyedSingleton<ICmfblVerificationCodeSource>("web", keyed);
        services.AddKeyedUserRegistry("web", configuration.GetSection("Registries:Web"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(() => provider.Handler));
        await using var built = services.BuildServiceProvider();

        await built.GetRequiredKeyedService<IUserRegistry>("web").RegisterAsync(PhoneCustomer());

        Assert.That(keyed.Tickets, Has.Count.EqualTo(1));
        Assert.That(shared.Tickets, Is.Empty);
        Assert.That((string?)provider.Requests[1].Json["verifyCode"], Is.EqualTo("111111"));
    }

    private static bool SameLevel(CmfblKycLevel x, CmfblKycLevel y) =>
        x with { Elements = [] } == y with { Elements = [] } && x.Elements.SequenceEqual(y.Elements);

    /// <summary>Hands out a fixed code and records the tickets it was asked about.</summary>
    private sealed class QueuedCodeSource(string code) : ICmfblVerificationCodeSource
    {
        public List<CmfblVerificationTicket> Tickets { get; } = [];

        public ValueTask<string> GetCodeAsync(CmfblVerificationTicket ticket, CancellationToken cancellationToken = default)
        {
            Tickets.Add(ticket);
            return ValueTask.FromResult(code);
        }
    }
}
