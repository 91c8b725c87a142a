namespace BrokerAdapters;

/// <summary>The operations of <see cref="IUserRegistry"/> that a provider serves.</summary>
[Flags]
public enum UserRegistryCapabilities
{
    /// <summary>No operation.</summary>
    None = 0,

    /// <summary><see cref="IUserRegistry.RegisterAsync"/>.</summary>
    Register = 1 << 0,

    /// <summary><see cref="IUserRegistry.ExistsAsync"/>.</summary>
    Exists = 1 << 1,

    /// <summary><see cref="IUserRegistry.FindAsync"/>.</summary>
    Find = 1 << 2,

    /// <summary><see cref="IUserRegistry.ListAsync"/>.</summary>
    List = 1 << 3,

    /// <summary><see cref="IUserRegistry.AuthenticateAsync"/>.</summary>
    Authenticate = 1 << 4,
}
