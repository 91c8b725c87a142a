namespace BrokerAdapters;

/// <summary>How a registry learned that a registered customer exists.</summary>
public enum RegistrationOutcome
{
    /// <summary>The provider answered the registration: it created the customer.</summary>
    Created = 1,

    /// <summary>
    /// The provider's answer was lost (timeout, reset, server error after sending); checking afterwards found the
    /// customer, so this registration (or a concurrent one with the same email or phone) created it.
    /// </summary>
    Recovered = 2,
}
