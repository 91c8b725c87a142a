using BrokerAdapters.Testing.Support;

namespace BrokerAdapters.Cmfbl.Tests;

public sealed class CmfblAuthenticateTests
{
    [Test]
    public async Task Authenticate_by_phone_calls_the_client_login_with_md5_password()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, CmfblTestHost.Fixture("login.response.json"));

        var result = await host.Registry.AuthenticateAsync(
            new CustomerCredentials(CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")), Samples.Password));

        var login = host.Provider.Requests.Single();
        Assert.That(login.Uri.ToString(), Is.EqualTo("https://client.cmfbl.test/api/login/customer.app.CustomerWebApiService.login"));
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "login-phone.request.json"), login.Json);
        Assert.That(login.Headers.ContainsKey("token"), Is.False, "customer login needs no admin token");
        Assert.That(login.Header("companyId"), Is.EqualTo("360"));
        Assert.That(login.Header("version"), Is.EqualTo("0.0.1"));
        Assert.That(login.Header("lang"), Is.EqualTo("en-US"));
        Assert.That(login.Header("trace"), Does.StartWith("t-"));

        Assert.That(result.AccessToken, Is.EqualTo("customer-session-token"));
        Assert.That(result.RefreshToken, Is.EqualTo("customer-refresh-token"));
        Assert.That(result.Customer.Id, Is.EqualTo("1176"));
        Assert.That(result.Customer.Number, Is.EqualTo("86021976"));
        Assert.That(result.Customer.Email, Is.EqualTo("ch**@example.com"));
        Assert.That(result.Customer.ExternalId, Is.Null);
        Assert.That(result.Customer.LastLoginAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1732537200000)));
        Assert.That(result.Customer.Extra.Keys, Has.None.EqualTo("token").And.None.EqualTo("rToken"));
        Assert.That(result.Customer.Extra["accountList"], Does.Contain("1031717"));
        Assert.That(result.ToString(), Does.Not.Contain("customer-session-token").And.Not.Contain("customer-refresh-token"));
    }

    [TestCase("email", 1, "chan.tai.man@example.com")]
    [TestCase("number", 3, "86021976")]
    public async Task Authenticate_by_email_or_number_uses_its_login_type(string kind, int type, string login)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, CmfblTestHost.Fixture("login.response.json"));
        var lookup = kind == "email" ? CustomerLookup.ByEmail(login) : CustomerLookup.ByNumber(login);

        await host.Registry.AuthenticateAsync(new CustomerCredentials(lookup, Samples.Password));

        var body = host.Provider.Requests.Single().Json;
        Assert.That((int)body["type"]!, Is.EqualTo(type));
        Assert.That((string?)body["loginName"], Is.EqualTo(login));
        Assert.That(body["phoneArea"], Is.Null);
        Assert.That((string?)body["loginPwd"], Is.EqualTo(Samples.PasswordMd5));
    }

    [TestCase("USCUSTOMER_API_0000102", UserRegistryErrorKind.InvalidCredentials)]
    [TestCase("USCUSTOMER_API_0000112", UserRegistryErrorKind.InvalidCredentials)]
    [TestCase("USCUSTOMER_API_0000113", UserRegistryErrorKind.AccountDisabled)]
    [TestCase("USCUSTOMER_API_0000157", UserRegistryErrorKind.AccountLocked)]
    [TestCase("USCUSTOMER_API_0000158", UserRegistryErrorKind.AccountDisabled)]
    [TestCase("USCUSTOMER_API_0001050", UserRegistryErrorKind.AccountLocked)]
    public async Task Authenticate_failures_map_to_account_kinds(string code, UserRegistryErrorKind kind)
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, CmfblTestHost.Error(code, "refused", "t-login-err"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber("86021976"), "wrong-password")));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.ProviderCode, Is.EqualTo(code));
        Assert.That(ex.TraceId, Is.EqualTo("t-login-err"));
        Assert.That(ex.ToString(), Does.Not.Contain("wrong-password"));
    }

    [Test]
    public async Task Authenticate_answer_without_a_token_is_a_ProtocolError()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, CmfblTestHost.Envelope("""{"id":1176,"customerNo":"86021976"}"""));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber("86021976"), Samples.Password)));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
    }

    [Test]
    public async Task Authenticate_is_not_offered_without_a_client_base_url()
    {
        using var host = CmfblTestHost.Create(s => s.Remove("UserRegistry:Cmfbl:ClientBaseUrl"));

        Assert.That(host.Registry.Descriptor.Supports(UserRegistryCapabilities.Authenticate), Is.False);
        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber("86021976"), Samples.Password)));
        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(host.Provider.Requests, Is.Empty);
    }

    [Test]
    public async Task Authenticate_with_an_empty_password_is_InvalidInput()
    {
        using var host = CmfblTestHost.Create();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber("86021976"), string.Empty)));

        Assert.That(ex!.FieldErrors.Single().Field, Is.EqualTo("Password"));
        Assert.That(host.Provider.Requests, Is.Empty);
    }
}

public sealed class CmfblSeedAnswerTests
{
    [Test]
    public async Task The_providers_own_login_sample_parses_into_the_unified_customer()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.AnswerJson(CmfblTestHost.LoginUrl, CmfblTestHost.Fixture("login.response.seed.json"));

        var result = await host.Registry.AuthenticateAsync(
            new CustomerCredentials(CustomerLookup.ByPhone(new PhoneNumber("+86", "13429837442")), Samples.Password));

        var customer = result.Customer;
        Assert.That(result.AccessToken, Is.EqualTo("placeholder-session-token"));
        Assert.That(result.RefreshToken, Is.EqualTo("placeholder-refresh-token"));
        Assert.That(customer.Id, Is.EqualTo("1176"));
        Assert.That(customer.Number, Is.EqualTo("86001175"));
        Assert.That(customer.ExternalId, Is.Null);
        Assert.That(customer.Email, Is.EqualTo("22**@qq.com"));
        Assert.That(customer.Phone, Is.EqualTo(new PhoneNumber("+86", "135******9561")));
        Assert.That(customer.Country, Is.EqualTo("CN"));
        Assert.That(customer.Name, Is.Null);
        Assert.That(customer.Source, Is.EqualTo(RegistrationSource.MobileWeb));
        Assert.That(customer.GroupId, Is.EqualTo("1"));
        Assert.That(customer.Status, Is.EqualTo(CustomerStatus.PendingCancellation));
        Assert.That(customer.KycStatus, Is.EqualTo("1"));
        Assert.That(customer.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1648777706117)));
        Assert.That(customer.LastLoginAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1678360534200)));
        Assert.That(customer.Extra["kycRemark"], Is.EqualTo("Not verified"));
        Assert.That(customer.Extra["companyType"], Is.EqualTo("real"));
        Assert.That(customer.Extra["accountList"], Does.Contain("\"accountId\":1031717"));
        Assert.That(customer.Extra.Keys, Has.None.EqualTo("token").And.None.EqualTo("rToken"));
    }
}
