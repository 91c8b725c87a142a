using System.Text;
using System.Text.RegularExpressions;

namespace BrokerAdapters.Tests.Documentation;

/// <summary>What the documentation tests read from a Markdown page: its C# blocks, its links and its anchors.</summary>
public sealed partial class MarkdownPage
{
    private MarkdownPage(string path, string[] lines)
    {
        Path = path;
        Lines = lines;
    }

    public string Path { get; }

    public string[] Lines { get; }

    public static MarkdownPage Read(string path) =>
        new(path, File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n'));

    /// <summary>Every fenced block whose language is C#, with the sample named before it (or null).</summary>
    public IEnumerable<CodeBlock> CSharpBlocks()
    {
        foreach (var block in FencedBlocks())
        {
            if (block.Language is "csharp" or "cs" or "c#")
            {
                yield return block;
            }
        }
    }

    public IEnumerable<CodeBlock> FencedBlocks()
    {
        for (var i = 0; i < Lines.Length; i++)
        {
            var open = Fence().Match(Lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var start = i;
            var body = new List<string>();
            for (i++; i < Lines.Length && Lines[i].TrimEnd() != open.Groups["fence"].Value; i++)
            {
                body.Add(Lines[i]);
            }

            yield return new CodeBlock(
                this,
                start + 1,
                open.Groups["language"].Value.Trim().ToLowerInvariant(),
                SampleNameBefore(start),
                string.Join('\n', body));
        }
    }

    /// <summary>The links of the page outside code: <c>[text](target)</c>, with their line numbers.</summary>
    public IEnumerable<(int Line, string Target)> Links()
    {
        var inFence = false;
        for (var i = 0; i < Lines.Length; i++)
        {
            if (Fence().IsMatch(Lines[i]))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var text = InlineCode().Replace(Lines[i], string.Empty);
            foreach (Match link in Link().Matches(text))
            {
                yield return (i + 1, link.Groups["target"].Value);
            }
        }
    }

    /// <summary>The anchors GitHub gives the page's headings (lower case, punctuation dropped, spaces as dashes, -1… for repeats).</summary>
    public IReadOnlySet<string> Anchors()
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in Lines)
        {
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }

            var heading = Heading().Match(line);
            if (inFence || !heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["text"].Value);
            var unique = slug;
            for (var n = 1; !anchors.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    public static string Slug(string heading)
    {
        var text = MarkdownLink().Replace(heading, "${text}");
        var slug = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private string? SampleNameBefore(int fenceLine)
    {
        for (var i = fenceLine - 1; i >= 0; i--)
        {
            if (Lines[i].Trim().Length == 0)
            {
                continue;
            }

            var marker = SampleMarker().Match(Lines[i]);
            return marker.Success ? marker.Groups["name"].Value : null;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<fence>```+)(?<language>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*sample:\s*(?<name>[A-Za-z0-9_.-]+)\s*-->\s*$")]
    private static partial Regex SampleMarker();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}

/// <summary>A fenced code block: where it starts (1-based line of the fence), its language, its sample name and its text.</summary>
public sealed record CodeBlock(MarkdownPage Page, int Line, string Language, string? SampleName, string Text)
{
    public override string ToString() => $"{RepositoryFiles.Relative(Page.Path)}:{Line}";
}
