using BrokerAdapters.McCrm.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmRegisterTests
{
    [Test]
    public async Task Register_posts_json_to_the_signup_url_with_the_token_header()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        await host.Registry.RegisterAsync(Customers.Full());

        var request = host.SingleRequest;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri, Is.EqualTo(new Uri(McCrmTestHost.SignupUrl)));
            Assert.That(request.Token, Is.EqualTo(new[] { McCrmTestHost.Token }));
            Assert.That(request.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(request.ContentType?.CharSet, Is.EqualTo("utf-8"));
        }
    }

    [Test]
    public async Task Register_sends_the_body_of_the_request_fixture()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        await host.Registry.RegisterAsync(Customers.Full());

        var sent = host.SingleRequest.JsonWithPasswordPlaceholder();
        var expected = Fixtures.Json("signup.request.json");
        Assert.That(JToken.DeepEquals(sent, expected), Is.True, $"sent {sent}");
    }

    [Test]
    public async Task Register_sends_the_documented_sample_shape_for_a_phone_only_customer()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.code200.json"));

        await host.Registry.RegisterAsync(Customers.PhoneOnly());

        var sent = host.SingleRequest.JsonWithPasswordPlaceholder();
        Assert.That(JToken.DeepEquals(sent, Fixtures.Json("signup.request.phone-only.json")), Is.True, $"sent {sent}");
    }

    [TestCase(McCrmPasswordPadding.Pkcs1)]
    [TestCase(McCrmPasswordPadding.OaepSha1)]
    [TestCase(McCrmPasswordPadding.OaepSha256)]
    public async Task Register_sends_the_password_encrypted_with_the_configured_padding(McCrmPasswordPadding padding)
    {
        using var host = McCrmTestHost.Create(s => s["UserRegistry:McCrm:Padding"] = padding.ToString());
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        await host.Registry.RegisterAsync(Customers.Full());

        var ciphertext = host.SingleRequest.Password;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ciphertext, Is.Not.EqualTo(Customers.Password));
            Assert.That(Convert.FromBase64String(ciphertext), Has.Length.EqualTo(128), "one block of the 1024-bit key");
            Assert.That(TestKeys.Decrypt(ciphertext, padding), Is.EqualTo(Customers.Password));
        }
    }

    [Test]
    public async Task Register_uses_pkcs1_padding_when_none_is_configured()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        await host.Registry.RegisterAsync(Customers.Full());

        Assert.That(TestKeys.Decrypt(host.SingleRequest.Password, McCrmPasswordPadding.Pkcs1), Is.EqualTo(Customers.Password));
    }

    [Test]
    public async Task Register_encrypts_a_non_ascii_password_as_utf8()
    {
        const string password = "密码Pässwörd€12345678";
        using var host = McCrmTestHost.Create(s => s["UserRegistry:McCrm:Padding"] = "OaepSha256");
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        await host.Registry.RegisterAsync(Customers.Full() with { Password = password });

        Assert.That(TestKeys.Decrypt(host.SingleRequest.Password, McCrmPasswordPadding.OaepSha256), Is.EqualTo(password));
    }

    [Test]
    public async Task Register_encrypts_afresh_for_every_call()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        await host.Registry.RegisterAsync(Customers.Full());
        await host.Registry.RegisterAsync(Customers.Full());

        var passwords = host.Requests.Select(r => r.Password).ToArray();
        Assert.That(passwords, Has.Length.EqualTo(2));
        Assert.That(passwords[0], Is.Not.EqualTo(passwords[1]), "PKCS#1 v1.5 padding is random");
        Assert.That(passwords.Select(p => TestKeys.Decrypt(p, McCrmPasswordPadding.Pkcs1)), Is.All.EqualTo(Customers.Password));
    }

    [Test]
    public async Task Register_accepts_the_public_key_as_base64_subject_public_key_info()
    {
        using var host = McCrmTestHost.Create(s => s["UserRegistry:McCrm:PublicKey"] = TestKeys.PublicKeyBase64);
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        await host.Registry.RegisterAsync(Customers.Full());

        Assert.That(TestKeys.Decrypt(host.SingleRequest.Password, McCrmPasswordPadding.Pkcs1), Is.EqualTo(Customers.Password));
    }

    [Test]
    public async Task Register_sends_the_configured_channel_name()
    {
        using var host = McCrmTestHost.Create(s => s["UserRegistry:McCrm:ChannelName"] = "partner-web");
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        await host.Registry.RegisterAsync(Customers.PhoneOnly());

        Assert.That((string?)host.SingleRequest.Json["channelName"], Is.EqualTo("partner-web"));
    }

    [Test]
    public async Task Register_sends_the_address_line_when_one_is_given()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));
        var customer = Customers.Full() with
        {
            Address = new PostalAddress { Line = "Flat 12A, 88 Nathan Road", Street = "Nathan Road", HouseNumber = "88", City = "Kowloon" },
        };

        await host.Registry.RegisterAsync(customer);

        var sent = host.SingleRequest.Json;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)sent["address"], Is.EqualTo("Flat 12A, 88 Nathan Road"));
            Assert.That(sent["postalCode"], Is.Null, "no postal code, no member");
        }
    }

    [Test]
    public async Task Register_maps_the_documented_response_to_the_customer()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        var customer = (await host.Registry.RegisterAsync(Customers.Full())).Customer;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Provider, Is.EqualTo("McCrm"));
            Assert.That(customer.Id, Is.EqualTo("3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e"));
            Assert.That(customer.Number, Is.EqualTo("40217765"));
            Assert.That(customer.Email, Is.EqualTo("mei.chan@example.com"));
            Assert.That(customer.Phone, Is.EqualTo(new PhoneNumber("+852", "61234567")));
            Assert.That(customer.Country, Is.EqualTo("HK"));
            Assert.That(customer.TimeZone, Is.EqualTo("UTC+8:00"));
            Assert.That(customer.ClientIp, Is.EqualTo("203.0.113.10"));
            Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Active));
            Assert.That(customer.KycStatus, Is.Null);
            Assert.That(customer.Name, Is.Null, "every name part is null");
            Assert.That(customer.Address, Is.Null, "every address part is null");
            Assert.That(customer.BirthDate, Is.Null);
            Assert.That(customer.CreatedAt, Is.EqualTo(new DateTimeOffset(2025, 3, 4, 9, 15, 42, TimeSpan.Zero).AddTicks(1234567)));
            Assert.That(customer.UpdatedAt, Is.EqualTo(new DateTimeOffset(2025, 3, 4, 9, 15, 42, TimeSpan.Zero).AddTicks(1300010)));
            Assert.That(customer.LastLoginAt, Is.Null);
            Assert.That(customer.Extra["nickname"], Is.EqualTo("61****67"));
            Assert.That(customer.Extra["id"], Is.EqualTo("200417"));
            Assert.That(customer.Extra["registerType"], Is.EqualTo("1"));
            Assert.That(customer.Extra["registerSource"], Is.EqualTo("0"));
            Assert.That(customer.Extra["idNumber"], Is.Null);
            Assert.That(customer.Extra.Keys, Has.No.Member("password"));
            Assert.That(customer.Extra.Keys, Has.No.Member("uid"), "mapped members are not repeated in Extra");
        }
    }

    [Test]
    public async Task Register_keeps_the_sent_external_id_because_the_answer_has_no_user_id()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        var customer = (await host.Registry.RegisterAsync(Customers.Full())).Customer;

        Assert.That(customer.ExternalId, Is.EqualTo("crm-ext-000123"));
    }

    [Test]
    public async Task Register_prefers_the_user_id_the_provider_answers()
    {
        using var host = McCrmTestHost.Create();
        var answer = Fixtures.Json("signup.response.json");
        answer["data"]!["userId"] = "stored-by-crm";
        host.AnswerSignup(answer.ToString());

        var customer = (await host.Registry.RegisterAsync(Customers.Full())).Customer;

        Assert.That(customer.ExternalId, Is.EqualTo("stored-by-crm"));
    }

    [Test]
    public async Task Register_reads_the_numeric_code_200_envelope()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.code200.json"));

        var customer = (await host.Registry.RegisterAsync(Customers.PhoneOnly())).Customer;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Id, Is.EqualTo("8a1b2c3d4e5f40718293a4b5c6d7e8f9"));
            Assert.That(customer.Number, Is.EqualTo("40217766"));
            Assert.That(customer.Phone, Is.EqualTo(new PhoneNumber("+852", "98765432")));
            Assert.That(customer.Email, Is.Null);
            Assert.That(customer.CreatedAt, Is.EqualTo(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero)));
            Assert.That(customer.ExternalId, Is.Null, "none was sent and none came back");
        }
    }

    [TestCase("https://crm.test/mc-crm", "https://crm.test/mc-crm/openapi/v1/user/signup")]
    [TestCase("https://crm.test/mc-crm/", "https://crm.test/mc-crm/openapi/v1/user/signup")]
    [TestCase("https://crm.test/mc-crm//", "https://crm.test/mc-crm/openapi/v1/user/signup")]
    [TestCase("https://crm.test", "https://crm.test/openapi/v1/user/signup")]
    [TestCase("http://localhost:8080/gw/mc-crm/", "http://localhost:8080/gw/mc-crm/openapi/v1/user/signup")]
    public async Task Register_joins_the_base_url_and_the_path_with_one_slash(string baseUrl, string expectedUrl)
    {
        using var host = McCrmTestHost.Create(s => s["UserRegistry:McCrm:BaseUrl"] = baseUrl);
        host.Answer(expectedUrl, Fixtures.Read("signup.response.json"));

        await host.Registry.RegisterAsync(Customers.PhoneOnly());

        Assert.That(host.SingleRequest.Uri, Is.EqualTo(new Uri(expectedUrl)));
    }

    [Test]
    public async Task Default_registry_uses_the_documented_http_client_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(McCrmTestHost.DefaultSettings()).Build();
        using var http = new MockHttpMessageHandler();
        var signup = http.When(HttpMethod.Post, McCrmTestHost.SignupUrl).Respond("application/json", Fixtures.Read("signup.response.json"));
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddMcCrm();
        // Configured by name only, as an application adding resilience to the client would.
        services.AddHttpClient("BrokerAdapters.McCrm").ConfigurePrimaryHttpMessageHandler(() => http);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IUserRegistry>().RegisterAsync(Customers.PhoneOnly());

        Assert.That(http.GetMatchCount(signup), Is.EqualTo(1));
    }

    [Test]
    public async Task Keyed_registry_reads_its_own_section_and_uses_its_own_http_client()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Migration:Target:Provider"] = "McCrm",
            ["Migration:Target:McCrm:BaseUrl"] = "https://target.test/crm/",
            ["Migration:Target:McCrm:Token"] = "target-token",
            ["Migration:Target:McCrm:PublicKey"] = TestKeys.PublicKeyPem,
            ["Migration:Target:McCrm:BizName"] = "TARGET",
        }).Build();
        using var http = new MockHttpMessageHandler();
        var signup = http.When(HttpMethod.Post, "https://target.test/crm/openapi/v1/user/signup")
            .WithHeaders("token", "target-token")
            .WithPartialContent("\"bizName\":\"TARGET\"")
            .Respond("application/json", Fixtures.Read("signup.response.json"));
        var services = new ServiceCollection();
        services.AddKeyedUserRegistry("target", configuration.GetSection("Migration:Target")).AddMcCrm();
        services.AddHttpClient("BrokerAdapters.McCrm.target").ConfigurePrimaryHttpMessageHandler(() => http);
        await using var provider = services.BuildServiceProvider();

        var registration = await provider.GetRequiredKeyedService<IUserRegistry>("target").RegisterAsync(Customers.PhoneOnly());

        Assert.That(registration.Customer.Id, Is.EqualTo("3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e"));
        Assert.That(http.GetMatchCount(signup), Is.EqualTo(1));
    }
}

public sealed class McCrmSeedAnswerTests
{
    [Test]
    public async Task The_providers_own_signup_sample_parses_into_the_unified_customer()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.seed.json"));

        var customer = (await host.Registry.RegisterAsync(Customers.PhoneOnly())).Customer;

        Assert.That(customer.Provider, Is.EqualTo("McCrm"));
        Assert.That(customer.Id, Is.EqualTo("75b8ccad23f342c1a519718c7fb6c041"));
        Assert.That(customer.Number, Is.EqualTo("98227698"));
        Assert.That(customer.Phone, Is.EqualTo(new PhoneNumber("+852", "98793237")));
        Assert.That(customer.Email, Is.Null);
        Assert.That(customer.Country, Is.EqualTo("HK"));
        Assert.That(customer.TimeZone, Is.EqualTo("UTC+8:00"));
        Assert.That(customer.ClientIp, Is.EqualTo("61.93.232.102"));
        Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Unknown));
        Assert.That(customer.CreatedAt, Is.EqualTo(new DateTimeOffset(2024, 12, 11, 11, 7, 19, TimeSpan.Zero).AddTicks(4387446)));
        Assert.That(customer.UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 12, 11, 11, 7, 19, TimeSpan.Zero).AddTicks(4431325)));
        Assert.That(customer.LastLoginAt, Is.Null);
        Assert.That(customer.Extra["nickname"], Is.EqualTo("98****37"));
        Assert.That(customer.Extra["country"], Is.EqualTo("中国香港特别行政区"));
        Assert.That(customer.Extra.Keys, Has.None.EqualTo("password"));
    }
}
