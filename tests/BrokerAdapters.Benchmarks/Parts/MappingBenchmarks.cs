extern alias cmfbl;

using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BrokerAdapters.Benchmarks.Operations;
using BrokerAdapters.Benchmarks.Wire;
using BrokerAdapters.McCrm;
using cmfbl::BrokerAdapters.Cmfbl;
using cmfbl::BrokerAdapters.Cmfbl.Wire;
using Mapster;
using Newtonsoft.Json;
using WireJson = cmfbl::BrokerAdapters.Internal.WireJson;

namespace BrokerAdapters.Benchmarks.Parts;

/// <summary>
/// Wire DTO → <see cref="Customer"/>: the library's Mapster configurations against the same rules written out by hand
/// (the baseline). The results are checked equal in <see cref="GlobalSetup"/>. Run with <c>--filter *MappingBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MappingBenchmarks
{
    private static readonly TypeAdapterConfig CmfblConfig = CmfblMappingRegister.CreateConfig();

    private CmfblCustomer _cmfbl = null!;
    private McCrmUser _mcCrm = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _cmfbl = WireJson.Parse(Encoding.UTF8.GetBytes(CmfblCanned.Detail)).ToObject<CmfblCustomer>(WireJson.Serializer)!;
        _mcCrm = WireJson.Parse(Encoding.UTF8.GetBytes(McCrmCanned.Query))["data"]!.ToObject<McCrmUser>(WireJson.Serializer)!;
        Check.Equal(JsonConvert.SerializeObject(CmfblByHand()), JsonConvert.SerializeObject(CmfblMapster()), "CMFBL customer mapped by Mapster");
        Check.Equal(JsonConvert.SerializeObject(McCrmByHand()), JsonConvert.SerializeObject(McCrmMapster()), "MC-CRM customer mapped by Mapster");
    }

    [BenchmarkCategory("Cmfbl"), Benchmark(Baseline = true)]
    public Customer CmfblByHand()
    {
        var s = _cmfbl;
        return new Customer
        {
            Provider = CmfblApiClient.ProviderName,
            Id = s.Id ?? string.Empty,
            Number = CmfblConvert.NullIfEmpty(s.CustomerNo),
            ExternalId = CmfblConvert.NullIfEmpty(s.ThirdServerCode),
            Email = CmfblConvert.NullIfEmpty(s.Email),
            Phone = CmfblConvert.Phone(s.PhoneArea, s.Phone),
            Country = CmfblConvert.NullIfEmpty(s.Country),
            Name = CmfblConvert.Name(s.FirstName, s.LastName, s.Name),
            Address = CmfblConvert.Address(s.Address, s.PostalCode),
            Source = CmfblConvert.Source(s.RegisterSource),
            GroupId = CmfblConvert.NullIfEmpty(s.CustomerGroupId),
            Attribution = CmfblConvert.Attribution(s.UtmSource),
            Status = CmfblConvert.Status(s.Status),
            KycStatus = CmfblConvert.NullIfEmpty(s.KycStatus),
            CreatedAt = CmfblConvert.Time(s.CreateTime ?? s.RegisterTime),
            UpdatedAt = CmfblConvert.Time(s.UpdateTime),
            LastLoginAt = CmfblConvert.Time(s.LoginTime),
            Extra = WireJson.ToExtra(s.Unmapped, CmfblCustomer.SecretFields),
        };
    }

    [BenchmarkCategory("Cmfbl"), Benchmark]
    public Customer CmfblMapster() => _cmfbl.Adapt<Customer>(CmfblConfig);

    [BenchmarkCategory("McCrm"), Benchmark(Baseline = true)]
    public Customer McCrmByHand()
    {
        var s = _mcCrm;
        return new Customer
        {
            Provider = "McCrm",
            Id = s.Uid!,
            Number = s.BizCode,
            ExternalId = s.UserId,
            Email = s.Email,
            Phone = string.IsNullOrWhiteSpace(s.PhoneNumberPrefix) || string.IsNullOrWhiteSpace(s.PhoneNumber) ? null : new PhoneNumber(s.PhoneNumberPrefix, s.PhoneNumber),
            Country = s.CountryId,
            Name = s.GivenName is null && s.MiddleName is null && s.Surname is null && s.FullName is null
                ? null
                : new PersonName { Given = s.GivenName, Middle = s.MiddleName, Family = s.Surname, Full = s.FullName },
            BirthDate = s.Birthday,
            Address = s.Street is null && s.HouseNumber is null && s.City is null && s.PostalCode is null && s.Address is null
                ? null
                : new PostalAddress { Street = s.Street, HouseNumber = s.HouseNumber, City = s.City, PostalCode = s.PostalCode, Line = s.Address },
            TimeZone = s.TimeZone,
            ClientIp = s.RegisterIp,
            Status = s.Status switch { 1 => CustomerStatus.Active, 0 => CustomerStatus.Disabled, _ => CustomerStatus.Unknown },
            KycStatus = s.IdentificationLevel,
            CreatedAt = s.CreateTime,
            UpdatedAt = s.UpdateTime,
            LastLoginAt = s.LastLoginTime,
            Extra = WireJson.ToExtra(s.Unmapped, McCrmMappingRegister.SecretNames),
        };
    }

    [BenchmarkCategory("McCrm"), Benchmark]
    public Customer McCrmMapster() => McCrmMapper.ToCustomer(_mcCrm);
}
