using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

public sealed class ExampleCrmOptionsTests
{
    [Test]
    public async Task Start_up_names_every_missing_setting_by_its_full_path()
    {
        using var services = Build(s =>
        {
            s.Remove("UserRegistry:ExampleCrm:BaseUrl");
            s.Remove("UserRegistry:ExampleCrm:ApiKey");
        });

        var error = await StartUpFails(services);

        Assert.That(error!.Failures, Is.EqualTo(new[]
        {
            "UserRegistry:ExampleCrm:BaseUrl is required.",
            "UserRegistry:ExampleCrm:ApiKey is required.",
        }));
    }

    [TestCase("ftp://api.example-crm.example/")]
    [TestCase("api.example-crm.example")]
    [TestCase("https://user:pass@api.example-crm.example/")]
    [TestCase("https://api.example-crm.example/?tenant=1")]
    public async Task Start_up_rejects_a_base_url_that_is_not_a_plain_http_url_without_repeating_it(string baseUrl)
    {
        using var services = Build(s => s["UserRegistry:ExampleCrm:BaseUrl"] = baseUrl);

        var error = await StartUpFails(services);

        Assert.That(error!.Failures, Is.EqualTo(new[] { "UserRegistry:ExampleCrm:BaseUrl must be an absolute http or https URL without credentials, query or fragment." }));
    }

    [TestCase("ek test")]
    [TestCase("ek_tëst")]
    public async Task Start_up_rejects_an_api_key_that_cannot_travel_in_a_header_without_repeating_it(string key)
    {
        using var services = Build(s => s["UserRegistry:ExampleCrm:ApiKey"] = key);

        var error = await StartUpFails(services);

        Assert.That(error!.Message, Does.Contain("UserRegistry:ExampleCrm:ApiKey must be printable ASCII without spaces.").And.Not.Contain(key));
    }

    [TestCase("00:00:00")]
    [TestCase("00:10:01")]
    public async Task Start_up_rejects_a_timeout_out_of_range(string timeout)
    {
        using var services = Build(s => s["UserRegistry:ExampleCrm:Timeout"] = timeout);

        var error = await StartUpFails(services);

        Assert.That(error!.Failures, Is.EqualTo(new[] { "UserRegistry:ExampleCrm:Timeout must be more than zero and at most 10 minutes." }));
    }

    [Test]
    public async Task Settings_of_example_crm_are_not_checked_when_another_provider_is_selected()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["UserRegistry:Provider"] = "Other" }).Build();
        var collection = new ServiceCollection();
        collection.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddExampleCrm()
            .AddProvider("Other", (_, _) => new ExampleCrmUserRegistryStub());
        using var services = collection.BuildServiceProvider();

        await StartUp(services);

        Assert.That(services.GetRequiredService<IUserRegistry>(), Is.InstanceOf<ExampleCrmUserRegistryStub>());
    }

    [Test]
    public async Task A_keyed_registry_uses_its_own_section_and_client()
    {
        var source = new ExampleCrmEmulator();
        var target = new ExampleCrmEmulator();
        var settings = new Dictionary<string, string?>(source.ToConfiguration("Migration:Source"));
        foreach (var (key, value) in target.ToConfiguration("Migration:Target"))
        {
            settings[key] = value;
        }

        settings["Migration:Target:ExampleCrm:BaseUrl"] = "https://target.example-crm.example/";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddKeyedUserRegistry("source", configuration.GetSection("Migration:Source"))
            .AddExampleCrm(http => http.ConfigurePrimaryHttpMessageHandler(source.CreateHandler));
        collection.AddKeyedUserRegistry("target", configuration.GetSection("Migration:Target"))
            .AddExampleCrm(http => http.ConfigurePrimaryHttpMessageHandler(target.CreateHandler));
        using var services = collection.BuildServiceProvider();
        target.Mock.When("https://target.example-crm.example/*").Respond(_ => new HttpResponseMessage(System.Net.HttpStatusCode.Created)
        {
            Content = new StringContent("""{"id":"cus_t1"}"""),
        });

        await services.GetRequiredKeyedService<IUserRegistry>("source").RegisterAsync(ExampleCrmWireTests.Ann());
        var copied = await services.GetRequiredKeyedService<IUserRegistry>("target").RegisterAsync(ExampleCrmWireTests.Ann());

        Assert.That(source.Customers, Has.Count.EqualTo(1));
        Assert.That(copied.Customer.Id, Is.EqualTo("cus_t1"));
        Assert.That(target.Customers, Is.Empty);
    }

    [Test]
    public void ToString_never_prints_the_api_key()
    {
        var options = new ExampleCrmOptions { BaseUrl = "https://api.example-crm.example/", ApiKey = "ek_live_0d9e" };

        Assert.That(options.ToString(), Is.EqualTo("ExampleCrmOptions { BaseUrl = https://api.example-crm.example/, Timeout = 00:00:30, ApiKey = *** }"));
    }

    [Test]
    public void The_mapping_gives_every_member_of_the_unified_model_and_the_wire_a_source()
    {
        Assert.DoesNotThrow(() => ExampleCrmMapper.CreateConfig());
    }

    private static async Task StartUp(ServiceProvider services) =>
        await services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(CancellationToken.None);

    private static Task<OptionsValidationException?> StartUpFails(ServiceProvider services) =>
        Assert.ThrowsAsync<OptionsValidationException>(() => StartUp(services));

    private static ServiceProvider Build(Action<Dictionary<string, string?>> configure)
    {
        var settings = new Dictionary<string, string?>
        {
            ["UserRegistry:Provider"] = "ExampleCrm",
            ["UserRegistry:ExampleCrm:BaseUrl"] = "https://api.example-crm.example/",
            ["UserRegistry:ExampleCrm:ApiKey"] = "ek_test_4f9a1c",
        };
        configure(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddExampleCrm();
        return services.BuildServiceProvider();
    }

    /// <summary>Another provider, only to be selected instead of Example CRM.</summary>
    private sealed class ExampleCrmUserRegistryStub : IUserRegistry
    {
        public UserRegistryDescriptor Descriptor { get; } = new("Other", UserRegistryCapabilities.Register);

        public Task<CustomerRegistration> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> ExistsAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Customer?> FindAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<Customer> ListAsync(CustomerQuery? query = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AuthenticatedCustomer> AuthenticateAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
