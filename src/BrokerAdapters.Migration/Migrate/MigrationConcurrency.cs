using System.Runtime.CompilerServices;

namespace BrokerAdapters.Migration;

/// <summary>Bounded, order-preserving concurrency over a stream: at most N items in flight, results in source order.</summary>
internal static class MigrationConcurrency
{
    public static async IAsyncEnumerable<TResult> SelectOrderedAsync<TItem, TResult>(
        IAsyncEnumerable<TItem> source,
        Func<TItem, CancellationToken, Task<TResult>> selector,
        int maxConcurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<Task<TResult>>(maxConcurrency);
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (window.Count == maxConcurrency)
                {
                    yield return await window.Dequeue().ConfigureAwait(false);
                }

                window.Enqueue(Start(selector, item, stop.Token));
            }

            while (window.Count > 0)
            {
                yield return await window.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            // The consumer stopped early or something failed: cancel what is in flight and let it settle.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(window.Cast<Task>()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // Task.Run, so that a selector that completes synchronously up to its first await does not serialise the window.
    private static Task<TResult> Start<TItem, TResult>(Func<TItem, CancellationToken, Task<TResult>> selector, TItem item, CancellationToken cancellationToken) =>
        Task.Run(() => selector(item, cancellationToken), CancellationToken.None);
}
