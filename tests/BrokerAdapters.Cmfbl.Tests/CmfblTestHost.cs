using System.Net;
using BrokerAdapters.Testing.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>Builds the CMFBL registry through DI exactly as an application does, over a fake provider.</summary>
internal sealed class CmfblTestHost : IDisposable
{
    public const string BaseUrl = "https://cmfbl.test";
    public const string ClientBaseUrl = "https://client.cmfbl.test";
    public const string AppSecret = "test-app-secret";
    public const long Now = 1732530000000;

    private CmfblTestHost(Dictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        configureServices?.Invoke(services);
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(() => Provider.Handler));
        Services = services.BuildServiceProvider();
    }

    public FakeProvider Provider { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(Now));

    public ServiceProvider Services { get; }

    public IUserRegistry Registry => Services.GetRequiredService<IUserRegistry>();

    public ICmfblUserRegistry Cmfbl => Services.GetRequiredService<ICmfblUserRegistry>();

    public static string Url(string bizType) => $"{BaseUrl}/openapi-b/{bizType}";

    public static string AuthUrl => $"{BaseUrl}/openapi-b/auth/admin.admin.CompanyAuthDubboService.auth";

    public static string LoginUrl => $"{ClientBaseUrl}/api/login/customer.app.CustomerWebApiService.login";

    /// <summary>A Client API URL: <c>{ClientBaseUrl}/api/{path}</c>.</summary>
    public static string ClientUrl(string path) => $"{ClientBaseUrl}/api/{path}";

    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["UserRegistry:Provider"] = "Cmfbl",
        ["UserRegistry:Cmfbl:Resilience:RetryDelay"] = "00:00:00.001",
        ["UserRegistry:Cmfbl:Resilience:MaxRetryDelay"] = "00:00:00.020",
        // A unit test may send thousands of requests in a second: the documented 300 a minute would make it crawl.
        ["UserRegistry:Cmfbl:Resilience:RateLimit:PermitLimit"] = "1000000",
        ["UserRegistry:Cmfbl:BaseUrl"] = BaseUrl,
        ["UserRegistry:Cmfbl:ClientBaseUrl"] = ClientBaseUrl,
        ["UserRegistry:Cmfbl:CompanyId"] = "360",
        ["UserRegistry:Cmfbl:AppId"] = "test-app-id",
        ["UserRegistry:Cmfbl:AppSecret"] = AppSecret,
        ["UserRegistry:Cmfbl:Lang"] = "en-US",
        ["UserRegistry:Cmfbl:TradeTypeCurrencies:0:TradeType"] = "1",
        ["UserRegistry:Cmfbl:TradeTypeCurrencies:0:Currency"] = "USDT",
    };

    public static CmfblTestHost Create(
        Action<Dictionary<string, string?>>? configure = null, bool answerAuth = true, Action<IServiceCollection>? configureServices = null)
    {
        var settings = DefaultSettings();
        configure?.Invoke(settings);
        var host = new CmfblTestHost(settings, configureServices);
        if (answerAuth)
        {
            host.Provider.AnswerJson(AuthUrl, Fixture("auth.response.json"));
        }

        return host;
    }

    public static string Fixture(string file) => Fixtures.Text("cmfbl", file);

    public static string Envelope(string dataJson, string code = "0", string msg = "Success", string trace = "t-test") =>
        $$"""{"code":"{{code}}","msg":"{{msg}}","ok":{{(code == "0" ? "true" : "false")}},"fail":{{(code == "0" ? "false" : "true")}},"trace":"{{trace}}","bizCode":"","tm":1,"msgParams":null,"data":{{dataJson}}}""";

    public static string Error(string code, string msg = "refused", string trace = "t-error") => Envelope("null", code, msg, trace);

    public void AnswerFound()
    {
        Provider.AnswerJson(Url(CmfblUserRegistry.PageBizType), Fixture("page-by-number.response.json"));
        Provider.AnswerJson(Url(CmfblUserRegistry.DetailBizType), Fixture("detail.response.json"));
    }

    public void Answer(string bizType, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Provider.AnswerJson(Url(bizType), json, status);

    public void Dispose()
    {
        Services.Dispose();
        Provider.Dispose();
    }
}
