using BrokerAdapters.Cli.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests;

public sealed class ListCommandTests
{
    [Test]
    public async Task List_json_writes_one_customer_per_line_across_pages()
    {
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("Cmfbl"));
        var pagesBefore = PageRequests(size: 7);

        var result = await Tool.RunAsync("list", "--json", "--page-size", "7", "--limit", "20", "--config", config);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var lines = result.JsonLines;
        Assert.That(lines, Has.Count.EqualTo(20));
        Assert.That(lines.Select(l => (string?)l["provider"]), Is.All.EqualTo("Cmfbl"));
        Assert.That(lines.Select(l => (string?)l["id"]).Distinct().Count(), Is.EqualTo(20));
        Assert.That(PageRequests(size: 7) - pagesBefore, Is.EqualTo(3), "20 customers at 7 per page take 3 pages, and no more");
    }

    [Test]
    public async Task List_json_on_the_embedded_sandbox_lists_the_customers_it_starts_with()
    {
        var result = await Tool.RunAsync("list", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.JsonLines, Has.Count.EqualTo(Configuration.EmbeddedSandbox.SeedCustomers));
    }

    [Test]
    public async Task List_in_human_mode_prints_a_header_one_row_per_customer_and_the_count()
    {
        var result = await Tool.RunAsync("list", "--limit", "4");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines[0], Does.StartWith("Number").And.Contain("Email"));
        Assert.That(lines.Skip(1).Take(4), Has.All.Contain("@example.com"));
        Assert.That(lines[^1], Is.EqualTo("4 customers"));
        Assert.That(result.Stdout, Does.Not.Contain("Fetching"), "no spinner when stdout is not a terminal");
    }

    [Test]
    public async Task List_on_McCrm_exits_8_because_it_does_not_offer_listing()
    {
        var result = await Tool.RunAsync("list", "--provider", "McCrm");

        Assert.That(result.ExitCode, Is.EqualTo(8), result.ToString);
        Assert.That(result.ErrorLine, Is.EqualTo("error: NotSupported (McCrm): McCrm does not support ListAsync."));
    }

    /// <summary>Counts the page requests of <paramref name="size"/> customers the shared sandbox received, whoever sent them.</summary>
    private static int PageRequests(int size) =>
        ConfiguredSandbox.Server.Cmfbl.Requests.Count(r =>
            r.Operation.EndsWith(".page", StringComparison.Ordinal) && PageSize(r.DecryptedBody ?? r.Body) == size);

    private static int? PageSize(string body)
    {
        try
        {
            var size = JObject.Parse(body)["size"];
            return size?.Type == JTokenType.Integer ? (int)size : null;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }
}
