namespace BrokerAdapters.Tests.Documentation;

/// <summary>Every relative link of README.md and docs/ leads to a file of the repository, and to a heading of it when it names one.</summary>
public sealed class DocumentationLinkTests
{
    private static IEnumerable<TestCaseData> Pages() =>
        RepositoryFiles.LinkedPages().Select(path => new TestCaseData(path).SetArgDisplayNames(RepositoryFiles.Relative(path)));

    [Test]
    public void The_readme_links_to_every_page_of_docs()
    {
        var readme = MarkdownPage.Read(Path.Combine(RepositoryFiles.Root, "README.md"));
        var linked = readme.Links()
            .Select(link => link.Target.Split('#')[0])
            .Where(target => target.Length > 0)
            .Select(target => Path.GetFullPath(Path.Combine(RepositoryFiles.Root, target)))
            .ToHashSet(StringComparer.Ordinal);

        var pages = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md", SearchOption.AllDirectories);

        Assert.That(pages.Where(page => !linked.Contains(page)).Select(RepositoryFiles.Relative), Is.Empty);
    }

    [TestCaseSource(nameof(Pages))]
    public void Relative_links_lead_to_existing_files_and_headings(string path)
    {
        var page = MarkdownPage.Read(path);
        var broken = new List<string>();
        foreach (var (line, target) in page.Links())
        {
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
            var linked = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));

            if (!File.Exists(linked) && !Directory.Exists(linked))
            {
                broken.Add($"line {line}: {target} (no such file)");
            }
            else if (anchor is not null && linked.EndsWith(".md", StringComparison.Ordinal) && !MarkdownPage.Read(linked).Anchors().Contains(anchor))
            {
                broken.Add($"line {line}: {target} (no such heading)");
            }
        }

        Assert.That(broken, Is.Empty, RepositoryFiles.Relative(path));
    }

    [TestCase("Registration: never twice, never lost", "registration-never-twice-never-lost")]
    [TestCase("`ICmfblTokenStore` and `IDistributedCache`", "icmfbltokenstore-and-idistributedcache")]
    [TestCase("Why `IDistributedCache` and not `HybridCache`", "why-idistributedcache-and-not-hybridcache")]
    [TestCase("Unified model ↔ provider fields", "unified-model--provider-fields")]
    [TestCase("CMFBL → MC-CRM, step by step", "cmfbl--mc-crm-step-by-step")]
    public void Anchors_are_made_as_GitHub_makes_them(string heading, string anchor) =>
        Assert.That(MarkdownPage.Slug(heading), Is.EqualTo(anchor));
}
