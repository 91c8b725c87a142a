using BrokerAdapters.Samples.ExampleCrm.Wire;
using Mapster;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Samples.ExampleCrm;

/// <summary>
/// The Mapster rules between the unified model and Example CRM's wire objects. Every destination member is mapped or
/// ignored on purpose: <see cref="ExampleCrmMapper"/> compiles them with
/// <see cref="TypeAdapterConfig.RequireDestinationMemberSource"/>, so a member added to the model later fails loudly.
/// </summary>
internal sealed class ExampleCrmMappingRegister : IRegister
{
    /// <summary>Wire members that are secrets and never reach <see cref="Customer.Extra"/>.</summary>
    private static readonly HashSet<string> SecretMembers = new(StringComparer.OrdinalIgnoreCase) { "password", "password_hash", "api_key" };

    #region mapping
    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);

        // Values built below (PhoneNumber, PersonName, Extra) are assigned as they are, not deep-copied.
        config.Default.ShallowCopyForSameType(true);

        config.NewConfig<ExampleCrmCustomer, Customer>()
            .Map(d => d.Provider, _ => ExampleCrmUserRegistry.ProviderName)
            .Map(d => d.Id, s => s.Id)
            .Map(d => d.Number, s => s.Number)
            .Map(d => d.ExternalId, s => s.ExternalId)
            .Map(d => d.Email, s => s.Email)
            .Map(d => d.Phone, s => ToPhone(s.Phone))
            .Map(d => d.Country, s => s.Country)
            .Map(d => d.Name, s => ToName(s.FirstName, s.LastName))
            .Map(d => d.BirthDate, s => s.BirthDate)
            .Map(d => d.Language, s => s.Language)
            .Map(d => d.Status, s => ToStatus(s.Status))
            .Map(d => d.CreatedAt, s => s.CreatedAt)
            .Map(d => d.UpdatedAt, s => s.UpdatedAt)
            .Map(d => d.Extra, s => ToExtra(s.Unmapped))
            // Example CRM keeps none of these.
            .Ignore(d => d.Address, d => d.TimeZone, d => d.Source, d => d.GroupId, d => d.Attribution,
                d => d.ClientIp, d => d.Device, d => d.KycStatus, d => d.LastLoginAt);

        config.NewConfig<NewCustomer, ExampleCrmCreateCustomer>()
            .Map(d => d.Email, s => s.Email)
            .Map(d => d.Phone, s => ToWirePhone(s.Phone))
            .Map(d => d.Country, s => s.Country)
            .Map(d => d.FirstName, s => s.Name == null ? null : s.Name.Given)
            .Map(d => d.LastName, s => s.Name == null ? null : s.Name.Family)
            .Map(d => d.BirthDate, s => s.BirthDate)
            .Map(d => d.Language, s => s.Language)
            .Map(d => d.ExternalId, s => s.ExternalId)
            // The registry adds the password itself, so that no mapping rule ever handles it.
            .Ignore(d => d.Password!);
    }
    #endregion

    private static ExampleCrmPhone? ToWirePhone(PhoneNumber? phone) =>
        phone is null ? null : new ExampleCrmPhone { CountryCode = phone.CountryCodeDigits, Number = phone.Number };

    private static PhoneNumber? ToPhone(ExampleCrmPhone? phone) =>
        string.IsNullOrWhiteSpace(phone?.CountryCode) || string.IsNullOrWhiteSpace(phone.Number) ? null : new PhoneNumber(phone.CountryCode, phone.Number);

    private static PersonName? ToName(string? first, string? last) =>
        first is null && last is null ? null : new PersonName { Given = first, Family = last };

    private static CustomerStatus ToStatus(string? status) => status switch
    {
        "active" => CustomerStatus.Active,
        "locked" => CustomerStatus.Locked,
        "disabled" => CustomerStatus.Disabled,
        _ => CustomerStatus.Unknown,
    };

    /// <summary>Undeclared members by their wire name: text as sent, other scalars and structures as compact JSON.</summary>
    private static IReadOnlyDictionary<string, string?> ToExtra(IDictionary<string, JToken>? unmapped)
    {
        var extra = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in unmapped ?? new Dictionary<string, JToken>())
        {
            if (!SecretMembers.Contains(name))
            {
                extra[name] = value.Type switch
                {
                    JTokenType.Null => null,
                    JTokenType.String => (string?)value,
                    _ => value.ToString(Formatting.None),
                };
            }
        }

        return extra;
    }
}
