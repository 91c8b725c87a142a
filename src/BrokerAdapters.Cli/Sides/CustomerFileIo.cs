using System.Runtime.CompilerServices;
using BrokerAdapters.Migration;

namespace BrokerAdapters.Cli.Sides;

/// <summary>Customer files as the commands read and write them: the format from the name, errors that name the file.</summary>
internal static class CustomerFileIo
{
    /// <summary>The extensions of customer files, which make a <c>--source</c> or <c>--target</c> value a file.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jsonl", ".ndjson", ".json", ".csv"];

    /// <summary>Tells whether a name has the extension of a customer file.</summary>
    /// <param name="path">The name or path.</param>
    /// <returns><see langword="true"/> for <c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c> and <c>.csv</c>.</returns>
    public static bool HasCustomerFileExtension(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>The format a file's name implies: CSV for <c>.csv</c>, JSON Lines otherwise.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The format.</returns>
    public static CustomerFileFormat FormatOf(string path) =>
        string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase) ? CustomerFileFormat.Csv : CustomerFileFormat.JsonLines;

    /// <summary>The format's name as options and output spell it.</summary>
    /// <param name="format">The format.</param>
    /// <returns><c>jsonl</c> or <c>csv</c>.</returns>
    public static string Name(CustomerFileFormat format) => format == CustomerFileFormat.Csv ? "csv" : "jsonl";

    /// <summary>Streams a file's customers; a record that is not a valid customer ends the stream with a <see cref="CustomerFileException"/> naming the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">Its format.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The customers, in file order.</returns>
    public static IAsyncEnumerable<Customer> ReadAsync(string path, CustomerFileFormat format, CancellationToken cancellationToken)
    {
        var customers = format == CustomerFileFormat.Csv
            ? CustomerCsv.ReadFileAsync(path, cancellationToken)
            : CustomerJsonLines.ReadFileAsync(path, cancellationToken);
        return NameErrorsAsync(path, customers, cancellationToken);
    }

    /// <summary>Writes customers to a file, replacing it only once every customer is written (a failure leaves no half file).</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">Its format.</param>
    /// <param name="customers">The customers.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>How many customers were written.</returns>
    public static Task<long> WriteAsync(string path, CustomerFileFormat format, IAsyncEnumerable<Customer> customers, CancellationToken cancellationToken) =>
        Output.OutputFiles.ReplaceAsync(path, partial => format == CustomerFileFormat.Csv
            ? CustomerCsv.WriteFileAsync(partial, customers, cancellationToken)
            : CustomerJsonLines.WriteFileAsync(partial, customers, cancellationToken));

    /// <summary>
    /// Counts a file's records quickly, for a progress bar: its non-blank lines, less the header for CSV. A CSV value
    /// with a line break in it makes the count a little high, which a progress bar can live with.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="format">Its format.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>About how many customers the file holds.</returns>
    public static async Task<long> CountRecordsAsync(string path, CustomerFileFormat format, CancellationToken cancellationToken)
    {
        long lines = 0;
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines++;
            }
        }

        return format == CustomerFileFormat.Csv ? Math.Max(0, lines - 1) : lines;
    }

    private static async IAsyncEnumerable<Customer> NameErrorsAsync(
        string path, IAsyncEnumerable<Customer> customers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = customers.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (CustomerFormatException ex)
                {
                    throw new CustomerFileException(path, ex);
                }

                yield return enumerator.Current;
            }
        }
    }
}
