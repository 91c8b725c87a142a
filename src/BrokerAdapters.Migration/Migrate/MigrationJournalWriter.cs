using System.Text;

namespace BrokerAdapters.Migration;

/// <summary>
/// Appends records to a journal, one line each, flushed to disk before the call returns, so that a crash loses at
/// most the line being written. Holds the file open exclusively (on Unix an advisory lock, which other runs of this
/// library respect), so two runs cannot write one journal at once. Thread-safe.
/// </summary>
internal sealed class MigrationJournalWriter : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private MigrationJournalWriter(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>Opens (or creates) the journal for appending, first removing a torn last line left by a crash.</summary>
    /// <exception cref="IOException">The journal is in use by another run.</exception>
    public static MigrationJournalWriter Open(string path)
    {
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        });
        try
        {
            stream.SetLength(EndOfLastCompleteLine(stream));
            stream.Seek(0, SeekOrigin.End);
            return new MigrationJournalWriter(stream, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the journal through the handle that holds it, so that the state a run resumes from cannot change
    /// between reading and writing (another run cannot open the journal meanwhile).
    /// </summary>
    public async Task<MigrationJournalState> ReadStateAsync(CancellationToken cancellationToken)
    {
        var state = new MigrationJournalState();
        _stream.Seek(0, SeekOrigin.Begin);
        await state.ReadAsync(_stream, _path, cancellationToken).ConfigureAwait(false);
        _stream.Seek(0, SeekOrigin.End);
        return state;
    }

    public async Task AppendAsync(MigrationJournalRecord record)
    {
        var bytes = Encoding.UTF8.GetBytes(MigrationJson.Serialize(record) + "\n");

        // Not cancellable: a record that describes a registration must be written whatever the caller does.
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
            _stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <summary>The length of the file up to and including its last line feed (0 when it has none).</summary>
    private static long EndOfLastCompleteLine(FileStream stream)
    {
        var length = stream.Length;
        if (length == 0)
        {
            return 0;
        }

        var buffer = new byte[4096];
        var end = length;
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            var count = (int)(end - start);
            stream.Seek(start, SeekOrigin.Begin);
            stream.ReadExactly(buffer, 0, count);
            var at = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (at >= 0)
            {
                return start + at + 1;
            }

            end = start;
        }

        return 0;
    }
}
