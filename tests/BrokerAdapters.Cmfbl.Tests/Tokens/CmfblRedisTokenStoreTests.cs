using BrokerAdapters.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace BrokerAdapters.Cmfbl.Tests.Tokens;

/// <summary>
/// The distributed token store against a real Redis (<c>redis-server</c> started on a free loopback port for this
/// fixture), through Microsoft.Extensions.Caching.StackExchangeRedis as applications use it. Skipped only when
/// <c>redis-server</c> is not installed.
/// </summary>
[TestFixture]
[Category("Redis")]
public sealed class CmfblRedisTokenStoreTests
{
    private RedisServer _redis = null!;

    [OneTimeSetUp]
    public async Task StartRedis()
    {
        var executable = RedisServer.Find();
        if (executable is null)
        {
            Assert.Ignore(RedisServer.InstallHint);
        }

        _redis = await RedisServer.StartAsync(executable);
    }

    [OneTimeTearDown]
    public void StopRedis() => _redis?.Dispose();

    [Test]
    public async Task The_store_keeps_a_token_in_redis_until_its_expiry_and_forgets_it_on_remove()
    {
        var prefix = NewPrefix();
        await using var services = new ServiceCollection()
            .AddStackExchangeRedisCache(redis => (redis.Configuration, redis.InstanceName) = (_redis.Configuration, prefix))
            .AddCmfblDistributedTokenStore()
            .BuildServiceProvider();
        var store = services.GetRequiredService<ICmfblTokenStore>();
        const string key = "BrokerAdapters:Cmfbl:AdminToken:360:app-1:https://cmfbl.test/openapi-b";
        var now = DateTimeOffset.UtcNow;
        var token = new CmfblStoredToken("secret-token-1", "MIGfMA0GCSq", now, now.AddMinutes(10));
        using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        var database = connection.GetDatabase();

        Assert.That(await store.GetAsync(key), Is.Null);
        await store.SetAsync(key, token);

        Assert.That(await store.GetAsync(key), Is.EqualTo(token));
        var ttl = await database.KeyTimeToLiveAsync(prefix + key);
        Assert.That(ttl, Is.Not.Null.And.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(10)));

        await store.RemoveAsync(key);

        Assert.That(await store.GetAsync(key), Is.Null);
        Assert.That(await database.KeyExistsAsync(prefix + key), Is.False);
    }

    [Test]
    public async Task Two_application_instances_sharing_redis_authenticate_once_and_renew_once_between_them()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        var prefix = NewPrefix();
        using var a = EmulatedInstance.Start(emulator, company, services => AddRedis(services, prefix));
        using var b = EmulatedInstance.Start(emulator, company, services => AddRedis(services, prefix));

        await a.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));
        await b.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));

        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(1));
        var first = EmulatedInstance.TokensSent(emulator, CmfblUserRegistry.ExistsBizType);
        Assert.That(first, Has.Length.EqualTo(2));
        Assert.That(first[1], Is.EqualTo(first[0]));

        company.ExpireTokens();
        await b.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));
        await a.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));

        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(2));
        var sent = EmulatedInstance.TokensSent(emulator, CmfblUserRegistry.ExistsBizType);
        Assert.That(sent[2..], Is.EqualTo(new[] { first[0], sent[3], first[0], sent[3] }));
        Assert.That(sent[3], Is.Not.EqualTo(first[0]));
        Assert.That(a.Logs.Warnings.Concat(b.Logs.Warnings), Has.None.Contain("token store"));
    }

    [Test]
    public async Task Fifty_concurrent_calls_with_the_token_in_redis_share_one_authentication_and_each_is_replayed_once()
    {
        const int callers = 50;
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        var customer = company.Seed(FakeCustomers.Generate(1, seed: 5)[0]);
        var gate = new RequestGate(CmfblUserRegistry.ExistsBizType, callers);
        using var app = EmulatedInstance.Start(emulator, company, services => AddRedis(services, NewPrefix()), http => http.AddHttpMessageHandler(gate.CreateHandler));
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
    }

    /// <summary>A key prefix of its own per test, so that tests sharing the server do not see each other's tokens.</summary>
    private static string NewPrefix() => "test-" + Guid.NewGuid().ToString("N") + ":";

    private void AddRedis(IServiceCollection services, string prefix) =>
        services.AddStackExchangeRedisCache(redis => (redis.Configuration, redis.InstanceName) = (_redis.Configuration, prefix))
            .AddCmfblDistributedTokenStore();
}
