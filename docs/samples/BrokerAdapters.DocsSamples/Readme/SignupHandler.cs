namespace BrokerAdapters.DocsSamples.Readme;

#region readme-signup-handler
public sealed class SignupHandler(IUserRegistry registry)
{
    public async Task<string> SignUpAsync(string email, string password, CancellationToken ct)
    {
        if (registry.Descriptor.Supports(UserRegistryCapabilities.Exists, CustomerLookupKind.Email)
            && await registry.ExistsAsync(CustomerLookup.ByEmail(email), ct))
        {
            return "taken";
        }

        var registration = await registry.RegisterAsync(new NewCustomer
        {
            Email = email,
            Password = password,
            Country = "HK",
            Phone = new PhoneNumber("+852", "98763237"),
        }, ct);
        return registration.Customer.Number!;   // CMFBL customerNo / MC-CRM bizCode
    }
}
#endregion
