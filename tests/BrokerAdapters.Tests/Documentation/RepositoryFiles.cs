namespace BrokerAdapters.Tests.Documentation;

/// <summary>The repository's files, found from the test's output directory.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string SamplesDirectory => Path.Combine(Root, "docs", "samples");

    /// <summary>The Markdown pages whose links are checked: README.md and everything under docs/.</summary>
    public static IEnumerable<string> LinkedPages() =>
        new[] { Path.Combine(Root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    /// <summary>The Markdown pages whose C# blocks must be samples: the above and each package's README.</summary>
    public static IEnumerable<string> PagesWithSamples() =>
        LinkedPages()
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "src"), "README.md", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(path)))
            .Order(StringComparer.Ordinal);

    /// <summary>The samples project, the example provider, and the example provider's tests (its emulator and contract tests).</summary>
    public static IEnumerable<string> SampleSources() =>
        Directory.EnumerateFiles(SamplesDirectory, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "tests", "BrokerAdapters.Samples.ExampleCrm.Tests"), "*.cs", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static bool IsBuildOutput(string path)
    {
        var parts = Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BrokerAdapters.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No BrokerAdapters.sln above {AppContext.BaseDirectory}.");
    }
}
