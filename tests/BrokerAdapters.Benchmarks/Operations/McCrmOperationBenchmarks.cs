using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BrokerAdapters.Benchmarks.Raw;
using BrokerAdapters.Benchmarks.Wire;

namespace BrokerAdapters.Benchmarks.Operations;

/// <summary>
/// MC-CRM's two operations through the library against the same wire work by hand, over one
/// <see cref="CannedHandler"/>; the merchant key is a generated 2048-bit RSA key. <c>…RawThroughPipeline</c> is the
/// hand-written client on the library's named HttpClient (see <see cref="CmfblOperationBenchmarks"/>). Run with
/// <c>--filter *McCrmOperationBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class McCrmOperationBenchmarks
{
    public const int KeyBits = 2048;

    private static readonly CustomerLookup ByUid = CustomerLookup.ById(McCrmCanned.Uid);

    private CannedHandler _handler = null!;
    private HttpClient _http = null!;
    private RawMcCrmClient _raw = null!;
    private RawMcCrmClient _piped = null!;
    private LibraryHost _library = null!;
    private LibraryHost _bare = null!;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        var key = BenchmarkKeys.PublicKeyPem(KeyBits);
        _handler = McCrmCanned.Handler();
        _http = new HttpClient(_handler, disposeHandler: false);
        _raw = new RawMcCrmClient(_http, new RawMcCrmSettings(McCrmCanned.BaseUrl, McCrmCanned.Token, key, McCrmCanned.BizName));
        _library = LibraryHost.McCrm(_handler, McCrmCanned.Settings(key, resilience: true));
        _bare = LibraryHost.McCrm(_handler, McCrmCanned.Settings(key, resilience: false));
        _piped = new RawMcCrmClient(
            _library.CreateHttpClient(Microsoft.Extensions.DependencyInjection.McCrmUserRegistryBuilderExtensions.HttpClientName),
            new RawMcCrmSettings(McCrmCanned.BaseUrl, McCrmCanned.Token, key, McCrmCanned.BizName));

        Check.Equal(McCrmCanned.Uid, (await RegisterRaw())?.Uid, "raw signup's uid");
        Check.Equal(McCrmCanned.Uid, (await RegisterRawThroughPipeline())?.Uid, "raw signup's uid");
        Check.Equal(McCrmCanned.Uid, (await RegisterLibrary()).Customer.Id, "signup's uid");
        Check.Equal(McCrmCanned.Uid, (await RegisterLibraryWithoutResilience()).Customer.Id, "signup's uid");
        Check.Equal("40217765", (await FindRaw())?.BizCode, "raw query's bizCode");
        Check.Equal("40217765", (await FindRawThroughPipeline())?.BizCode, "raw query's bizCode");
        Check.Equal("40217765", (await FindLibrary())?.Number, "query's number");
        Check.Equal("40217765", (await FindLibraryWithoutResilience())?.Number, "query's number");
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        await _library.DisposeAsync();
        await _bare.DisposeAsync();
        _raw.Dispose();
        _piped.Dispose();
        _http.Dispose();
        _handler.Dispose();
    }

    [BenchmarkCategory("Register"), Benchmark(Baseline = true)]
    public Task<RawMcCrmUser?> RegisterRaw() => _raw.SignupAsync(McCrmCanned.NewCustomer);

    [BenchmarkCategory("Register"), Benchmark]
    public Task<RawMcCrmUser?> RegisterRawThroughPipeline() => _piped.SignupAsync(McCrmCanned.NewCustomer);

    [BenchmarkCategory("Register"), Benchmark]
    public Task<CustomerRegistration> RegisterLibrary() => _library.Registry.RegisterAsync(McCrmCanned.NewCustomer);

    [BenchmarkCategory("Register"), Benchmark]
    public Task<CustomerRegistration> RegisterLibraryWithoutResilience() => _bare.Registry.RegisterAsync(McCrmCanned.NewCustomer);

    [BenchmarkCategory("Find"), Benchmark(Baseline = true)]
    public Task<RawMcCrmUser?> FindRaw() => _raw.FindByUidAsync(McCrmCanned.Uid);

    [BenchmarkCategory("Find"), Benchmark]
    public Task<RawMcCrmUser?> FindRawThroughPipeline() => _piped.FindByUidAsync(McCrmCanned.Uid);

    [BenchmarkCategory("Find"), Benchmark]
    public Task<Customer?> FindLibrary() => _library.Registry.FindAsync(ByUid);

    [BenchmarkCategory("Find"), Benchmark]
    public Task<Customer?> FindLibraryWithoutResilience() => _bare.Registry.FindAsync(ByUid);
}
