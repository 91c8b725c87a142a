using BrokerAdapters.Cmfbl.Wire;
using BrokerAdapters.Internal;
using Mapster;

namespace BrokerAdapters.Cmfbl;

/// <summary>Mapster configuration between the unified model and CMFBL's wire DTOs.</summary>
internal sealed class CmfblMappingRegister : IRegister
{
    /// <summary>A configuration holding only this provider's mappings, compiled once.</summary>
    public static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig();
        new CmfblMappingRegister().Register(config);
        config.Compile();
        return config;
    }

    public void Register(TypeAdapterConfig config)
    {
        // Values built by the rules below (PhoneNumber, PersonName, Extra…) are assigned as they are, not deep-copied.
        config.Default.ShallowCopyForSameType(true);

        config.NewConfig<NewCustomer, CmfblCreateCustomerRequest>()
            .Map(d => d.Phone, s => CmfblConvert.Number(s.Phone))
            .Map(d => d.PhoneArea, s => CmfblConvert.Area(s.Phone))
            .Map(d => d.Email, s => s.Email)
            .Map(d => d.Country, s => s.Country)
            .Map(d => d.RegisterDevice, s => s.Device)
            .Map(d => d.UtmSource, s => s.Attribution == null ? null : s.Attribution.Source)
            .Map(d => d.UtmMedium, s => s.Attribution == null ? null : s.Attribution.Medium)
            .Map(d => d.UtmCampaign, s => s.Attribution == null ? null : s.Attribution.Campaign)
            .Map(d => d.UtmContent, s => s.Attribution == null ? null : s.Attribution.Content)
            .Map(d => d.UtmTerm, s => s.Attribution == null ? null : s.Attribution.Term)
            .Map(d => d.ThirdServerCode, s => s.ExternalId)
            // Set by the registry: the hash, and the defaults that come from options.
            .Ignore(d => d.Pwd, d => d.RegisterSource, d => d.CustomerGroupId, d => d.TradeTypeCurrencyList);

        config.NewConfig<CmfblCustomer, Customer>()
            .Map(d => d.Provider, _ => CmfblApiClient.ProviderName)
            .Map(d => d.Id, s => s.Id ?? string.Empty)
            .Map(d => d.Number, s => CmfblConvert.NullIfEmpty(s.CustomerNo))
            .Map(d => d.ExternalId, s => CmfblConvert.NullIfEmpty(s.ThirdServerCode))
            .Map(d => d.Email, s => CmfblConvert.NullIfEmpty(s.Email))
            .Map(d => d.Phone, s => CmfblConvert.Phone(s.PhoneArea, s.Phone))
            .Map(d => d.Country, s => CmfblConvert.NullIfEmpty(s.Country))
            .Map(d => d.Name, s => CmfblConvert.Name(s.FirstName, s.LastName, s.Name))
            .Map(d => d.Address, s => CmfblConvert.Address(s.Address, s.PostalCode))
            .Map(d => d.Source, s => CmfblConvert.Source(s.RegisterSource))
            .Map(d => d.GroupId, s => CmfblConvert.NullIfEmpty(s.CustomerGroupId))
            .Map(d => d.Attribution, s => CmfblConvert.Attribution(s.UtmSource))
            .Map(d => d.Status, s => CmfblConvert.Status(s.Status))
            .Map(d => d.KycStatus, s => CmfblConvert.NullIfEmpty(s.KycStatus))
            .Map(d => d.CreatedAt, s => CmfblConvert.Time(s.CreateTime ?? s.RegisterTime))
            .Map(d => d.UpdatedAt, s => CmfblConvert.Time(s.UpdateTime))
            .Map(d => d.LastLoginAt, s => CmfblConvert.Time(s.LoginTime))
            .Map(d => d.Extra, s => WireJson.ToExtra(s.Unmapped, CmfblCustomer.SecretFields))
            // CMFBL's customer answers have no field for these.
            .Ignore(d => d.BirthDate, d => d.Language, d => d.TimeZone, d => d.ClientIp, d => d.Device);

        config.NewConfig<CmfblGroup, CmfblCustomerGroup>()
            .Map(d => d.Id, s => s.Id ?? string.Empty)
            .Map(d => d.Name, s => s.Name)
            .Map(d => d.OpenAccountType, s => s.OpenAccountType)
            .Map(d => d.Type, s => s.Type)
            .Map(d => d.TradeType, s => s.TradeType)
            .Map(d => d.Assets, s => s.Assets);
    }
}
