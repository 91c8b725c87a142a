using BrokerAdapters.Cmfbl.Tests.Resilience;
using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>Self-registration and customer sessions end to end through the CMFBL emulator, which keeps their state.</summary>
public sealed class CmfblSessionEmulatorTests
{
    private static readonly PhoneNumber Phone = new("+852", "61234567");

    private static NewCustomer ByPhone(PhoneNumber? phone = null) => new()
    {
        Phone = phone ?? Phone,
        Password = Samples.Password,
        Country = "HK",
        ClientIp = "203.0.113.7",
        Source = RegistrationSource.Ios,
        ExternalId = "crm-7",
    };

    private static NewCustomer ByEmail(string email = "self.service@example.com") =>
        new() { Email = email, Password = Samples.Password, Country = "GB", ClientIp = "203.0.113.8" };

    private static string SmsRecipient(PhoneNumber phone) => phone.CountryCode + " " + phone.Number;

    [Test]
    public async Task A_customer_registers_itself_by_phone_with_the_code_it_received_and_signs_in()
    {
        using var cmfbl = EmulatedCmfbl.With();

        var ticket = await cmfbl.Cmfbl.SendRegistrationCodeAsync(ByPhone(), CustomerLookupKind.Phone);
        var code = cmfbl.Company.LastCodeSentTo(SmsRecipient(Phone));
        var registered = await cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(), ticket, code!);

        var stored = cmfbl.Company.Customers.Single();
        Assert.That(stored.Phone, Is.EqualTo("61234567"));
        Assert.That(stored.PhoneArea, Is.EqualTo("+852"));
        Assert.That(stored.Email, Is.Null);
        Assert.That(stored.ThirdServerCode, Is.EqualTo("crm-7"));
        Assert.That(stored.RegisterSource, Is.EqualTo(5));
        Assert.That(cmfbl.Company.VerificationCodes.Single().IsUsed, Is.True);
        Assert.That(registered.Customer.Number, Is.EqualTo(stored.CustomerNo));
        Assert.That(registered.Customer.Phone, Is.EqualTo(Phone));
        Assert.That(registered.KycLevels.Single().LevelCode, Is.EqualTo("L1"));
        Assert.That(registered.KycLevels.Single().Elements.Select(e => e.Code), Is.EqualTo(new[] { "firstName", "lastName", "birthday" }));

        var session = await cmfbl.Cmfbl.SignInAsync(new CustomerCredentials(CustomerLookup.ByPhone(Phone), Samples.Password));
        Assert.That(session.Customer.Number, Is.EqualTo(stored.CustomerNo));
        Assert.That(session.Mode, Is.EqualTo(CmfblAccountMode.Real));
        Assert.That(session.CompanyId, Is.EqualTo("360"));
        var account = session.TradingAccounts.Single();
        Assert.That(account.AccountId, Is.EqualTo(stored.RealAccount.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(account.Mode, Is.EqualTo(CmfblAccountMode.Real));
        Assert.That(account.Currency, Is.EqualTo("USDT"));
        Assert.That(account.TradeType, Is.EqualTo("1"));
        Assert.That(account.Balance, Is.EqualTo(0m));
        Assert.That(account.Status, Is.EqualTo(2));
    }

    [Test]
    public async Task A_customer_registers_itself_by_email_and_signs_in_by_email()
    {
        using var cmfbl = EmulatedCmfbl.With();

        var ticket = await cmfbl.Cmfbl.SendRegistrationCodeAsync(ByEmail(), CustomerLookupKind.Email);
        await cmfbl.Cmfbl.RegisterWithCodeAsync(ByEmail(), ticket, cmfbl.Company.LastCodeSentTo("self.service@example.com")!);

        var session = await cmfbl.Cmfbl.SignInAsync(new CustomerCredentials(CustomerLookup.ByEmail("self.service@example.com"), Samples.Password));
        Assert.That(session.Customer.Email, Is.EqualTo("self.service@example.com"));
        Assert.That(session.Customer.Phone, Is.Null);
        Assert.That(cmfbl.Company.VerificationCodes.Single().BizType, Is.EqualTo("EMAIL_REGISTER_VERIFICATION_CODE"));
    }

    [Test]
    public async Task A_wrong_code_is_refused_and_creates_nothing_and_the_right_one_still_works()
    {
        using var cmfbl = EmulatedCmfbl.With();
        var ticket = await cmfbl.Cmfbl.SendRegistrationCodeAsync(ByPhone(), CustomerLookupKind.Phone);
        var code = cmfbl.Company.LastCodeSentTo(SmsRecipient(Phone))!;
        var wrong = code == "000000" ? "000001" : "000000";

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(), ticket, wrong));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000511"));
        Assert.That(ex.FieldErrors.Single().Field, Is.EqualTo("VerificationCode"));
        Assert.That(cmfbl.Company.Customers, Is.Empty);

        await cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(), ticket, code);
        Assert.That(cmfbl.Company.Customers, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_expired_code_is_refused_with_the_same_error()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var cmfbl = EmulatedCmfbl.With(new CmfblEmulatorOptions { TimeProvider = time, VerificationCodeLifetime = TimeSpan.FromMinutes(5) });
        var ticket = await cmfbl.Cmfbl.SendRegistrationCodeAsync(ByPhone(), CustomerLookupKind.Phone);
        var code = cmfbl.Company.LastCodeSentTo(SmsRecipient(Phone))!;

        time.Advance(TimeSpan.FromMinutes(5));
        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(), ticket, code));

        Assert.That(ex!.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000511"));
        Assert.That(ex.FieldErrors.Single().Field, Is.EqualTo("VerificationCode"));
        Assert.That(cmfbl.Company.Customers, Is.Empty);
    }

    [Test]
    public async Task A_code_is_used_once()
    {
        using var cmfbl = EmulatedCmfbl.With();
        var ticket = await cmfbl.Cmfbl.SendRegistrationCodeAsync(ByPhone(), CustomerLookupKind.Phone);
        var code = cmfbl.Company.LastCodeSentTo(SmsRecipient(Phone))!;
        await cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(), ticket, code);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(), ticket, code));

        Assert.That(ex!.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000511"));
    }

    [Test]
    public async Task A_code_is_good_only_for_the_recipient_it_was_sent_to()
    {
        using var cmfbl = EmulatedCmfbl.With();
        var ticket = await cmfbl.Cmfbl.SendRegistrationCodeAsync(ByPhone(), CustomerLookupKind.Phone);
        var code = cmfbl.Company.LastCodeSentTo(SmsRecipient(Phone))!;
        var other = new PhoneNumber("+852", "61234568");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(other), new CmfblVerificationTicket(CustomerLookup.ByPhone(other), ticket.SendToken), code));

        Assert.That(ex!.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000511"));
        Assert.That(cmfbl.Company.Customers, Is.Empty);
    }

    [Test]
    public async Task Too_many_wrong_codes_lock_the_ticket()
    {
        using var cmfbl = EmulatedCmfbl.With(new CmfblEmulatorOptions { MaxVerificationAttempts = 2 });
        var ticket = await cmfbl.Cmfbl.SendRegistrationCodeAsync(ByPhone(), CustomerLookupKind.Phone);
        var code = cmfbl.Company.LastCodeSentTo(SmsRecipient(Phone))!;
        var wrong = code == "000000" ? "000001" : "000000";

        var first = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(), ticket, wrong));
        var second = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(), ticket, wrong));
        var locked = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(), ticket, code));

        Assert.That(new[] { first!.ProviderCode, second!.ProviderCode }, Has.All.EqualTo("USCUSTOMER_API_0000511"));
        Assert.That(locked!.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000512"));
        Assert.That(locked.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
    }

    [Test]
    public async Task A_phone_that_exists_is_refused_after_a_valid_code()
    {
        using var cmfbl = EmulatedCmfbl.With();
        cmfbl.Company.Seed(Samples.NewCustomer() with { Phone = Phone });
        var ticket = await cmfbl.Cmfbl.SendRegistrationCodeAsync(ByPhone(), CustomerLookupKind.Phone);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            cmfbl.Cmfbl.RegisterWithCodeAsync(ByPhone(), ticket, cmfbl.Company.LastCodeSentTo(SmsRecipient(Phone))!));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.AlreadyExists));
        Assert.That(ex.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000106"));
    }

    [Test]
    public async Task RegisterAsync_in_self_service_mode_gets_the_code_from_the_code_source()
    {
        CmfblEmulatedCompany? company = null;
        using var cmfbl = EmulatedCmfbl.With(
            configure: s => s["UserRegistry:Cmfbl:RegistrationMode"] = "SelfService",
            configureServices: services => services.AddSingleton<ICmfblVerificationCodeSource>(new InboxCodeSource(() => company!)));
        company = cmfbl.Company;

        var registration = await cmfbl.Registry.RegisterAsync(ByPhone());

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(registration.Customer.Number, Is.EqualTo(cmfbl.Company.Customers.Single().CustomerNo));
        Assert.That(cmfbl.Operations, Is.EqualTo(new[]
        {
            "message.app.VerificationApiService.verifyCodeSend",
            "customer.app.CustomerWebApiService.register",
        }));
    }

    [Test]
    public async Task A_session_exchanges_its_key_switches_to_demo_resets_it_and_switches_back()
    {
        using var cmfbl = EmulatedCmfbl.With();
        var stored = cmfbl.Company.Seed(Samples.NewCustomer());

        var real = await cmfbl.Cmfbl.SignInAsync(new CustomerCredentials(CustomerLookup.ByEmail("chan.tai.man@example.com"), Samples.Password));
        var key = await cmfbl.Cmfbl.GetAccessKeyAsync(real);
        Assert.That(cmfbl.Company.AccessKeyOwner(key), Is.SameAs(stored));

        var demo = await cmfbl.Cmfbl.SwitchAccountAsync(real);
        Assert.That(demo.Mode, Is.EqualTo(CmfblAccountMode.Demo));
        Assert.That(demo.CompanyId, Is.EqualTo(cmfbl.Company.DemoCompanyId));
        Assert.That(demo.ClientToken, Is.Not.EqualTo(real.ClientToken));
        var demoAccount = demo.TradingAccounts.Single();
        Assert.That(demoAccount.AccountId, Is.EqualTo(stored.DemoAccount.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(demoAccount.Mode, Is.EqualTo(CmfblAccountMode.Demo));
        Assert.That(demoAccount.Balance, Is.EqualTo(100_000m));

        stored.DemoAccount.Balance = 12.5m;
        await cmfbl.Cmfbl.ResetDemoAccountAsync(demo);
        Assert.That(stored.DemoAccount.Balance, Is.EqualTo(100_000m));
        Assert.That(stored.DemoAccount.Resets, Is.EqualTo(1));
        Assert.That(stored.RealAccount.Resets, Is.Zero);

        var back = await cmfbl.Cmfbl.SwitchAccountAsync(demo);
        Assert.That(back.Mode, Is.EqualTo(CmfblAccountMode.Real));
        Assert.That(back.CompanyId, Is.EqualTo("360"));
        Assert.That(back.Customer.Number, Is.EqualTo(stored.CustomerNo));
        Assert.That(back.TradingAccounts.Single().AccountId, Is.EqualTo(real.TradingAccounts.Single().AccountId));

        // A switch ends the session it started from.
        var stale = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.GetAccessKeyAsync(demo));
        Assert.That(stale!.Kind, Is.EqualTo(UserRegistryErrorKind.Unauthorized));
    }

    [Test]
    public async Task Only_a_demo_account_is_reset()
    {
        using var cmfbl = EmulatedCmfbl.With();
        var stored = cmfbl.Company.Seed(Samples.NewCustomer());
        stored.RealAccount.Balance = 250m;
        var real = await cmfbl.Cmfbl.SignInAsync(new CustomerCredentials(CustomerLookup.ByNumber(stored.CustomerNo), Samples.Password));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.ResetDemoAccountAsync(real));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Forbidden));
        Assert.That(ex.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000008"));
        Assert.That(stored.RealAccount.Balance, Is.EqualTo(250m));
        Assert.That(real.TradingAccounts.Single().Balance, Is.EqualTo(250m));
    }

    [Test]
    public async Task A_reset_during_the_cooldown_is_refused_as_retryable()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var cmfbl = EmulatedCmfbl.With(new CmfblEmulatorOptions { TimeProvider = time, DemoResetCooldown = TimeSpan.FromMinutes(10) });
        cmfbl.Company.Seed(Samples.NewCustomer());
        var real = await cmfbl.Cmfbl.SignInAsync(new CustomerCredentials(CustomerLookup.ByEmail("chan.tai.man@example.com"), Samples.Password));
        var demo = await cmfbl.Cmfbl.SwitchAccountAsync(real);
        await cmfbl.Cmfbl.ResetDemoAccountAsync(demo);

        time.Advance(TimeSpan.FromMinutes(9));
        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.ResetDemoAccountAsync(demo));
        time.Advance(TimeSpan.FromMinutes(1));
        await cmfbl.Cmfbl.ResetDemoAccountAsync(demo);

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000009"));
        Assert.That(ex.IsRetryable, Is.True);
        Assert.That(cmfbl.Company.Customers.Single().DemoAccount.Resets, Is.EqualTo(2));
    }

    [Test]
    public async Task An_ended_session_is_refused_as_Unauthorized()
    {
        using var cmfbl = EmulatedCmfbl.With();
        cmfbl.Company.Seed(Samples.NewCustomer());
        var real = await cmfbl.Cmfbl.SignInAsync(new CustomerCredentials(CustomerLookup.ByEmail("chan.tai.man@example.com"), Samples.Password));
        cmfbl.Company.ExpireClientTokens();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.SwitchAccountAsync(real));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unauthorized));
        Assert.That(ex.ProviderCode, Is.EqualTo("GGATEWAY_CODE_005"));
    }

    [Test]
    public async Task The_admin_lists_the_real_accounts_of_a_trade_type()
    {
        using var cmfbl = EmulatedCmfbl.With();
        var stored = cmfbl.Company.Seed(Samples.NewCustomer());
        stored.RealAccount.Balance = 1234.5m;

        var ofType1 = await cmfbl.Cmfbl.GetTradingAccountsAsync(stored.CustomerNo, 1);
        var ofType2 = await cmfbl.Cmfbl.GetTradingAccountsAsync(stored.CustomerNo, 2);
        var unknown = await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.Cmfbl.GetTradingAccountsAsync("99999999", 1));

        var account = ofType1.Single();
        Assert.That(account.AccountId, Is.EqualTo(stored.RealAccount.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(account.CustomerNumber, Is.EqualTo(stored.CustomerNo));
        Assert.That(account.CompanyId, Is.EqualTo("360"));
        Assert.That(account.Balance, Is.EqualTo(1234.5m));
        Assert.That(account.Equity, Is.EqualTo(1234.5m));
        Assert.That(account.Available, Is.EqualTo(1234.5m));
        Assert.That(account.Frozen, Is.EqualTo(0m));
        Assert.That(account.Mode, Is.Null);
        Assert.That(ofType2, Is.Empty);
        Assert.That(unknown!.Kind, Is.EqualTo(UserRegistryErrorKind.NotFound));
    }

    [Test]
    [NonParallelizable]
    public async Task The_sandbox_serves_sessions_over_a_real_socket()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedCustomers = 0 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(sandbox.ToConfiguration()).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl();
        await using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<ICmfblUserRegistry>();
        var company = sandbox.Cmfbl.Companies[0];

        var ticket = await registry.SendRegistrationCodeAsync(ByPhone(), CustomerLookupKind.Phone);
        await registry.RegisterWithCodeAsync(ByPhone(), ticket, company.LastCodeSentTo(SmsRecipient(Phone))!);
        var real = await registry.SignInAsync(new CustomerCredentials(CustomerLookup.ByPhone(Phone), Samples.Password));
        var demo = await registry.SwitchAccountAsync(real);
        await registry.ResetDemoAccountAsync(demo);

        Assert.That(demo.Mode, Is.EqualTo(CmfblAccountMode.Demo));
        Assert.That(company.Customers.Single().DemoAccount.Resets, Is.EqualTo(1));
        Assert.That(sandbox.Cmfbl.Requests.Single(r => r.Operation == "customer.app.CustomerWebApiService.register").Header("X-Forwarded-For"), Is.EqualTo("203.0.113.7"));
    }

    /// <summary>Reads the code from the emulator as the customer would read it from the SMS or email.</summary>
    private sealed class InboxCodeSource(Func<CmfblEmulatedCompany> company) : ICmfblVerificationCodeSource
    {
        public ValueTask<string> GetCodeAsync(CmfblVerificationTicket ticket, CancellationToken cancellationToken = default)
        {
            var recipient = ticket.Recipient.Phone is { } phone ? phone.CountryCode + " " + phone.Number : ticket.Recipient.Value;
            return ValueTask.FromResult(company().LastCodeSentTo(recipient)!);
        }
    }
}
