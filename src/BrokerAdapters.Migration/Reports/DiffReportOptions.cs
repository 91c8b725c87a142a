namespace BrokerAdapters.Migration;

/// <summary>What a diff report says about its sides and how long it gets.</summary>
public sealed class DiffReportOptions
{
    /// <summary>Gets the report's title; <c>Customer diff</c> by default.</summary>
    public string Title { get; init; } = "Customer diff";

    /// <summary>Gets a label of the source side, e.g. <c>cmfbl company 360</c> or a file name; none by default.</summary>
    public string? SourceName { get; init; }

    /// <summary>Gets a label of the target side; none by default.</summary>
    public string? TargetName { get; init; }

    /// <summary>
    /// Gets how many changed and how many ambiguous customers the Markdown and HTML reports list (each); 1000 by
    /// default. The counts always cover everything; JSON and CSV always list everything.
    /// </summary>
    public int MaxRows { get; init; } = 1000;
}
