using Mapster;

namespace BrokerAdapters.McCrm;

/// <summary>Applies <see cref="McCrmMappingRegister"/> through its own <see cref="TypeAdapterConfig"/>, never Mapster's global one.</summary>
internal static class McCrmMapper
{
    public static TypeAdapterConfig Config { get; } = CreateConfig();

    public static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig();
        config.Apply(new McCrmMappingRegister());
        return config;
    }

    public static Customer ToCustomer(McCrmUser user) => user.Adapt<Customer>(Config);

    /// <summary>Maps everything but the password, bizName and channelName, which the registry adds.</summary>
    public static McCrmSignupRequest ToSignupRequest(NewCustomer customer) => customer.Adapt<McCrmSignupRequest>(Config);
}
