namespace BrokerAdapters.Migration;

/// <summary>The columns of <see cref="CustomerCsv"/>, in file order.</summary>
internal static class CustomerCsvColumns
{
    public const int Provider = 0;
    public const int Id = 1;
    public const int Number = 2;
    public const int ExternalId = 3;
    public const int Email = 4;
    public const int PhoneCountryCode = 5;
    public const int PhoneNumber = 6;
    public const int Country = 7;
    public const int GivenName = 8;
    public const int MiddleName = 9;
    public const int FamilyName = 10;
    public const int FullName = 11;
    public const int BirthDate = 12;
    public const int Street = 13;
    public const int HouseNumber = 14;
    public const int City = 15;
    public const int PostalCode = 16;
    public const int AddressLine = 17;
    public const int Language = 18;
    public const int TimeZone = 19;
    public const int Source = 20;
    public const int GroupId = 21;
    public const int UtmSource = 22;
    public const int UtmMedium = 23;
    public const int UtmCampaign = 24;
    public const int UtmContent = 25;
    public const int UtmTerm = 26;
    public const int ClientIp = 27;
    public const int Device = 28;
    public const int Status = 29;
    public const int KycStatus = 30;
    public const int CreatedAt = 31;
    public const int UpdatedAt = 32;
    public const int LastLoginAt = 33;
    public const int Extra = 34;

    /// <summary>The header names, indexed by the constants above.</summary>
    public static readonly string[] Names =
    [
        "provider", "id", "number", "externalId", "email", "phoneCountryCode", "phoneNumber", "country",
        "givenName", "middleName", "familyName", "fullName", "birthDate",
        "street", "houseNumber", "city", "postalCode", "addressLine", "language", "timeZone", "source", "groupId",
        "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm", "clientIp", "device",
        "status", "kycStatus", "createdAt", "updatedAt", "lastLoginAt", "extra",
    ];
}
