namespace BrokerAdapters.Tests;

public sealed class ModelTests
{
    [TestCase("+852", "98763237", "+852", "98763237", "+85298763237")]
    [TestCase("852", "9876 3237", "+852", "98763237", "+85298763237")]
    [TestCase("00852", "9876-3237", "+852", "98763237", "+85298763237")]
    [TestCase(" +1 ", "(415) 555.0100", "+1", "4155550100", "+14155550100")]
    public void PhoneNumber_normalises_to_E164(string countryCode, string number, string expectedCode, string expectedNumber, string e164)
    {
        var phone = new PhoneNumber(countryCode, number);

        Assert.That(phone.CountryCode, Is.EqualTo(expectedCode));
        Assert.That(phone.Number, Is.EqualTo(expectedNumber));
        Assert.That(phone.E164, Is.EqualTo(e164));
        Assert.That(phone.CountryCodeDigits, Is.EqualTo(expectedCode[1..]));
        Assert.That(phone.ToString(), Is.EqualTo(e164));
    }

    [Test]
    public void PhoneNumbers_with_the_same_parts_are_equal()
    {
        Assert.That(new PhoneNumber("852", "9876 3237"), Is.EqualTo(new PhoneNumber("+852", "98763237")));
    }

    [Test]
    public void CustomerLookup_factories_set_kind_and_value()
    {
        Assert.That(CustomerLookup.ById(" 42 ").Value, Is.EqualTo("42"));
        Assert.That(CustomerLookup.ByNumber("86021976").Kind, Is.EqualTo(CustomerLookupKind.Number));
        Assert.That(CustomerLookup.ByEmail("a@example.com").Kind, Is.EqualTo(CustomerLookupKind.Email));
        var byPhone = CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237"));
        Assert.That(byPhone.Kind, Is.EqualTo(CustomerLookupKind.Phone));
        Assert.That(byPhone.Value, Is.EqualTo("+85298763237"));
        Assert.That(byPhone.Phone, Is.EqualTo(new PhoneNumber("+852", "98763237")));
        var email = CustomerLookup.ByEmail("a@example.com");
        Assert.That(CustomerLookup.ByEmail(" a@example.com"), Is.EqualTo(email));
        Assert.That(CustomerLookup.ByEmail("a@example.com"), Is.Not.EqualTo(CustomerLookup.ById("a@example.com")));
    }

    [Test]
    public void CustomerLookup_refuses_empty_values()
    {
        Assert.Throws<ArgumentException>(() => CustomerLookup.ById(" "));
        Assert.Throws<ArgumentNullException>(() => CustomerLookup.ByEmail(null!));
        Assert.Throws<ArgumentNullException>(() => CustomerLookup.ByPhone(null!));
    }

    [Test]
    public void NewCustomer_ToString_never_prints_the_password()
    {
        var customer = new NewCustomer { Email = "a@example.com", Password = "S3cret-Pa55" };

        Assert.That(customer.ToString(), Does.Not.Contain("S3cret-Pa55").And.Contain("***").And.Contain("a@example.com"));
    }

    [Test]
    public void CustomerCredentials_ToString_never_prints_the_password()
    {
        var credentials = new CustomerCredentials(CustomerLookup.ByNumber("86021976"), "S3cret-Pa55");

        Assert.That(credentials.ToString(), Does.Not.Contain("S3cret-Pa55").And.Contain("86021976"));
    }

    [Test]
    public void AuthenticatedCustomer_ToString_never_prints_tokens()
    {
        var customer = new Customer { Provider = "Cmfbl", Id = "1" };
        var result = new AuthenticatedCustomer(customer, "access-abc") { RefreshToken = "refresh-def" };

        Assert.That(result.ToString(), Does.Not.Contain("access-abc").And.Not.Contain("refresh-def"));
    }

    [Test]
    public void PersonName_formats_from_parts_when_full_is_absent()
    {
        Assert.That(new PersonName { Given = "Tai Man", Family = "Chan" }.Formatted, Is.EqualTo("Tai Man Chan"));
        Assert.That(new PersonName { Given = "Tai Man", Full = "CHAN Tai Man" }.Formatted, Is.EqualTo("CHAN Tai Man"));
        Assert.That(new PersonName().Formatted, Is.Null);
    }

    [Test]
    public void Customer_extra_is_empty_unless_set()
    {
        Assert.That(new Customer { Provider = "X", Id = "1" }.Extra, Is.Empty);
    }

    [Test]
    public void Descriptor_answers_capability_and_lookup_questions()
    {
        var descriptor = new UserRegistryDescriptor(
            "Test",
            UserRegistryCapabilities.Register | UserRegistryCapabilities.Find,
            existsLookups: CustomerLookupKinds.Email,
            findLookups: CustomerLookupKinds.Id | CustomerLookupKinds.Number);

        Assert.That(descriptor.Supports(UserRegistryCapabilities.Register), Is.True);
        Assert.That(descriptor.Supports(UserRegistryCapabilities.List), Is.False);
        Assert.That(descriptor.Supports(UserRegistryCapabilities.None), Is.False);
        Assert.That(descriptor.Supports(UserRegistryCapabilities.Find, CustomerLookupKind.Number), Is.True);
        Assert.That(descriptor.Supports(UserRegistryCapabilities.Find, CustomerLookupKind.Email), Is.False);
        Assert.That(descriptor.ExistsLookups, Is.EqualTo(CustomerLookupKinds.None), "lookups of an unsupported operation are dropped");
        Assert.That(descriptor.Supports(UserRegistryCapabilities.Exists, CustomerLookupKind.Email), Is.False);
    }
}
