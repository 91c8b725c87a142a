namespace BrokerAdapters.McCrm.Tests.TestSupport;

/// <summary>The customers the request fixtures were written for.</summary>
internal static class Customers
{
    public const string Password = "S3cure!pass-2025";

    /// <summary>Every field MC-CRM's signup takes; matches <c>signup.request.json</c>.</summary>
    public static NewCustomer Full() => new()
    {
        Email = "mei.chan@example.com",
        Phone = new PhoneNumber("+852", "6123 4567"),
        Password = Password,
        Country = "HK",
        Name = new PersonName { Given = "Mei", Family = "Chan" },
        BirthDate = new DateOnly(1990, 5, 17),
        Address = new PostalAddress { Street = "Nathan Road", HouseNumber = "88", City = "Kowloon", PostalCode = "999077" },
        TimeZone = "UTC+8:00",
        ExternalId = "crm-ext-000123",
        ClientIp = "203.0.113.10",
        // MC-CRM keeps none of these; they must not reach the wire.
        Language = "zh-HK",
        Source = RegistrationSource.PcWeb,
        GroupId = "vip",
        Device = "Pixel 9",
    };

    /// <summary>The shape of MC-CRM's documented sample request; matches <c>signup.request.phone-only.json</c>.</summary>
    public static NewCustomer PhoneOnly() => new()
    {
        Phone = new PhoneNumber("852", "98765432"),
        Password = Password,
        Country = "HK",
        TimeZone = "UTC+8:00",
        ClientIp = "198.51.100.23",
    };
}
