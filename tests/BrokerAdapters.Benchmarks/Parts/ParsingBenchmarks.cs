extern alias cmfbl;

using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BrokerAdapters.Benchmarks.Operations;
using BrokerAdapters.Benchmarks.Raw;
using BrokerAdapters.Benchmarks.Wire;
using cmfbl::BrokerAdapters.Cmfbl;
using cmfbl::BrokerAdapters.Cmfbl.Wire;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ProviderCall = cmfbl::BrokerAdapters.Internal.ProviderCall;
using WireJson = cmfbl::BrokerAdapters.Internal.WireJson;

namespace BrokerAdapters.Benchmarks.Parts;

/// <summary>
/// Reading CMFBL answers from their bytes: the library's path for a success (the strict check, then the body read
/// straight into its wire types) against Newtonsoft.Json deserializing into the raw client's POCOs (the baseline),
/// for the create answer (a scalar), a customer detail and a page of 2000 customers; for the page also the JSON-tree
/// path the library keeps for failures and odd shapes (<see cref="PageLibraryTree"/>). Run with <c>--filter *ParsingBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ParsingBenchmarks
{
    private static readonly JsonSerializer Raw = JsonSerializer.CreateDefault();
    private static readonly ProviderCall Call = new("Cmfbl", "bench", "t-bench", IsWrite: false);

    private byte[] _created = [];
    private byte[] _detail = [];
    private byte[] _page = [];

    [GlobalSetup]
    public void GlobalSetup()
    {
        _created = CmfblCanned.Envelope("t-create-0001", $"\"{CmfblCanned.Number}\"");
        _detail = CmfblCanned.Envelope("t-detail-0001", CmfblCanned.Detail);
        _page = CmfblCanned.Page(CmfblListBenchmarks.PageSize, "t-page-0002");
        Check.Equal(CmfblCanned.Number, EnvelopeLibrary(), "created number");
        Check.Equal(CmfblCanned.Number, EnvelopeRaw(), "raw created number");
        Check.Equal(CmfblCanned.Id, DetailLibrary(), "detail id");
        Check.Equal(CmfblCanned.Id, DetailRaw(), "raw detail id");
        Check.Equal(CmfblListBenchmarks.PageSize, PageLibrary(), "page records");
        Check.Equal(CmfblListBenchmarks.PageSize, PageRaw(), "raw page records");
        Check.Equal(CmfblListBenchmarks.PageSize, PageLibraryTree(), "page records from the tree");
    }

    [BenchmarkCategory("Envelope"), Benchmark(Baseline = true)]
    public string? EnvelopeRaw() => Deserialize<string>(_created);

    [BenchmarkCategory("Envelope"), Benchmark]
    public string? EnvelopeLibrary() => (string?)Read<JToken>(_created);

    [BenchmarkCategory("Detail"), Benchmark(Baseline = true)]
    public string? DetailRaw() => Deserialize<RawCmfblCustomer>(_detail)?.Id;

    [BenchmarkCategory("Detail"), Benchmark]
    public string? DetailLibrary() => Read<CmfblCustomer>(_detail).Id;

    [BenchmarkCategory("Page2000"), Benchmark(Baseline = true)]
    public int PageRaw() => Deserialize<RawCmfblPage>(_page)?.Records?.Count ?? 0;

    [BenchmarkCategory("Page2000"), Benchmark]
    public int PageLibrary() => Read<CmfblPage>(_page).Records?.Count ?? 0;

    [BenchmarkCategory("Page2000"), Benchmark]
    public int PageLibraryTree() =>
        CmfblApiClient.ReadData<CmfblPage>(CmfblEnvelope.TryRead(WireJson.Parse(_page))!.Data, HttpStatusCode.OK, Call).Records?.Count ?? 0;

    /// <summary>What the library does with a successful answer: check the body, read it into the success envelope.</summary>
    private static T Read<T>(byte[] body)
        where T : class =>
        WireJson.TryDeserializeChecked<CmfblSuccess<T>>(WireJson.Check(body), out var success) && success.Code == "0" && success.Data is { } data
            ? data
            : throw new BenchmarkFailedException("The answer did not read as a success.");

    private static T? Deserialize<T>(byte[] body)
    {
        using var text = new StreamReader(new MemoryStream(body), Encoding.UTF8);
        using var json = new JsonTextReader(text);
        var envelope = Raw.Deserialize<RawCmfblEnvelope<T>>(json);
        return envelope!.Code == "0" ? envelope.Data : default;
    }
}
