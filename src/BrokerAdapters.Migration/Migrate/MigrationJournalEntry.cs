namespace BrokerAdapters.Migration;

/// <summary>The latest state of one source key in a journal.</summary>
internal sealed record MigrationJournalEntry(
    string SourceKey,
    MigrationJournalStatus Status,
    string? SourceNumber,
    string? TargetId,
    string? TargetNumber,
    bool Created);
