using System.Text.RegularExpressions;

namespace BrokerAdapters.Tests.Documentation;

/// <summary>The <c>#region name</c> … <c>#endregion</c> blocks of the samples project, each with its common indentation removed.</summary>
internal static partial class SampleRegions
{
    public static IReadOnlyDictionary<string, SampleRegion> All() => Lazy.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, SampleRegion>> Lazy = new(ReadAll);

    private static Dictionary<string, SampleRegion> ReadAll()
    {
        var regions = new Dictionary<string, SampleRegion>(StringComparer.Ordinal);
        foreach (var path in RepositoryFiles.SampleSources())
        {
            var lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var start = RegionStart().Match(lines[i]);
                if (!start.Success)
                {
                    continue;
                }

                var name = start.Groups["name"].Value;
                var body = new List<string>();
                var line = i + 1;
                for (i++; ; i++)
                {
                    if (i == lines.Length || RegionStart().IsMatch(lines[i]))
                    {
                        throw new InvalidDataException($"{RepositoryFiles.Relative(path)}:{line}: region {name} has no #endregion before the next region or the end.");
                    }

                    if (RegionEnd().IsMatch(lines[i]))
                    {
                        break;
                    }

                    body.Add(lines[i]);
                }

                var region = new SampleRegion(name, $"{RepositoryFiles.Relative(path)}:{line}", Dedent(body));
                if (!regions.TryAdd(name, region))
                {
                    throw new InvalidDataException($"{region.Location}: region {name} is also at {regions[name].Location}.");
                }
            }
        }

        return regions;
    }

    private static string Dedent(List<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..]));
    }

    [GeneratedRegex(@"^\s*#region\s+(?<name>\S+)\s*$")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"^\s*#endregion\b")]
    private static partial Regex RegionEnd();
}

internal sealed record SampleRegion(string Name, string Location, string Text);
