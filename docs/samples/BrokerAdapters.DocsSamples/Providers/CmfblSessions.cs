using BrokerAdapters.Cmfbl;

namespace BrokerAdapters.DocsSamples.Providers;

// docs/providers/cmfbl.md, "Customer sessions".
#region cmfbl-sessions
public sealed class AccountEndpoints(ICmfblUserRegistry cmfbl)
{
    // Request 1: the customer fills in the form; a code goes to its phone. For self-registration a NewCustomer has
    // one login (here the phone, so no email), a password, a country and the customer's IP:
    // new NewCustomer { Phone = new PhoneNumber("+852", "98763237"), Password = "…", Country = "HK", ClientIp = "203.0.113.7" }
    public Task<CmfblVerificationTicket> StartSignUpAsync(NewCustomer customer, CancellationToken ct) =>
        cmfbl.SendRegistrationCodeAsync(customer, CustomerLookupKind.Phone, ct);

    // Request 2: the customer types the code. Keep the ticket between the two requests (it is a secret).
    public async Task<string> FinishSignUpAsync(NewCustomer customer, CmfblVerificationTicket ticket, string code, CancellationToken ct)
    {
        var registered = await cmfbl.RegisterWithCodeAsync(customer, ticket, code, ct);
        foreach (var level in registered.KycLevels)
        {
            Console.WriteLine($"KYC {level.LevelName}: {string.Join(", ", level.Elements.Select(e => e.Name))}");
        }

        return registered.Customer.Number!;
    }

    // Sign in, show the accounts, hand the trading client its key.
    public async Task<string> SignInAsync(CustomerCredentials credentials, CancellationToken ct)
    {
        var session = await cmfbl.SignInAsync(credentials, ct);
        foreach (var account in session.TradingAccounts)
        {
            Console.WriteLine($"{account.AccountId} {account.Mode} {account.Currency} balance {account.Balance}");
        }

        return await cmfbl.GetAccessKeyAsync(session, ct);   // a secret
    }

    // Reset the demo account: only a session on the demo side can.
    public async Task ResetDemoAsync(CustomerCredentials credentials, CancellationToken ct)
    {
        var session = await cmfbl.SignInAsync(credentials, ct);
        if (session.Mode != CmfblAccountMode.Demo)
        {
            session = await cmfbl.SwitchAccountAsync(session, ct);   // the old session is no longer used
        }

        await cmfbl.ResetDemoAccountAsync(session, ct);
    }
}
#endregion
