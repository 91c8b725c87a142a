using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace BrokerAdapters.Migration;

/// <summary>
/// Reads a side on a thread of its own, a bounded number of customers ahead of the diff, and computes their normalised
/// keys there: parsing a file or waiting for a provider's pages, and the phone numbers' E.164 forms, overlap with
/// indexing and comparing on the diff's thread. At most <see cref="Capacity"/> batches of <see cref="BatchSize"/>
/// customers wait at any time, so memory stays bounded whatever the side's size.
/// </summary>
internal static class SideReader
{
    /// <summary>Customers per batch.</summary>
    public const int BatchSize = 256;

    /// <summary>Batches that may wait to be consumed.</summary>
    public const int Capacity = 4;

    /// <summary>The most customers read ahead of the consumer: the waiting batches, the one being filled and the one being consumed.</summary>
    public const int MaxReadAhead = (Capacity + 2) * BatchSize;

    public static async IAsyncEnumerable<PreparedBatch> ReadAsync(
        IAsyncEnumerable<Customer> side, DiffPlan plan, string sideName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(side, plan, sideName, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    yield return batch;
                }
            }
        }
        finally
        {
            // Stopped early (cancelled, failed, or the consumer broke off): stop reading the side too.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Expected after the stop.
            }
        }
    }

    private static async Task ProduceAsync(
        IAsyncEnumerable<Customer> side, DiffPlan plan, string sideName, ChannelWriter<PreparedBatch> writer, CancellationToken cancellationToken)
    {
        try
        {
            var keyCount = plan.Keys.Length;
            var keys = new string?[keyCount];
            var batch = new PreparedBatch(BatchSize, keyCount);
            await foreach (var customer in side.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var index = batch.Count;
                batch.Customers[index] = customer ?? throw new InvalidOperationException($"The {sideName} side yielded a null customer.");
                batch.Phones[index] = plan.ComputeKeys(customer, keys);
                Array.Copy(keys, 0, batch.Keys, index * keyCount, keyCount);
                batch.Count++;
                if (batch.IsFull)
                {
                    await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch = new PreparedBatch(BatchSize, keyCount);
                }
            }

            if (batch.Count > 0)
            {
                await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }
    }
}
