using System.Globalization;
using System.Text;

namespace BrokerAdapters.Benchmarks.Wire;

/// <summary>
/// A CMFBL company as canned answers (the shapes of <c>contracts/cmfbl/examples</c>) and the settings that reach it,
/// for both the library and the hand-written client.
/// </summary>
internal static class CmfblCanned
{
    public const string BaseUrl = "https://cmfbl.bench";
    public const string CompanyId = "360";
    public const string AppId = "bench-app";
    public const string AppSecret = "bench-secret";
    public const string AdminToken = "admin-token-1";
    public const string Number = "86021976";
    public const string Id = "1176";
    public const string Email = "chan.tai.man@example.com";
    public const string Password = "Bench-pa55";
    public const string CustomerToken = "customer-session-token";

    public const string AuthPath = "/openapi-b/auth/admin.admin.CompanyAuthDubboService.auth";
    public const string CreatePath = "/openapi-b/customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc";
    public const string ExistsPath = "/openapi-b/customer.app.CustomerWebApiService.checkCustomerExist";
    public const string PagePath = "/openapi-b/customer.admin.WhiteCustomerAdminApiService.page";
    public const string DetailPath = "/openapi-b/customer.admin.WhiteCustomerAdminApiService.detail";
    public const string LoginPath = "/api/login/customer.app.CustomerWebApiService.login";

    /// <summary>The customer registered in every register benchmark.</summary>
    public static NewCustomer NewCustomer { get; } = new()
    {
        Email = Email,
        Phone = new PhoneNumber("+852", "98763237"),
        Password = Password,
        Country = "HK",
        ExternalId = "crm-000042",
        Source = RegistrationSource.PcWeb,
    };

    /// <summary>The library's settings: a registry section <c>UserRegistry</c> that selects CMFBL.</summary>
    public static Dictionary<string, string?> Settings(bool resilience, string? publicKey = null) =>
        Settings(BaseUrl, CompanyId, AppId, AppSecret, resilience, publicKey);

    public static Dictionary<string, string?> Settings(string baseUrl, string companyId, string appId, string appSecret, bool resilience, string? publicKey = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["UserRegistry:Provider"] = "Cmfbl",
            ["UserRegistry:Cmfbl:BaseUrl"] = baseUrl,
            ["UserRegistry:Cmfbl:ClientBaseUrl"] = baseUrl,
            ["UserRegistry:Cmfbl:CompanyId"] = companyId,
            ["UserRegistry:Cmfbl:AppId"] = appId,
            ["UserRegistry:Cmfbl:AppSecret"] = appSecret,
            ["UserRegistry:Cmfbl:TradeTypeCurrencies:0:TradeType"] = "1",
            ["UserRegistry:Cmfbl:TradeTypeCurrencies:0:Currency"] = "USDT",

            // CMFBL's documented 300 a minute per endpoint would pace the benchmark, not measure it.
            ["UserRegistry:Cmfbl:Resilience:RateLimit:PermitLimit"] = "100000000",
        };
        if (!resilience)
        {
            settings["UserRegistry:Cmfbl:Resilience:Enabled"] = "false";
        }

        if (publicKey is not null)
        {
            settings["UserRegistry:Cmfbl:Encryption"] = "Rsa";
            settings["UserRegistry:Cmfbl:PublicKey"] = publicKey;
        }

        return settings;
    }

    /// <summary>A handler answering every operation but the list (whose page holds the one customer).</summary>
    public static CannedHandler Handler() => new CannedHandler()
        .Answer(AuthPath, Envelope("t-auth-0001", $$"""{"id":360,"code":"WL360","bizName":"Example Markets","token":"{{AdminToken}}","publicKey":"","timezone":8,"lang":"en-US","status":1,"companyType":"real"}"""))
        .Answer(CreatePath, Envelope("t-create-0001", $"\"{Number}\""))
        .Answer(ExistsPath, Envelope("t-exist-0001", "1"))
        .Answer(PagePath, Page(1, "t-page-0001"))
        .Answer(DetailPath, Envelope("t-detail-0001", Detail))
        .Answer(LoginPath, Envelope("t-login-0001", Login));

    /// <summary>A handler whose page answers <paramref name="records"/> customers (total = records).</summary>
    public static CannedHandler ListHandler(int records) => new CannedHandler()
        .Answer(AuthPath, Envelope("t-auth-0001", $$"""{"token":"{{AdminToken}}","publicKey":""}"""))
        .Answer(PagePath, Page(records, "t-page-0002"));

    public static byte[] Envelope(string trace, string data) =>
        Encoding.UTF8.GetBytes($$"""{"code":"0","msg":"Success","ok":true,"fail":false,"trace":"{{trace}}","bizCode":"","tm":12,"msgParams":null,"data":{{data}}}""");

    public static byte[] Page(int records, string trace)
    {
        var data = new StringBuilder();
        data.Append(CultureInfo.InvariantCulture, $$"""{"current":1,"size":{{Math.Max(records, 20)}},"total":{{records}},"records":[""");
        for (var i = 0; i < records; i++)
        {
            if (i > 0)
            {
                data.Append(',');
            }

            data.Append(Record(i));
        }

        data.Append("]}");
        return Envelope(trace, data.ToString());
    }

    /// <summary>A page record as CMFBL lists it; the first one is the benchmark's customer.</summary>
    public static string Record(int i)
    {
        var id = i == 0 ? Id : (1176 + i).ToString(CultureInfo.InvariantCulture);
        var number = i == 0 ? Number : (86021976 + i).ToString(CultureInfo.InvariantCulture);
        var email = i == 0 ? Email : $"customer{i}@example.com";
        var phone = (98763237 + i).ToString(CultureInfo.InvariantCulture);
        return $$"""{"id":{{id}},"customerNo":"{{number}}","agentCustomerNo":"","companyId":360,"customerGroupId":1,"customerGroupName":"Default","customerType":0,"email":"{{email}}","phone":"{{phone}}","phoneArea":"+852","firstName":"","lastName":"","name":"","openAccountType":0,"registerSource":2,"status":1,"createTime":1732530000000,"updateTime":1732530000000,"loginTime":0,"firstAccountActivateTime":0}""";
    }

    public const string Detail = $$"""{"id":{{Id}},"customerNo":"{{Number}}","companyId":360,"customerGroupId":1,"customerType":0,"email":"{{Email}}","phone":"98763237","phoneArea":"+852","country":"HK","firstName":"Tai Man","lastName":"Chan","name":"Chan Tai Man","address":"1 Queen's Road Central","postalCode":"999077","registerSource":2,"status":1,"kycStatus":1,"kycAuditStatus":2,"kycRemark":"Not verified","thirdServerCode":"crm-000042","utmSource":"newsletter","companyType":"real","deposit":1,"withdraw":1,"isFund":0,"registerTime":1732530000000,"createTime":1732530000000,"loginTime":1732533600000,"loginPassStatus":"2","payPassStatus":"2"}""";

    public const string Login = $$"""{"id":{{Id}},"customerNo":"{{Number}}","companyId":360,"customerGroupId":1,"country":"HK","email":"ch**@example.com","phone":"987****37","phoneArea":"+852","kycStatus":1,"registerSource":2,"status":1,"source":"PC_Web","createTime":1732530000000,"registerTime":1732530000000,"loginTime":1732537200000,"thirdServerCode":"","token":"{{CustomerToken}}","rToken":"customer-refresh-token","accountList":[{"accountId":1031717,"currency":"USDT","tradeType":1,"balance":"0.0000"}]}""";
}
