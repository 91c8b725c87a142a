using System.Globalization;
using BrokerAdapters.Testing.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl.Tests;

public sealed class CmfblRegisterTests
{
    [Test]
    public async Task Register_authenticates_with_app_credentials_first()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();

        await host.Registry.RegisterAsync(Samples.NewCustomer());

        var auth = host.Provider.Requests[0];
        Assert.That(auth.Uri.ToString(), Is.EqualTo(CmfblTestHost.AuthUrl));
        Assert.That(auth.Method, Is.EqualTo(HttpMethod.Post));
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "auth.request.json"), auth.Json);
        Assert.That(auth.Headers.ContainsKey("token"), Is.False);
        Assert.That(auth.Header("companyId"), Is.EqualTo("360"));
    }

    [Test]
    public async Task Register_sends_md5_password_and_company_headers()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();

        await host.Registry.RegisterAsync(Samples.NewCustomer());

        var create = host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType)).Single();
        Assert.That(create.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(create.Uri.ToString(), Is.EqualTo("https://cmfbl.test/openapi-b/customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc"));
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "create-customer.request.json"), create.Json);
        Assert.That(create.Header("token"), Is.EqualTo("admin-token-1"));
        Assert.That(create.Header("companyId"), Is.EqualTo("360"));
        Assert.That(create.Header("version"), Is.EqualTo("0.0.1"));
        Assert.That(create.Header("lang"), Is.EqualTo("en-US"));
        Assert.That(create.Header("timestamp"), Is.EqualTo(CmfblTestHost.Now.ToString(CultureInfo.InvariantCulture)));
        Assert.That(create.Header("trace"), Does.StartWith("t-"));
        Assert.That(create.Header("Content-Type"), Does.StartWith("application/json"));
    }

    [Test]
    public async Task Register_uses_a_new_trace_for_every_request()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();

        await host.Registry.RegisterAsync(Samples.NewCustomer());

        var traces = host.Provider.Requests.Select(r => r.Header("trace")).ToArray();
        Assert.That(traces, Has.Length.EqualTo(4));
        Assert.That(traces, Is.Unique);
    }

    [Test]
    public async Task Register_reads_the_new_customer_back_by_number()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();

        var customer = (await host.Registry.RegisterAsync(Samples.NewCustomer())).Customer;

        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "page-by-number.request.json"), host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.PageBizType)).Single().Json);
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "detail.request.json"), host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.DetailBizType)).Single().Json);
        Assert.That(customer.Provider, Is.EqualTo("Cmfbl"));
        Assert.That(customer.Id, Is.EqualTo("1176"));
        Assert.That(customer.Number, Is.EqualTo("86021976"));
        Assert.That(customer.ExternalId, Is.EqualTo("crm-000042"));
        Assert.That(customer.Email, Is.EqualTo("chan.tai.man@example.com"));
        Assert.That(customer.Phone, Is.EqualTo(new PhoneNumber("+852", "98763237")));
        Assert.That(customer.Country, Is.EqualTo("HK"));
        Assert.That(customer.Name, Is.EqualTo(new PersonName { Given = "Tai Man", Family = "Chan", Full = "Chan Tai Man" }));
        Assert.That(customer.Address, Is.EqualTo(new PostalAddress { Line = "1 Queen's Road Central", PostalCode = "999077" }));
        Assert.That(customer.Source, Is.EqualTo(RegistrationSource.PcWeb));
        Assert.That(customer.GroupId, Is.EqualTo("1"));
        Assert.That(customer.Attribution, Is.EqualTo(new MarketingAttribution { Source = "newsletter" }));
        Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Active));
        Assert.That(customer.KycStatus, Is.EqualTo("1"));
        Assert.That(customer.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1732530000000)));
        Assert.That(customer.LastLoginAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1732533600000)));
        Assert.That(customer.UpdatedAt, Is.Null);
        Assert.That(customer.Extra["customerGroupName"], Is.EqualTo("Default"));
        Assert.That(customer.Extra["kycRemark"], Is.EqualTo("Not verified"));
        Assert.That(customer.Extra["deposit"], Is.EqualTo("1"));
        Assert.That(customer.Extra.Keys, Has.None.EqualTo("id").And.None.EqualTo("customerNo"));
    }

    [Test]
    public async Task Register_falls_back_to_the_configured_group_and_source()
    {
        using var host = CmfblTestHost.Create(s => s["UserRegistry:Cmfbl:CustomerGroupId"] = "7");
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();

        await host.Registry.RegisterAsync(Samples.NewCustomer() with { Source = null, GroupId = null });

        var body = (JObject)host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType)).Single().Json;
        Assert.That((int)body["registerSource"]!, Is.EqualTo(3));
        Assert.That((long)body["customerGroupId"]!, Is.EqualTo(7));
    }

    [Test]
    public async Task Register_sends_the_customers_own_group_when_set()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();

        await host.Registry.RegisterAsync(Samples.NewCustomer() with { GroupId = "12", Source = RegistrationSource.Ios });

        var body = (JObject)host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType)).Single().Json;
        Assert.That((long)body["customerGroupId"]!, Is.EqualTo(12));
        Assert.That((int)body["registerSource"]!, Is.EqualTo(5));
    }

    [Test]
    public async Task Register_omits_optional_fields_that_are_not_set()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();

        await host.Registry.RegisterAsync(new NewCustomer { Phone = new PhoneNumber("+86", "13429837442"), Password = "a123456", Country = "CN" });

        var body = host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType)).Single().Json;
        JsonAssert.AreEqual(
            JToken.Parse("""
                {"phone":"13429837442","phoneArea":"+86","pwd":"dc483e80a7a0bd9ef71d8cf973673924","country":"CN",
                 "registerSource":3,"customerGroupId":1,"tradeTypeCurrencyList":[{"allCurrency":"USDT","tradeType":"1"}]}
                """),
            body);
    }

    [Test]
    public async Task Register_reuses_the_admin_token_for_later_calls()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();

        await host.Registry.RegisterAsync(Samples.NewCustomer());
        await host.Registry.RegisterAsync(Samples.NewCustomer() with { Phone = new PhoneNumber("+852", "98763238") });

        Assert.That(host.Provider.To(CmfblTestHost.AuthUrl), Has.Count.EqualTo(1));
        Assert.That(host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType)), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Register_of_an_existing_phone_is_AlreadyExists_with_provider_code_and_trace()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("error.phone-exists.response.json"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.AlreadyExists));
        Assert.That(ex.Provider, Is.EqualTo("Cmfbl"));
        Assert.That(ex.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000106"));
        Assert.That(ex.ProviderMessage, Is.EqualTo("Mobile number already exist"));
        Assert.That(ex.TraceId, Is.EqualTo("t-error-0106"));
        Assert.That(ex.HttpStatus, Is.EqualTo(200));
        Assert.That(ex.IsRetryable, Is.False);
        Assert.That(ex.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Phone" }));
    }

    [Test]
    public async Task Register_rejects_invalid_input_naming_every_field_before_any_request()
    {
        using var host = CmfblTestHost.Create();
        var customer = new NewCustomer
        {
            Email = "not-an-email",
            Password = "   ",
            Country = "XX",
            ExternalId = new string('e', 51),
            GroupId = "0",
        };

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(customer));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors.Select(f => f.Field), Is.EquivalentTo(new[] { "Phone", "Password", "Country", "Email", "ExternalId", "GroupId" }));
        Assert.That(ex.Message, Does.Contain("ExternalId").And.Contain("at most 50"));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [TestCase("+852", "98a63237", "Phone.Number")]
    [TestCase("+999", "98763237", "Phone.CountryCode")]
    [TestCase("+852", "1", "Phone.Number")]
    [TestCase("+852", "123456789012345678901", "Phone.Number")]
    public async Task Register_rejects_a_bad_phone_naming_its_part(string countryCode, string number, string field)
    {
        using var host = CmfblTestHost.Create();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Registry.RegisterAsync(Samples.NewCustomer() with { Phone = new PhoneNumber(countryCode, number) }));

        Assert.That(ex!.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { field }));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task Register_with_an_unreadable_success_answer_is_OutcomeUnknown()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, """{"code":"0","msg":"Success","data":""");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.TraceId, Does.StartWith("t-"));
    }

    [Test]
    public async Task Register_that_cannot_be_read_back_is_OutcomeUnknown_naming_the_number()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Error("G500", "System error"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.Message, Does.Contain("86021976"));
        Assert.That(ex.InnerException, Is.TypeOf<UserRegistryException>());
    }

    [Test]
    public async Task Register_honours_a_cancelled_token_without_sending()
    {
        using var host = CmfblTestHost.Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        Assert.That(async () => (await host.Registry.RegisterAsync(Samples.NewCustomer(), cts.Token)).Customer, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task Register_never_puts_the_password_or_secrets_in_errors()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Error("USCUSTOMER_API_0000139", "Password strength is too weak"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        var text = ex!.ToString();
        Assert.That(text, Does.Not.Contain(Samples.Password).And.Not.Contain(Samples.PasswordMd5));
        Assert.That(text, Does.Not.Contain(CmfblTestHost.AppSecret).And.Not.Contain("admin-token-1"));
        Assert.That(ex.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors.Single().Field, Is.EqualTo("Password"));
    }
}
