using BrokerAdapters.Testing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BrokerAdapters.Cmfbl.Tests.Tokens;

/// <summary>How registries obtain, share and renew the admin token through a token store, against the emulator.</summary>
public sealed class CmfblSharedTokenTests
{
    public enum StoreKind
    {
        /// <summary>No store registered: each registry keeps its token in memory.</summary>
        Default,

        /// <summary><c>AddCmfblDistributedTokenStore()</c> over a memory <c>IDistributedCache</c>.</summary>
        Distributed,

        /// <summary>A store of the application's own, registered as <see cref="ICmfblTokenStore"/>.</summary>
        Custom,
    }

    private const string ExpiredCode = "GGATEWAY_CODE_017";

    [TestCase(StoreKind.Default)]
    [TestCase(StoreKind.Distributed)]
    [TestCase(StoreKind.Custom)]
    public async Task Fifty_concurrent_calls_meeting_an_expired_token_share_one_authentication_and_each_is_replayed_once(StoreKind kind)
    {
        const int callers = 50;
        var (emulator, company) = Emulator();
        var customer = company.Seed(FakeCustomers.Generate(1, seed: 3)[0]);
        var gate = new RequestGate(CmfblUserRegistry.ExistsBizType, callers);
        var custom = new RecordingTokenStore();
        using var app = EmulatedInstance.Start(emulator, company, services => AddStore(services, kind, custom, SharedCache()), http => http.AddHttpMessageHandler(gate.CreateHandler));
        await app.Cmfbl.GetCustomerGroupsAsync();
        var first = EmulatedInstance.TokensSent(emulator, CmfblUserRegistry.GroupListBizType).Single();
        company.ExpireTokens();
        gate.Armed = true;

        var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ =>
            Task.Run(() => app.Registry.ExistsAsync(CustomerLookup.ByNumber(customer.CustomerNo)))));

        Assert.That(results, Has.Length.EqualTo(callers).And.All.True);
        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(2));
        var sent = EmulatedInstance.TokensSent(emulator, CmfblUserRegistry.ExistsBizType);
        var renewed = sent.Distinct().Single(t => t != first);
        Assert.That(sent.Count(t => t == first), Is.EqualTo(callers));
        Assert.That(sent.Count(t => t == renewed), Is.EqualTo(callers));
        Assert.That(emulator.Requests.Count(r => r.ErrorCode == ExpiredCode), Is.EqualTo(callers));
        if (kind == StoreKind.Custom)
        {
            // Read and written once for the first token and once for the renewal; the waiters never reach the store.
            Assert.That(custom.Count("get"), Is.EqualTo(2));
            Assert.That(custom.Count("set"), Is.EqualTo(2));
            Assert.That(custom.Entries.Values.Single().Token, Is.EqualTo(renewed));
        }
    }

    [TestCase(StoreKind.Distributed)]
    [TestCase(StoreKind.Custom)]
    public async Task Two_application_instances_sharing_a_store_authenticate_once_and_renew_once_between_them(StoreKind kind)
    {
        var (emulator, company) = Emulator();
        var cache = SharedCache();
        var custom = new RecordingTokenStore();
        using var a = EmulatedInstance.Start(emulator, company, services => AddStore(services, kind, custom, cache));
        using var b = EmulatedInstance.Start(emulator, company, services => AddStore(services, kind, custom, cache));

        await a.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));
        await b.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));

        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(1));
        var first = EmulatedInstance.TokensSent(emulator, CmfblUserRegistry.ExistsBizType);
        Assert.That(first, Has.Length.EqualTo(2));
        Assert.That(first[1], Is.EqualTo(first[0]), "the second instance uses the token the first one stored");

        company.ExpireTokens();
        await a.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));
        await b.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));

        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(2));
        Assert.That(company.TokensIssued, Is.EqualTo(2));
        var sent = EmulatedInstance.TokensSent(emulator, CmfblUserRegistry.ExistsBizType);
        // a: expired, renewed, replayed; b: expired, takes a's renewed token from the store, replayed.
        Assert.That(sent[2..], Is.EqualTo(new[] { first[0], sent[3], first[0], sent[3] }));
        Assert.That(sent[3], Is.Not.EqualTo(first[0]));
        Assert.That(emulator.Requests.Count(r => r.ErrorCode == ExpiredCode), Is.EqualTo(2));
        Assert.That(b.Logs.All, Does.Contain("CMFBL admin token for company 360 taken from the token store"));
    }

    [Test]
    public async Task Without_a_store_each_registry_keeps_its_own_token_and_with_one_they_share_it()
    {
        var (emulator, company) = Emulator();
        using (var alone = TwoKeyedRegistries(emulator, company, company, services => { }))
        {
            await alone.GetRequiredKeyedService<IUserRegistry>("a").ExistsAsync(CustomerLookup.ByNumber("86000001"));
            await alone.GetRequiredKeyedService<IUserRegistry>("b").ExistsAsync(CustomerLookup.ByNumber("86000001"));
        }

        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(2));
        emulator.ClearRequests();

        using (var shared = TwoKeyedRegistries(emulator, company, company, services => services.AddDistributedMemoryCache().AddCmfblDistributedTokenStore()))
        {
            await shared.GetRequiredKeyedService<IUserRegistry>("a").ExistsAsync(CustomerLookup.ByNumber("86000001"));
            await shared.GetRequiredKeyedService<IUserRegistry>("b").ExistsAsync(CustomerLookup.ByNumber("86000001"));
        }

        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(1));
    }

    [Test]
    public async Task A_keyed_registry_uses_the_store_keyed_like_it_before_the_shared_one_and_keys_never_hold_the_secret()
    {
        var emulator = new CmfblEmulator();
        var first = emulator.AddCompany("360");
        var second = emulator.AddCompany("361");
        var keyed = new RecordingTokenStore();
        var shared = new RecordingTokenStore();
        using var services = TwoKeyedRegistries(emulator, first, second, s => s
            .AddKeyedSingleton<ICmfblTokenStore>("a", keyed)
            .AddSingleton<ICmfblTokenStore>(shared));

        await services.GetRequiredKeyedService<IUserRegistry>("a").ExistsAsync(CustomerLookup.ByNumber("86000001"));
        await services.GetRequiredKeyedService<IUserRegistry>("b").ExistsAsync(CustomerLookup.ByNumber("87000001"));

        Assert.That(keyed.Entries.Keys, Is.EqualTo(new[] { $"BrokerAdapters:Cmfbl:AdminToken:360:{first.AppId}:https://cmfbl.emulator/openapi-b" }));
        Assert.That(shared.Entries.Keys, Is.EqualTo(new[] { $"BrokerAdapters:Cmfbl:AdminToken:361:{second.AppId}:https://cmfbl.emulator/openapi-b" }));
        Assert.That(keyed.Calls.Concat(shared.Calls), Has.None.Contain(first.AppSecret).And.None.Contain(second.AppSecret));
    }

    [Test]
    public async Task A_stored_token_the_provider_refuses_is_renewed_once_and_replaced_in_the_store()
    {
        var (emulator, company) = Emulator();
        var store = new RecordingTokenStore();
        var key = $"BrokerAdapters:Cmfbl:AdminToken:360:{company.AppId}:https://cmfbl.emulator/openapi-b";
        var now = DateTimeOffset.UtcNow;
        await store.SetAsync(key, new CmfblStoredToken("issued-to-nobody", null, now, now.AddHours(1)));
        using var app = EmulatedInstance.Start(emulator, company, services => services.AddSingleton<ICmfblTokenStore>(store));

        var exists = await app.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));

        Assert.That(exists, Is.False);
        var sent = EmulatedInstance.TokensSent(emulator, CmfblUserRegistry.ExistsBizType);
        Assert.That(sent, Has.Length.EqualTo(2));
        Assert.That(sent[0], Is.EqualTo("issued-to-nobody"));
        Assert.That(emulator.Requests[0].ErrorCode, Is.EqualTo("GGATEWAY_CODE_005"));
        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(1));
        Assert.That(store.Entries[key].Token, Is.EqualTo(sent[1]));
    }

    [Test]
    public async Task A_token_past_its_lifetime_is_replaced_before_use_and_the_replacement_shared()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var emulator = new CmfblEmulator(new CmfblEmulatorOptions { TimeProvider = time });
        var company = emulator.AddCompany("360");
        var cache = SharedCache();
        void Settings(Dictionary<string, string?> s) => s["UserRegistry:Cmfbl:AdminTokenLifetime"] = "00:10:00";
        using var a = EmulatedInstance.Start(emulator, company, services => AddStore(services, StoreKind.Distributed, null, cache), settings: Settings, time: time);
        using var b = EmulatedInstance.Start(emulator, company, services => AddStore(services, StoreKind.Distributed, null, cache), settings: Settings, time: time);
        await a.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));
        await b.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));

        time.Advance(TimeSpan.FromMinutes(9));
        await a.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));
        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(1));

        time.Advance(TimeSpan.FromMinutes(1));
        await a.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));
        await b.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));

        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(2));
        var sent = EmulatedInstance.TokensSent(emulator, CmfblUserRegistry.ExistsBizType);
        Assert.That(sent.Distinct().Count(), Is.EqualTo(2));
        Assert.That(sent[3], Is.Not.EqualTo(sent[0]));
        Assert.That(sent[4], Is.EqualTo(sent[3]));
        Assert.That(emulator.Requests.Where(r => r.ErrorCode is not null), Is.Empty, "no call was refused");
    }

    [Test]
    public async Task A_failing_store_does_not_stop_calls_and_its_warnings_carry_no_secret()
    {
        var (emulator, company) = Emulator();
        var store = new RecordingTokenStore { Fail = true };
        using var app = EmulatedInstance.Start(emulator, company, services => services.AddSingleton<ICmfblTokenStore>(store));

        await app.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));
        await app.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));
        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(1), "the token obtained is kept in the registry");

        company.ExpireTokens();
        var exists = await app.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));

        Assert.That(exists, Is.False);
        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(2));
        Assert.That(store.Count("get"), Is.EqualTo(2));
        Assert.That(store.Count("set"), Is.EqualTo(2));
        var warnings = app.Logs.Warnings.Where(w => w.Contains("token store", StringComparison.Ordinal)).Select(w => w.Split('|')[1]);
        Assert.That(warnings, Is.EqualTo(new[]
        {
            "CMFBL admin token store RecordingTokenStore could not read the token of company 360 (InvalidOperationException); carrying on without it",
            "CMFBL admin token store RecordingTokenStore could not write the token of company 360 (InvalidOperationException); carrying on without it",
            "CMFBL admin token store RecordingTokenStore could not read the token of company 360 (InvalidOperationException); carrying on without it",
            "CMFBL admin token store RecordingTokenStore could not write the token of company 360 (InvalidOperationException); carrying on without it",
        }));
        var logs = app.Logs.All;
        Assert.That(logs, Does.Not.Contain(company.AppSecret).And.Not.Contain("hunter2"));
        foreach (var token in EmulatedInstance.TokensSent(emulator, CmfblUserRegistry.ExistsBizType).Distinct())
        {
            Assert.That(logs, Does.Not.Contain(token));
        }
    }

    [Test]
    public async Task A_cancelled_store_read_cancels_the_call_instead_of_authenticating()
    {
        var (emulator, company) = Emulator();
        using var app = EmulatedInstance.Start(emulator, company, services => services.AddSingleton<ICmfblTokenStore>(new BlockingTokenStore()));
        using var cancellation = new CancellationTokenSource();

        var call = app.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"), cancellation.Token);
        await cancellation.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.Zero);
    }

    [Test]
    public async Task The_distributed_store_without_a_cache_fails_at_start_up_saying_what_to_register()
    {
        var (emulator, company) = Emulator();
        using var app = EmulatedInstance.Start(emulator, company, services => services.AddCmfblDistributedTokenStore());

        var atStart = await Assert.ThrowsAsync<InvalidOperationException>(() => app.Services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync());
        var onUse = Assert.Throws<InvalidOperationException>(() => _ = app.Registry);

        foreach (var ex in new[] { atStart!, onUse! })
        {
            Assert.That(ex.Message, Is.EqualTo(
                "AddCmfblDistributedTokenStore() needs an IDistributedCache service: register one, e.g. services.AddStackExchangeRedisCache(…) for Redis or services.AddDistributedMemoryCache() for a single process."));
        }
    }

    private static (CmfblEmulator Emulator, CmfblEmulatedCompany Company) Emulator()
    {
        var emulator = new CmfblEmulator();
        return (emulator, emulator.AddCompany("360"));
    }

    private static MemoryDistributedCache SharedCache() => new(Options.Create(new MemoryDistributedCacheOptions()));

    private static void AddStore(IServiceCollection services, StoreKind kind, RecordingTokenStore? custom, IDistributedCache cache)
    {
        switch (kind)
        {
            case StoreKind.Distributed:
                services.AddSingleton(cache).AddCmfblDistributedTokenStore();
                break;
            case StoreKind.Custom:
                services.AddSingleton<ICmfblTokenStore>(custom!);
                break;
        }
    }

    private static ServiceProvider TwoKeyedRegistries(
        CmfblEmulator emulator, CmfblEmulatedCompany forA, CmfblEmulatedCompany forB, Action<IServiceCollection> configure)
    {
        var settings = new Dictionary<string, string?>(forA.ToConfiguration(section: "Registries:A"));
        foreach (var (key, value) in forB.ToConfiguration(section: "Registries:B"))
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        configure(services);
        services.AddKeyedUserRegistry("a", configuration.GetSection("Registries:A")).AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler));
        services.AddKeyedUserRegistry("b", configuration.GetSection("Registries:B")).AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler));
        return services.BuildServiceProvider();
    }

    /// <summary>A store whose reads wait until cancelled, like a cache server that stopped answering.</summary>
    private sealed class BlockingTokenStore : ICmfblTokenStore
    {
        public async Task<CmfblStoredToken?> GetAsync(string key, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }

        public Task SetAsync(string key, CmfblStoredToken token, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task RemoveAsync(string key, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
