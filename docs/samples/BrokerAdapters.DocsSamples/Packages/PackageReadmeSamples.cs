using BrokerAdapters.Migration;
using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BrokerAdapters.DocsSamples.Packages;

/// <summary>The samples of the packages' READMEs (src/*/README.md), shown on each package's page.</summary>
public static class PackageReadmeSamples
{
    public static void Core(HostApplicationBuilder builder)
    {
        #region package-core
        // appsettings.json: { "UserRegistry": { "Provider": "Cmfbl", "Cmfbl": { … }, "McCrm": { … } } }
        builder.Services.AddUserRegistry(builder.Configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm();

        // a second registry beside the first, resolved with [FromKeyedServices("source")] IUserRegistry
        builder.Services.AddKeyedUserRegistry("source", builder.Configuration.GetSection("Migration:Source")).AddCmfbl();
        #endregion
    }

    public static void Cmfbl(HostApplicationBuilder builder)
    {
        #region package-cmfbl
        // { "UserRegistry": { "Provider": "Cmfbl",
        //     "Cmfbl": { "BaseUrl": "https://api.example.com", "ClientBaseUrl": "https://client.example.com",
        //                "CompanyId": "360", "AppId": "…", "AppSecret": "…" } } }
        builder.Services.AddUserRegistry(builder.Configuration.GetSection("UserRegistry")).AddCmfbl();
        #endregion
    }

    public static void McCrm(HostApplicationBuilder builder)
    {
        #region package-mccrm
        // { "UserRegistry": { "Provider": "McCrm",
        //     "McCrm": { "BaseUrl": "https://gateway.example.com/mc-crm/", "Token": "…", "PublicKey": "MIGfMA0G…",
        //                "BizName": "MFT" } } }
        builder.Services.AddUserRegistry(builder.Configuration.GetSection("UserRegistry")).AddMcCrm();
        #endregion
    }

    public static async Task MigrationAsync(IUserRegistry target, CancellationToken cancellationToken)
    {
        #region package-migration
        IAsyncEnumerable<Customer> source = CustomerJsonLines.ReadFileAsync("company360.jsonl", cancellationToken);
        var results = CustomerDiff.Compare(source, target.ListAsync(cancellationToken: cancellationToken));
        await foreach (var entry in results.WithCancellation(cancellationToken))
        {
            Console.WriteLine($"{entry.Category} {entry.MatchKey}");
        }
        #endregion
    }

    public static async Task SandboxAsync(IServiceCollection services, CancellationToken cancellationToken)
    {
        #region package-sandbox
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedCustomers = 20 }, cancellationToken);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(sandbox.ToConfiguration(provider: "Cmfbl"))
            .Build();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl();
        #endregion
    }

    public static CmfblEmulator Testing(IServiceCollection services)
    {
        #region package-testing
        var cmfbl = new CmfblEmulator();
        var company = cmfbl.AddCompany("360");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(company.ToConfiguration()).Build();
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(cmfbl.CreateHandler));
        #endregion
        return cmfbl;
    }
}
