namespace BrokerAdapters.Cmfbl.Tests;

internal static class Samples
{
    public const string Password = "a123456";
    public const string PasswordMd5 = "dc483e80a7a0bd9ef71d8cf973673924";

    /// <summary>The customer whose wire form is <c>create-customer.request.json</c>.</summary>
    public static NewCustomer NewCustomer() => new()
    {
        Email = "chan.tai.man@example.com",
        Phone = new PhoneNumber("+852", "98763237"),
        Password = Password,
        Country = "HK",
        Name = new PersonName { Given = "Tai Man", Family = "Chan" },
        Source = RegistrationSource.PcWeb,
        ExternalId = "crm-000042",
        Device = "iPhone15,2",
        Attribution = new MarketingAttribution
        {
            Source = "newsletter",
            Medium = "email",
            Campaign = "autumn",
            Content = "banner-a",
            Term = "forex",
        },
    };
}
