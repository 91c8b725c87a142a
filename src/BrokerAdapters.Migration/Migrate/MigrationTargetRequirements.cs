using System.Globalization;

namespace BrokerAdapters.Migration;

/// <summary>
/// What a target provider needs to register a customer, beyond a password, by <see cref="UserRegistryDescriptor.ProviderName"/>:
/// the part of each provider's validation a source customer can lack. Unknown providers require nothing here;
/// their own validation still answers at registration.
/// </summary>
internal sealed record MigrationTargetRequirements(string ProviderName, bool Phone, bool Country, bool EmailOrPhone, int? MaxPasswordLength)
{
    private static readonly Dictionary<string, MigrationTargetRequirements> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Cmfbl"] = new("Cmfbl", Phone: true, Country: true, EmailOrPhone: false, MaxPasswordLength: null),
        ["McCrm"] = new("McCrm", Phone: false, Country: false, EmailOrPhone: true, MaxPasswordLength: 20),
    };

    public static MigrationTargetRequirements For(UserRegistryDescriptor descriptor) =>
        Table.TryGetValue(descriptor.ProviderName, out var known)
            ? known
            : new MigrationTargetRequirements(descriptor.ProviderName, false, false, false, null);

    /// <summary>Every required field <paramref name="customer"/> lacks, each with the reason.</summary>
    public List<FieldError> Check(NewCustomer customer)
    {
        var problems = new List<FieldError>();
        if (Phone && customer.Phone is null)
        {
            problems.Add(new FieldError("Phone", Required("a phone number")));
        }

        if (Country && string.IsNullOrWhiteSpace(customer.Country))
        {
            problems.Add(new FieldError("Country", Required("a country")));
        }

        if (EmailOrPhone && customer.Email is null && customer.Phone is null)
        {
            problems.Add(new FieldError("Email", Required("an email address or a phone number")));
        }

        return problems;
    }

    private string Required(string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{ProviderName} requires {what} and the source customer has none.");
}
