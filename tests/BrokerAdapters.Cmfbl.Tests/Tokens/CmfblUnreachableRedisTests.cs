using System.Net;
using System.Net.Sockets;
using BrokerAdapters.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace BrokerAdapters.Cmfbl.Tests.Tokens;

/// <summary>A Redis that cannot be reached (nothing listens on its port): calls go on, the failure is a warning.</summary>
public sealed class CmfblUnreachableRedisTests
{
    [Test]
    public async Task An_unreachable_redis_does_not_stop_calls()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        var port = ClosedPort();
        using var app = EmulatedInstance.Start(emulator, company, services => services
            .AddStackExchangeRedisCache(redis =>
            {
                var configuration = $"127.0.0.1:{port},password=hunter2,connectTimeout=1000";
                redis.Configuration = configuration;
                // Connecting through the factory fails as soon as the port refuses, instead of after the cache's own wait.
                redis.ConnectionMultiplexerFactory = async () => await ConnectionMultiplexer.ConnectAsync(configuration);
            })
            .AddCmfblDistributedTokenStore());

        var exists = await app.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));
        var again = await app.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001"));

        Assert.That(exists, Is.False);
        Assert.That(again, Is.False);
        Assert.That(EmulatedInstance.AuthRequests(emulator), Is.EqualTo(1));
        var warnings = app.Logs.Warnings.Select(w => w.Split('|')[1]);
        Assert.That(warnings, Is.EqualTo(new[]
        {
            "CMFBL admin token store CmfblDistributedTokenStore could not read the token of company 360 (RedisConnectionException); carrying on without it",
            "CMFBL admin token store CmfblDistributedTokenStore could not write the token of company 360 (RedisConnectionException); carrying on without it",
        }));
        Assert.That(app.Logs.All, Does.Not.Contain("hunter2").And.Not.Contain(company.AppSecret));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
