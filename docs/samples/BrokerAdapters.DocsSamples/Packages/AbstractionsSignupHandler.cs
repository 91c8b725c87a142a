namespace BrokerAdapters.DocsSamples.Packages;

// src/BrokerAdapters.Abstractions/README.md.
#region package-abstractions
public sealed class SignupHandler(IUserRegistry registry)
{
    public async Task<string?> SignUpAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (await registry.ExistsAsync(CustomerLookup.ByEmail(email), cancellationToken))
        {
            return null;
        }

        var registration = await registry.RegisterAsync(new NewCustomer
        {
            Email = email,
            Password = password,
            Country = "HK",
            Phone = new PhoneNumber("+852", "98763237"),
        }, cancellationToken);
        return registration.Customer.Number;
    }
}
#endregion
