using BrokerAdapters.McCrm.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmOptionsTests
{
    [Test]
    public async Task Start_up_names_every_missing_setting_by_its_full_path()
    {
        using var services = Build(s =>
        {
            s.Remove("UserRegistry:McCrm:BaseUrl");
            s.Remove("UserRegistry:McCrm:Token");
            s.Remove("UserRegistry:McCrm:PublicKey");
            s.Remove("UserRegistry:McCrm:BizName");
        });

        var error = await StartUpFails(services);

        Assert.That(error!.Failures, Is.EquivalentTo(new[]
        {
            "UserRegistry:McCrm:BaseUrl is required.",
            "UserRegistry:McCrm:Token is required.",
            "UserRegistry:McCrm:PublicKey is required.",
            "UserRegistry:McCrm:BizName is required.",
        }));
    }

    [TestCase("ftp://crm.test/mc-crm/")]
    [TestCase("crm.test/mc-crm")]
    [TestCase("/mc-crm/")]
    [TestCase("https://crm.test/mc-crm/?tenant=1")]
    [TestCase("https://crm.test/mc-crm/#top")]
    public async Task Start_up_rejects_a_base_url_that_is_not_a_plain_http_url(string baseUrl)
    {
        using var services = Build(s => s["UserRegistry:McCrm:BaseUrl"] = baseUrl);

        var error = await StartUpFails(services);

        Assert.That(error!.Failures, Has.One.StartsWith("UserRegistry:McCrm:BaseUrl must"));
    }

    [TestCase("not a key")]
    [TestCase("TUlHZk1BMEdDU3FHU0liM0RRRUJBUVVBQTRHTkFEQ0JpUUtCZ1FD")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    public async Task Start_up_rejects_a_public_key_that_is_not_an_rsa_key(string key)
    {
        using var services = Build(s => s["UserRegistry:McCrm:PublicKey"] = key);

        var error = await StartUpFails(services);

        Assert.That(error!.Failures, Has.One.StartsWith("UserRegistry:McCrm:PublicKey is not an RSA public key"));
    }

    [Test]
    public async Task Start_up_rejects_a_key_too_small_for_a_20_character_password_with_oaep_sha256()
    {
        using var services = Build(s =>
        {
            s["UserRegistry:McCrm:PublicKey"] = TestKeys.SmallKeyPem(768);
            s["UserRegistry:McCrm:Padding"] = "OaepSha256";
        });

        var error = await StartUpFails(services);

        Assert.That(error!.Failures, Has.One.StartsWith("UserRegistry:McCrm:PublicKey is a 768-bit key, too small"));
    }

    [Test]
    public async Task Start_up_accepts_the_same_small_key_with_pkcs1_padding()
    {
        using var services = Build(s => s["UserRegistry:McCrm:PublicKey"] = TestKeys.SmallKeyPem(768));

        await Assert.DoesNotThrowAsync(() => StartUp(services));
    }

    [Test]
    public async Task Start_up_rejects_a_token_with_spaces_without_printing_it()
    {
        const string token = "secret token value";
        using var services = Build(s => s["UserRegistry:McCrm:Token"] = token);

        var error = await StartUpFails(services);

        Assert.That(error!.Failures, Has.One.StartsWith("UserRegistry:McCrm:Token must"));
        Assert.That(error.Message, Does.Not.Contain(token));
    }

    [Test]
    public async Task Start_up_rejects_an_undefined_padding()
    {
        using var services = Build(s => s["UserRegistry:McCrm:Padding"] = "7");

        var error = await StartUpFails(services);

        Assert.That(error!.Failures, Has.One.StartsWith("UserRegistry:McCrm:Padding must be one of Pkcs1, OaepSha1, OaepSha256"));
    }

    [Test]
    public void Resolving_the_registry_with_bad_settings_fails_with_the_setting_path()
    {
        using var services = Build(s => s.Remove("UserRegistry:McCrm:BizName"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IUserRegistry>());

        Assert.That(error!.Message, Does.Contain("UserRegistry:McCrm:BizName is required."));
    }

    [Test]
    public async Task A_keyed_registry_names_its_own_section_in_messages()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Migration:Target:Provider"] = "McCrm",
            ["Migration:Target:McCrm:BaseUrl"] = McCrmTestHost.BaseUrl,
            ["Migration:Target:McCrm:PublicKey"] = TestKeys.PublicKeyPem,
            ["Migration:Target:McCrm:BizName"] = "TARGET",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddKeyedUserRegistry("target", configuration.GetSection("Migration:Target")).AddMcCrm();
        using var services = collection.BuildServiceProvider();

        var error = await StartUpFails(services);

        Assert.That(error!.Message, Does.Contain("Migration:Target:McCrm:Token is required."));
    }

    [Test]
    public async Task Settings_of_mc_crm_are_not_checked_when_another_provider_is_selected()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["UserRegistry:Provider"] = "Other",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddMcCrm()
            .AddProvider("Other", (_, _) => throw new NotSupportedException("not created by this test"));
        using var services = collection.BuildServiceProvider();

        await Assert.DoesNotThrowAsync(() => StartUp(services));
    }

    [Test]
    public void Options_bind_every_setting_under_the_registry_name()
    {
        using var services = Build(s =>
        {
            s["UserRegistry:McCrm:Padding"] = "OaepSha1";
            s["UserRegistry:McCrm:ChannelName"] = "partner-web";
        });

        var options = services.GetRequiredService<IOptionsMonitor<McCrmOptions>>().Get(Options.DefaultName);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.BaseUrl, Is.EqualTo(McCrmTestHost.BaseUrl));
            Assert.That(options.Token, Is.EqualTo(McCrmTestHost.Token));
            Assert.That(options.PublicKey, Is.EqualTo(TestKeys.PublicKeyPem));
            Assert.That(options.BizName, Is.EqualTo(McCrmTestHost.BizName));
            Assert.That(options.Padding, Is.EqualTo(McCrmPasswordPadding.OaepSha1));
            Assert.That(options.ChannelName, Is.EqualTo("partner-web"));
        }
    }

    [Test]
    public void Options_default_to_pkcs1_and_an_empty_channel()
    {
        var options = new McCrmOptions();

        Assert.That(options.Padding, Is.EqualTo(McCrmPasswordPadding.Pkcs1));
        Assert.That(options.ChannelName, Is.Empty);
    }

    private static async Task StartUp(ServiceProvider services) =>
        await services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(CancellationToken.None);

    private static Task<OptionsValidationException?> StartUpFails(ServiceProvider services) =>
        Assert.ThrowsAsync<OptionsValidationException>(() => StartUp(services));

    private static ServiceProvider Build(Action<Dictionary<string, string?>> configure)
    {
        var settings = McCrmTestHost.DefaultSettings();
        configure(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddMcCrm();
        return services.BuildServiceProvider();
    }
}
