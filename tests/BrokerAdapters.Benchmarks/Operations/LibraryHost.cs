using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Benchmarks.Operations;

/// <summary>
/// The library as an application gets it: <c>AddUserRegistry(section).AddCmfbl(…)</c> (or <c>AddMcCrm</c>) with the
/// canned handler as the HttpClient's primary handler, and <see cref="IUserRegistry"/> resolved from the container.
/// </summary>
internal sealed class LibraryHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private LibraryHost(ServiceProvider services)
    {
        _services = services;
        Registry = services.GetRequiredService<IUserRegistry>();
    }

    public IUserRegistry Registry { get; }

    /// <summary>
    /// The registry's own named HttpClient (the factory's handlers and the resilience pipeline), for a hand-written
    /// client that should pay the same HTTP pipeline as the library.
    /// </summary>
    public HttpClient CreateHttpClient(string name) => _services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    public static LibraryHost Cmfbl(HttpMessageHandler handler, IReadOnlyDictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddUserRegistry(Configure(settings)).AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(() => handler));
        return new LibraryHost(services.BuildServiceProvider());
    }

    public static LibraryHost McCrm(HttpMessageHandler handler, IReadOnlyDictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddUserRegistry(Configure(settings)).AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(() => handler));
        return new LibraryHost(services.BuildServiceProvider());
    }

    /// <summary>The library over real sockets, as configured (no handler of ours).</summary>
    public static LibraryHost Both(IReadOnlyDictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddUserRegistry(Configure(settings)).AddCmfbl().AddMcCrm();
        return new LibraryHost(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static IConfigurationSection Configure(IReadOnlyDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("UserRegistry");
}
