using System.Globalization;
using System.Text;
using BrokerAdapters.Testing.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl.Tests;

public sealed class CmfblReadTests
{
    private static string ExistsUrl => CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType);

    private static string PageUrl => CmfblTestHost.Url(CmfblUserRegistry.PageBizType);

    [Test]
    public async Task Exists_by_phone_sends_type_2_with_the_area_code()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Fixture("check-exist.response.exists.json"));

        var exists = await host.Registry.ExistsAsync(CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")));

        Assert.That(exists, Is.True);
        var request = host.Provider.To(ExistsUrl).Single();
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "check-exist-phone.request.json"), request.Json);
        Assert.That(request.Header("token"), Is.EqualTo("admin-token-1"));
    }

    [Test]
    public async Task Exists_by_email_sends_type_1()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Fixture("check-exist.response.absent.json"));

        var exists = await host.Registry.ExistsAsync(CustomerLookup.ByEmail("chan.tai.man@example.com"));

        Assert.That(exists, Is.False);
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "check-exist-email.request.json"), host.Provider.To(ExistsUrl).Single().Json);
    }

    [Test]
    public async Task Exists_by_number_sends_type_3()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Fixture("check-exist.response.exists.json"));

        Assert.That(await host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")), Is.True);
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "check-exist-number.request.json"), host.Provider.To(ExistsUrl).Single().Json);
    }

    [TestCase("3")]
    [TestCase("\"yes\"")]
    [TestCase("null")]
    [TestCase("{}")]
    public async Task Exists_with_an_answer_other_than_1_or_2_is_a_ProtocolError(string data)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Envelope(data));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
    }

    [Test]
    public async Task Exists_by_id_is_not_supported_and_sends_nothing()
    {
        using var host = CmfblTestHost.Create();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ById("1176")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task Exists_with_a_malformed_email_is_InvalidInput_before_any_request()
    {
        using var host = CmfblTestHost.Create();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByEmail("chan@")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors.Single().Field, Is.EqualTo("Lookup"));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task Find_by_number_reads_page_then_detail()
    {
        using var host = CmfblTestHost.Create();
        host.AnswerFound();

        var customer = await host.Registry.FindAsync(CustomerLookup.ByNumber("86021976"));

        Assert.That(customer, Is.Not.Null);
        Assert.That(customer!.Id, Is.EqualTo("1176"));
        Assert.That(customer.Number, Is.EqualTo("86021976"));
        Assert.That(customer.Country, Is.EqualTo("HK"));
        var urls = host.Provider.Requests.Select(r => r.Uri.ToString()).ToArray();
        Assert.That(urls, Is.EqualTo(new[]
        {
            CmfblTestHost.AuthUrl,
            CmfblTestHost.Url(CmfblUserRegistry.PageBizType),
            CmfblTestHost.Url(CmfblUserRegistry.DetailBizType),
        }));
    }

    [Test]
    public async Task Find_by_an_unknown_number_returns_null_without_reading_detail()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Envelope("""{"records":[],"total":0,"size":1,"current":1}"""));

        var customer = await host.Registry.FindAsync(CustomerLookup.ByNumber("86099999"));

        Assert.That(customer, Is.Null);
        Assert.That(host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.DetailBizType)), Is.Empty);
    }

    [Test]
    public async Task Find_keeps_the_page_record_when_detail_has_no_data()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Fixture("page-by-number.response.json"));
        host.Answer(CmfblUserRegistry.DetailBizType, CmfblTestHost.Envelope("null"));

        var customer = await host.Registry.FindAsync(CustomerLookup.ByNumber("86021976"));

        Assert.That(customer!.Id, Is.EqualTo("1176"));
        Assert.That(customer.Email, Is.EqualTo("chan.tai.man@example.com"));
        Assert.That(customer.Country, Is.Null);
        Assert.That(customer.Name, Is.Null);
        Assert.That(customer.UpdatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1732530000000)));
    }

    [TestCase(CustomerLookupKind.Email)]
    [TestCase(CustomerLookupKind.Phone)]
    [TestCase(CustomerLookupKind.Id)]
    public async Task Find_by_other_than_number_is_not_supported_and_sends_nothing(CustomerLookupKind kind)
    {
        using var host = CmfblTestHost.Create();
        var lookup = kind switch
        {
            CustomerLookupKind.Email => CustomerLookup.ByEmail("a@example.com"),
            CustomerLookupKind.Phone => CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")),
            _ => CustomerLookup.ById("1176"),
        };

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(lookup));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(ex.Message, Does.Contain(kind.ToString()));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task List_pages_through_everything_in_order()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, Page(1, 2, 5, "1", "2"));
        host.Answer(CmfblUserRegistry.PageBizType, Page(2, 2, 5, "3", "4"));
        host.Answer(CmfblUserRegistry.PageBizType, Page(3, 2, 5, "5"));

        var customers = await host.Registry.ListAsync(new CustomerQuery { PageSize = 2 }).ToListAsync();

        Assert.That(customers.Select(c => c.Id), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        Assert.That(customers.Select(c => c.Number), Is.EqualTo(new[] { "86000001", "86000002", "86000003", "86000004", "86000005" }));
        var requests = host.Provider.To(PageUrl);
        Assert.That(requests, Has.Count.EqualTo(3));
        for (var i = 0; i < 3; i++)
        {
            JsonAssert.AreEqual(JToken.Parse($$"""{"customerNo":null,"size":2,"current":{{i + 1}}}"""), requests[i].Json);
        }
    }

    [Test]
    public async Task List_stops_when_the_total_is_reached_on_a_full_page()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, Page(1, 2, 4, "1", "2"));
        host.Answer(CmfblUserRegistry.PageBizType, Page(2, 2, 4, "3", "4"));

        var customers = await host.Registry.ListAsync(new CustomerQuery { PageSize = 2 }).ToListAsync();

        Assert.That(customers, Has.Count.EqualTo(4));
        Assert.That(host.Provider.To(PageUrl), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task List_uses_the_configured_page_size_by_default()
    {
        using var host = CmfblTestHost.Create(s => s["UserRegistry:Cmfbl:PageSize"] = "2000");
        host.Answer(CmfblUserRegistry.PageBizType, Page(1, 2000, 1, "1"));

        var customers = await host.Registry.ListAsync().ToListAsync();

        Assert.That(customers, Has.Count.EqualTo(1));
        Assert.That((int)host.Provider.To(PageUrl).Single().Json["size"]!, Is.EqualTo(2000));
    }

    [Test]
    public async Task List_reads_a_full_page_of_2000()
    {
        using var host = CmfblTestHost.Create();
        var ids = Enumerable.Range(1, 2000).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        host.Answer(CmfblUserRegistry.PageBizType, Page(1, 2000, 2000, ids));

        var customers = await host.Registry.ListAsync(new CustomerQuery { PageSize = 2000 }).ToListAsync();

        Assert.That(customers.Select(c => c.Id), Is.EqualTo(ids));
        Assert.That(host.Provider.To(PageUrl), Has.Count.EqualTo(1));
    }

    [TestCase(0)]
    [TestCase(2001)]
    public void List_rejects_a_page_size_out_of_range_before_any_request(int pageSize)
    {
        using var host = CmfblTestHost.Create();

        var ex = Assert.Throws<UserRegistryException>(() => host.Registry.ListAsync(new CustomerQuery { PageSize = pageSize }));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors.Single().Field, Is.EqualTo("PageSize"));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task List_stops_fetching_when_the_consumer_cancels()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, Page(1, 2, 6, "1", "2"));
        host.Answer(CmfblUserRegistry.PageBizType, Page(2, 2, 6, "3", "4"));
        using var cts = new CancellationTokenSource();
        var seen = new List<string>();

        Assert.That(
            async () =>
            {
                await foreach (var customer in host.Registry.ListAsync(new CustomerQuery { PageSize = 2 }, cts.Token))
                {
                    seen.Add(customer.Id);
                    await cts.CancelAsync();
                }
            },
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(seen, Is.EqualTo(new[] { "1", "2" }));
        Assert.That(host.Provider.To(PageUrl), Has.Count.EqualTo(1));
    }

    [TestCase(1, CustomerStatus.Active)]
    [TestCase(2, CustomerStatus.Disabled)]
    [TestCase(3, CustomerStatus.Deleted)]
    [TestCase(4, CustomerStatus.Cancelled)]
    [TestCase(5, CustomerStatus.Locked)]
    [TestCase(6, CustomerStatus.PendingCancellation)]
    [TestCase(42, CustomerStatus.Unknown)]
    public async Task List_maps_every_documented_status(int wire, CustomerStatus expected)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Envelope($$"""{"records":[{"id":1,"customerNo":"86000001","status":{{wire}}}],"total":1}"""));

        var customer = (await host.Registry.ListAsync().ToListAsync()).Single();

        Assert.That(customer.Status, Is.EqualTo(expected));
    }

    [Test]
    public async Task Customer_groups_are_read_from_groupList()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.GroupListBizType, CmfblTestHost.Fixture("group-list.response.json"));

        var groups = await host.Cmfbl.GetCustomerGroupsAsync();

        Assert.That(groups, Is.EqualTo(new[]
        {
            new CmfblCustomerGroup { Id = "1", Name = "Default", OpenAccountType = 0, Type = 1, TradeType = "1", Assets = "USDT" },
            new CmfblCustomerGroup { Id = "7", Name = "VIP", OpenAccountType = 0, Type = 1, TradeType = "5", Assets = "USDT,USD" },
        }));
        JsonAssert.AreEqual(new JObject(), host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.GroupListBizType)).Single().Json);
    }

    [Test]
    public async Task Detail_sections_come_back_as_raw_json()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.DetailBizType, CmfblTestHost.Envelope("""{"accountList":[{"accountId":1031717,"currency":"USDT"}]}"""));

        var json = await host.Cmfbl.GetCustomerDetailJsonAsync("1176", "86021976", CmfblDetailSection.TradeAccount);

        JsonAssert.AreEqual(JToken.Parse("""{"accountList":[{"accountId":1031717,"currency":"USDT"}]}"""), JToken.Parse(json!));
        JsonAssert.AreEqual(
            JToken.Parse("""{"type":"tradeAccount","id":"1176","customerNo":"86021976"}"""),
            host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.DetailBizType)).Single().Json);
    }

    internal static string Page(int current, int size, int total, params string[] ids)
    {
        var records = new StringBuilder();
        foreach (var id in ids)
        {
            if (records.Length > 0)
            {
                records.Append(',');
            }

            var number = (86000000 + int.Parse(id, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
            records.Append(CultureInfo.InvariantCulture, $$"""{"id":{{id}},"customerNo":"{{number}}","phone":"9876{{id}}","phoneArea":"+852","status":1,"customerGroupName":"Default"}""");
        }

        return CmfblTestHost.Envelope($$"""{"records":[{{records}}],"total":{{total}},"size":{{size}},"current":{{current}}}""");
    }
}
