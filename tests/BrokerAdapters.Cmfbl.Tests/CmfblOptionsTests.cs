using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrokerAdapters.Cmfbl.Tests;

public sealed class CmfblOptionsTests
{
    [TestCase("UserRegistry:Cmfbl:BaseUrl", null, "UserRegistry:Cmfbl:BaseUrl is required")]
    [TestCase("UserRegistry:Cmfbl:BaseUrl", "cmfbl.test", "UserRegistry:Cmfbl:BaseUrl must be an absolute http or https URL")]
    [TestCase("UserRegistry:Cmfbl:ClientBaseUrl", "ftp://client", "UserRegistry:Cmfbl:ClientBaseUrl must be an absolute http or https URL")]
    [TestCase("UserRegistry:Cmfbl:CompanyId", null, "UserRegistry:Cmfbl:CompanyId is required")]
    [TestCase("UserRegistry:Cmfbl:CompanyId", "36\u00e90", "UserRegistry:Cmfbl:CompanyId must be printable ASCII")]
    [TestCase("UserRegistry:Cmfbl:Lang", "en-US\r\nX: 1", "UserRegistry:Cmfbl:Lang must be printable ASCII")]
    [TestCase("UserRegistry:Cmfbl:BaseUrl", "https://user:hunter2@cmfbl.test", "UserRegistry:Cmfbl:BaseUrl must not carry credentials, a query or a fragment")]
    [TestCase("UserRegistry:Cmfbl:BaseUrl", "https://cmfbl.test/?x=1", "UserRegistry:Cmfbl:BaseUrl must not carry credentials, a query or a fragment")]
    [TestCase("UserRegistry:Cmfbl:AppId", "", "UserRegistry:Cmfbl:AppId is required")]
    [TestCase("UserRegistry:Cmfbl:AppSecret", null, "UserRegistry:Cmfbl:AppSecret is required")]
    [TestCase("UserRegistry:Cmfbl:PublicKey", "not-a-key", "UserRegistry:Cmfbl:PublicKey is not an RSA public key")]
    [TestCase("UserRegistry:Cmfbl:PageSize", "2001", "UserRegistry:Cmfbl:PageSize must be between 1 and 2000")]
    [TestCase("UserRegistry:Cmfbl:CustomerGroupId", "0", "UserRegistry:Cmfbl:CustomerGroupId must be a positive")]
    [TestCase("UserRegistry:Cmfbl:TradeTypeCurrencies:0:Currency", "", "UserRegistry:Cmfbl:TradeTypeCurrencies:0:Currency is required")]
    [TestCase("UserRegistry:Cmfbl:AdminTokenLifetime", "00:00:59", "UserRegistry:Cmfbl:AdminTokenLifetime must be between 00:01:00 and 1.00:00:00")]
    [TestCase("UserRegistry:Cmfbl:AdminTokenLifetime", "1.00:00:01", "UserRegistry:Cmfbl:AdminTokenLifetime must be between 00:01:00 and 1.00:00:00")]
    public async Task Invalid_settings_fail_at_start_up_naming_the_setting(string key, string? value, string message)
    {
        var settings = CmfblTestHost.DefaultSettings();
        settings[key] = value;
        using var services = Build(settings);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Failures, Has.Some.StartsWith(message));
        Assert.That(ex.Message, Does.Not.Contain("hunter2"));
    }

    [Test]
    public async Task Self_service_registration_needs_the_client_base_url()
    {
        var settings = CmfblTestHost.DefaultSettings();
        settings.Remove("UserRegistry:Cmfbl:ClientBaseUrl");
        settings["UserRegistry:Cmfbl:RegistrationMode"] = "SelfService";
        using var services = Build(settings);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Failures, Is.EqualTo(new[]
        {
            "UserRegistry:Cmfbl:RegistrationMode is SelfService, which registers through the Client API: UserRegistry:Cmfbl:ClientBaseUrl is required.",
        }));
    }

    [Test]
    public async Task The_registration_mode_defaults_to_admin_and_accepts_self_service()
    {
        var settings = CmfblTestHost.DefaultSettings();
        settings["UserRegistry:Cmfbl:RegistrationMode"] = "SelfService";
        using var selfService = Build(settings);
        using var admin = Build(CmfblTestHost.DefaultSettings());

        await selfService.GetRequiredService<IAsyncStartupValidator>().ValidateAsync();
        Assert.That(selfService.GetRequiredService<IOptionsMonitor<CmfblOptions>>().Get(Options.DefaultName).RegistrationMode, Is.EqualTo(CmfblRegistrationMode.SelfService));
        Assert.That(admin.GetRequiredService<IOptionsMonitor<CmfblOptions>>().Get(Options.DefaultName).RegistrationMode, Is.EqualTo(CmfblRegistrationMode.Admin));
        Assert.That(new CmfblOptions { RegistrationMode = CmfblRegistrationMode.SelfService }.ToString(), Does.Contain("RegistrationMode = SelfService"));
    }

    [Test]
    public void A_registration_mode_outside_the_enum_is_refused()
    {
        var validator = new CmfblOptionsValidator(Options.DefaultName, setting => "UserRegistry:" + setting);
        var options = new CmfblOptions
        {
            BaseUrl = "https://cmfbl.test",
            CompanyId = "360",
            AppId = "app",
            AppSecret = "secret",
            RegistrationMode = (CmfblRegistrationMode)7,
        };

        var result = validator.Validate(Options.DefaultName, options);

        Assert.That(result.Failures, Is.EqualTo(new[] { "UserRegistry:Cmfbl:RegistrationMode must be Admin or SelfService." }));
    }

    [Test]
    public async Task Valid_settings_pass_start_up_validation()
    {
        using var services = Build(CmfblTestHost.DefaultSettings());

        await services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync();
        Assert.That(services.GetRequiredService<IUserRegistry>().Descriptor.ProviderName, Is.EqualTo("Cmfbl"));
    }

    [Test]
    public void Options_to_string_never_prints_the_app_secret()
    {
        var options = new CmfblOptions { AppId = "app", AppSecret = "very-secret-value", BaseUrl = "https://cmfbl.test" };

        Assert.That(options.ToString(), Does.Not.Contain("very-secret-value").And.Contain("***"));
    }

    [Test]
    public void The_base_url_may_already_end_with_the_api_segment()
    {
        Assert.That(CmfblApiClient.JoinBase("https://cmfbl.test/openapi-b/", "openapi-b"), Is.EqualTo("https://cmfbl.test/openapi-b"));
        Assert.That(CmfblApiClient.JoinBase("https://cmfbl.test", "openapi-b"), Is.EqualTo("https://cmfbl.test/openapi-b"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl();
        return services.BuildServiceProvider();
    }
}
