namespace BrokerAdapters.Cmfbl.Tests;

public sealed class CmfblDescriptorTests
{
    [Test]
    public void Descriptor_names_the_provider_and_its_capabilities()
    {
        using var host = CmfblTestHost.Create();

        var descriptor = host.Registry.Descriptor;

        Assert.That(descriptor.ProviderName, Is.EqualTo("Cmfbl"));
        Assert.That(descriptor.Capabilities, Is.EqualTo(
            UserRegistryCapabilities.Register | UserRegistryCapabilities.Exists | UserRegistryCapabilities.Find
            | UserRegistryCapabilities.List | UserRegistryCapabilities.Authenticate));
        Assert.That(descriptor.ExistsLookups, Is.EqualTo(CustomerLookupKinds.Email | CustomerLookupKinds.Phone | CustomerLookupKinds.Number));
        Assert.That(descriptor.FindLookups, Is.EqualTo(CustomerLookupKinds.Number));
        Assert.That(descriptor.Supports(UserRegistryCapabilities.Find, CustomerLookupKind.Email), Is.False);
        Assert.That(descriptor.Supports(UserRegistryCapabilities.Exists, CustomerLookupKind.Phone), Is.True);
    }

    [Test]
    public void The_provider_interface_resolves_to_the_same_registry()
    {
        using var host = CmfblTestHost.Create();

        Assert.That(host.Cmfbl, Is.SameAs(host.Registry));
    }

    [Test]
    public void Md5_of_the_documented_sample_password_matches()
    {
        Assert.That(Internal.Md5Hex.Lower("a123456"), Is.EqualTo("dc483e80a7a0bd9ef71d8cf973673924"));
    }
}
