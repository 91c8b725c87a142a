using System.Runtime.CompilerServices;

namespace BrokerAdapters.Migration;

/// <summary>Reads the mapping out of a migration journal (see <see cref="MigrationOptions.JournalPath"/>).</summary>
public static class MigrationJournal
{
    /// <summary>
    /// Reads which target customer each source customer became: one entry per source key that a run created or
    /// found in the target, with its latest target id and number, in the order the source keys first appeared.
    /// Registrations that failed or whose outcome is unknown are not mapped.
    /// </summary>
    /// <param name="journalPath">The journal; a missing file has no entries.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="InvalidDataException">A line other than the last is not a journal record.</exception>
    public static IAsyncEnumerable<MigrationMappingEntry> ReadMappingAsync(string journalPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(journalPath);
        return ReadMappingCoreAsync(journalPath, cancellationToken);
    }

    private static async IAsyncEnumerable<MigrationMappingEntry> ReadMappingCoreAsync(string journalPath, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = await MigrationJournalState.LoadAsync(journalPath, cancellationToken).ConfigureAwait(false);
        foreach (var entry in state.Entries)
        {
            if (entry.Status == MigrationJournalStatus.Done)
            {
                yield return new MigrationMappingEntry(entry.SourceKey, entry.SourceNumber, entry.TargetId, entry.TargetNumber, entry.Created);
            }
        }
    }
}
