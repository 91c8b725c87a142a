using System.Net;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

/// <summary>What the provider sends (exact URL, headers, JSON body) and how it reads Example CRM's answers.</summary>
public sealed class ExampleCrmWireTests
{
    private const string AnnJson = """
        {
          "id": "cus_5f1c9a0e2b7d4c3a9e8f6a1b",
          "number": "100042",
          "email": "ann.lee@example.com",
          "phone": { "country_code": "852", "number": "98763237" },
          "country": "HK",
          "first_name": "Ann",
          "last_name": "Lee",
          "birth_date": "1990-05-17",
          "language": "en-US",
          "external_id": "crm-7",
          "status": "active",
          "tier": "gold",
          "consents": { "marketing": false },
          "password_hash": "$2b$12$Qm9ndXMgaGFzaCBmb3IgdGVzdHM",
          "created_at": "2025-03-04T09:15:42Z",
          "updated_at": "2025-03-05T10:00:00Z"
        }
        """;

    #region wire-test
    [Test]
    public async Task Register_posts_the_customer_as_json_with_the_bearer_api_key()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/customers", HttpStatusCode.Created, AnnJson);

        await host.Registry.RegisterAsync(Ann());

        var request = host.SingleRequest;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://api.example-crm.example/v1/customers"));
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer ek_test_4f9a1c"));
            Assert.That(request.Header("Accept"), Is.EqualTo("application/json"));
            Assert.That(request.Header("Content-Type"), Is.EqualTo("application/json; charset=utf-8"));
        }

        // Time zone is not sent: Example CRM does not keep one.
        var expected = JToken.Parse("""
            {
              "email": "ann.lee@example.com",
              "phone": { "country_code": "852", "number": "98763237" },
              "password": "S3cure-pass",
              "country": "HK",
              "first_name": "Ann",
              "last_name": "Lee",
              "birth_date": "1990-05-17",
              "language": "en-US",
              "external_id": "crm-7"
            }
            """);
        Assert.That(JToken.DeepEquals(request.Json, expected), Is.True, $"sent {request.Body}");
    }
    #endregion

    [Test]
    public async Task Register_reads_the_answer_into_the_unified_customer()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/customers", HttpStatusCode.Created, AnnJson);

        var registration = await host.Registry.RegisterAsync(Ann());

        var customer = registration.Customer;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
            Assert.That(customer.Provider, Is.EqualTo("ExampleCrm"));
            Assert.That(customer.Id, Is.EqualTo("cus_5f1c9a0e2b7d4c3a9e8f6a1b"));
            Assert.That(customer.Number, Is.EqualTo("100042"));
            Assert.That(customer.Email, Is.EqualTo("ann.lee@example.com"));
            Assert.That(customer.Phone, Is.EqualTo(new PhoneNumber("+852", "98763237")));
            Assert.That(customer.Country, Is.EqualTo("HK"));
            Assert.That(customer.Name, Is.EqualTo(new PersonName { Given = "Ann", Family = "Lee" }));
            Assert.That(customer.BirthDate, Is.EqualTo(new DateOnly(1990, 5, 17)));
            Assert.That(customer.Language, Is.EqualTo("en-US"));
            Assert.That(customer.ExternalId, Is.EqualTo("crm-7"));
            Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Active));
            Assert.That(customer.CreatedAt, Is.EqualTo(new DateTimeOffset(2025, 3, 4, 9, 15, 42, TimeSpan.Zero)));
            Assert.That(customer.UpdatedAt, Is.EqualTo(new DateTimeOffset(2025, 3, 5, 10, 0, 0, TimeSpan.Zero)));
            Assert.That(customer.Extra, Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["tier"] = "gold",
                ["consents"] = """{"marketing":false}""",
            }), "unknown members are kept, the password hash is not");
        }
    }

    [TestCase("locked", CustomerStatus.Locked)]
    [TestCase("disabled", CustomerStatus.Disabled)]
    [TestCase("archived", CustomerStatus.Unknown)]
    public async Task Status_is_read_into_the_unified_status(string status, CustomerStatus expected)
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers/cus_1", HttpStatusCode.OK, """{"id":"cus_1","email":"a@example.com","status":"STATUS"}""".Replace("STATUS", status, StringComparison.Ordinal));

        var customer = await host.Registry.FindAsync(CustomerLookup.ById("cus_1"));

        Assert.That(customer!.Status, Is.EqualTo(expected));
    }

    [Test]
    public async Task Find_by_id_gets_the_customer_by_its_escaped_id()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers/*", HttpStatusCode.OK, AnnJson);

        var customer = await host.Registry.FindAsync(CustomerLookup.ById("cus/5 f"));

        Assert.That(host.SingleRequest.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(host.SingleRequest.Uri.AbsoluteUri, Is.EqualTo("https://api.example-crm.example/v1/customers/cus%2F5%20f"));
        Assert.That(host.SingleRequest.Body, Is.Empty);
        Assert.That(customer!.Id, Is.EqualTo("cus_5f1c9a0e2b7d4c3a9e8f6a1b"));
    }

    [Test]
    public async Task Find_by_id_of_an_unknown_customer_is_null()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers/cus_0", HttpStatusCode.NotFound, """{"error":{"code":"customer_not_found","message":"No customer has this id."}}""");

        Assert.That(await host.Registry.FindAsync(CustomerLookup.ById("cus_0")), Is.Null);
    }

    [Test]
    public async Task A_404_without_customer_not_found_is_a_wrong_url_not_a_missing_customer()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers/cus_0", HttpStatusCode.NotFound, "<html><body>Not Found</body></html>", "text/html");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("cus_0")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(ex.HttpStatus, Is.EqualTo(404));
    }

    [Test]
    public async Task Find_by_email_searches_for_one_customer()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, $$"""{"data":[{{AnnJson}}],"next_cursor":null}""");

        var customer = await host.Registry.FindAsync(CustomerLookup.ByEmail("ann.lee+crm@example.com"));

        Assert.That(host.SingleRequest.Uri.AbsoluteUri, Is.EqualTo("https://api.example-crm.example/v1/customers?email=ann.lee%2Bcrm%40example.com&limit=1"));
        Assert.That(customer!.Id, Is.EqualTo("cus_5f1c9a0e2b7d4c3a9e8f6a1b"));
    }

    [Test]
    public async Task Exists_by_phone_searches_by_its_e164_form()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, """{"data":[],"next_cursor":null}""");

        var exists = await host.Registry.ExistsAsync(CustomerLookup.ByPhone(new PhoneNumber("+852", "9876 3237")));

        Assert.That(exists, Is.False);
        Assert.That(host.SingleRequest.Uri.AbsoluteUri, Is.EqualTo("https://api.example-crm.example/v1/customers?phone=%2B85298763237&limit=1"));
    }

    [Test]
    public async Task List_follows_the_cursor_until_there_is_none()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, """{"data":[{"id":"cus_1"},{"id":"cus_2"}],"next_cursor":"c/2"}""");
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, """{"data":[{"id":"cus_3"}],"next_cursor":null}""");

        var ids = new List<string>();
        await foreach (var customer in host.Registry.ListAsync(new CustomerQuery { PageSize = 2 }))
        {
            ids.Add(customer.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "cus_1", "cus_2", "cus_3" }));
        Assert.That(host.Requests.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(new[]
        {
            "https://api.example-crm.example/v1/customers?limit=2",
            "https://api.example-crm.example/v1/customers?limit=2&cursor=c%2F2",
        }));
    }

    [Test]
    public async Task List_without_a_page_size_asks_for_50()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, """{"data":[],"next_cursor":null}""");

        await foreach (var _ in host.Registry.ListAsync())
        {
        }

        Assert.That(host.SingleRequest.Uri.AbsoluteUri, Is.EqualTo("https://api.example-crm.example/v1/customers?limit=50"));
    }

    [TestCase(0)]
    [TestCase(101)]
    public void List_refuses_a_page_size_out_of_range_at_the_call(int pageSize)
    {
        using var host = ExampleCrmWireHost.Create();

        var ex = Assert.Throws<UserRegistryException>(() => host.Registry.ListAsync(new CustomerQuery { PageSize = pageSize }));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "PageSize" }));
        Assert.That(host.Requests, Is.Empty);
    }

    [Test]
    public async Task List_stops_when_the_same_cursor_comes_back()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, """{"data":[{"id":"cus_1"}],"next_cursor":"c_1"}""");
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, """{"data":[{"id":"cus_2"}],"next_cursor":"c_1"}""");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(async () =>
        {
            await foreach (var _ in host.Registry.ListAsync())
            {
            }
        });

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(host.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Authenticate_posts_the_email_and_password_to_v1_sessions()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/sessions", HttpStatusCode.Created, $$"""
            {"access_token":"at_91b2","refresh_token":"rt_77c0","expires_in":3600,"customer":{{AnnJson}}}
            """);

        var session = await host.Registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByEmail("ann.lee@example.com"), "S3cure-pass"));

        var request = host.SingleRequest;
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://api.example-crm.example/v1/sessions"));
        Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer ek_test_4f9a1c"));
        Assert.That(JToken.DeepEquals(request.Json, JToken.Parse("""{"email":"ann.lee@example.com","password":"S3cure-pass"}""")), Is.True, $"sent {request.Body}");
        Assert.That(session.AccessToken, Is.EqualTo("at_91b2"));
        Assert.That(session.RefreshToken, Is.EqualTo("rt_77c0"));
        Assert.That(session.Customer.Id, Is.EqualTo("cus_5f1c9a0e2b7d4c3a9e8f6a1b"));
    }

    [Test]
    public async Task A_base_url_with_a_path_keeps_it()
    {
        using var host = ExampleCrmWireHost.Create(s => s["UserRegistry:ExampleCrm:BaseUrl"] = "https://api.example-crm.example/tenant-9");
        host.Answer(HttpMethod.Get, "tenant-9/v1/customers/cus_1", HttpStatusCode.OK, """{"id":"cus_1"}""");

        await host.Registry.FindAsync(CustomerLookup.ById("cus_1"));

        Assert.That(host.SingleRequest.Uri.AbsoluteUri, Is.EqualTo("https://api.example-crm.example/tenant-9/v1/customers/cus_1"));
    }

    internal static NewCustomer Ann() => new()
    {
        Email = "ann.lee@example.com",
        Phone = new PhoneNumber("+852", "9876 3237"),
        Password = "S3cure-pass",
        Country = "HK",
        Name = new PersonName { Given = "Ann", Family = "Lee" },
        BirthDate = new DateOnly(1990, 5, 17),
        Language = "en-US",
        ExternalId = "crm-7",
        TimeZone = "UTC+8:00",
    };
}
