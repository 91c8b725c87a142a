using Mapster;

namespace BrokerAdapters.Cmfbl.Tests;

public sealed class CmfblMappingTests
{
    [Test]
    public void Every_destination_member_is_mapped_or_explicitly_ignored()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        new CmfblMappingRegister().Register(config);

        Assert.DoesNotThrow(() => config.Compile());
    }

    [Test]
    public void The_check_fails_for_a_destination_member_with_no_source()
    {
        // Proves the check above can fail: a config that forgets an ignore does not compile.
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.NewConfig<NewCustomer, Wire.CmfblCreateCustomerRequest>().Map(d => d.Phone, s => s.Email);

        Assert.That(() => config.Compile(), Throws.Exception);
    }
}
