using System.Net;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

/// <summary>Example CRM's error answers, read into <see cref="UserRegistryException"/>.</summary>
public sealed class ExampleCrmErrorTests
{
    [Test]
    public async Task A_409_customer_exists_is_AlreadyExists_with_the_code_message_and_request_id()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/customers", HttpStatusCode.Conflict, """{"error":{"code":"customer_exists","message":"A customer with this email exists."}}""", requestId: "req_9c41");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.AlreadyExists));
            Assert.That(ex.IsRetryable, Is.False);
            Assert.That(ex.Provider, Is.EqualTo("ExampleCrm"));
            Assert.That(ex.ProviderCode, Is.EqualTo("customer_exists"));
            Assert.That(ex.ProviderMessage, Is.EqualTo("A customer with this email exists."));
            Assert.That(ex.TraceId, Is.EqualTo("req_9c41"));
            Assert.That(ex.HttpStatus, Is.EqualTo(409));
            Assert.That(ex.Message, Is.EqualTo("ExampleCrm register: Example CRM answered HTTP 409 customer_exists: A customer with this email exists."));
        }
    }

    [Test]
    public async Task A_422_names_the_invalid_fields_as_the_unified_model_does()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/customers", HttpStatusCode.UnprocessableEntity, """
            {"error":{"code":"validation_failed","message":"The request is invalid.","fields":[
              {"name":"phone.number","message":"is not a mobile number."},
              {"name":"first_name","message":"contains characters that are not allowed."},
              {"name":"referrer","message":"is unknown."}]}}
            """);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors, Is.EqualTo(new[]
        {
            new FieldError("Phone.Number", "is not a mobile number."),
            new FieldError("Name.Given", "contains characters that are not allowed."),
            new FieldError("referrer", "is unknown."),
        }));
    }

    [Test]
    public async Task A_message_that_repeats_the_password_or_the_api_key_keeps_its_text_without_them()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/customers", HttpStatusCode.UnprocessableEntity, """
            {"error":{"code":"validation_failed","message":"Key ek_test_4f9a1c may not set password S3cure-pass.",
              "fields":[{"name":"password","message":"S3cure-pass is too common."}]}}
            """);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.ProviderMessage, Is.EqualTo("Key *** may not set password ***."));
        Assert.That(ex.FieldErrors, Is.EqualTo(new[] { new FieldError("Password", "*** is too common.") }));
        Assert.That(ex.ToString(), Does.Not.Contain("S3cure-pass").And.Not.Contain("ek_test_4f9a1c"));
    }

    [TestCase(HttpStatusCode.BadRequest, UserRegistryErrorKind.ProtocolError)]
    [TestCase(HttpStatusCode.Unauthorized, UserRegistryErrorKind.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden, UserRegistryErrorKind.Forbidden)]
    [TestCase(HttpStatusCode.TooManyRequests, UserRegistryErrorKind.RateLimited)]
    [TestCase(HttpStatusCode.InternalServerError, UserRegistryErrorKind.Unavailable)]
    [TestCase(HttpStatusCode.BadGateway, UserRegistryErrorKind.Unavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout, UserRegistryErrorKind.Timeout)]
    public async Task A_read_answered_with_a_gateway_page_is_classified_by_its_status(HttpStatusCode status, UserRegistryErrorKind kind)
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers/cus_1", status, "<html><body>gateway</body></html>", "text/html", requestId: null);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("cus_1")));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.HttpStatus, Is.EqualTo((int)status));
        Assert.That(ex.ProviderCode, Is.Null);
        Assert.That(ex.TraceId, Is.Null);
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task A_registration_that_failed_on_the_server_is_checked_and_OutcomeUnknown_when_not_found(HttpStatusCode status)
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/customers", status, """{"error":{"code":"unavailable","message":"Try again later."}}""");
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, """{"data":[],"next_cursor":null}""");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.IsRetryable, Is.False);
        Assert.That(ex.HttpStatus, Is.EqualTo((int)status));
        Assert.That(ex.ReconciliationLookups, Is.EqualTo(new[]
        {
            CustomerLookup.ByEmail("ann.lee@example.com"),
            CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")),
        }));
        Assert.That(host.Requests.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(new[]
        {
            "https://api.example-crm.example/v1/customers",
            "https://api.example-crm.example/v1/customers?email=ann.lee%40example.com&limit=1",
        }), "checked once by email, never sent twice");
    }

    [Test]
    public async Task A_registration_whose_answer_is_unreadable_is_Recovered_when_the_check_finds_it()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/customers", HttpStatusCode.Created, """{"id":""");
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, """
            {"data":[{"id":"cus_8","email":"ann.lee@example.com","phone":{"country_code":"852","number":"98763237"},"external_id":"crm-7"}],"next_cursor":null}
            """);

        var registration = await host.Registry.RegisterAsync(ExampleCrmWireTests.Ann());

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Recovered));
        Assert.That(registration.Customer.Id, Is.EqualTo("cus_8"));
    }

    [Test]
    public async Task A_customer_found_by_the_check_with_another_phone_is_not_taken_for_this_registration()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/customers", HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, """
            {"data":[{"id":"cus_8","email":"ann.lee@example.com","phone":{"country_code":"852","number":"51234567"},"external_id":"crm-7"}],"next_cursor":null}
            """);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
    }

    [TestCase(HttpStatusCode.Unauthorized, "invalid_credentials", UserRegistryErrorKind.InvalidCredentials)]
    [TestCase((HttpStatusCode)423, "account_locked", UserRegistryErrorKind.AccountLocked)]
    [TestCase(HttpStatusCode.Forbidden, "account_disabled", UserRegistryErrorKind.AccountDisabled)]
    [TestCase(HttpStatusCode.Unauthorized, "invalid_api_key", UserRegistryErrorKind.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden, "forbidden", UserRegistryErrorKind.Forbidden)]
    public async Task A_refused_login_is_classified_by_its_code(HttpStatusCode status, string code, UserRegistryErrorKind kind)
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/sessions", status, $$$"""{"error":{"code":"{{{code}}}","message":"Refused."}}""");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByEmail("ann.lee@example.com"), "S3cure-pass")));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.ProviderCode, Is.EqualTo(code));
    }

    [Test]
    public async Task A_session_without_an_access_token_is_a_ProtocolError()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/sessions", HttpStatusCode.Created, """{"customer":{"id":"cus_1"}}""");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByEmail("ann.lee@example.com"), "S3cure-pass")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
    }

    [TestCase("""[{"id":"cus_1"}]""")]
    [TestCase("""{"id":"cus_1"} trailing""")]
    [TestCase("""{"email":"no-id@example.com"}""")]
    [TestCase("""{"id":"cus_1","birth_date":"17/05/1990"}""")]
    [TestCase("""{"id":"cus_1","phone":"+85298763237"}""")]
    [TestCase("null")]
    public async Task A_customer_that_is_not_the_documented_json_is_a_ProtocolError(string body)
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers/cus_1", HttpStatusCode.OK, body);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("cus_1")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(ex.Provider, Is.EqualTo("ExampleCrm"));
    }

    [Test]
    public async Task A_page_without_data_is_a_ProtocolError()
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Get, "v1/customers", HttpStatusCode.OK, """{"next_cursor":null}""");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByEmail("ann.lee@example.com")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
    }

    [Test]
    public async Task Invalid_input_names_exactly_the_bad_fields_and_sends_nothing()
    {
        using var host = ExampleCrmWireHost.Create();
        var customer = ExampleCrmWireTests.Ann() with
        {
            Email = "ann at example.com",
            Password = "short",
            Phone = new PhoneNumber("+8521", "98x63237"),
            Country = "hk",
            Name = new PersonName { Given = " ", Family = new string('L', 101) },
            ExternalId = new string('x', 65),
        };

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(customer));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors.Select(f => f.Field), Is.EqualTo(new[]
        {
            "Email", "Password", "Phone.CountryCode", "Phone.Number", "Country", "Name.Given", "Name.Family", "ExternalId",
        }));
        Assert.That(ex.Message, Does.Not.Contain("short"), "the password is never repeated");
        Assert.That(host.Requests, Is.Empty);
    }

    [TestCase("ann@example.com")]
    [TestCase("ann.lee+crm@mail.example.co.uk")]
    public async Task A_valid_email_is_sent(string email)
    {
        using var host = ExampleCrmWireHost.Create();
        host.Answer(HttpMethod.Post, "v1/customers", HttpStatusCode.Created, """{"id":"cus_1"}""");

        await host.Registry.RegisterAsync(ExampleCrmWireTests.Ann() with { Email = email });

        Assert.That((string?)host.SingleRequest.Json["email"], Is.EqualTo(email));
    }

    [TestCase("Ann <ann@example.com>")]
    [TestCase("ann@localhost")]
    [TestCase("ann@")]
    public async Task An_email_that_is_not_a_bare_address_is_refused(string email)
    {
        using var host = ExampleCrmWireHost.Create();

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(ExampleCrmWireTests.Ann() with { Email = email }));

        Assert.That(ex!.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Email" }));
    }

    [Test]
    public async Task Login_by_phone_or_number_is_NotSupported_without_a_request()
    {
        using var host = ExampleCrmWireHost.Create();

        var byPhone = await Assert.ThrowsAsync<UserRegistryException>(() =>
            host.Registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")), "S3cure-pass")));
        var byNumber = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ByNumber("100042")));

        Assert.That(byPhone!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(byPhone.Message, Is.EqualTo("ExampleCrm does not support AuthenticateAsync by Phone."));
        Assert.That(byNumber!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(host.Requests, Is.Empty);
    }
}
