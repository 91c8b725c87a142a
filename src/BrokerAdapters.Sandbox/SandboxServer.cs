using System.Net;
using BrokerAdapters.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BrokerAdapters.Sandbox;

/// <summary>
/// A real HTTP server (Kestrel, loopback by default) serving the CMFBL emulator at <c>/openapi-b/…</c> and
/// <c>/api/…</c> and the MC-CRM emulator at <c>/mc-crm/openapi/v1/…</c>, so that the library, the CLI or any HTTP
/// client can talk to both providers over real sockets without provider accounts.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    /// <summary>The path prefix MC-CRM is served under.</summary>
    public const string McCrmPrefix = "/mc-crm";

    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseUrl, CmfblEmulator cmfbl, McCrmEmulator mcCrm)
    {
        _app = app;
        BaseUrl = baseUrl;
        Cmfbl = cmfbl;
        McCrm = mcCrm;
    }

    /// <summary>Gets the server's root URL, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets the CMFBL base URL (for both <c>Cmfbl:BaseUrl</c> and <c>Cmfbl:ClientBaseUrl</c>).</summary>
    public string CmfblBaseUrl => BaseUrl.ToString().TrimEnd('/');

    /// <summary>Gets the MC-CRM base URL, with its <c>/mc-crm/</c> prefix.</summary>
    public string McCrmBaseUrl => BaseUrl + McCrmPrefix.TrimStart('/') + "/";

    /// <summary>Gets the CMFBL emulator behind the server, to inspect or to inject faults.</summary>
    public CmfblEmulator Cmfbl { get; }

    /// <summary>Gets the MC-CRM emulator behind the server.</summary>
    public McCrmEmulator McCrm { get; }

    /// <summary>Starts a server.</summary>
    /// <param name="options">How to start; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var cmfbl = new CmfblEmulator(new CmfblEmulatorOptions { TimeProvider = options.TimeProvider });
        foreach (var companyId in options.CmfblCompanies)
        {
            cmfbl.AddCompany(companyId);
        }

        var mcCrm = new McCrmEmulator(new McCrmEmulatorOptions { TimeProvider = options.TimeProvider });
        Seed(cmfbl, mcCrm, options);

        // The sandbox listens where its options say, never where the current directory's appsettings.json or the
        // ASPNETCORE_* variables would have it: their configuration sources are dropped.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, SandboxHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.Host), options.Port));
        var app = builder.Build();
        app.Run(context => ServeAsync(context, cmfbl, mcCrm));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        return new SandboxServer(app, new Uri(address.TrimEnd('/') + "/"), cmfbl, mcCrm);
    }

    /// <summary>
    /// The settings of a registry section that uses this sandbox: both providers' settings, with <c>Provider</c> set to
    /// <paramref name="provider"/>.
    /// </summary>
    /// <param name="provider"><c>Cmfbl</c> or <c>McCrm</c>.</param>
    /// <param name="section">The registry's section, e.g. <c>UserRegistry</c>.</param>
    /// <param name="companyId">The CMFBL company to use; the first one when <see langword="null"/>.</param>
    /// <returns>Configuration keys and values.</returns>
    public IReadOnlyDictionary<string, string?> ToConfiguration(string provider = "Cmfbl", string section = "UserRegistry", string? companyId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        var company = companyId is null ? Cmfbl.Companies[0] : Cmfbl.Company(companyId);
        var settings = new Dictionary<string, string?>(company.ToConfiguration(CmfblBaseUrl, section));
        foreach (var (key, value) in McCrm.ToConfiguration(McCrmBaseUrl, section))
        {
            settings[key] = value;
        }

        settings[section + ":Provider"] = provider;
        return settings;
    }

    /// <summary>Stops the server.</summary>
    /// <param name="cancellationToken">Cancels a graceful stop.</param>
    /// <returns>A task.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Waits until the server stops (e.g. when the host is asked to shut down).</summary>
    /// <param name="cancellationToken">Stops the server when cancelled.</param>
    /// <returns>A task.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private static void Seed(CmfblEmulator cmfbl, McCrmEmulator mcCrm, SandboxOptions options)
    {
        if (options.SeedCustomers <= 0)
        {
            return;
        }

        var offset = 0;
        foreach (var company in cmfbl.Companies)
        {
            foreach (var customer in FakeCustomers.Generate(options.SeedCustomers, options.Seed, offset))
            {
                company.Seed(customer);
            }

            // Companies overlap by half, like white labels that share part of their clientele.
            offset += Math.Max(1, options.SeedCustomers / 2);
        }

        foreach (var customer in FakeCustomers.Generate(options.SeedCustomers, options.Seed))
        {
            mcCrm.Seed(customer);
        }
    }

    private static async Task ServeAsync(HttpContext context, CmfblEmulator cmfbl, McCrmEmulator mcCrm)
    {
        var path = context.Request.Path.Value ?? "/";
        ProviderEmulator? emulator = path.StartsWith("/openapi-b/", StringComparison.Ordinal) || path.StartsWith("/api/", StringComparison.Ordinal)
            ? cmfbl
            : path.StartsWith(McCrmPrefix + "/", StringComparison.Ordinal) ? mcCrm : null;
        if (emulator is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        string body;
        using (var reader = new StreamReader(context.Request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var answer = await emulator.ServeAsync(new HttpMethod(context.Request.Method), path, headers, body, context.RequestAborted).ConfigureAwait(false);
        if (answer.DropConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = (int)answer.Status;
        context.Response.ContentType = answer.ContentType.Contains("charset", StringComparison.OrdinalIgnoreCase)
            ? answer.ContentType
            : answer.ContentType + "; charset=utf-8";
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
