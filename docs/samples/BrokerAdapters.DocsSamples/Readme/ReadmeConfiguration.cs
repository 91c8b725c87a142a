using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BrokerAdapters.DocsSamples.Readme;

/// <summary>README.md, "Use it".</summary>
public static class ReadmeConfiguration
{
    public static void Configure(HostApplicationBuilder builder)
    {
        #region readme-configure
        builder.Services.AddUserRegistry(builder.Configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm();
        #endregion
    }
}
