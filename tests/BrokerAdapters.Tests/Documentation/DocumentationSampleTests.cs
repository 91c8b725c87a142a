namespace BrokerAdapters.Tests.Documentation;

/// <summary>
/// Every C# block of README.md, docs/ and the packages' READMEs is a region of docs/samples (which the solution compiles
/// with warnings as errors), named by an HTML comment <c>&lt;!-- sample: name --&gt;</c> just before the block, so a
/// sample that stops compiling fails the build and one edited on one side only fails here.
/// </summary>
public sealed class DocumentationSampleTests
{
    private static IEnumerable<TestCaseData> CSharpBlocks() =>
        RepositoryFiles.PagesWithSamples()
            .SelectMany(path => MarkdownPage.Read(path).CSharpBlocks())
            .Select(block => new TestCaseData(block).SetArgDisplayNames(block.ToString()));

    [Test]
    public void The_pages_have_csharp_blocks_and_the_samples_project_has_regions()
    {
        Assert.That(CSharpBlocks().Count(), Is.GreaterThanOrEqualTo(30));
        Assert.That(SampleRegions.All(), Has.Count.GreaterThanOrEqualTo(30));
    }

    [TestCaseSource(nameof(CSharpBlocks))]
    public void A_csharp_block_is_the_region_it_names(CodeBlock block)
    {
        Assert.That(block.SampleName, Is.Not.Null, $"{block}: put <!-- sample: name --> before the block and the code in a #region name of docs/samples.");
        Assert.That(SampleRegions.All().TryGetValue(block.SampleName!, out var region), Is.True, $"{block}: no region {block.SampleName} in docs/samples.");

        Assert.That(Normalize(block.Text), Is.EqualTo(Normalize(region!.Text)), $"{block} differs from {region.Location}.");
    }

    [Test]
    public void Every_region_of_the_samples_is_shown_once()
    {
        var shown = CSharpBlocks().Select(data => ((CodeBlock)data.Arguments[0]!).SampleName).OfType<string>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(SampleRegions.All().Keys.Except(shown), Is.Empty, "regions no page shows");
            Assert.That(shown.GroupBy(name => name).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "regions shown twice");
        });
    }

    [Test]
    public void Sample_markers_stand_only_before_csharp_blocks()
    {
        var misplaced = RepositoryFiles.PagesWithSamples()
            .SelectMany(path => MarkdownPage.Read(path).FencedBlocks())
            .Where(block => block.SampleName is not null && block.Language is not ("csharp" or "cs" or "c#"))
            .Select(block => block.ToString());

        Assert.That(misplaced, Is.Empty);
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd())).Trim('\n');
}
