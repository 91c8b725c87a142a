#region getting-started-program
using System.Globalization;
using BrokerAdapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Reads appsettings.json, environment variables and the command line, like any .NET host.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddUserRegistry(builder.Configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm();
using var host = builder.Build();

// The first resolution checks the selected provider's settings and names any bad one.
var registry = host.Services.GetRequiredService<IUserRegistry>();
Console.WriteLine($"Provider: {registry.Descriptor}");

// A customer no earlier run has registered: the sandbox keeps its customers until it stops.
var digits = Random.Shared.Next(1_000_000, 10_000_000).ToString(CultureInfo.InvariantCulture);
var email = $"ann.{digits}@example.com";
var password = "S3cure-pass";
var customer = new NewCustomer
{
    Email = email,
    Phone = new PhoneNumber("+852", "9" + digits),
    Password = password,
    Country = "HK",
};

// 1. Register: the answer is the customer as the provider stored it, with the provider's id and number.
var registration = await registry.RegisterAsync(customer);
var registered = registration.Customer;
Console.WriteLine($"Registered {registered.Email}: id {registered.Id}, number {registered.Number} ({registration.Outcome})");

// 2. Find it again, by a key the provider can search by (CMFBL: number, MC-CRM: id).
var lookup = registry.Descriptor.Supports(UserRegistryCapabilities.Find, CustomerLookupKind.Number)
    ? CustomerLookup.ByNumber(registered.Number!)
    : CustomerLookup.ById(registered.Id);
var found = await registry.FindAsync(lookup);
Console.WriteLine($"Found by {lookup.Kind}: {found?.Email}, phone {found?.Phone}, country {found?.Country}");

// 3. Sign in, where the provider offers it (CMFBL, when ClientBaseUrl is set).
if (registry.Descriptor.Supports(UserRegistryCapabilities.Authenticate))
{
    var signedIn = await registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByEmail(email), password));
    Console.WriteLine($"Signed in as customer {signedIn.Customer.Number}");   // signedIn.AccessToken is a secret
}
else
{
    Console.WriteLine($"{registry.Descriptor.ProviderName} offers no sign-in");
}

// 4. Every failure is a UserRegistryException: the same customer a second time is refused.
try
{
    await registry.RegisterAsync(customer);
}
catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.AlreadyExists)
{
    Console.WriteLine($"Registering again: {ex.Kind} ({ex.Provider} code {ex.ProviderCode}, trace {ex.TraceId})");
}
#endregion
