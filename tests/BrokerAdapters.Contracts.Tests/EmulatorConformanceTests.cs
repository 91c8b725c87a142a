using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Contracts.Tests;

/// <summary>
/// The emulators answer only what the contracts describe: every response they give to the real library, success
/// and error alike, validates against the provider's OpenAPI document.
/// </summary>
public sealed class EmulatorConformanceTests
{
    [Test]
    public async Task Every_cmfbl_emulator_answer_conforms_to_the_contract()
    {
        var validator = await ContractValidator.LoadAsync("cmfbl");
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        var exchanges = new List<Exchange>();
        using var services = Build(company.ToConfiguration(), b => b.AddCmfbl(http => Record(http, emulator.CreateHandler, exchanges)));
        var registry = services.GetRequiredService<IUserRegistry>();
        var cmfbl = services.GetRequiredService<BrokerAdapters.Cmfbl.ICmfblUserRegistry>();
        var customers = FakeCustomers.Generate(3, seed: 11);

        var created = new List<Customer>();
        foreach (var customer in customers)
        {
            created.Add((await registry.RegisterAsync(customer)).Customer);
        }

        await Assert.ThrowsAsync<UserRegistryException>(() => registry.RegisterAsync(customers[0]));
        await registry.ExistsAsync(CustomerLookup.ByEmail(customers[1].Email!));
        await registry.ExistsAsync(CustomerLookup.ByPhone(customers[1].Phone!));
        await registry.ExistsAsync(CustomerLookup.ByNumber("99999999"));
        await registry.FindAsync(CustomerLookup.ByNumber(created[2].Number!));
        await registry.FindAsync(CustomerLookup.ByNumber("99999999"));
        await registry.ListAsync(new CustomerQuery { PageSize = 2 }).ToListAsync();
        await cmfbl.GetCustomerGroupsAsync();
        await cmfbl.GetCustomerDetailJsonAsync(created[0].Id, created[0].Number!, BrokerAdapters.Cmfbl.CmfblDetailSection.TradeAccount);
        await registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByEmail(customers[0].Email!), FakeCustomers.Password));
        await Assert.ThrowsAsync<UserRegistryException>(() =>
            registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByEmail(customers[0].Email!), "wrong")));
        await cmfbl.GetTradingAccountsAsync(created[0].Number!, 1);

        // Customer sessions: self-registration (a wrong code, then the right one), then a session through both sides.
        var self = new NewCustomer { Phone = new PhoneNumber("+852", "61230000"), Password = FakeCustomers.Password, Country = "HK", ClientIp = "203.0.113.9" };
        var ticket = await cmfbl.SendRegistrationCodeAsync(self, CustomerLookupKind.Phone);
        var code = company.LastCodeSentTo("+852 61230000")!;
        await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.RegisterWithCodeAsync(self, ticket, code == "000000" ? "000001" : "000000"));
        await cmfbl.RegisterWithCodeAsync(self, ticket, code);
        var real = await cmfbl.SignInAsync(new CustomerCredentials(CustomerLookup.ByPhone(self.Phone), FakeCustomers.Password));
        await cmfbl.GetAccessKeyAsync(real);
        await Assert.ThrowsAsync<UserRegistryException>(() => cmfbl.ResetDemoAccountAsync(real));
        var demo = await cmfbl.SwitchAccountAsync(real);
        await cmfbl.ResetDemoAccountAsync(demo);

        AssertConform(validator, exchanges, expectedAtLeast: 25);
    }

    [Test]
    public async Task Cmfbl_rate_limit_answers_conform_to_the_contract()
    {
        var validator = await ContractValidator.LoadAsync("cmfbl");
        var emulator = new CmfblEmulator(new CmfblEmulatorOptions { RateLimitPerMinute = 1 });
        var company = emulator.AddCompany("360");
        var exchanges = new List<Exchange>();
        using var services = Build(company.ToConfiguration(), b => b.AddCmfbl(http => Record(http, emulator.CreateHandler, exchanges)));
        var registry = services.GetRequiredService<IUserRegistry>();

        await registry.ExistsAsync(CustomerLookup.ByNumber("1"));
        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.ExistsAsync(CustomerLookup.ByNumber("1")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(exchanges.Select(e => e.Status), Has.Member(429));
        AssertConform(validator, exchanges, expectedAtLeast: 3);
    }

    [TestCase(McCrmEnvelopeStyle.StringCode)]
    [TestCase(McCrmEnvelopeStyle.NumericCode)]
    public async Task Every_mccrm_emulator_answer_conforms_to_the_contract(McCrmEnvelopeStyle style)
    {
        var validator = await ContractValidator.LoadAsync("mccrm");
        var emulator = new McCrmEmulator(new McCrmEmulatorOptions { EnvelopeStyle = style });
        var exchanges = new List<Exchange>();
        using var services = Build(emulator.ToConfiguration(), b => b.AddMcCrm(http => Record(http, emulator.CreateHandler, exchanges)));
        var registry = services.GetRequiredService<IUserRegistry>();
        var customers = FakeCustomers.Generate(2, seed: 12);

        var created = (await registry.RegisterAsync(customers[0])).Customer;
        await registry.RegisterAsync(customers[1] with { Phone = null });
        await Assert.ThrowsAsync<UserRegistryException>(() => registry.RegisterAsync(customers[0]));
        await registry.FindAsync(CustomerLookup.ById(created.Id));
        await registry.FindAsync(CustomerLookup.ById("0123456789abcdef0123456789abcdef"));

        AssertConform(validator, exchanges, expectedAtLeast: 5);
    }

    private static void AssertConform(ContractValidator validator, List<Exchange> exchanges, int expectedAtLeast)
    {
        Assert.That(exchanges, Has.Count.GreaterThanOrEqualTo(expectedAtLeast));
        var violations = new List<string>();
        foreach (var exchange in exchanges)
        {
            var path = validator.FindPath(exchange.Uri);
            if (path is null)
            {
                violations.Add($"{exchange.Uri}: not described by the contract");
                continue;
            }

            violations.AddRange(validator.ResponseErrors(path, exchange.Status, exchange.Body).Select(v => $"{path} {exchange.Status}: {v}"));
            violations.AddRange(validator.ResponseHeaderErrors(path, exchange.Status, exchange.Headers).Select(v => $"{path} {exchange.Status} headers: {v}"));
        }

        Assert.That(violations, Is.Empty);
    }

    private static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, Action<UserRegistryBuilder> add)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        add(services.AddUserRegistry(configuration.GetSection("UserRegistry")));
        return services.BuildServiceProvider();
    }

    private static void Record(IHttpClientBuilder http, Func<HttpMessageHandler> primary, List<Exchange> exchanges) =>
        http.ConfigurePrimaryHttpMessageHandler(primary).AddHttpMessageHandler(() => new RecordingHandler(exchanges));

    private sealed record Exchange(Uri Uri, int Status, string Body, IReadOnlyDictionary<string, string> Headers);

    private sealed class RecordingHandler(List<Exchange> exchanges) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            lock (exchanges)
            {
                exchanges.Add(new Exchange(request.RequestUri!, (int)response.StatusCode, body, headers));
            }

            return response;
        }
    }
}
