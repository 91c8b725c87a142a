namespace BrokerAdapters;

/// <summary>A customer's account state.</summary>
public enum CustomerStatus
{
    /// <summary>The provider did not say, or said something this library does not know.</summary>
    Unknown,

    /// <summary>Normal, enabled.</summary>
    Active,

    /// <summary>Disabled by the operator.</summary>
    Disabled,

    /// <summary>Locked, e.g. after repeated wrong passwords.</summary>
    Locked,

    /// <summary>Login suspended.</summary>
    Suspended,

    /// <summary>A cancellation (account closure) is in progress.</summary>
    PendingCancellation,

    /// <summary>The account was closed.</summary>
    Cancelled,

    /// <summary>Deleted.</summary>
    Deleted,
}
