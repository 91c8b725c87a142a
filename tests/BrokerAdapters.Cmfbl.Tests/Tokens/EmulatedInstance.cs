using BrokerAdapters.Cmfbl.Tests.TestSupport;
using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BrokerAdapters.Cmfbl.Tests.Tokens;

/// <summary>
/// One application instance: its own service provider with a CMFBL registry over the emulator, wired as an application
/// does it, plus whatever token store services the test adds.
/// </summary>
internal sealed class EmulatedInstance : IDisposable
{
    private EmulatedInstance(ServiceProvider services, CapturingLoggerProvider logs)
    {
        Services = services;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public CapturingLoggerProvider Logs { get; }

    public IUserRegistry Registry => Services.GetRequiredService<IUserRegistry>();

    public ICmfblUserRegistry Cmfbl => Services.GetRequiredService<ICmfblUserRegistry>();

    public static EmulatedInstance Start(
        CmfblEmulator emulator,
        CmfblEmulatedCompany company,
        Action<IServiceCollection>? services = null,
        Action<IHttpClientBuilder>? http = null,
        Action<Dictionary<string, string?>>? settings = null,
        TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>(company.ToConfiguration());
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        services?.Invoke(collection);
        collection.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddCmfbl(builder =>
            {
                builder.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler);
                http?.Invoke(builder);
            });
        return new EmulatedInstance(collection.BuildServiceProvider(), logs);
    }

    public static int AuthRequests(CmfblEmulator emulator) =>
        emulator.Requests.Count(r => r.Operation == CmfblApiClient.AuthBizType);

    /// <summary>The tokens the Manager API calls of <paramref name="operation"/> carried, in order.</summary>
    public static string[] TokensSent(CmfblEmulator emulator, string operation) =>
        [.. emulator.Requests.Where(r => r.Operation == operation).Select(r => r.Headers["token"])];

    public void Dispose() => Services.Dispose();
}
