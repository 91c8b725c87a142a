namespace BrokerAdapters.Migration;

/// <summary>
/// The counts of a diff, updated as its results are consumed; complete once the enumeration ends
/// (<see cref="IsComplete"/>). Safe to read from another thread (e.g. a progress display) while the diff runs.
/// </summary>
/// <remarks>
/// <see cref="SourceCount"/> = <see cref="Identical"/> + <see cref="Changed"/> + <see cref="OnlyInSource"/> +
/// <see cref="Ambiguous"/>; <see cref="TargetCount"/> = <see cref="Identical"/> + <see cref="Changed"/> +
/// <see cref="OnlyInTarget"/> + <see cref="AmbiguousInTarget"/>.
/// </remarks>
public sealed class DiffSummary
{
    private readonly Dictionary<string, long> _fieldChanges = new(StringComparer.Ordinal);
    private readonly Lock _fieldLock = new();
    private long _source;
    private long _target;
    private long _identical;
    private long _changed;
    private long _onlyInSource;
    private long _onlyInTarget;
    private long _ambiguous;
    private long _ambiguousInTarget;
    private volatile bool _complete;

    /// <summary>Gets how many source customers were read so far.</summary>
    public long SourceCount => Interlocked.Read(ref _source);

    /// <summary>Gets how many target customers were read (and indexed) so far.</summary>
    public long TargetCount => Interlocked.Read(ref _target);

    /// <summary>Gets how many pairs matched with no difference.</summary>
    public long Identical => Interlocked.Read(ref _identical);

    /// <summary>Gets how many pairs matched with at least one difference.</summary>
    public long Changed => Interlocked.Read(ref _changed);

    /// <summary>Gets how many source customers match no target customer.</summary>
    public long OnlyInSource => Interlocked.Read(ref _onlyInSource);

    /// <summary>Gets how many target customers were matched by no source customer.</summary>
    public long OnlyInTarget => Interlocked.Read(ref _onlyInTarget);

    /// <summary>Gets how many source customers could not be matched without guessing.</summary>
    public long Ambiguous => Interlocked.Read(ref _ambiguous);

    /// <summary>Gets how many target customers were left unmatched because they are candidates of ambiguous source customers (listed there, not as <see cref="DiffCategory.OnlyInTarget"/>).</summary>
    public long AmbiguousInTarget => Interlocked.Read(ref _ambiguousInTarget);

    /// <summary>Gets a value indicating whether the diff ran to its end, so that every count is final.</summary>
    public bool IsComplete => _complete;

    /// <summary>Gets the count of one category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>How many entries of that category were produced so far.</returns>
    public long Count(DiffCategory category) => category switch
    {
        DiffCategory.Identical => Identical,
        DiffCategory.Changed => Changed,
        DiffCategory.OnlyInSource => OnlyInSource,
        DiffCategory.OnlyInTarget => OnlyInTarget,
        DiffCategory.Ambiguous => Ambiguous,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category."),
    };

    /// <summary>Gets, per field path, how many changed pairs differ in that field, most frequent first.</summary>
    /// <returns>A snapshot: field path (e.g. <c>Name.Family</c>) to count, ordered by count then path.</returns>
    public IReadOnlyList<KeyValuePair<string, long>> GetFieldChanges()
    {
        lock (_fieldLock)
        {
            return [.. _fieldChanges
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)];
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"source {SourceCount}, target {TargetCount}: identical {Identical}, changed {Changed}, only in source {OnlyInSource}, only in target {OnlyInTarget}, ambiguous {Ambiguous}";

    internal void AddSource() => Interlocked.Increment(ref _source);

    internal void AddTarget() => Interlocked.Increment(ref _target);

    internal void AddAmbiguousInTarget() => Interlocked.Increment(ref _ambiguousInTarget);

    internal void Complete() => _complete = true;

    internal void Add(CustomerDiffEntry entry)
    {
        switch (entry.Category)
        {
            case DiffCategory.Identical:
                Interlocked.Increment(ref _identical);
                break;
            case DiffCategory.Changed:
                Interlocked.Increment(ref _changed);
                lock (_fieldLock)
                {
                    foreach (var change in entry.Changes)
                    {
                        _fieldChanges[change.Field] = _fieldChanges.GetValueOrDefault(change.Field) + 1;
                    }
                }

                break;
            case DiffCategory.OnlyInSource:
                Interlocked.Increment(ref _onlyInSource);
                break;
            case DiffCategory.OnlyInTarget:
                Interlocked.Increment(ref _onlyInTarget);
                break;
            default:
                Interlocked.Increment(ref _ambiguous);
                break;
        }
    }
}
