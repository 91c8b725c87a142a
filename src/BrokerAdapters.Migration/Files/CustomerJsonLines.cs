using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace BrokerAdapters.Migration;

/// <summary>
/// Reads and writes customers as JSON Lines (UTF-8, one customer object per line), streaming: a file of any size is
/// read and written with a buffer of one line. The schema is that of <c>brokeradapters list --json</c>, so a list's
/// output is a valid side of a diff:
/// <code>
/// {"provider":"Cmfbl","id":"1001","number":"86000001","externalId":"ext-1","email":"ann@example.com",
///  "phone":{"countryCode":"+852","number":"91234567","e164":"+85291234567"},"country":"HK",
///  "name":{"given":"Ann","middle":null,"family":"Lee","full":null},"birthDate":"1990-01-31","address":null,
///  "language":"en-US","timeZone":"UTC+8:00","source":"System","groupId":"1","attribution":null,"clientIp":null,
///  "device":null,"status":"Active","kycStatus":"1","createdAt":"2024-05-01T08:00:00+00:00","updatedAt":null,
///  "lastLoginAt":null,"extra":{"companyId":"360"}}
/// </code>
/// (shown wrapped; one line in the file). Every value of <see cref="Customer"/> round-trips exactly. Blank lines are
/// skipped and unknown properties ignored.
/// </summary>
public static class CustomerJsonLines
{
    private const int InitialBufferSize = 64 * 1024;
    private const int FlushThreshold = 60 * 1024;

    /// <summary>Gets or sets the longest line read, in bytes; longer lines are refused. 64 MiB by default.</summary>
    internal static int MaxLineLength { get; set; } = 64 * 1024 * 1024;

    /// <summary>Streams the customers of a JSON Lines stream, reading as the caller consumes them. The stream is left open.</summary>
    /// <param name="stream">The UTF-8 input (a byte order mark is skipped).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The customers, in file order.</returns>
    /// <exception cref="CustomerFormatException">A line is not a valid customer (thrown when that line is reached).</exception>
    public static IAsyncEnumerable<Customer> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCoreAsync(stream, null, cancellationToken);
    }

    /// <summary>Streams the customers of a JSON Lines file; the file is opened when the enumeration starts and closed when it ends.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The customers, in file order.</returns>
    /// <exception cref="CustomerFormatException">A line is not a valid customer (thrown when that line is reached).</exception>
    public static IAsyncEnumerable<Customer> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadCoreAsync(null, path, cancellationToken);
    }

    /// <summary>Writes customers as JSON Lines, one per line, as they arrive. The stream is flushed and left open.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="customers">The customers.</param>
    /// <param name="cancellationToken">Cancels the writing and the enumeration of <paramref name="customers"/>.</param>
    /// <returns>How many customers were written.</returns>
    public static async Task<long> WriteAsync(Stream stream, IAsyncEnumerable<Customer> customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(customers);
        var buffer = new ArrayBufferWriter<byte>(InitialBufferSize);
        long count = 0;
        using (var writer = new Utf8JsonWriter(buffer, CustomerJson.WriterOptions))
        {
            await foreach (var customer in customers.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                ArgumentNullException.ThrowIfNull(customer, nameof(customers));
                CustomerJson.Write(writer, customer);
                writer.Flush();
                writer.Reset();
                buffer.Write("\n"u8);
                count++;
                if (buffer.WrittenCount >= FlushThreshold)
                {
                    await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    buffer.ResetWrittenCount();
                }
            }
        }

        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Writes customers to a JSON Lines file, replacing it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="customers">The customers.</param>
    /// <param name="cancellationToken">Cancels the writing and the enumeration of <paramref name="customers"/>.</param>
    /// <returns>How many customers were written.</returns>
    public static async Task<long> WriteFileAsync(string path, IAsyncEnumerable<Customer> customers, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(customers);
        var file = CustomerFiles.Create(path);
        await using (file.ConfigureAwait(false))
        {
            return await WriteAsync(file, customers, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Serialises one customer as its JSON Lines line, without the line break.</summary>
    internal static string ToLine(Customer customer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CustomerJson.WriterOptions))
        {
            CustomerJson.Write(writer, customer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static async IAsyncEnumerable<Customer> ReadCoreAsync(Stream? input, string? path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = input ?? CustomerFiles.OpenRead(path!);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            int start = 0, end = 0;
            long line = 0;
            var endOfInput = false;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0 && !endOfInput)
                {
                    if (end - start >= MaxLineLength)
                    {
                        throw new CustomerFormatException(line + 1, $"the line is longer than {MaxLineLength} bytes.");
                    }

                    if (start > 0)
                    {
                        buffer.AsSpan(start, end - start).CopyTo(buffer);
                        end -= start;
                        start = 0;
                    }
                    else if (end == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, end).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        endOfInput = true;
                    }

                    end += read;
                    continue;
                }

                if (newline < 0 && start == end)
                {
                    yield break;
                }

                var length = newline < 0 ? end - start : newline;
                line++;
                var customer = ParseLine(buffer.AsSpan(start, length), line);
                start += newline < 0 ? length : length + 1;
                if (customer is not null)
                {
                    yield return customer;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (input is null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static Customer? ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        if (lineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return line.Trim(" \t"u8).IsEmpty ? null : CustomerJson.Read(line, lineNumber);
    }
}
