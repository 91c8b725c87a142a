using System.Security.Cryptography;
using System.Text;
using BrokerAdapters.Testing.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Tests;

/// <summary>An application's container configured from JSON, both providers answered by fakes.</summary>
internal sealed class RegistryHost : IDisposable
{
    public const string CmfblBase = "https://cmfbl.test";
    public const string McCrmBase = "https://mccrm.test/mc-crm/";

    public static readonly RSA McCrmKey = RSA.Create(2048);

    private RegistryHost(string json, Action<IServiceCollection, IConfiguration, RegistryHost> register)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        register(services, configuration, this);
        Services = services.BuildServiceProvider();
        Cmfbl.AnswerJson(CmfblBase + "/openapi-b/auth/admin.admin.CompanyAuthDubboService.auth", Fixtures.Text("cmfbl", "auth.response.json"));
        Cmfbl.AnswerJson(CmfblBase + "/openapi-b/customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc", Fixtures.Text("cmfbl", "create-customer.response.json"));
        Cmfbl.AnswerJson(CmfblBase + "/openapi-b/customer.admin.WhiteCustomerAdminApiService.page", Fixtures.Text("cmfbl", "page-by-number.response.json"));
        Cmfbl.AnswerJson(CmfblBase + "/openapi-b/customer.admin.WhiteCustomerAdminApiService.detail", Fixtures.Text("cmfbl", "detail.response.json"));
        McCrm.AnswerJson("https://mccrm.test/mc-crm/openapi/v1/user/signup", Fixtures.Text("mccrm", "signup.response.json"));
    }

    public FakeProvider Cmfbl { get; } = new();

    public FakeProvider McCrm { get; } = new();

    public ServiceProvider Services { get; }

    public static string McCrmPublicKey => Convert.ToBase64String(McCrmKey.ExportSubjectPublicKeyInfo());

    /// <summary>The configuration of one registry section holding settings for both providers.</summary>
    public static string Section(string provider) => $$"""
        {
          "Provider": "{{provider}}",
          "Cmfbl": {
            "BaseUrl": "{{CmfblBase}}",
            "CompanyId": "360",
            "AppId": "test-app-id",
            "AppSecret": "test-app-secret",
            "TradeTypeCurrencies": [ { "TradeType": "1", "Currency": "USDT" } ]
          },
          "McCrm": {
            "BaseUrl": "{{McCrmBase}}",
            "Token": "test-merchant-token",
            "PublicKey": "{{McCrmPublicKey}}",
            "BizName": "MFT"
          }
        }
        """;

    public static RegistryHost ForProvider(string provider) =>
        Create($$"""{ "UserRegistry": {{Section(provider)}} }""", (services, configuration, host) =>
            services.AddUserRegistry(configuration.GetSection("UserRegistry"))
                .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(() => host.Cmfbl.Handler))
                .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(() => host.McCrm.Handler)));

    public static RegistryHost Create(string json, Action<IServiceCollection, IConfiguration, RegistryHost> register) =>
        new(json, register);

    public void Dispose()
    {
        Services.Dispose();
        Cmfbl.Dispose();
        McCrm.Dispose();
    }
}
