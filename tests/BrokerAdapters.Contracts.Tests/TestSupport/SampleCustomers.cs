namespace BrokerAdapters.Contracts.Tests.TestSupport;

/// <summary>The customers whose wire forms are the request fixtures.</summary>
internal static class SampleCustomers
{
    /// <summary>The password behind the MD5 <c>dc483e80a7a0bd9ef71d8cf973673924</c> in the CMFBL fixtures.</summary>
    public const string CmfblPassword = "a123456";

    public const string McCrmPassword = "Sample-pass-2025";

    /// <summary>Every field CMFBL's create call takes; its wire form is <c>cmfbl/examples/create-customer.request.json</c>.</summary>
    public static NewCustomer CmfblFull() => new()
    {
        Email = "chan.tai.man@example.com",
        Phone = new PhoneNumber("+852", "98763237"),
        Password = CmfblPassword,
        Country = "HK",
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

    /// <summary>A customer registering itself by phone; its wire form is <c>cmfbl/examples/register.request.json</c> with <see cref="CmfblTicket"/>.</summary>
    public static NewCustomer CmfblSelfService() => CmfblFull() with { Email = null, ClientIp = "203.0.113.7" };

    /// <summary>Gets the ticket of <c>cmfbl/examples/verify-code-send.response.json</c>.</summary>
    public static BrokerAdapters.Cmfbl.CmfblVerificationTicket CmfblTicket { get; } =
        new(CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")), "7d0c2b8e-5f41-4a7e-9a51-2f8f6b3c1d20");

    /// <summary>A customer session as <c>cmfbl/examples/login.response.json</c> opens it.</summary>
    public static BrokerAdapters.Cmfbl.CmfblCustomerSession CmfblSession() =>
        new(new Customer { Provider = "Cmfbl", Id = "1176", Number = "86021976" }, "customer-session-token", "360");

    /// <summary>Only what CMFBL requires; with no trade types configured its wire form is <c>create-customer.request.minimal.json</c>.</summary>
    public static NewCustomer CmfblMinimal() => new()
    {
        Phone = new PhoneNumber("852", "6123 4570"),
        Password = "password",
        Country = "HK",
    };

    /// <summary>Every field MC-CRM's signup takes; its wire form is <c>mccrm/examples/signup.request.json</c> but for the password.</summary>
    public static NewCustomer McCrmFull() => new()
    {
        Email = "mei.chan@example.com",
        Phone = new PhoneNumber("+852", "6123 4567"),
        Password = McCrmPassword,
        Country = "HK",
        Name = new PersonName { Given = "Mei", Family = "Chan" },
        BirthDate = new DateOnly(1990, 5, 17),
        Address = new PostalAddress { Street = "Nathan Road", HouseNumber = "88", City = "Kowloon", PostalCode = "999077" },
        TimeZone = "UTC+8:00",
        ExternalId = "crm-ext-000123",
        ClientIp = "203.0.113.10",
        Language = "zh-HK",
        Source = RegistrationSource.PcWeb,
        GroupId = "vip",
        Device = "Pixel 9",
    };

    /// <summary>The shape of MC-CRM's own sample; wire form <c>signup.request.phone-only.json</c> but for the password.</summary>
    public static NewCustomer McCrmPhoneOnly() => new()
    {
        Phone = new PhoneNumber("852", "98765432"),
        Password = McCrmPassword,
        Country = "HK",
        TimeZone = "UTC+8:00",
        ClientIp = "198.51.100.23",
    };

    /// <summary>No phone; wire form <c>signup.request.email-only.json</c> but for the password.</summary>
    public static NewCustomer McCrmEmailOnly() => new()
    {
        Email = "lim.wei@example.com",
        Password = McCrmPassword,
        Country = "SG",
        ExternalId = "crm-ext-000124",
    };
}
