namespace BrokerAdapters.Migration;

/// <summary>
/// The results of <see cref="CustomerDiff.Compare"/>: an asynchronous stream of <see cref="CustomerDiffEntry"/>, and the
/// <see cref="Summary"/> that counts them as they are consumed. Nothing is read until the stream is enumerated, and it
/// can be enumerated once (its sides are streams that may not be readable twice).
/// </summary>
public sealed class CustomerDiffResults : IAsyncEnumerable<CustomerDiffEntry>
{
    private readonly IAsyncEnumerable<Customer> _source;
    private readonly IAsyncEnumerable<Customer> _target;
    private readonly DiffPlan _plan;
    private int _started;

    internal CustomerDiffResults(IAsyncEnumerable<Customer> source, IAsyncEnumerable<Customer> target, DiffOptions options, DiffPlan plan)
    {
        _source = source;
        _target = target;
        _plan = plan;
        Options = options;
    }

    /// <summary>Gets the options the diff runs with.</summary>
    public DiffOptions Options { get; }

    /// <summary>Gets the counts, updated as the results are consumed.</summary>
    public DiffSummary Summary { get; } = new();

    /// <summary>Starts the diff: reads and indexes the whole target side, then streams the source side.</summary>
    /// <param name="cancellationToken">Cancels the diff, including the reading of both sides.</param>
    /// <returns>The enumerator.</returns>
    /// <exception cref="InvalidOperationException">The results were enumerated before.</exception>
    public IAsyncEnumerator<CustomerDiffEntry> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A diff's results can be enumerated once; call CustomerDiff.Compare again to run it again.");
        }

        return DiffEngine.RunAsync(_source, _target, _plan, Summary, CancellationToken.None).GetAsyncEnumerator(cancellationToken);
    }
}
