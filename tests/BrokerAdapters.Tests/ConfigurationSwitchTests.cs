using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrokerAdapters.Tests;

public sealed class ConfigurationSwitchTests
{
    /// <summary>Application code that knows only the neutral contract.</summary>
    private sealed class SignupService(IUserRegistry registry)
    {
        public async Task<Customer> SignUpAsync() => (await registry.RegisterAsync(new NewCustomer
        {
            Email = "chan.tai.man@example.com",
            Phone = new PhoneNumber("+852", "98763237"),
            Password = "a123456",
            Country = "HK",
        })).Customer;
    }

    [Test]
    public async Task The_same_application_code_registers_on_Cmfbl_when_configured()
    {
        using var host = RegistryHost.ForProvider("Cmfbl");

        var customer = await new SignupService(host.Services.GetRequiredService<IUserRegistry>()).SignUpAsync();

        Assert.That(customer.Provider, Is.EqualTo("Cmfbl"));
        Assert.That(customer.Number, Is.EqualTo("86021976"));
        Assert.That(host.Cmfbl.Requests, Is.Not.Empty);
        Assert.That(host.McCrm.Requests, Is.Empty);
    }

    [Test]
    public async Task The_same_application_code_registers_on_McCrm_when_configured()
    {
        using var host = RegistryHost.ForProvider("McCrm");

        var customer = await new SignupService(host.Services.GetRequiredService<IUserRegistry>()).SignUpAsync();

        Assert.That(customer.Provider, Is.EqualTo("McCrm"));
        Assert.That(host.McCrm.Requests.Single().Uri.ToString(), Is.EqualTo("https://mccrm.test/mc-crm/openapi/v1/user/signup"));
        Assert.That(host.Cmfbl.Requests, Is.Empty);
    }

    [TestCase("cmfbl", "Cmfbl")]
    [TestCase("MCCRM", "McCrm")]
    [TestCase(" McCrm ", "McCrm")]
    public void The_provider_name_is_case_insensitive(string configured, string expected)
    {
        using var host = RegistryHost.ForProvider(configured);

        Assert.That(host.Services.GetRequiredService<IUserRegistry>().Descriptor.ProviderName, Is.EqualTo(expected));
    }

    [Test]
    public void The_registry_is_a_singleton()
    {
        using var host = RegistryHost.ForProvider("Cmfbl");

        var first = host.Services.GetRequiredService<IUserRegistry>();
        var second = host.Services.GetRequiredService<IUserRegistry>();

        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public async Task Two_keyed_registries_coexist_with_their_own_providers_and_settings()
    {
        var json = $$"""{ "Migration": { "Source": {{RegistryHost.Section("Cmfbl")}}, "Target": {{RegistryHost.Section("McCrm")}} } }""";
        using var host = RegistryHost.Create(json, (services, configuration, h) =>
        {
            services.AddKeyedUserRegistry("source", configuration.GetSection("Migration:Source"))
                .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(() => h.Cmfbl.Handler))
                .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(() => h.McCrm.Handler));
            services.AddKeyedUserRegistry("target", configuration.GetSection("Migration:Target"))
                .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(() => h.Cmfbl.Handler))
                .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(() => h.McCrm.Handler));
        });

        var source = host.Services.GetRequiredKeyedService<IUserRegistry>("source");
        var target = host.Services.GetRequiredKeyedService<IUserRegistry>("target");
        await host.Services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync();

        Assert.That(source.Descriptor.ProviderName, Is.EqualTo("Cmfbl"));
        Assert.That(target.Descriptor.ProviderName, Is.EqualTo("McCrm"));
        Assert.That(host.Services.GetService<IUserRegistry>(), Is.Null, "no default registry was added");
        Assert.That(host.Services.GetRequiredKeyedService<BrokerAdapters.Cmfbl.ICmfblUserRegistry>("source"), Is.SameAs(source));
        await source.RegisterAsync(new NewCustomer { Phone = new PhoneNumber("+852", "98763237"), Password = "a123456", Country = "HK" });
        await target.RegisterAsync(new NewCustomer { Email = "a@example.com", Password = "a123456" });
        Assert.That(host.Cmfbl.Requests, Is.Not.Empty);
        Assert.That(host.McCrm.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_default_and_a_keyed_registry_coexist()
    {
        var json = $$"""{ "UserRegistry": {{RegistryHost.Section("McCrm")}}, "Audit": {{RegistryHost.Section("Cmfbl")}} }""";
        using var host = RegistryHost.Create(json, (services, configuration, h) =>
        {
            services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm();
            services.AddKeyedUserRegistry("audit", configuration.GetSection("Audit")).AddCmfbl().AddMcCrm();
        });

        Assert.That(host.Services.GetRequiredService<IUserRegistry>().Descriptor.ProviderName, Is.EqualTo("McCrm"));
        Assert.That(host.Services.GetRequiredKeyedService<IUserRegistry>("audit").Descriptor.ProviderName, Is.EqualTo("Cmfbl"));
    }

    [Test]
    public void The_cmfbl_interface_is_refused_with_a_clear_message_when_another_provider_is_selected()
    {
        using var host = RegistryHost.ForProvider("McCrm");

        var ex = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<BrokerAdapters.Cmfbl.ICmfblUserRegistry>());

        Assert.That(ex!.Message, Does.Contain("UserRegistry:Provider").And.Contain("McCrm"));
    }

    [Test]
    public async Task An_unknown_provider_fails_at_start_up_naming_the_setting_and_the_known_ones()
    {
        using var host = RegistryHost.ForProvider("Acme");

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Message, Does.Contain("UserRegistry:Provider 'Acme' is not a known provider").And.Contain("Cmfbl, McCrm"));
    }

    [Test]
    public async Task A_missing_provider_fails_at_start_up()
    {
        using var host = RegistryHost.Create("""{ "UserRegistry": { } }""", (services, configuration, _) =>
            services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm());

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Message, Does.Contain("UserRegistry:Provider is required"));
    }

    [Test]
    public async Task A_registry_without_providers_fails_at_start_up_with_advice()
    {
        using var host = RegistryHost.Create("""{ "UserRegistry": { "Provider": "Cmfbl" } }""", (services, configuration, _) =>
            services.AddUserRegistry(configuration.GetSection("UserRegistry")));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Message, Does.Contain("AddCmfbl()"));
    }

    [Test]
    public async Task Only_the_selected_providers_settings_are_validated()
    {
        // The MC-CRM section is incomplete, but the registry uses CMFBL.
        var json = """
            { "UserRegistry": { "Provider": "Cmfbl",
                "Cmfbl": { "BaseUrl": "https://cmfbl.test", "CompanyId": "360", "AppId": "a", "AppSecret": "s" },
                "McCrm": { "BaseUrl": "not a url" } } }
            """;
        using var host = RegistryHost.Create(json, (services, configuration, _) =>
            services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm());

        await host.Services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync();

        Assert.That(host.Services.GetRequiredService<IUserRegistry>().Descriptor.ProviderName, Is.EqualTo("Cmfbl"));
    }

    [Test]
    public async Task The_selected_providers_invalid_settings_fail_at_start_up_with_their_full_path()
    {
        var json = """
            { "Migration": { "Target": { "Provider": "McCrm", "McCrm": { "BaseUrl": "https://mccrm.test", "BizName": "MFT" } } } }
            """;
        using var host = RegistryHost.Create(json, (services, configuration, _) =>
            services.AddKeyedUserRegistry("target", configuration.GetSection("Migration:Target")).AddCmfbl().AddMcCrm());

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Failures, Has.Some.Contains("Migration:Target:McCrm:Token"));
        Assert.That(ex.Failures, Has.Some.Contains("Migration:Target:McCrm:PublicKey"));
    }

    [Test]
    public void Resolving_an_invalid_registry_without_a_host_still_fails_with_the_setting_name()
    {
        using var host = RegistryHost.ForProvider("Nope");

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IUserRegistry>());

        Assert.That(ex!.Message, Does.Contain("UserRegistry:Provider"));
    }

    [Test]
    public void Adding_the_same_provider_twice_to_one_registry_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["R:Provider"] = "Cmfbl" }).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("R")).AddCmfbl().AddCmfbl();
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IUserRegistry>(), Throws.InvalidOperationException.With.Message.Contains("twice"));
    }
}
