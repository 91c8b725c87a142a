using BrokerAdapters.McCrm.Tests.TestSupport;

namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmValidationTests
{
    [Test]
    public async Task Register_names_every_invalid_field_at_once_and_sends_nothing()
    {
        using var host = McCrmTestHost.Create();
        var customer = new NewCustomer
        {
            Email = "not-an-email",
            Phone = new PhoneNumber("+852", "61a34567"),
            Password = new string('p', 21),
            Country = "hk",
            Name = new PersonName { Full = new string('n', 51) },
            ExternalId = new string('x', 65),
            Address = new PostalAddress { Line = new string('a', 256), City = new string('c', 51), PostalCode = new string('9', 21) },
            ClientIp = "61.93.232",
        };

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(customer));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(error.Provider, Is.EqualTo("McCrm"));
        Assert.That(
            error.FieldErrors.Select(f => f.Field),
            Is.EquivalentTo(new[]
            {
                "Password", "Email", "Phone.Number", "Country", "ExternalId", "Name", "ClientIp", "Address.Line", "Address.City", "Address.PostalCode",
            }));
        Assert.That(host.Requests, Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public async Task Register_requires_a_password(string? password)
    {
        using var host = McCrmTestHost.Create();

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full() with { Password = password }));

        Assert.That(error!.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Password" }));
        Assert.That(host.Requests, Is.Empty);
    }

    [Test]
    public async Task Register_requires_an_email_or_a_phone()
    {
        using var host = McCrmTestHost.Create();

        var error = await Assert.ThrowsAsync<UserRegistryException>(
            () => host.Registry.RegisterAsync(Customers.Full() with { Email = null, Phone = null }));

        Assert.That(error!.FieldErrors.Select(f => f.Field), Is.EquivalentTo(new[] { "Email", "Phone" }));
        Assert.That(host.Requests, Is.Empty);
    }

    [Test]
    public async Task Register_accepts_an_email_without_a_phone()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        await host.Registry.RegisterAsync(Customers.Full() with { Phone = null });

        var sent = host.SingleRequest.Json;
        Assert.That(sent["phoneNumber"], Is.Null);
        Assert.That(sent["phoneNumberPrefix"], Is.Null);
    }

    [Test]
    public async Task Register_rejects_an_unknown_country_calling_code()
    {
        using var host = McCrmTestHost.Create();

        var error = await Assert.ThrowsAsync<UserRegistryException>(
            () => host.Registry.RegisterAsync(Customers.Full() with { Phone = new PhoneNumber("+999", "61234567") }));

        Assert.That(error!.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Phone.CountryCode" }));
    }

    [Test]
    public async Task Register_rejects_a_phone_number_longer_than_20_digits()
    {
        using var host = McCrmTestHost.Create();

        var error = await Assert.ThrowsAsync<UserRegistryException>(
            () => host.Registry.RegisterAsync(Customers.Full() with { Phone = new PhoneNumber("+852", new string('6', 21)) }));

        Assert.That(error!.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Phone.Number" }));
        Assert.That(error.FieldErrors[0].Message, Does.Contain("20"));
    }

    [Test]
    public async Task Register_rejects_an_email_longer_than_100_characters()
    {
        using var host = McCrmTestHost.Create();
        var email = new string('m', 89) + "@example.com"; // 101 characters

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full() with { Email = email }));

        Assert.That(error!.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Email" }));
    }

    [Test]
    public async Task Register_checks_a_street_and_house_number_against_the_address_limit()
    {
        using var host = McCrmTestHost.Create();
        var address = new PostalAddress { Street = new string('s', 250), HouseNumber = "12345" }; // 256 with the space

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full() with { Address = address }));

        Assert.That(error!.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Address.Street" }));
    }

    [Test]
    public async Task Register_accepts_every_documented_limit_exactly()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));
        var password = new string('p', 20);
        var customer = Customers.Full() with
        {
            Password = password,
            Email = new string('m', 88) + "@example.com",
            ExternalId = new string('x', 64),
            Name = new PersonName { Full = new string('n', 50) },
            Address = new PostalAddress { Line = new string('a', 255), City = new string('c', 50), PostalCode = new string('9', 20) },
        };

        await host.Registry.RegisterAsync(customer);

        var sent = host.SingleRequest;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((string)sent.Json["email"]!).Length, Is.EqualTo(100));
            Assert.That(((string)sent.Json["userId"]!).Length, Is.EqualTo(64));
            Assert.That(((string)sent.Json["userName"]!).Length, Is.EqualTo(50));
            Assert.That(((string)sent.Json["address"]!).Length, Is.EqualTo(255));
            Assert.That(TestKeys.Decrypt(sent.Password, McCrmPasswordPadding.Pkcs1), Is.EqualTo(password));
        }
    }

    [Test]
    public async Task Register_rejects_a_null_customer()
    {
        using var host = McCrmTestHost.Create();

        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Registry.RegisterAsync(null!));
        Assert.That(host.Requests, Is.Empty);
    }
}
