using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.McCrm.Tests.Resilience;

/// <summary>A registry over the MC-CRM emulator, which keeps users: it shows what a retry really created.</summary>
internal sealed class EmulatedMcCrm : IDisposable
{
    public const string SignupOperation = "user/signup";

    private EmulatedMcCrm()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Emulator.ToConfiguration()).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(Emulator.CreateHandler));
        Services = services.BuildServiceProvider();
    }

    public McCrmEmulator Emulator { get; } = new();

    public ServiceProvider Services { get; }

    public IUserRegistry Registry => Services.GetRequiredService<IUserRegistry>();

    public static string SignupUrl => McCrmEmulator.DefaultBaseUrl + McCrmUserRegistry.SignupPath;

    /// <summary>The operations the emulator received, in order.</summary>
    public string[] Operations => [.. Emulator.Requests.Select(r => r.Operation)];

    public static EmulatedMcCrm Create() => new();

    public void Dispose() => Services.Dispose();
}
