namespace BrokerAdapters;

/// <summary>How one provider plugs into a registry: how to create it and how to validate its settings.</summary>
internal sealed class UserRegistryProvider
{
    public UserRegistryProvider(
        string name,
        Func<IServiceProvider, string, IUserRegistry> factory,
        Action<IServiceProvider, string>? validate)
    {
        Name = name;
        Factory = factory;
        Validate = validate;
    }

    public string Name { get; }

    public Func<IServiceProvider, string, IUserRegistry> Factory { get; }

    public Action<IServiceProvider, string>? Validate { get; }
}
