using BrokerAdapters.McCrm.Tests.TestSupport;

namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmNotSupportedTests
{
    [Test]
    public void Descriptor_says_register_and_find_by_id_only()
    {
        using var host = McCrmTestHost.Create();

        var descriptor = host.Registry.Descriptor;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(descriptor.ProviderName, Is.EqualTo("McCrm"));
            Assert.That(descriptor.Capabilities, Is.EqualTo(UserRegistryCapabilities.Register | UserRegistryCapabilities.Find));
            Assert.That(descriptor.FindLookups, Is.EqualTo(CustomerLookupKinds.Id));
            Assert.That(descriptor.ExistsLookups, Is.EqualTo(CustomerLookupKinds.None));
            Assert.That(descriptor.AuthenticateLookups, Is.EqualTo(CustomerLookupKinds.None));
        }
    }

    [Test]
    public async Task Exists_is_not_supported_and_sends_nothing()
    {
        using var host = McCrmTestHost.Create();

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ById("u1")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(host.Requests, Is.Empty);
    }

    [Test]
    public async Task Authenticate_is_not_supported_and_sends_nothing()
    {
        using var host = McCrmTestHost.Create();
        var credentials = new CustomerCredentials(CustomerLookup.ByEmail("mei.chan@example.com"), Customers.Password);

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.AuthenticateAsync(credentials));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(error.Message, Does.Not.Contain(Customers.Password));
        Assert.That(host.Requests, Is.Empty);
    }

    [Test]
    public void List_is_not_supported_at_the_call_and_sends_nothing()
    {
        using var host = McCrmTestHost.Create();

        var error = Assert.Throws<UserRegistryException>(() => host.Registry.ListAsync());

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(host.Requests, Is.Empty);
    }

    private static IEnumerable<CustomerLookup> OtherLookups()
    {
        yield return CustomerLookup.ByEmail("mei.chan@example.com");
        yield return CustomerLookup.ByPhone(new PhoneNumber("+852", "61234567"));
        yield return CustomerLookup.ByNumber("40217765");
    }

    [TestCaseSource(nameof(OtherLookups))]
    public async Task Find_by_anything_but_id_is_not_supported_and_sends_nothing(CustomerLookup lookup)
    {
        using var host = McCrmTestHost.Create();

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(lookup));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(error.Message, Does.Contain(lookup.Kind.ToString()));
        Assert.That(host.Requests, Is.Empty);
    }
}
