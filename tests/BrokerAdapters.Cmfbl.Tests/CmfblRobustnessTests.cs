using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>Answers that are odd but not impossible: they must end in a typed error or a faithful result, never a crash.</summary>
public sealed class CmfblRobustnessTests
{
    [TestCase("""{"records":[null],"total":1}""")]
    [TestCase("""{"records":[{"id":1,"customerNo":"86000001","createTime":99999999999999999}],"total":1}""")]
    [TestCase("""{"records":[{"id":1,"customerNo":"86000001","registerSource":99999999999}],"total":1}""")]
    public async Task An_unreadable_record_is_a_ProtocolError_for_list_and_find(string page)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Envelope(page));
        host.Answer(CmfblUserRegistry.DetailBizType, CmfblTestHost.Envelope("null"));

        var list = await Assert.ThrowsAsync<UserRegistryException>(async () => await host.Registry.ListAsync().ToListAsync());
        var find = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ByNumber("86000001")));

        Assert.That(list!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(find!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
    }

    [Test]
    public async Task A_created_customer_whose_read_back_is_unreadable_is_OutcomeUnknown()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Envelope("""{"records":[{"id":1176,"customerNo":"86021976","createTime":99999999999999999}],"total":1}"""));
        host.Answer(CmfblUserRegistry.DetailBizType, CmfblTestHost.Envelope("null"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.Message, Does.Contain("86021976"));
    }

    [Test]
    public async Task List_keeps_paging_when_the_server_caps_the_page_below_the_size_asked()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, CmfblReadTests.Page(1, 2, 5, "1", "2"));
        host.Answer(CmfblUserRegistry.PageBizType, CmfblReadTests.Page(2, 2, 5, "3", "4"));
        host.Answer(CmfblUserRegistry.PageBizType, CmfblReadTests.Page(3, 2, 5, "5"));

        var customers = await host.Registry.ListAsync(new CustomerQuery { PageSize = 10 }).ToListAsync();

        Assert.That(customers.Select(c => c.Id), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
    }

    [Test]
    public async Task List_stops_on_an_empty_page_even_when_the_total_promises_more()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, CmfblReadTests.Page(1, 2, 9, "1", "2"));
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Envelope("""{"records":[],"total":9,"size":2,"current":2}"""));

        var customers = await host.Registry.ListAsync(new CustomerQuery { PageSize = 2 }).ToListAsync();

        Assert.That(customers, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Find_returns_null_when_the_customer_vanishes_between_page_and_detail()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Fixture("page-by-number.response.json"));
        host.Answer(CmfblUserRegistry.DetailBizType, CmfblTestHost.Error("USCUSTOMER_API_0000003", "Data not exist"));

        Assert.That(await host.Registry.FindAsync(CustomerLookup.ByNumber("86021976")), Is.Null);
    }

    [Test]
    public async Task A_company_key_too_small_for_100_character_segments_fails_at_start_up()
    {
        using var key = RSA.Create(768);
        var settings = CmfblTestHost.DefaultSettings();
        settings["UserRegistry:Cmfbl:Encryption"] = "Rsa";
        settings["UserRegistry:Cmfbl:PublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl();
        await using var provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Failures, Has.Some.Contains("UserRegistry:Cmfbl:PublicKey is a 768-bit key; at least 1024 bits are required"));
    }

    [Test]
    public async Task A_company_key_from_authentication_too_small_is_a_ProtocolError()
    {
        using var key = RSA.Create(768);
        using var host = CmfblTestHost.Create(s => s["UserRegistry:Cmfbl:Encryption"] = "Rsa", answerAuth: false);
        host.Provider.AnswerJson(CmfblTestHost.AuthUrl, CmfblTestHost.Envelope($$"""{"token":"t1","publicKey":"{{Convert.ToBase64String(key.ExportSubjectPublicKeyInfo())}}"}"""));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType)), Is.Empty);
    }
}
