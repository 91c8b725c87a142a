using System.Globalization;
using BrokerAdapters.Internal;
using Mapster;

namespace BrokerAdapters.McCrm;

/// <summary>
/// The Mapster rules between the unified model and MC-CRM's wire objects. Every destination member is either mapped
/// or ignored on purpose, so that a config compiled with <see cref="TypeAdapterConfig.RequireDestinationMemberSource"/>
/// catches a member added later.
/// </summary>
internal sealed class McCrmMappingRegister : IRegister
{
    /// <summary>Wire members that are secrets and never reach <see cref="Customer.Extra"/>.</summary>
    public static readonly IReadOnlySet<string> SecretNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "password", "token" };

    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);

        // Values built by the rules below (PhoneNumber, PersonName, Extra…) are assigned as they are, not deep-copied.
        config.Default.ShallowCopyForSameType(true);

        config.NewConfig<McCrmUser, Customer>()
            .Map(d => d.Provider, _ => McCrmUserRegistry.ProviderName)
            .Map(d => d.Id, s => s.Uid)
            .Map(d => d.Number, s => s.BizCode)
            .Map(d => d.ExternalId, s => s.UserId)
            .Map(d => d.Email, s => s.Email)
            .Map(d => d.Phone, s => ToPhone(s.PhoneNumberPrefix, s.PhoneNumber))
            .Map(d => d.Country, s => s.CountryId)
            .Map(d => d.Name, s => ToName(s.GivenName, s.MiddleName, s.Surname, s.FullName))
            .Map(d => d.BirthDate, s => s.Birthday)
            .Map(d => d.Address, s => ToAddress(s.Street, s.HouseNumber, s.City, s.PostalCode, s.Address))
            .Map(d => d.TimeZone, s => s.TimeZone)
            .Map(d => d.ClientIp, s => s.RegisterIp)
            .Map(d => d.Status, s => ToStatus(s.Status))
            .Map(d => d.KycStatus, s => s.IdentificationLevel)
            .Map(d => d.CreatedAt, s => s.CreateTime)
            .Map(d => d.UpdatedAt, s => s.UpdateTime)
            .Map(d => d.LastLoginAt, s => s.LastLoginTime)
            .Map(d => d.Extra, s => WireJson.ToExtra(s.Unmapped, SecretNames))
            // MC-CRM keeps none of these; registerSource (self / CRM admin) is not a channel and stays in Extra.
            .Ignore(d => d.Language, d => d.Source, d => d.GroupId, d => d.Attribution, d => d.Device);

        config.NewConfig<NewCustomer, McCrmSignupRequest>()
            .Map(d => d.CountryIds, s => s.Country)
            .Map(d => d.Ip, s => s.ClientIp)
            .Map(d => d.PhoneNumberPrefix, s => s.Phone == null ? null : s.Phone.CountryCodeDigits)
            .Map(d => d.PhoneNumber, s => s.Phone == null ? null : s.Phone.Number)
            .Map(d => d.TimeZone, s => s.TimeZone)
            .Map(d => d.UserId, s => s.ExternalId)
            .Map(d => d.UserName, s => s.Name == null ? null : s.Name.Formatted)
            .Map(d => d.Email, s => s.Email)
            .Map(d => d.DateOfBirth, s => ToWireDate(s.BirthDate))
            .Map(d => d.Address, s => ToAddressLine(s.Address))
            .Map(d => d.City, s => s.Address == null ? null : s.Address.City)
            .Map(d => d.PostalCode, s => s.Address == null ? null : s.Address.PostalCode)
            // The password is encrypted separately so that the plain text never sits in a wire object;
            // bizName and channelName come from the options.
            .Ignore(d => d.Password!, d => d.BizName!, d => d.ChannelName!);
    }

    /// <summary>Gets the one-line address MC-CRM keeps: the free-text line, else street and house number.</summary>
    public static string? ToAddressLine(PostalAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.Line is not null)
        {
            return address.Line;
        }

        var parts = new[] { address.Street, address.HouseNumber }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim());
        var line = string.Join(' ', parts);
        return line.Length == 0 ? null : line;
    }

    private static string? ToWireDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static PhoneNumber? ToPhone(string? prefix, string? number) =>
        string.IsNullOrWhiteSpace(prefix) || string.IsNullOrWhiteSpace(number) ? null : new PhoneNumber(prefix, number);

    private static PersonName? ToName(string? given, string? middle, string? family, string? full) =>
        given is null && middle is null && family is null && full is null
            ? null
            : new PersonName { Given = given, Middle = middle, Family = family, Full = full };

    private static PostalAddress? ToAddress(string? street, string? houseNumber, string? city, string? postalCode, string? line) =>
        street is null && houseNumber is null && city is null && postalCode is null && line is null
            ? null
            : new PostalAddress { Street = street, HouseNumber = houseNumber, City = city, PostalCode = postalCode, Line = line };

    private static CustomerStatus ToStatus(int? status) => status switch
    {
        1 => CustomerStatus.Active,
        0 => CustomerStatus.Disabled,
        _ => CustomerStatus.Unknown,
    };
}
