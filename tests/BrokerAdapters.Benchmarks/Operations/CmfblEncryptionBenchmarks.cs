using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BrokerAdapters.Benchmarks.Wire;

namespace BrokerAdapters.Benchmarks.Operations;

/// <summary>
/// CMFBL's encrypted mode (<c>Encryption=Rsa</c>: each body signed, URL-encoded and RSA-encrypted in 100-character
/// segments) against plain bodies, through the library, for register and exists; the company key is generated.
/// Run with <c>--filter *CmfblEncryptionBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CmfblEncryptionBenchmarks
{
    private static readonly CustomerLookup ByEmail = CustomerLookup.ByEmail(CmfblCanned.Email);

    private CannedHandler _handler = null!;
    private LibraryHost _plain = null!;
    private LibraryHost _encrypted = null!;

    [Params(1024, 2048)]
    public int KeyBits { get; set; }

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _handler = CmfblCanned.Handler();
        _plain = LibraryHost.Cmfbl(_handler, CmfblCanned.Settings(resilience: true));
        _encrypted = LibraryHost.Cmfbl(_handler, CmfblCanned.Settings(resilience: true, publicKey: BenchmarkKeys.PublicKeyPem(KeyBits)));

        Check.Equal(CmfblCanned.Number, (await RegisterPlain()).Customer.Number, "register's number");
        Check.Equal(CmfblCanned.Number, (await RegisterEncrypted()).Customer.Number, "encrypted register's number");
        Check.That(await ExistsPlain() && await ExistsEncrypted(), "exists answers true");
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        await _plain.DisposeAsync();
        await _encrypted.DisposeAsync();
        _handler.Dispose();
    }

    [BenchmarkCategory("Register"), Benchmark(Baseline = true)]
    public Task<CustomerRegistration> RegisterPlain() => _plain.Registry.RegisterAsync(CmfblCanned.NewCustomer);

    [BenchmarkCategory("Register"), Benchmark]
    public Task<CustomerRegistration> RegisterEncrypted() => _encrypted.Registry.RegisterAsync(CmfblCanned.NewCustomer);

    [BenchmarkCategory("Exists"), Benchmark(Baseline = true)]
    public Task<bool> ExistsPlain() => _plain.Registry.ExistsAsync(ByEmail);

    [BenchmarkCategory("Exists"), Benchmark]
    public Task<bool> ExistsEncrypted() => _encrypted.Registry.ExistsAsync(ByEmail);
}
