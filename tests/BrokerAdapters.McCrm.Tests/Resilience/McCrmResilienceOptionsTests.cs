using System.Net;
using BrokerAdapters.McCrm.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;
using static BrokerAdapters.McCrm.Tests.Resilience.Resilient;

namespace BrokerAdapters.McCrm.Tests.Resilience;

/// <summary>The <c>UserRegistry:McCrm:Resilience</c> settings: binding, defaults, start-up validation, one set per registry.</summary>
public sealed class McCrmResilienceOptionsTests
{
    [Test]
    public void Every_setting_binds_from_the_Resilience_sub_section()
    {
        using var services = Build(s =>
        {
            s[Section + "Enabled"] = "false";
            s[Section + "MaxRetries"] = "5";
            s[Section + "RetryDelay"] = "00:00:00.200";
            s[Section + "MaxRetryDelay"] = "00:00:04";
            s[Section + "AttemptTimeout"] = "00:00:12";
            s[Section + "TotalTimeout"] = "00:00:40";
            s[Section + "CircuitBreaker:Enabled"] = "false";
            s[Section + "CircuitBreaker:FailureRatio"] = "0.75";
            s[Section + "CircuitBreaker:MinimumThroughput"] = "6";
            s[Section + "CircuitBreaker:SamplingDuration"] = "00:01:00";
            s[Section + "CircuitBreaker:BreakDuration"] = "00:00:03";
            s[Section + "RateLimit:PermitLimit"] = "50";
            s[Section + "RateLimit:Window"] = "00:00:30";
            s[Section + "RateLimit:QueueLimit"] = "9";
        });

        var options = Resilience(services);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Enabled, Is.False);
            Assert.That(options.MaxRetries, Is.EqualTo(5));
            Assert.That(options.RetryDelay, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
            Assert.That(options.MaxRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(4)));
            Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(12)));
            Assert.That(options.TotalTimeout, Is.EqualTo(TimeSpan.FromSeconds(40)));
            Assert.That(options.CircuitBreaker.Enabled, Is.False);
            Assert.That(options.CircuitBreaker.FailureRatio, Is.EqualTo(0.75));
            Assert.That(options.CircuitBreaker.MinimumThroughput, Is.EqualTo(6));
            Assert.That(options.CircuitBreaker.SamplingDuration, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(options.CircuitBreaker.BreakDuration, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(options.RateLimit.PermitLimit, Is.EqualTo(50));
            Assert.That(options.RateLimit.Window, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.RateLimit.QueueLimit, Is.EqualTo(9));
        }
    }

    [Test]
    public void Without_settings_MC_CRM_gets_the_defaults_and_no_rate_limit()
    {
        using var services = Build(s =>
        {
            s.Remove(Section + "RetryDelay");
            s.Remove(Section + "MaxRetryDelay");
        });

        var options = Resilience(services);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Enabled, Is.True);
            Assert.That(options.MaxRetries, Is.EqualTo(3));
            Assert.That(options.RetryDelay, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(options.MaxRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(options.TotalTimeout, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(options.CircuitBreaker.Enabled, Is.True);
            Assert.That(options.CircuitBreaker.FailureRatio, Is.EqualTo(0.5));
            Assert.That(options.CircuitBreaker.MinimumThroughput, Is.EqualTo(20));
            Assert.That(options.CircuitBreaker.SamplingDuration, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.CircuitBreaker.BreakDuration, Is.EqualTo(TimeSpan.FromSeconds(15)));
            Assert.That(options.RateLimit.PermitLimit, Is.Null);
            Assert.That(options.RateLimit.Window, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(options.RateLimit.QueueLimit, Is.EqualTo(10_000));
        }
    }

    [TestCase("TotalTimeout", "00:00:00.009", "TotalTimeout must be between 00:00:00.0100000 and 1.00:00:00.")]
    [TestCase("AttemptTimeout", "1.00:00:01", "AttemptTimeout must be between 00:00:00.0100000 and 1.00:00:00.")]
    [TestCase("AttemptTimeout", "00:01:31", "AttemptTimeout must not be longer than UserRegistry:McCrm:Resilience:TotalTimeout.")]
    [TestCase("MaxRetries", "11", "MaxRetries must be between 0 and 10.")]
    [TestCase("RetryDelay", "-00:00:01", "RetryDelay must be between 00:00:00 and 1.00:00:00.")]
    [TestCase("MaxRetryDelay", "00:00:00", "MaxRetryDelay must not be shorter than UserRegistry:McCrm:Resilience:RetryDelay.")]
    [TestCase("CircuitBreaker:FailureRatio", "-0.1", "CircuitBreaker:FailureRatio must be greater than 0 and at most 1.")]
    [TestCase("CircuitBreaker:MinimumThroughput", "0", "CircuitBreaker:MinimumThroughput must be at least 2.")]
    [TestCase("CircuitBreaker:SamplingDuration", "2.00:00:00", "CircuitBreaker:SamplingDuration must be between 00:00:00.5000000 and 1.00:00:00.")]
    [TestCase("CircuitBreaker:BreakDuration", "00:00:00", "CircuitBreaker:BreakDuration must be between 00:00:00.5000000 and 1.00:00:00.")]
    [TestCase("RateLimit:PermitLimit", "-3", "RateLimit:PermitLimit must be positive, or empty for no limit.")]
    [TestCase("RateLimit:Window", "00:00:00.001", "RateLimit:Window must be between 00:00:00.0100000 and 1.00:00:00.")]
    [TestCase("RateLimit:QueueLimit", "-1", "RateLimit:QueueLimit must not be negative.")]
    public async Task A_bad_setting_fails_start_up_named_by_its_full_path(string setting, string value, string message)
    {
        using var services = Build(s => s[Section + setting] = value);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Failures, Has.Member(Section + message));
    }

    [Test]
    public async Task Keyed_registries_each_get_the_pipeline_of_their_own_section()
    {
        using var source = new MockHttpMessageHandler();
        using var target = new MockHttpMessageHandler();
        var sourceCalls = 0;
        var targetCalls = 0;
        source.When(HttpMethod.Post, QueryUidUrl).Respond(_ =>
        {
            Interlocked.Increment(ref sourceCalls);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        });
        target.When(HttpMethod.Post, QueryUidUrl).Respond(_ =>
        {
            Interlocked.Increment(ref targetCalls);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        });
        var settings = new Dictionary<string, string?>();
        AddRegistry(settings, "Migration:Source", ("MaxRetries", "0"), ("CircuitBreaker:FailureRatio", "0.5"), ("CircuitBreaker:MinimumThroughput", "2"));
        AddRegistry(settings, "Migration:Target", ("MaxRetries", "2"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddKeyedUserRegistry("source", configuration.GetSection("Migration:Source"))
            .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(() => source));
        collection.AddKeyedUserRegistry("target", configuration.GetSection("Migration:Target"))
            .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(() => target));
        using var services = collection.BuildServiceProvider();
        var sourceRegistry = services.GetRequiredKeyedService<IUserRegistry>("source");
        var targetRegistry = services.GetRequiredKeyedService<IUserRegistry>("target");

        var sourceErrors = new List<UserRegistryException>();
        var targetErrors = new List<UserRegistryException>();
        for (var i = 0; i < 3; i++)
        {
            sourceErrors.Add((await Assert.ThrowsAsync<UserRegistryException>(() => sourceRegistry.FindAsync(Uid)))!);
            targetErrors.Add((await Assert.ThrowsAsync<UserRegistryException>(() => targetRegistry.FindAsync(Uid)))!);
        }

        Assert.That(sourceErrors.Select(e => e.HttpStatus), Is.EqualTo(new int?[] { 503, 503, null }), "the source's circuit opened after two failures");
        Assert.That(sourceCalls, Is.EqualTo(2), "the source never retries");
        Assert.That(targetErrors.Select(e => e.HttpStatus), Is.EqualTo(new int?[] { 503, 503, 503 }), "the target's circuit is its own");
        Assert.That(targetCalls, Is.EqualTo(9), "the target retries twice");
    }

    [Test]
    public async Task A_keyed_registry_names_its_own_section_in_messages()
    {
        var settings = new Dictionary<string, string?>();
        AddRegistry(settings, "Migration:Target", ("MaxRetries", "99"), ("CircuitBreaker:SamplingDuration", "00:00:00.100"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddKeyedUserRegistry("target", configuration.GetSection("Migration:Target")).AddMcCrm();
        using var services = collection.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Failures, Is.SupersetOf(new[]
        {
            "Migration:Target:McCrm:Resilience:MaxRetries must be between 0 and 10.",
            "Migration:Target:McCrm:Resilience:CircuitBreaker:SamplingDuration must be between 00:00:00.5000000 and 1.00:00:00.",
        }));
    }

    private static ProviderResilienceOptions Resilience(ServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<McCrmOptions>>().Get(Options.DefaultName).Resilience;

    private static ServiceProvider Build(Action<Dictionary<string, string?>> configure)
    {
        var settings = McCrmTestHost.DefaultSettings();
        configure(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddMcCrm();
        return services.BuildServiceProvider();
    }

    /// <summary>The test host's settings under <paramref name="section"/>, with some resilience settings of its own.</summary>
    private static void AddRegistry(Dictionary<string, string?> settings, string section, params (string Setting, string Value)[] resilience)
    {
        foreach (var (key, value) in McCrmTestHost.DefaultSettings())
        {
            settings[section + key["UserRegistry".Length..]] = value;
        }

        foreach (var (setting, value) in resilience)
        {
            settings[section + ":McCrm:Resilience:" + setting] = value;
        }
    }
}
