using System.Net;
using System.Text;
using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Tests.Emulators;

[NonParallelizable]
public sealed class SandboxServerTests
{
    [Test]
    public async Task It_listens_on_loopback_and_serves_both_providers_at_their_real_paths()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = new HttpClient();

        Assert.That(sandbox.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(sandbox.BaseUrl.Port, Is.GreaterThan(0));
        using var cmfbl = await client.PostAsync(new Uri(sandbox.BaseUrl, "openapi-b/customer.admin.WhiteCustomerAdminApiService.page"), new StringContent("{}", Encoding.UTF8, "application/json"));
        using var mcCrm = await client.PostAsync(new Uri(sandbox.McCrmBaseUrl + "openapi/v1/user/query/uid"), new StringContent("{}", Encoding.UTF8, "application/json"));
        using var nothing = await client.GetAsync(new Uri(sandbox.BaseUrl, "elsewhere"));

        Assert.That((string?)JObject.Parse(await cmfbl.Content.ReadAsStringAsync())["code"], Is.EqualTo("GGATEWAY_CODE_003"), "CMFBL wants a companyId");
        Assert.That(mcCrm.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "MC-CRM wants its token");
        Assert.That(nothing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task It_seeds_fake_customers_with_overlapping_companies()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedCustomers = 10 });

        var first = sandbox.Cmfbl.Company("360").Customers;
        var second = sandbox.Cmfbl.Company("361").Customers;

        Assert.That(first, Has.Count.EqualTo(10));
        Assert.That(second, Has.Count.EqualTo(10));
        Assert.That(first.Select(c => c.Email).Intersect(second.Select(c => c.Email)).Count(), Is.EqualTo(5));
        Assert.That(sandbox.McCrm.Users, Has.Count.EqualTo(10));
    }

    [Test]
    public async Task The_library_works_against_it_through_its_configuration()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedCustomers = 3 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(sandbox.ToConfiguration("Cmfbl", companyId: "361")).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm();
        await using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IUserRegistry>();

        var listed = await registry.ListAsync().ToListAsync();

        Assert.That(listed.Select(c => c.Number), Is.EqualTo(sandbox.Cmfbl.Company("361").Customers.Select(c => c.CustomerNo)));
    }

    [Test]
    public async Task A_dropped_response_aborts_the_connection_after_the_change()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(sandbox.ToConfiguration("McCrm")).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm();
        await using var provider = services.BuildServiceProvider();
        sandbox.McCrm.Faults.DropNextResponses(1, "user/signup");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            provider.GetRequiredService<IUserRegistry>().RegisterAsync(FakeCustomers.Generate(1, 3)[0]));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(sandbox.McCrm.Users, Has.Count.EqualTo(1));
    }
}
