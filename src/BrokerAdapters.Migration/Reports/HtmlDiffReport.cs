using System.Globalization;
using System.Text;
using System.Xml;

namespace BrokerAdapters.Migration;

/// <summary>
/// A self-contained page: inline CSS, the counts as an inline SVG bar chart, and tables. No script, no external asset,
/// and a Content-Security-Policy that forbids both. Written through an <see cref="XmlWriter"/>, so that every value is
/// escaped and the page is well-formed XHTML (it parses as XML as well as HTML).
/// </summary>
internal static class HtmlDiffReport
{
    private const string Xhtml = "http://www.w3.org/1999/xhtml";
    private const string Svg = "http://www.w3.org/2000/svg";

    // No '<', '>' or '&': the style element's text is escaped like any other.
    private const string Style = """
        body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2rem; color: #1f2328; }
        h1 { margin-bottom: 0.25rem; }
        .sides, .options { color: #59636e; }
        table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
        table.wide { width: 100%; }
        th, td { border: 1px solid #d1d9e0; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        td.key { white-space: nowrap; }
        th { background: #f6f8fa; }
        td.count { text-align: right; font-variant-numeric: tabular-nums; }
        td.none { color: #8c959f; font-style: italic; }
        .warning { color: #9a6700; font-weight: bold; }
        svg text { font-size: 13px; fill: #1f2328; }
        """;

    private static readonly string[] Colors = ["#2da44e", "#d4a72c", "#0969da", "#8250df", "#cf222e"];

    public static async Task WriteAsync(CustomerDiffResults results, Stream output, DiffReportOptions options, CancellationToken cancellationToken)
    {
        var digest = await DiffReportDigest.CollectAsync(results, options.MaxRows, cancellationToken).ConfigureAwait(false);

        // Bounded by MaxRows: rendered in memory, then copied out asynchronously.
        using var page = new MemoryStream();
        Render(digest, options, page);
        page.Position = 0;
        await page.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static void Render(DiffReportDigest digest, DiffReportOptions options, Stream output)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            OmitXmlDeclaration = true,
            Indent = true,
            CloseOutput = false,
        };
        // XmlWriter would write "<!DOCTYPE html >": the HTML5 doctype goes out as it is spelled.
        output.Write("<!DOCTYPE html>\n"u8);
        using var html = XmlWriter.Create(output, settings);
        var summary = digest.Summary;
        html.WriteStartElement("html", Xhtml);
        html.WriteAttributeString("lang", "en");
        html.WriteStartElement("head", Xhtml);
        Void(html, "meta", ("charset", "utf-8"));
        Void(html, "meta", ("http-equiv", "Content-Security-Policy"), ("content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:"));
        Void(html, "meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        Element(html, "title", options.Title);
        Element(html, "style", Style);
        html.WriteFullEndElement();

        html.WriteStartElement("body", Xhtml);
        Element(html, "h1", options.Title);
        if (options.SourceName is not null || options.TargetName is not null)
        {
            Element(html, "p", $"Source: {options.SourceName ?? "source"} → target: {options.TargetName ?? "target"}", "sides");
        }

        Element(html, "p", digest.DescribeOptions(), "options");
        if (!summary.IsComplete)
        {
            Element(html, "p", "The diff did not run to its end: the counts are partial.", "warning");
        }

        Section(html, "summary", "Summary");
        Chart(html, summary);
        StartTable(html, "counts", "Category", "Customers");
        foreach (var category in DiffReportDigest.Categories)
        {
            Row(html, (DiffReportDigest.Label(category), null), (Number(summary.Count(category)), "count"));
        }

        Row(html, ("Source customers", null), (Number(summary.SourceCount), "count"));
        Row(html, ("Target customers", null), (Number(summary.TargetCount), "count"));
        EndTable(html);
        html.WriteFullEndElement();

        var fieldChanges = summary.GetFieldChanges();
        if (fieldChanges.Count > 0)
        {
            Section(html, "fields", "Changed fields");
            StartTable(html, "field-counts", "Field", "Customers");
            foreach (var (field, count) in fieldChanges)
            {
                Row(html, (field, null), (Number(count), "count"));
            }

            EndTable(html);
            html.WriteFullEndElement();
        }

        if (summary.Changed > 0)
        {
            Section(html, "changes", "Changes");
            Shown(html, digest.Changed.Count, summary.Changed);
            StartTable(html, "change-rows", "Match", "Source", "Target", "Field", "Source value", "Target value");
            foreach (var entry in digest.Changed)
            {
                foreach (var change in entry.Changes)
                {
                    Row(
                        html,
                        (entry.MatchKey?.ToString() ?? string.Empty, "key"),
                        (DiffReportDigest.Describe(entry.Source), null),
                        (DiffReportDigest.Describe(entry.Target), null),
                        (change.Field, "key"),
                        Value(change.SourceValue),
                        Value(change.TargetValue));
                }
            }

            EndTable(html);
            html.WriteFullEndElement();
        }

        if (summary.Ambiguous > 0)
        {
            Section(html, "ambiguous", "Ambiguous");
            Shown(html, digest.Ambiguous.Count, summary.Ambiguous);
            StartTable(html, "ambiguous-rows", "Source", "Why", "Candidates");
            foreach (var entry in digest.Ambiguous)
            {
                Row(
                    html,
                    (DiffReportDigest.Describe(entry.Source), null),
                    (DiffReportDigest.Label(entry.Ambiguity), null),
                    (string.Join("; ", entry.Candidates.Select(c => DiffReportDigest.Describe(c.Customer) + " by " + string.Join('+', c.Keys))), null));
            }

            EndTable(html);
            html.WriteFullEndElement();
        }

        html.WriteFullEndElement();
        html.WriteFullEndElement();
    }

    /// <summary>Replaces what XML cannot hold (control characters, lone surrogates) with U+FFFD.</summary>
    internal static string Clean(string text)
    {
        var valid = true;
        for (var i = 0; i < text.Length && valid; i++)
        {
            valid = XmlConvert.IsXmlChar(text[i]) || (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]) && ++i > 0);
        }

        if (valid)
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                cleaned.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                cleaned.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else
            {
                cleaned.Append('\uFFFD');
            }
        }

        return cleaned.ToString();
    }

    private static void Chart(XmlWriter html, DiffSummary summary)
    {
        const int labelWidth = 130, barWidth = 420, rowHeight = 28, countWidth = 110;
        var categories = DiffReportDigest.Categories;
        var max = categories.Max(summary.Count);
        var height = (categories.Count * rowHeight) + 8;
        var width = labelWidth + barWidth + countWidth;
        html.WriteStartElement("svg", Svg);
        html.WriteAttributeString("id", "chart");
        html.WriteAttributeString("role", "img");
        html.WriteAttributeString("aria-labelledby", "chart-title");
        html.WriteAttributeString("width", Invariant(width));
        html.WriteAttributeString("height", Invariant(height));
        html.WriteAttributeString("viewBox", $"0 0 {Invariant(width)} {Invariant(height)}");
        html.WriteStartElement("title", Svg);
        html.WriteAttributeString("id", "chart-title");
        html.WriteString("Customers by category");
        html.WriteFullEndElement();
        for (var i = 0; i < categories.Count; i++)
        {
            var count = summary.Count(categories[i]);
            var y = (i * rowHeight) + 4;
            var length = max == 0 ? 0 : (int)Math.Round(barWidth * (double)count / max);
            if (count > 0)
            {
                length = Math.Max(length, 2);
            }

            SvgText(html, 0, y + 18, DiffReportDigest.Label(categories[i]));
            html.WriteStartElement("rect", Svg);
            html.WriteAttributeString("class", "bar");
            html.WriteAttributeString("data-category", categories[i].ToString());
            html.WriteAttributeString("x", Invariant(labelWidth));
            html.WriteAttributeString("y", Invariant(y + 4));
            html.WriteAttributeString("width", Invariant(length));
            html.WriteAttributeString("height", Invariant(rowHeight - 8));
            html.WriteAttributeString("fill", Colors[i % Colors.Length]);
            html.WriteStartElement("title", Svg);
            html.WriteString($"{DiffReportDigest.Label(categories[i])}: {Number(count)}");
            html.WriteFullEndElement();
            html.WriteFullEndElement();
            SvgText(html, labelWidth + length + 6, y + 18, Number(count));
        }

        html.WriteFullEndElement();
    }

    private static void SvgText(XmlWriter html, int x, int y, string text)
    {
        html.WriteStartElement("text", Svg);
        html.WriteAttributeString("x", Invariant(x));
        html.WriteAttributeString("y", Invariant(y));
        html.WriteString(Clean(text));
        html.WriteFullEndElement();
    }

    private static void Section(XmlWriter html, string id, string heading)
    {
        html.WriteStartElement("section", Xhtml);
        html.WriteAttributeString("id", id);
        Element(html, "h2", heading);
    }

    private static void Shown(XmlWriter html, int shown, long total)
    {
        if (shown < total)
        {
            Element(html, "p", $"The first {Number(shown)} of {Number(total)} customers; the JSON and CSV reports list all.");
        }
    }

    private static void StartTable(XmlWriter html, string id, params string[] headings)
    {
        html.WriteStartElement("table", Xhtml);
        html.WriteAttributeString("id", id);
        if (headings.Length > 2)
        {
            html.WriteAttributeString("class", "wide");
        }

        html.WriteStartElement("thead", Xhtml);
        html.WriteStartElement("tr", Xhtml);
        foreach (var heading in headings)
        {
            Element(html, "th", heading);
        }

        html.WriteFullEndElement();
        html.WriteFullEndElement();
        html.WriteStartElement("tbody", Xhtml);
    }

    private static void EndTable(XmlWriter html)
    {
        html.WriteFullEndElement();
        html.WriteFullEndElement();
    }

    private static void Row(XmlWriter html, params (string Text, string? Class)[] cells)
    {
        html.WriteStartElement("tr", Xhtml);
        foreach (var (text, cssClass) in cells)
        {
            Element(html, "td", text, cssClass);
        }

        html.WriteFullEndElement();
    }

    private static (string Text, string? Class) Value(string? value) =>
        value is null ? ("(none)", "none") : value.Length == 0 ? ("(empty)", "none") : (value, null);

    private static void Element(XmlWriter html, string name, string text, string? cssClass = null)
    {
        html.WriteStartElement(name, Xhtml);
        if (cssClass is not null)
        {
            html.WriteAttributeString("class", cssClass);
        }

        html.WriteString(Clean(text));
        html.WriteFullEndElement();
    }

    private static void Void(XmlWriter html, string name, params (string Name, string Value)[] attributes)
    {
        html.WriteStartElement(name, Xhtml);
        foreach (var (attribute, value) in attributes)
        {
            html.WriteAttributeString(attribute, value);
        }

        html.WriteEndElement();
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
