namespace BrokerAdapters.Migration;

/// <summary>What a diff found for one customer.</summary>
public enum DiffCategory
{
    /// <summary>Matched, and every compared field is equal after normalisation.</summary>
    Identical,

    /// <summary>Matched, and at least one compared field differs; <see cref="CustomerDiffEntry.Changes"/> lists them.</summary>
    Changed,

    /// <summary>The source customer matches no target customer.</summary>
    OnlyInSource,

    /// <summary>The target customer was matched by no source customer (nor named as a candidate of an ambiguous one).</summary>
    OnlyInTarget,

    /// <summary>The source customer cannot be matched to one target customer without guessing; <see cref="CustomerDiffEntry.Candidates"/> lists the candidates.</summary>
    Ambiguous,
}
