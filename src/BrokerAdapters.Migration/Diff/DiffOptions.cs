namespace BrokerAdapters.Migration;

/// <summary>How <see cref="CustomerDiff"/> matches and compares customers.</summary>
public sealed class DiffOptions
{
    /// <summary>Gets the default match keys: <c>ExternalId, Email, Phone, Number</c>.</summary>
    public static IReadOnlyList<MatchKey> DefaultMatchKeys => CustomerKeys.DefaultOrder;

    /// <summary>
    /// Gets the fields ignored by default: the provider-specific identity (<c>Provider</c>, <c>Id</c>, <c>Number</c>) and
    /// the timestamps (<c>CreatedAt</c>, <c>UpdatedAt</c>, <c>LastLoginAt</c>), which differ between any two providers.
    /// </summary>
    public static IReadOnlyList<string> DefaultIgnoredFields { get; } =
        ["Provider", "Id", "Number", "CreatedAt", "UpdatedAt", "LastLoginAt"];

    /// <summary>Gets every field path a diff compares, e.g. <c>Name.Family</c>; <c>Extra.*</c> members come on top when <see cref="CompareExtra"/> is set.</summary>
    public static IReadOnlyList<string> ComparableFields => CustomerFields.Paths;

    /// <summary>
    /// Gets the keys that identify the same person on both sides, in priority order; defaults to
    /// <see cref="DefaultMatchKeys"/>. Every key is looked up: a customer whose keys lead to different target customers
    /// is ambiguous, never guessed. The priority decides which key an entry reports as its <see cref="CustomerDiffEntry.MatchKey"/>.
    /// </summary>
    public IReadOnlyList<MatchKey> MatchKeys { get; init; } = DefaultMatchKeys;

    /// <summary>
    /// Gets the field paths not compared (case-insensitive): any of <see cref="ComparableFields"/>, a group
    /// (<c>Name</c>, <c>Address</c>, <c>Attribution</c>, <c>Extra</c>) or one provider field (<c>Extra.companyId</c>).
    /// Defaults to <see cref="DefaultIgnoredFields"/>; to ignore more, pass <c>[.. DiffOptions.DefaultIgnoredFields, "GroupId"]</c>.
    /// </summary>
    public IReadOnlyCollection<string> IgnoredFields { get; init; } = DefaultIgnoredFields;

    /// <summary>Gets a value indicating whether the provider-only fields (<see cref="Customer.Extra"/>) are compared too, each as <c>Extra.name</c>. Off by default: two providers' extras rarely have anything in common.</summary>
    public bool CompareExtra { get; init; }
}
