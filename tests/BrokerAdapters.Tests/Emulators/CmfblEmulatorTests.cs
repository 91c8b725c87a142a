using System.Net;
using System.Text;
using BrokerAdapters.Testing;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Tests.Emulators;

public sealed class CmfblEmulatorTests
{
    private static NewCustomer Customer(int i = 1) => FakeCustomers.Generate(1, seed: 7, firstIndex: i)[0];

    [Test]
    public async Task Companies_keep_their_own_customers_and_numbers()
    {
        var emulator = new CmfblEmulator();
        var first = emulator.AddCompany("360");
        var second = emulator.AddCompany("361");
        using var a = EmulatedRegistry.For(emulator, first);
        using var b = EmulatedRegistry.For(emulator, second);

        var inFirst = (await a.Registry.RegisterAsync(Customer())).Customer;
        var inSecond = (await b.Registry.RegisterAsync(Customer())).Customer;

        Assert.That(inFirst.Number, Is.Not.EqualTo(inSecond.Number), "each company numbers its own customers");
        Assert.That(first.Customers.Select(c => c.CustomerNo), Is.EqualTo(new[] { inFirst.Number }));
        Assert.That(second.Customers.Select(c => c.CustomerNo), Is.EqualTo(new[] { inSecond.Number }));
        Assert.That((await a.Registry.ListAsync().ToListAsync()).Select(c => c.Id), Is.EqualTo(new[] { inFirst.Id }));
    }

    [Test]
    public async Task A_token_from_one_company_is_refused_by_another()
    {
        var emulator = new CmfblEmulator();
        var first = emulator.AddCompany("360");
        emulator.AddCompany("361");
        using var registry = EmulatedRegistry.For(emulator, first);
        await registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1"));
        var token = emulator.Requests[^1].Header("token")!;

        using var client = new HttpClient(emulator.Handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://cmfbl.emulator/openapi-b/customer.admin.WhiteCustomerAdminApiService.page")
        {
            Content = new StringContent("""{"size":1,"current":1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("companyId", "361");
        request.Headers.Add("token", token);
        request.Headers.Add("trace", "t-cross");
        using var response = await client.SendAsync(request);

        var envelope = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.That((string?)envelope["code"], Is.EqualTo("GGATEWAY_CODE_019"));
        Assert.That((string?)envelope["trace"], Is.EqualTo("t-cross"));
    }

    [Test]
    public async Task Wrong_app_credentials_are_refused_as_Unauthorized()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company, s => s["UserRegistry:Cmfbl:AppSecret"] = "not-the-secret");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unauthorized));
        Assert.That(ex.ProviderCode, Is.EqualTo("GGATEWAY_CODE_101"));
    }

    [Test]
    public async Task Tokens_expire_and_the_library_renews_them_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var emulator = new CmfblEmulator(new CmfblEmulatorOptions { TimeProvider = time, TokenLifetime = TimeSpan.FromMinutes(30) });
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);
        await registry.Registry.RegisterAsync(Customer(1));

        time.Advance(TimeSpan.FromMinutes(31));
        var second = (await registry.Registry.RegisterAsync(Customer(2))).Customer;

        Assert.That(second.Number, Is.Not.Empty);
        Assert.That(company.TokensIssued, Is.EqualTo(2));
        Assert.That(emulator.Requests.Count(r => r.ErrorCode == "GGATEWAY_CODE_017"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_rate_limit_answers_429_with_the_documented_headers()
    {
        var emulator = new CmfblEmulator(new CmfblEmulatorOptions { RateLimitPerMinute = 2 });
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);
        await registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1"));
        await registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.RetryAfter, Is.Not.Null.And.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(60)));
        var limited = emulator.Requests[^1];
        Assert.That(limited.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task Login_checks_the_md5_password_and_locks_after_five_failures()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        var seeded = company.Seed(Customer());
        using var registry = EmulatedRegistry.For(emulator, company);
        var login = CustomerLookup.ByNumber(seeded.CustomerNo);

        var session = await registry.Registry.AuthenticateAsync(new CustomerCredentials(login, FakeCustomers.Password));
        Assert.That(session.Customer.Number, Is.EqualTo(seeded.CustomerNo));
        Assert.That(seeded.PasswordMatches(FakeCustomers.Password), Is.True);

        var kinds = new List<UserRegistryErrorKind>();
        for (var i = 0; i < 6; i++)
        {
            var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.AuthenticateAsync(new CustomerCredentials(login, "wrong")));
            kinds.Add(ex!.Kind);
        }

        Assert.That(kinds, Is.EqualTo(new[]
        {
            UserRegistryErrorKind.InvalidCredentials, UserRegistryErrorKind.InvalidCredentials, UserRegistryErrorKind.InvalidCredentials,
            UserRegistryErrorKind.InvalidCredentials, UserRegistryErrorKind.AccountLocked, UserRegistryErrorKind.AccountLocked,
        }));
        Assert.That(seeded.Status, Is.EqualTo(5));
    }

    [Test]
    public async Task A_disabled_customer_cannot_log_in()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        var seeded = company.Seed(Customer());
        seeded.Status = 2;
        using var registry = EmulatedRegistry.For(emulator, company);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            registry.Registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber(seeded.CustomerNo), FakeCustomers.Password)));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.AccountDisabled));
    }

    [Test]
    public async Task The_encrypted_mode_round_trips_with_the_company_key_from_authentication()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company, s => s["UserRegistry:Cmfbl:Encryption"] = "Rsa");

        var created = (await registry.Registry.RegisterAsync(Customer())).Customer;

        var create = emulator.Requests.Single(r => r.Operation == "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc");
        Assert.That(create.Header("trace"), Does.StartWith("x-"));
        Assert.That(JObject.Parse(create.Body).Properties().Select(p => p.Name), Is.EqualTo(new[] { "data" }));
        var inner = JObject.Parse(create.DecryptedBody!);
        Assert.That((string?)inner["phone"], Is.EqualTo(Customer().Phone!.Number));
        Assert.That((string?)inner["signature"], Has.Length.EqualTo(32));
        Assert.That(company.Customers.Single().CustomerNo, Is.EqualTo(created.Number));
    }

    [Test]
    public async Task A_tampered_signature_is_refused()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company, s => s["UserRegistry:Cmfbl:Encryption"] = "Rsa");
        await registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1"));
        var original = emulator.Requests[^1];

        using var client = new HttpClient(emulator.Handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://cmfbl.emulator" + original.Path)
        {
            Content = new StringContent(original.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var name in new[] { "companyId", "token", "trace", "version" })
        {
            request.Headers.Add(name, original.Header(name));
        }

        request.Headers.Add("timestamp", "1");
        using var response = await client.SendAsync(request);

        Assert.That((string?)JObject.Parse(await response.Content.ReadAsStringAsync())["code"], Is.EqualTo("GGATEWAY_CODE_015"));
    }

    [Test]
    public async Task Requests_are_recorded_with_operation_and_headers()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);

        await registry.Registry.ExistsAsync(CustomerLookup.ByEmail("someone@example.com"));

        Assert.That(emulator.Requests.Select(r => r.Operation), Is.EqualTo(new[]
        {
            "admin.admin.CompanyAuthDubboService.auth",
            "customer.app.CustomerWebApiService.checkCustomerExist",
        }));
        var exists = emulator.Requests[1];
        Assert.That(exists.Header("companyId"), Is.EqualTo("360"));
        Assert.That(exists.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JObject.Parse(exists.Body)["loginName"]!.ToString(), Is.EqualTo("someone@example.com"));
    }

    [Test]
    public async Task Failing_the_next_call_with_a_status_then_recovering()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company, s => s["UserRegistry:Cmfbl:Resilience:MaxRetries"] = "0");
        emulator.Faults.FailNext(1, HttpStatusCode.ServiceUnavailable, "customer.app.CustomerWebApiService.checkCustomerExist");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1")));
        var second = await registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1"));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.HttpStatus, Is.EqualTo(503));
        Assert.That(second, Is.False);
        Assert.That(emulator.Faults.Pending, Is.Zero);
    }

    [Test]
    public async Task A_read_that_fails_once_is_retried_by_default()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);
        emulator.Faults.FailNext(1, HttpStatusCode.ServiceUnavailable, "customer.app.CustomerWebApiService.checkCustomerExist");

        var exists = await registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1"));

        Assert.That(exists, Is.False);
        Assert.That(
            emulator.Requests.Where(r => r.Operation == "customer.app.CustomerWebApiService.checkCustomerExist").Select(r => r.Status),
            Is.EqualTo(new HttpStatusCode?[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }));
    }

    [Test]
    public async Task Failing_with_a_provider_code_changes_nothing_and_the_checked_registration_is_sent_once_more()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);
        emulator.Faults.FailNextWithCode(1, "G500", "System error", "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc");

        var registration = await registry.Registry.RegisterAsync(Customer());

        // A system error on a write may or may not have applied it: the registry checks (the customer is not there,
        // the emulator changed nothing), then sends it once more.
        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(company.Customers, Has.Count.EqualTo(1));
        Assert.That(
            emulator.Requests.Select(r => r.Operation).Where(o => o != "admin.admin.CompanyAuthDubboService.auth").Take(4),
            Is.EqualTo(new[]
            {
                "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc",
                "customer.app.CustomerWebApiService.checkCustomerExist",
                "customer.app.CustomerWebApiService.checkCustomerExist",
                "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc",
            }));
    }

    [Test]
    public async Task A_system_error_that_cannot_be_checked_is_OutcomeUnknown_and_changes_nothing()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);
        emulator.Faults.FailNextWithCode(1, "G500", "System error", "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc");
        emulator.Faults.FailNextWithCode(1, "G500", "System error", "customer.app.CustomerWebApiService.checkCustomerExist");
        var input = Customer();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.RegisterAsync(input));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.ProviderCode, Is.EqualTo("G500"));
        Assert.That(ex.ReconciliationLookups, Is.EqualTo(new[] { CustomerLookup.ByPhone(input.Phone!), CustomerLookup.ByEmail(input.Email!) }));
        Assert.That(company.Customers, Is.Empty);
    }

    [TestCase(MalformedBody.Html)]
    [TestCase(MalformedBody.Empty)]
    [TestCase(MalformedBody.TruncatedJson)]
    [TestCase(MalformedBody.NotJson)]
    [TestCase(MalformedBody.NullData)]
    [TestCase(MalformedBody.Array)]
    [TestCase(MalformedBody.MissingCode)]
    [TestCase(MalformedBody.WrongDataType)]
    public async Task Malformed_answers_reach_the_library_as_ProtocolError(MalformedBody kind)
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);
        emulator.Faults.MalformNext(1, kind, "customer.admin.WhiteCustomerAdminApiService.page");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(async () => await registry.Registry.ListAsync().ToListAsync());

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
    }

    [Test]
    public async Task A_dropped_response_after_commit_is_recovered_by_checking()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);
        emulator.Faults.DropNextResponses(1, "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc");
        var input = Customer();

        var registration = await registry.Registry.RegisterAsync(input);

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Recovered));
        Assert.That(company.Customers, Has.Count.EqualTo(1));
        Assert.That(registration.Customer.Number, Is.EqualTo(company.Customers[0].CustomerNo));
        Assert.That(registration.Customer.Email, Is.EqualTo(input.Email));
        Assert.That(emulator.Requests.Count(r => r.Operation == "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc"), Is.EqualTo(1), "not sent again");
        Assert.That(emulator.Requests.First(r => r.Operation == "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc").Status, Is.Null);
    }

    [Test]
    public async Task A_dropped_response_that_cannot_be_checked_is_OutcomeUnknown_and_the_customer_exists()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);
        emulator.Faults.DropNextResponses(1, "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc");
        emulator.Faults.FailNextWithCode(1, "G500", operation: "customer.app.CustomerWebApiService.checkCustomerExist");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.RegisterAsync(Customer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.ReconciliationLookups, Is.Not.Empty);
        Assert.That(company.Customers, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Latency_follows_the_emulator_clock_and_cancellation_stops_the_wait()
    {
        var time = new FakeTimeProvider();
        var emulator = new CmfblEmulator(new CmfblEmulatorOptions { TimeProvider = time });
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);
        await registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1"));
        emulator.Faults.Latency = TimeSpan.FromMinutes(5);
        using var cts = new CancellationTokenSource();

        var pending = registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1"), cts.Token);
        Assert.That(pending.IsCompleted, Is.False, "the answer waits for the emulator's clock");
        await cts.CancelAsync();

        Assert.That(async () => await pending, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Duplicates_are_refused_with_the_documented_codes()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var registry = EmulatedRegistry.For(emulator, company);
        var customer = Customer();
        await registry.Registry.RegisterAsync(customer);

        var samePhone = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.RegisterAsync(customer with { Email = "other@example.com", ExternalId = null }));
        var sameEmail = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.RegisterAsync(customer with { Phone = new PhoneNumber("+852", "91111111"), ExternalId = null }));

        Assert.That(samePhone!.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000106"));
        Assert.That(sameEmail!.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000107"));
        Assert.That(new[] { samePhone.Kind, sameEmail.Kind }, Is.All.EqualTo(UserRegistryErrorKind.AlreadyExists));
    }

    [Test]
    public async Task Unknown_operations_and_missing_tokens_get_gateway_codes()
    {
        var emulator = new CmfblEmulator();
        emulator.AddCompany("360");
        using var client = new HttpClient(emulator.Handler);

        async Task<string?> CodeOf(string bizType, string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://cmfbl.emulator/openapi-b/" + bizType)
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("companyId", "360");
            if (token is not null)
            {
                request.Headers.Add("token", token);
            }

            using var response = await client.SendAsync(request);
            return (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["code"];
        }

        Assert.That(await CodeOf("customer.admin.WhiteCustomerAdminApiService.page", null), Is.EqualTo("GGATEWAY_CODE_001"));
        Assert.That(await CodeOf("customer.admin.WhiteCustomerAdminApiService.page", "forged"), Is.EqualTo("GGATEWAY_CODE_005"));
        Assert.That(await CodeOf("customer.admin.Nothing.here", "forged"), Is.EqualTo("GGATEWAY_CODE_005"));
    }
}
