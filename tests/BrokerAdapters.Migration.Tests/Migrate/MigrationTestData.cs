namespace BrokerAdapters.Migration.Tests.Migrate;

/// <summary>Hand-made source customers, as a file of exported customers would give them.</summary>
internal static class MigrationTestData
{
    public static Customer Customer(string id, string? email = null, string? phone = null, string? country = "HK", string? externalId = null) => new()
    {
        Provider = "File",
        Id = id,
        Number = "N" + id,
        Email = email,
        Phone = phone is null ? null : new PhoneNumber("+852", phone),
        Country = country,
        ExternalId = externalId,
        Name = new PersonName { Given = "Test", Family = "Customer" + id },
    };

    public static async IAsyncEnumerable<Customer> Stream(params Customer[] customers)
    {
        foreach (var customer in customers)
        {
            await Task.Yield();
            yield return customer;
        }
    }
}
