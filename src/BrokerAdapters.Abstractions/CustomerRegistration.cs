namespace BrokerAdapters;

/// <summary>The result of <see cref="IUserRegistry.RegisterAsync"/>: the customer, and how the registry knows it was created.</summary>
/// <remarks>
/// A registration whose answer was lost (a timeout, a reset connection, a server error after the request was sent)
/// is not retried blindly: the provider first checks whether the customer exists. When it does, the registration
/// returns it with <see cref="RegistrationOutcome.Recovered"/> instead of failing or creating a duplicate. See
/// <c>docs/reliability.md</c>.
/// </remarks>
public sealed record CustomerRegistration
{
    /// <summary>Creates the result.</summary>
    /// <param name="customer">The registered customer.</param>
    /// <param name="outcome">How the registry learned that the customer exists.</param>
    public CustomerRegistration(Customer customer, RegistrationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a registration outcome.");
        }

        Customer = customer;
        Outcome = outcome;
    }

    /// <summary>Gets the registered customer, as the provider stored it.</summary>
    public Customer Customer { get; }

    /// <summary>Gets how the registry learned that the customer exists.</summary>
    public RegistrationOutcome Outcome { get; }

    /// <summary>Gets whether the answer to the registration was lost and the customer was found afterwards.</summary>
    public bool IsRecovered => Outcome == RegistrationOutcome.Recovered;
}
