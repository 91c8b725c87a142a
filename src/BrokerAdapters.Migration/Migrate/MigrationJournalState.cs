using System.Globalization;
using Newtonsoft.Json;

namespace BrokerAdapters.Migration;

/// <summary>Where each source customer stands according to a journal: the checkpoint a run resumes from, and the mapping.</summary>
internal sealed class MigrationJournalState
{
    private readonly Dictionary<string, MigrationJournalEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Gets the source keys the journal knows, each with its latest state, in the order they first appeared.</summary>
    public IEnumerable<MigrationJournalEntry> Entries => _order.Select(key => _entries[key]);

    public int Count => _entries.Count;

    public bool TryGet(string sourceKey, out MigrationJournalEntry entry) => _entries.TryGetValue(sourceKey, out entry!);

    /// <summary>Reads a journal; a missing file is an empty journal. A torn last line (a crash mid-write) is ignored.</summary>
    /// <exception cref="InvalidDataException">A line other than the last is not a journal record; the message names the line, not its content.</exception>
    public static async Task<MigrationJournalState> LoadAsync(string? path, CancellationToken cancellationToken)
    {
        var state = new MigrationJournalState();
        if (path is null || !File.Exists(path))
        {
            return state;
        }

        var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite });
        await using (stream.ConfigureAwait(false))
        {
            await state.ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
        }

        return state;
    }

    /// <summary>Reads journal records from <paramref name="stream"/>'s current position to its end, leaving it open.</summary>
    internal async Task ReadAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        var lineNumber = 0;
        int? torn = null;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (torn is { } earlier)
            {
                throw Invalid(path, earlier, "is not a journal record");
            }

            MigrationJournalRecord? record;
            try
            {
                record = MigrationJson.Deserialize<MigrationJournalRecord>(line);
            }
            catch (JsonException)
            {
                // Only the last line may be torn; decided when the next line comes (or does not).
                torn = lineNumber;
                continue;
            }

            if (record is null)
            {
                torn = lineNumber;
                continue;
            }

            Apply(record, path, lineNumber);
        }
    }

    private void Apply(MigrationJournalRecord record, string path, int line)
    {
        if (record.Version != MigrationJournalRecord.CurrentVersion)
        {
            throw Invalid(path, line, string.Create(CultureInfo.InvariantCulture, $"has format version {record.Version}; this library reads version {MigrationJournalRecord.CurrentVersion}"));
        }

        if (record.Type == MigrationJournalRecord.RunType)
        {
            return;
        }

        if (record.Type is not (MigrationJournalRecord.AttemptType or MigrationJournalRecord.ResultType) || string.IsNullOrEmpty(record.SourceKey))
        {
            throw Invalid(path, line, "is not a run, attempt or result record with a sourceKey");
        }

        var key = record.SourceKey;
        _entries.TryGetValue(key, out var previous);
        var sourceNumber = record.SourceNumber ?? previous?.SourceNumber;
        MigrationJournalEntry next;
        if (record.Type == MigrationJournalRecord.AttemptType)
        {
            next = new MigrationJournalEntry(key, MigrationJournalStatus.InDoubt, sourceNumber, null, null, false);
        }
        else if (Is(record.Outcome, MigrationOutcome.Created))
        {
            next = new MigrationJournalEntry(key, MigrationJournalStatus.Done, sourceNumber, record.TargetId, record.TargetNumber, true);
        }
        else if (Is(record.Outcome, MigrationOutcome.Skipped) && Is(record.Reason, MigrationSkipReason.AlreadyExists))
        {
            next = new MigrationJournalEntry(key, MigrationJournalStatus.Done, sourceNumber, record.TargetId, record.TargetNumber, false);
        }
        else if (Is(record.Outcome, MigrationOutcome.Failed))
        {
            var inDoubt = string.Equals(record.ErrorKind, nameof(UserRegistryErrorKind.OutcomeUnknown), StringComparison.Ordinal);
            next = new MigrationJournalEntry(key, inDoubt ? MigrationJournalStatus.InDoubt : MigrationJournalStatus.Failed, sourceNumber, null, null, false);
        }
        else
        {
            throw Invalid(path, line, "has an outcome this library does not know");
        }

        if (previous is null)
        {
            _order.Add(key);
        }

        _entries[key] = next;
    }

    private static bool Is<TEnum>(string? text, TEnum value)
        where TEnum : struct, Enum =>
        string.Equals(text, value.ToString(), StringComparison.Ordinal);

    private static InvalidDataException Invalid(string path, int line, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Line {line} of the migration journal '{path}' {what}."));
}
