namespace BrokerAdapters.DocsSamples.Testing;

// docs/testing.md, "A complete example": application code under test, which knows only IUserRegistry.
#region testing-signup-service
public sealed class SignupService(IUserRegistry registry)
{
    public async Task<string> SignUpAsync(string email, string phone, string password, CancellationToken cancellationToken = default)
    {
        try
        {
            var registration = await registry.RegisterAsync(new NewCustomer
            {
                Email = email,
                Phone = new PhoneNumber("+852", phone),
                Password = password,
                Country = "HK",
            }, cancellationToken);
            return $"welcome {registration.Customer.Number}";
        }
        catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.AlreadyExists)
        {
            return "already registered";
        }
        catch (UserRegistryException ex) when (ex.IsRetryable)
        {
            return "try again later";
        }
    }
}
#endregion
