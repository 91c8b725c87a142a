using BenchmarkDotNet.Attributes;
using BrokerAdapters.Benchmarks.Raw;
using BrokerAdapters.Benchmarks.Wire;

namespace BrokerAdapters.Benchmarks.Operations;

/// <summary>
/// One CMFBL page of 2000 customers (the largest page CMFBL serves, about 1 MB): the library's <c>ListAsync</c>
/// enumerated to the end against the raw client reading the same page into POCOs. Run with <c>--filter *CmfblListBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class CmfblListBenchmarks
{
    public const int PageSize = 2000;

    private static readonly CustomerQuery Query = new() { PageSize = PageSize };

    private CannedHandler _handler = null!;
    private HttpClient _http = null!;
    private RawCmfblClient _raw = null!;
    private LibraryHost _library = null!;
    private LibraryHost _bare = null!;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _handler = CmfblCanned.ListHandler(PageSize);
        _http = new HttpClient(_handler, disposeHandler: false);
        _raw = new RawCmfblClient(_http, new RawCmfblSettings(CmfblCanned.BaseUrl, CmfblCanned.CompanyId, CmfblCanned.AppId, CmfblCanned.AppSecret));
        await _raw.AuthenticateAdminAsync();
        _library = LibraryHost.Cmfbl(_handler, CmfblCanned.Settings(resilience: true));
        _bare = LibraryHost.Cmfbl(_handler, CmfblCanned.Settings(resilience: false));

        Check.Equal(PageSize, await ListRaw(), "raw page's records");
        Check.Equal(PageSize, await ListLibrary(), "listed customers");
        Check.Equal(PageSize, await ListLibraryWithoutResilience(), "listed customers");
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        await _library.DisposeAsync();
        await _bare.DisposeAsync();
        _http.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> ListRaw() => (await _raw.ListPageAsync(PageSize)).Count;

    [Benchmark]
    public Task<int> ListLibrary() => CountAsync(_library.Registry);

    [Benchmark]
    public Task<int> ListLibraryWithoutResilience() => CountAsync(_bare.Registry);

    private static async Task<int> CountAsync(IUserRegistry registry)
    {
        var count = 0;
        await foreach (var customer in registry.ListAsync(Query))
        {
            count += customer.Id.Length > 0 ? 1 : 0;
        }

        return count;
    }
}
