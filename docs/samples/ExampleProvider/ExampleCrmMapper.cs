using BrokerAdapters.Samples.ExampleCrm.Wire;
using Mapster;

namespace BrokerAdapters.Samples.ExampleCrm;

/// <summary>Applies <see cref="ExampleCrmMappingRegister"/> through its own <see cref="TypeAdapterConfig"/>, never Mapster's global one.</summary>
internal static class ExampleCrmMapper
{
    public static TypeAdapterConfig Config { get; } = CreateConfig();

    /// <summary>Builds and compiles the configuration; an unmapped destination member throws here.</summary>
    public static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.Apply(new ExampleCrmMappingRegister());
        config.Compile();
        return config;
    }

    public static Customer ToCustomer(ExampleCrmCustomer customer) => customer.Adapt<Customer>(Config);

    /// <summary>Maps everything but the password, which the registry adds.</summary>
    public static ExampleCrmCreateCustomer ToCreateCustomer(NewCustomer customer) => customer.Adapt<ExampleCrmCreateCustomer>(Config);
}
