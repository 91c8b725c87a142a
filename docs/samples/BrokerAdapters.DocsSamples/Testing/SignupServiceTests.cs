using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace BrokerAdapters.DocsSamples.Testing;

// docs/testing.md, "A complete example": the tests of SignupService. The documentation tests run them.
#region testing-signup-service-tests
public sealed class SignupServiceTests
{
    private CmfblEmulator _cmfbl = null!;
    private CmfblEmulatedCompany _company = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public void Setup()
    {
        _cmfbl = new CmfblEmulator();
        _company = _cmfbl.AddCompany("360");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_company.ToConfiguration()).Build();
        _services = new ServiceCollection()
            .AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(_cmfbl.CreateHandler))   // the one test-only line
            .Services
            .AddTransient<SignupService>()
            .BuildServiceProvider();
    }

    [TearDown]
    public void Teardown() => _services.Dispose();

    [Test]
    public async Task A_new_customer_is_welcomed_with_their_number()
    {
        var service = _services.GetRequiredService<SignupService>();

        var answer = await service.SignUpAsync("ann@example.com", "91234567", "S3cure-pass");

        var stored = _company.Customers.Single();
        Assert.That(answer, Is.EqualTo($"welcome {stored.CustomerNo}"));
        Assert.That(stored.Email, Is.EqualTo("ann@example.com"));
        Assert.That(stored.PasswordMatches("S3cure-pass"), Is.True);
    }

    [Test]
    public async Task A_second_signup_with_the_same_phone_is_told_so()
    {
        var service = _services.GetRequiredService<SignupService>();
        await service.SignUpAsync("ann@example.com", "91234567", "S3cure-pass");

        var answer = await service.SignUpAsync("ann.other@example.com", "91234567", "S3cure-pass");

        Assert.That(answer, Is.EqualTo("already registered"));
        Assert.That(_company.Customers, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_unavailable_provider_asks_the_user_to_come_back()
    {
        var service = _services.GetRequiredService<SignupService>();
        _cmfbl.Faults.FailNextWithCode(1, "GGATEWAY_CODE_012", operation: "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc");

        var answer = await service.SignUpAsync("ann@example.com", "91234567", "S3cure-pass");

        Assert.That(answer, Is.EqualTo("try again later"));
        Assert.That(_company.Customers, Is.Empty);
    }
}
#endregion
