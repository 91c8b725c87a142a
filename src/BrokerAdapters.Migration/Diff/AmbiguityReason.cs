namespace BrokerAdapters.Migration;

/// <summary>Why a source customer is <see cref="DiffCategory.Ambiguous"/>.</summary>
public enum AmbiguityReason
{
    /// <summary>Different match keys lead to different target customers (e.g. the email to one, the phone to another).</summary>
    ConflictingKeys,

    /// <summary>One of the source customer's key values is shared by several target customers.</summary>
    SharedKeyValue,

    /// <summary>The only target customer it matches was already matched by an earlier source customer.</summary>
    AlreadyMatched,
}
