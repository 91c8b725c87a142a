using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BrokerAdapters.Benchmarks.Raw;
using BrokerAdapters.Benchmarks.Wire;

namespace BrokerAdapters.Benchmarks.Operations;

/// <summary>
/// Each CMFBL operation through the library (<see cref="IUserRegistry"/> from DI, with and without its resilience
/// pipeline) against the same wire work written by hand (<see cref="RawCmfblClient"/>, the baseline), all over one
/// <see cref="CannedHandler"/>. <c>…RawThroughPipeline</c> is the hand-written client on the library's own named
/// HttpClient (the factory's handlers and the resilience pipeline): what separates it from the baseline is the HTTP
/// pipeline, what separates the library from it is the library's own code. Run with <c>--filter *CmfblOperationBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CmfblOperationBenchmarks
{
    private static readonly CustomerLookup ByEmail = CustomerLookup.ByEmail(CmfblCanned.Email);
    private static readonly CustomerLookup ByNumber = CustomerLookup.ByNumber(CmfblCanned.Number);
    private static readonly CustomerCredentials Credentials = new(ByEmail, CmfblCanned.Password);

    private static readonly RawCmfblSettings Settings = new(CmfblCanned.BaseUrl, CmfblCanned.CompanyId, CmfblCanned.AppId, CmfblCanned.AppSecret);

    private CannedHandler _handler = null!;
    private HttpClient _http = null!;
    private RawCmfblClient _raw = null!;
    private RawCmfblClient _piped = null!;
    private LibraryHost _library = null!;
    private LibraryHost _bare = null!;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _handler = CmfblCanned.Handler();
        _http = new HttpClient(_handler, disposeHandler: false);
        _raw = new RawCmfblClient(_http, Settings);
        await _raw.AuthenticateAdminAsync();
        _library = LibraryHost.Cmfbl(_handler, CmfblCanned.Settings(resilience: true));
        _bare = LibraryHost.Cmfbl(_handler, CmfblCanned.Settings(resilience: false));
        _piped = new RawCmfblClient(_library.CreateHttpClient(Microsoft.Extensions.DependencyInjection.CmfblUserRegistryBuilderExtensions.HttpClientName), Settings);
        await _piped.AuthenticateAdminAsync();

        // Every benchmark once, checked; the libraries authenticate here, as the raw client did above.
        Check.Equal(CmfblCanned.Number, (await RegisterRaw()).CustomerNo, "raw register's number");
        Check.Equal(CmfblCanned.Number, (await RegisterRawThroughPipeline()).CustomerNo, "raw register's number");
        foreach (var registration in new[] { await RegisterLibrary(), await RegisterLibraryWithoutResilience() })
        {
            Check.Equal(CmfblCanned.Number, registration.Customer.Number, "register's number");
            Check.Equal("Chan Tai Man", registration.Customer.Name?.Full, "register's name");
        }

        Check.That(await ExistsRaw() && await ExistsRawThroughPipeline() && await ExistsLibrary() && await ExistsLibraryWithoutResilience(), "exists answers true");
        Check.Equal(CmfblCanned.Id, (await FindRaw())?.Id, "raw find's id");
        Check.Equal(CmfblCanned.Id, (await FindRawThroughPipeline())?.Id, "raw find's id");
        Check.Equal(CmfblCanned.Id, (await FindLibrary())?.Id, "find's id");
        Check.Equal(CmfblCanned.Id, (await FindLibraryWithoutResilience())?.Id, "find's id");
        Check.Equal(CmfblCanned.CustomerToken, (await AuthenticateRaw())?.Token, "raw login's token");
        Check.Equal(CmfblCanned.CustomerToken, (await AuthenticateRawThroughPipeline())?.Token, "raw login's token");
        Check.Equal(CmfblCanned.CustomerToken, (await AuthenticateLibrary()).AccessToken, "login's token");
        Check.Equal(CmfblCanned.CustomerToken, (await AuthenticateLibraryWithoutResilience()).AccessToken, "login's token");
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        await _library.DisposeAsync();
        await _bare.DisposeAsync();
        _http.Dispose();
        _handler.Dispose();
    }

    [BenchmarkCategory("Register"), Benchmark(Baseline = true)]
    public Task<RawCmfblCustomer> RegisterRaw() => _raw.RegisterAsync(CmfblCanned.NewCustomer);

    [BenchmarkCategory("Register"), Benchmark]
    public Task<RawCmfblCustomer> RegisterRawThroughPipeline() => _piped.RegisterAsync(CmfblCanned.NewCustomer);

    [BenchmarkCategory("Register"), Benchmark]
    public Task<CustomerRegistration> RegisterLibrary() => _library.Registry.RegisterAsync(CmfblCanned.NewCustomer);

    [BenchmarkCategory("Register"), Benchmark]
    public Task<CustomerRegistration> RegisterLibraryWithoutResilience() => _bare.Registry.RegisterAsync(CmfblCanned.NewCustomer);

    [BenchmarkCategory("Exists"), Benchmark(Baseline = true)]
    public Task<bool> ExistsRaw() => _raw.ExistsByEmailAsync(CmfblCanned.Email);

    [BenchmarkCategory("Exists"), Benchmark]
    public Task<bool> ExistsRawThroughPipeline() => _piped.ExistsByEmailAsync(CmfblCanned.Email);

    [BenchmarkCategory("Exists"), Benchmark]
    public Task<bool> ExistsLibrary() => _library.Registry.ExistsAsync(ByEmail);

    [BenchmarkCategory("Exists"), Benchmark]
    public Task<bool> ExistsLibraryWithoutResilience() => _bare.Registry.ExistsAsync(ByEmail);

    [BenchmarkCategory("Find"), Benchmark(Baseline = true)]
    public Task<RawCmfblCustomer?> FindRaw() => _raw.FindAsync(CmfblCanned.Number);

    [BenchmarkCategory("Find"), Benchmark]
    public Task<RawCmfblCustomer?> FindRawThroughPipeline() => _piped.FindAsync(CmfblCanned.Number);

    [BenchmarkCategory("Find"), Benchmark]
    public Task<Customer?> FindLibrary() => _library.Registry.FindAsync(ByNumber);

    [BenchmarkCategory("Find"), Benchmark]
    public Task<Customer?> FindLibraryWithoutResilience() => _bare.Registry.FindAsync(ByNumber);

    [BenchmarkCategory("Authenticate"), Benchmark(Baseline = true)]
    public Task<RawCmfblLogin?> AuthenticateRaw() => _raw.LoginByEmailAsync(CmfblCanned.Email, CmfblCanned.Password);

    [BenchmarkCategory("Authenticate"), Benchmark]
    public Task<RawCmfblLogin?> AuthenticateRawThroughPipeline() => _piped.LoginByEmailAsync(CmfblCanned.Email, CmfblCanned.Password);

    [BenchmarkCategory("Authenticate"), Benchmark]
    public Task<AuthenticatedCustomer> AuthenticateLibrary() => _library.Registry.AuthenticateAsync(Credentials);

    [BenchmarkCategory("Authenticate"), Benchmark]
    public Task<AuthenticatedCustomer> AuthenticateLibraryWithoutResilience() => _bare.Registry.AuthenticateAsync(Credentials);
}
