using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Contracts.Tests;

/// <summary>
/// Every fixture under <c>contracts/*/examples/</c> is referenced from the operation it belongs to and conforms to
/// it. Adding a fixture and its <c>externalValue</c> reference adds a test case here.
/// </summary>
public sealed class ContractFixtureTests
{
    public static readonly string[] Providers = ["cmfbl", "mccrm"];

    public static IEnumerable<TestCaseData> AllExamples() =>
        Providers.SelectMany(ContractValidator.DiscoverExamples)
            .Select(e => new TestCaseData(e.Provider, e.Key).SetArgDisplayNames(e.ToString()));

    [TestCaseSource(nameof(AllExamples))]
    public async Task Example_conforms_to_the_operation_that_references_it(string provider, string key)
    {
        var contract = await ContractValidator.LoadAsync(provider);
        var example = contract.Examples.Single(e => e.Key == key);
        Assert.That(File.Exists(example.FullPath), Is.True, $"{example.File} is referenced but does not exist");

        var violations = contract.ExampleErrors(example);

        if (example.Placeholders.Count == 0)
        {
            Assert.That(violations, Is.Empty, $"{example} does not conform");
            return;
        }

        // A placeholder stands where the wire carries a value that differs per call (e.g. RSA ciphertext): the
        // fixture must conform everywhere else, and the placeholder must indeed be what the schema rejects.
        var elsewhere = violations.Where(v => !example.Placeholders.Contains(v.Pointer, StringComparer.Ordinal)).ToArray();
        Assert.That(elsewhere, Is.Empty, $"{example} does not conform outside its placeholders");
        var json = JToken.Parse(await File.ReadAllTextAsync(example.FullPath));
        foreach (var placeholder in example.Placeholders)
        {
            Assert.That(json.SelectToken(PointerToPath(placeholder)), Is.Not.Null, $"{example} has no member at placeholder {placeholder}");
            Assert.That(violations.Select(v => v.Pointer), Does.Contain(placeholder), $"{example}: the contract accepts the placeholder at {placeholder}; it needs no x-placeholders entry");
        }
    }

    [TestCaseSource(nameof(Providers))]
    public void Every_fixture_file_is_referenced_by_an_operation(string provider)
    {
        var directory = Path.Combine(ContractValidator.ContractsDirectory, provider, "examples");
        var files = Directory.GetFiles(directory, "*.json").Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToArray();
        var referenced = ContractValidator.DiscoverExamples(provider).Select(e => e.FullPath).ToHashSet(StringComparer.Ordinal);

        Assert.That(files, Is.Not.Empty);
        Assert.That(files.Where(f => !referenced.Contains(f)).Select(Path.GetFileName), Is.Empty, "fixtures no operation references");
    }

    [TestCaseSource(nameof(Providers))]
    public void Every_fixture_is_referenced_once(string provider)
    {
        var duplicates = ContractValidator.DiscoverExamples(provider)
            .GroupBy(e => e.FullPath, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{Path.GetFileName(g.Key)}: {string.Join(", ", g)}");

        Assert.That(duplicates, Is.Empty);
    }

    [TestCaseSource(nameof(Providers))]
    public async Task Every_operation_has_a_request_example_and_a_success_example(string provider)
    {
        var contract = await ContractValidator.LoadAsync(provider);
        var examples = contract.Examples;

        foreach (var path in contract.Paths)
        {
            Assert.That(examples.Any(e => e.Path == path && e.IsRequest), Is.True, $"{path} has no request example");
            Assert.That(examples.Any(e => e.Path == path && e.ResponseKey == "200"), Is.True, $"{path} has no 200 example");
        }
    }

    [TestCaseSource(nameof(Providers))]
    public async Task The_contract_loads_and_every_operation_is_a_post_with_a_json_body(string provider)
    {
        var contract = await ContractValidator.LoadAsync(provider);

        Assert.That(contract.Document.OpenApi, Does.StartWith("3.0"));
        Assert.That(contract.Paths, Is.Not.Empty);
        foreach (var path in contract.Paths)
        {
            var item = contract.Document.Paths[path];
            Assert.That(item.Keys, Is.EqualTo(new[] { "post" }), path);
            Assert.That(item["post"].ActualRequestBody?.Content.Keys, Is.EqualTo(new[] { ContractValidator.JsonMediaType }), path);
        }
    }

    private static string PointerToPath(string pointer) =>
        "$" + string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => $"['{s}']"));
}
