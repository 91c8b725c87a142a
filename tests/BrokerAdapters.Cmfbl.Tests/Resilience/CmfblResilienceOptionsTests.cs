using System.Net;
using BrokerAdapters.Testing.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static BrokerAdapters.Cmfbl.Tests.Resilience.Resilient;

namespace BrokerAdapters.Cmfbl.Tests.Resilience;

/// <summary>The <c>UserRegistry:Cmfbl:Resilience</c> settings: binding, defaults, start-up validation, one set per registry.</summary>
public sealed class CmfblResilienceOptionsTests
{
    [Test]
    public void Every_setting_binds_from_the_Resilience_sub_section()
    {
        using var services = Build(s =>
        {
            s[Section + "Enabled"] = "false";
            s[Section + "MaxRetries"] = "7";
            s[Section + "RetryDelay"] = "00:00:00.250";
            s[Section + "MaxRetryDelay"] = "00:00:09";
            s[Section + "AttemptTimeout"] = "00:00:05";
            s[Section + "TotalTimeout"] = "00:02:00";
            s[Section + "CircuitBreaker:Enabled"] = "false";
            s[Section + "CircuitBreaker:FailureRatio"] = "0.25";
            s[Section + "CircuitBreaker:MinimumThroughput"] = "8";
            s[Section + "CircuitBreaker:SamplingDuration"] = "00:00:45";
            s[Section + "CircuitBreaker:BreakDuration"] = "00:00:07";
            s[Section + "RateLimit:PermitLimit"] = "120";
            s[Section + "RateLimit:Window"] = "00:00:10";
            s[Section + "RateLimit:QueueLimit"] = "33";
        });

        var options = Resilience(services);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Enabled, Is.False);
            Assert.That(options.MaxRetries, Is.EqualTo(7));
            Assert.That(options.RetryDelay, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(options.MaxRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(9)));
            Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(options.TotalTimeout, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(options.CircuitBreaker.Enabled, Is.False);
            Assert.That(options.CircuitBreaker.FailureRatio, Is.EqualTo(0.25));
            Assert.That(options.CircuitBreaker.MinimumThroughput, Is.EqualTo(8));
            Assert.That(options.CircuitBreaker.SamplingDuration, Is.EqualTo(TimeSpan.FromSeconds(45)));
            Assert.That(options.CircuitBreaker.BreakDuration, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(options.RateLimit.PermitLimit, Is.EqualTo(120));
            Assert.That(options.RateLimit.Window, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(options.RateLimit.QueueLimit, Is.EqualTo(33));
        }
    }

    [Test]
    public void Without_settings_CMFBL_gets_the_defaults_and_its_documented_300_requests_a_minute()
    {
        using var services = Build(s =>
        {
            s.Remove(Section + "RetryDelay");
            s.Remove(Section + "MaxRetryDelay");
            s.Remove(Section + "RateLimit:PermitLimit");
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
            Assert.That(options.RateLimit.PermitLimit, Is.EqualTo(CmfblOptions.DocumentedRateLimit).And.EqualTo(300));
            Assert.That(options.RateLimit.Window, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(options.RateLimit.QueueLimit, Is.EqualTo(10_000));
        }
    }

    [Test]
    public async Task An_empty_PermitLimit_turns_the_client_side_limit_off()
    {
        using var services = Build(s =>
        {
            s[Section + "RateLimit:PermitLimit"] = string.Empty;
            s[Section + "RateLimit:QueueLimit"] = "0";
        });

        await services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync();
        Assert.That(Resilience(services).RateLimit.PermitLimit, Is.Null);
    }

    [TestCase("TotalTimeout", "00:00:00.005", "TotalTimeout must be between 00:00:00.0100000 and 1.00:00:00.")]
    [TestCase("TotalTimeout", "1.00:00:01", "TotalTimeout must be between 00:00:00.0100000 and 1.00:00:00.")]
    [TestCase("AttemptTimeout", "00:00:00", "AttemptTimeout must be between 00:00:00.0100000 and 1.00:00:00.")]
    [TestCase("AttemptTimeout", "00:02:00", "AttemptTimeout must not be longer than UserRegistry:Cmfbl:Resilience:TotalTimeout.")]
    [TestCase("MaxRetries", "-1", "MaxRetries must be between 0 and 10.")]
    [TestCase("MaxRetries", "11", "MaxRetries must be between 0 and 10.")]
    [TestCase("RetryDelay", "-00:00:00.001", "RetryDelay must be between 00:00:00 and 1.00:00:00.")]
    [TestCase("RetryDelay", "00:00:01", "MaxRetryDelay must not be shorter than UserRegistry:Cmfbl:Resilience:RetryDelay.")]
    [TestCase("MaxRetryDelay", "1.00:00:01", "MaxRetryDelay must be between 00:00:00 and 1.00:00:00.")]
    [TestCase("CircuitBreaker:FailureRatio", "0", "CircuitBreaker:FailureRatio must be greater than 0 and at most 1.")]
    [TestCase("CircuitBreaker:FailureRatio", "1.5", "CircuitBreaker:FailureRatio must be greater than 0 and at most 1.")]
    [TestCase("CircuitBreaker:FailureRatio", "NaN", "CircuitBreaker:FailureRatio must be greater than 0 and at most 1.")]
    [TestCase("CircuitBreaker:MinimumThroughput", "1", "CircuitBreaker:MinimumThroughput must be at least 2.")]
    [TestCase("CircuitBreaker:SamplingDuration", "00:00:00.499", "CircuitBreaker:SamplingDuration must be between 00:00:00.5000000 and 1.00:00:00.")]
    [TestCase("CircuitBreaker:BreakDuration", "00:00:00.100", "CircuitBreaker:BreakDuration must be between 00:00:00.5000000 and 1.00:00:00.")]
    [TestCase("CircuitBreaker:BreakDuration", "2.00:00:00", "CircuitBreaker:BreakDuration must be between 00:00:00.5000000 and 1.00:00:00.")]
    [TestCase("RateLimit:PermitLimit", "0", "RateLimit:PermitLimit must be positive, or empty for no limit.")]
    [TestCase("RateLimit:Window", "00:00:00", "RateLimit:Window must be between 00:00:00.0100000 and 1.00:00:00.")]
    [TestCase("RateLimit:QueueLimit", "-1", "RateLimit:QueueLimit must not be negative.")]
    public async Task A_bad_setting_fails_start_up_named_by_its_full_path(string setting, string value, string message)
    {
        using var services = Build(s => s[Section + setting] = value);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Failures, Has.Member(Section + message));
    }

    [Test]
    public async Task Every_bad_setting_is_reported_at_once()
    {
        using var services = Build(s =>
        {
            s[Section + "MaxRetries"] = "12";
            s[Section + "CircuitBreaker:MinimumThroughput"] = "0";
            s[Section + "RateLimit:QueueLimit"] = "-5";
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Failures, Is.SupersetOf(new[]
        {
            "UserRegistry:Cmfbl:Resilience:MaxRetries must be between 0 and 10.",
            "UserRegistry:Cmfbl:Resilience:CircuitBreaker:MinimumThroughput must be at least 2.",
            "UserRegistry:Cmfbl:Resilience:RateLimit:QueueLimit must not be negative.",
        }));
    }

    [TestCase("MaxRetries", "0", "RetryDelay", "00:00:00", "MaxRetryDelay", "00:00:00", "AttemptTimeout", "00:00:00.010", "TotalTimeout", "00:00:00.010",
        "CircuitBreaker:FailureRatio", "1", "CircuitBreaker:MinimumThroughput", "2", "CircuitBreaker:SamplingDuration", "00:00:00.500",
        "CircuitBreaker:BreakDuration", "00:00:00.500", "RateLimit:PermitLimit", "1", "RateLimit:Window", "00:00:00.010", "RateLimit:QueueLimit", "0")]
    [TestCase("MaxRetries", "10", "RetryDelay", "1.00:00:00", "MaxRetryDelay", "1.00:00:00", "AttemptTimeout", "1.00:00:00", "TotalTimeout", "1.00:00:00",
        "CircuitBreaker:FailureRatio", "0.001", "CircuitBreaker:MinimumThroughput", "2147483647", "CircuitBreaker:SamplingDuration", "1.00:00:00",
        "CircuitBreaker:BreakDuration", "1.00:00:00", "RateLimit:PermitLimit", "2147483647", "RateLimit:Window", "1.00:00:00", "RateLimit:QueueLimit", "2147483647")]
    public async Task Settings_at_the_ends_of_their_ranges_pass_start_up_and_build_a_working_pipeline(params string[] pairs)
    {
        var settings = new (string Setting, string? Value)[pairs.Length / 2];
        for (var i = 0; i < settings.Length; i++)
        {
            settings[i] = (pairs[2 * i], pairs[(2 * i) + 1]);
        }

        using var host = Host(settings);
        host.Provider.Answer(ExistsUrl, _ => ExistsYes());

        await host.Services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync();
        Assert.That(await host.Registry.ExistsAsync(Number), Is.True);
    }

    [Test]
    public async Task Keyed_registries_each_get_the_pipeline_of_their_own_section()
    {
        using var source = new FakeProvider();
        using var target = new FakeProvider();
        var settings = new Dictionary<string, string?>();
        AddRegistry(settings, "Migration:Source", ("MaxRetries", "0"), ("CircuitBreaker:FailureRatio", "0.5"), ("CircuitBreaker:MinimumThroughput", "2"));
        AddRegistry(settings, "Migration:Target", ("MaxRetries", "2"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddKeyedUserRegistry("source", configuration.GetSection("Migration:Source"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(() => source.Handler));
        collection.AddKeyedUserRegistry("target", configuration.GetSection("Migration:Target"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(() => target.Handler));
        using var services = collection.BuildServiceProvider();
        foreach (var provider in new[] { source, target })
        {
            provider.AnswerJson(AuthUrl, CmfblTestHost.Fixture("auth.response.json"));
            provider.Answer(ExistsUrl, _ => Status(HttpStatusCode.ServiceUnavailable));
        }

        var sourceRegistry = services.GetRequiredKeyedService<IUserRegistry>("source");
        var targetRegistry = services.GetRequiredKeyedService<IUserRegistry>("target");
        var sourceFailed = await Assert.ThrowsAsync<UserRegistryException>(() => sourceRegistry.ExistsAsync(Number));
        var sourceOpen = await Assert.ThrowsAsync<UserRegistryException>(() => sourceRegistry.ExistsAsync(Number));
        var targetFailed = await Assert.ThrowsAsync<UserRegistryException>(() => targetRegistry.ExistsAsync(Number));
        var targetFailedAgain = await Assert.ThrowsAsync<UserRegistryException>(() => targetRegistry.ExistsAsync(Number));

        Assert.That(services.GetRequiredService<IOptionsMonitor<CmfblOptions>>().Get("source").Resilience.MaxRetries, Is.Zero);
        Assert.That(services.GetRequiredService<IOptionsMonitor<CmfblOptions>>().Get("target").Resilience.MaxRetries, Is.EqualTo(2));
        Assert.That(sourceFailed!.HttpStatus, Is.EqualTo(503));
        Assert.That(sourceOpen!.HttpStatus, Is.Null, "the source's circuit opened after one failure in two attempts");
        Assert.That(targetFailed!.HttpStatus, Is.EqualTo(503));
        Assert.That(targetFailedAgain!.HttpStatus, Is.EqualTo(503), "the target's circuit is its own");
        Assert.That(Urls(source), Is.EqualTo(new[] { AuthUrl, ExistsUrl }));
        Assert.That(Urls(target), Is.EqualTo(new[] { AuthUrl }.Concat(Repeat(ExistsUrl, 6))));
    }

    [Test]
    public async Task A_keyed_registry_names_its_own_section_in_messages()
    {
        var settings = new Dictionary<string, string?>();
        AddRegistry(settings, "Migration:Source", ("CircuitBreaker:FailureRatio", "2"), ("RateLimit:PermitLimit", "-1"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddKeyedUserRegistry("source", configuration.GetSection("Migration:Source")).AddCmfbl();
        using var services = collection.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());

        Assert.That(ex!.Failures, Is.SupersetOf(new[]
        {
            "Migration:Source:Cmfbl:Resilience:CircuitBreaker:FailureRatio must be greater than 0 and at most 1.",
            "Migration:Source:Cmfbl:Resilience:RateLimit:PermitLimit must be positive, or empty for no limit.",
        }));
    }

    private static ProviderResilienceOptions Resilience(ServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<CmfblOptions>>().Get(Options.DefaultName).Resilience;

    private static ServiceProvider Build(Action<Dictionary<string, string?>> configure)
    {
        var settings = CmfblTestHost.DefaultSettings();
        configure(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl();
        return services.BuildServiceProvider();
    }

    /// <summary>The test host's settings under <paramref name="section"/>, with some resilience settings of its own.</summary>
    private static void AddRegistry(Dictionary<string, string?> settings, string section, params (string Setting, string Value)[] resilience)
    {
        foreach (var (key, value) in CmfblTestHost.DefaultSettings())
        {
            settings[section + key["UserRegistry".Length..]] = value;
        }

        foreach (var (setting, value) in resilience)
        {
            settings[section + ":Cmfbl:Resilience:" + setting] = value;
        }
    }
}
