using System.Runtime.CompilerServices;

namespace BrokerAdapters.Migration;

/// <summary>Reading the source side of a migration.</summary>
public static class MigrationSources
{
    /// <summary>
    /// Lists a registry's customers with every field it keeps: each listed customer is read again with
    /// <see cref="IUserRegistry.FindAsync"/> by number, at most <paramref name="maxConcurrency"/> at a time, in list
    /// order. CMFBL's list answers leave out fields its detail has (country, external id) that a target may require;
    /// a registry that cannot find by number is listed as is. A customer gone between the list and the read is kept
    /// as listed.
    /// </summary>
    /// <param name="source">The registry to read.</param>
    /// <param name="query">Paging options for the list.</param>
    /// <param name="maxConcurrency">How many reads at a time; default <see cref="MigrationOptions.DefaultMaxConcurrency"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The customers.</returns>
    public static IAsyncEnumerable<Customer> ListWithDetailsAsync(
        this IUserRegistry source,
        CustomerQuery? query = null,
        int maxConcurrency = MigrationOptions.DefaultMaxConcurrency,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var listed = source.ListAsync(query, cancellationToken);
        return source.Descriptor.Supports(UserRegistryCapabilities.Find, CustomerLookupKind.Number)
            ? WithDetailsAsync(source, listed, maxConcurrency, cancellationToken)
            : listed;
    }

    private static async IAsyncEnumerable<Customer> WithDetailsAsync(
        IUserRegistry source, IAsyncEnumerable<Customer> listed, int maxConcurrency, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var detailed = MigrationConcurrency.SelectOrderedAsync(
            listed,
            async (customer, token) => string.IsNullOrWhiteSpace(customer.Number)
                ? customer
                : await source.FindAsync(CustomerLookup.ByNumber(customer.Number), token).ConfigureAwait(false) ?? customer,
            maxConcurrency,
            cancellationToken);
        await foreach (var customer in detailed.ConfigureAwait(false))
        {
            yield return customer;
        }
    }
}
