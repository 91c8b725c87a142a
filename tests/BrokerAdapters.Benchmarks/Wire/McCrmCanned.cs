using System.Text;

namespace BrokerAdapters.Benchmarks.Wire;

/// <summary>An MC-CRM merchant as canned answers (the shapes of <c>contracts/mccrm/examples</c>) and its settings.</summary>
internal static class McCrmCanned
{
    public const string BaseUrl = "https://mccrm.bench/mc-crm/";
    public const string Token = "merchant-token";
    public const string BizName = "ACME";
    public const string Uid = "3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e";
    public const string SignupPath = "/mc-crm/openapi/v1/user/signup";
    public const string QueryUidPath = "/mc-crm/openapi/v1/user/query/uid";

    public static NewCustomer NewCustomer { get; } = new()
    {
        Email = "mei.chan@example.com",
        Phone = new PhoneNumber("+852", "61234567"),
        Password = "Bench-pa55",
        Country = "HK",
        ExternalId = "crm-ext-000123",
        Name = new PersonName { Given = "Mei", Family = "Chan" },
        BirthDate = new DateOnly(1990, 5, 17),
        Address = new PostalAddress { Line = "Nathan Road 88", City = "Kowloon", PostalCode = "999077" },
        TimeZone = "UTC+8:00",
        ClientIp = "203.0.113.10",
    };

    public static Dictionary<string, string?> Settings(string publicKey, bool resilience) =>
        Settings(BaseUrl, Token, publicKey, BizName, resilience);

    public static Dictionary<string, string?> Settings(string baseUrl, string token, string publicKey, string bizName, bool resilience)
    {
        var settings = new Dictionary<string, string?>
        {
            ["UserRegistry:Provider"] = "McCrm",
            ["UserRegistry:McCrm:BaseUrl"] = baseUrl,
            ["UserRegistry:McCrm:Token"] = token,
            ["UserRegistry:McCrm:PublicKey"] = publicKey,
            ["UserRegistry:McCrm:Padding"] = "Pkcs1",
            ["UserRegistry:McCrm:BizName"] = bizName,
        };
        if (!resilience)
        {
            settings["UserRegistry:McCrm:Resilience:Enabled"] = "false";
        }

        return settings;
    }

    public static CannedHandler Handler() => new CannedHandler()
        .Answer(SignupPath, Encoding.UTF8.GetBytes(Signup))
        .Answer(QueryUidPath, Encoding.UTF8.GetBytes(Query));

    public const string Signup = $$"""{"code":"0","msg":"ok","data":{"id":200417,"uid":"{{Uid}}","bizCode":"40217765","bizName":"ACME","identificationLevel":null,"nickname":"61****67","phoneNumberPrefix":852,"phoneNumber":"61234567","email":"mei.chan@example.com","loginType":"1","registerType":"1","password":"0d5c1f4e2a9b7c3d8e6f0a1b2c3d4e5f6a7b8c9d0e1f2a3b","birthday":null,"countryId":"HK","country":"Hong Kong","surname":null,"middleName":null,"givenName":null,"fullName":null,"idTypeId":null,"idNumber":null,"idType":null,"channelId":null,"inviterCode":null,"inviterName":null,"customerManager":null,"city":null,"address":null,"street":null,"houseNumber":null,"timeZone":"UTC+8:00","createTime":"2025-03-04T09:15:42.123456789","updateTime":"2025-03-04T09:15:42.130001","openAccountTime":null,"userTypeTest":0,"grayScale":null,"status":1,"registerIp":"203.0.113.10","lastLoginIp":"203.0.113.10","lastLoginTime":null,"lastLoginCountry":"Hong Kong","registerSource":0},"success":true}""";

    public const string Query = $$"""{"code":"0","msg":"ok","data":{"id":200417,"uid":"{{Uid}}","bizCode":"40217765","bizName":"ACME","userId":"crm-ext-000123","identificationLevel":2,"nickname":"mei***@example.com","phoneNumberPrefix":852,"phoneNumber":"61234567","email":"mei.chan@example.com","registerType":"2","password":"0d5c1f4e2a9b7c3d8e6f0a1b2c3d4e5f6a7b8c9d0e1f2a3b","birthday":"1990-05-17","countryId":"HK","country":"Hong Kong","surname":"Chan","middleName":"Ka Yan","givenName":"Mei","fullName":"CHAN Mei Ka Yan","idTypeId":null,"idNumber":null,"idType":null,"channelId":"web","inviterCode":null,"inviterName":null,"customerManager":"Alex Wong","city":"Kowloon","address":"Flat 12A, 88 Nathan Road","street":"Nathan Road","houseNumber":"88","timeZone":"UTC+8:00","createTime":"2025-03-04T09:15:42.123456789","updateTime":"2025-03-05T18:02:11.5","openAccountTime":"2025-03-05T08:30:00","userTypeTest":0,"grayScale":0,"status":0,"registerIp":"203.0.113.10","lastLoginIp":"203.0.113.44","lastLoginTime":"2025-03-05T18:02:11.5","lastLoginCountry":"Hong Kong","registerSource":1},"success":true}""";
}
