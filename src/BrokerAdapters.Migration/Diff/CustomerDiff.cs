namespace BrokerAdapters.Migration;

/// <summary>
/// Compares two sides of customers field by field: a source and a target, each any
/// <see cref="IAsyncEnumerable{T}"/> of <see cref="Customer"/> (a registry's <see cref="IUserRegistry.ListAsync"/>, a
/// <see cref="CustomerJsonLines"/> or <see cref="CustomerCsv"/> file, or anything else).
/// </summary>
/// <remarks>
/// <para>
/// The target side is read first into a compact index; the source side is then streamed, each customer matched by
/// <see cref="DiffOptions.MatchKeys"/> (normalised by <see cref="CustomerKeys"/>) and reported at once; finally every
/// target customer nothing matched is reported as <see cref="DiffCategory.OnlyInTarget"/>, in target order.
/// </para>
/// <para>
/// Time is O(S + T) expected (hash lookups, one pass over each side); memory is O(T), the index of the target side only:
/// the UTF-8 bytes of the compared values plus about 25 bytes per match key per customer (about 400 bytes per typical
/// customer; neither side nor the results are ever held). Put the smaller side as the target when sides differ in size.
/// </para>
/// <para>
/// A source customer whose keys lead to different target customers, whose key value several target customers share,
/// or whose only match was already claimed by an earlier source customer is <see cref="DiffCategory.Ambiguous"/>: the
/// diff never guesses.
/// </para>
/// </remarks>
public static class CustomerDiff
{
    /// <summary>Prepares a diff; it runs when the returned results are enumerated.</summary>
    /// <param name="source">The side customers come from (streamed).</param>
    /// <param name="target">The side customers are compared with (indexed).</param>
    /// <param name="options">How to match and compare; the defaults when <see langword="null"/>.</param>
    /// <returns>The results, with their summary.</returns>
    /// <exception cref="ArgumentException">The options are invalid (no match key, an unknown ignored field…).</exception>
    public static CustomerDiffResults Compare(IAsyncEnumerable<Customer> source, IAsyncEnumerable<Customer> target, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        options ??= new DiffOptions();
        return new CustomerDiffResults(source, target, options, DiffPlan.Create(options));
    }
}
