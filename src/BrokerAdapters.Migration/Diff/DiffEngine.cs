using System.Runtime.CompilerServices;
using System.Text;

namespace BrokerAdapters.Migration;

/// <summary>
/// Runs one diff: indexes the target, streams the source through <see cref="Match(Customer)"/>, then reports the unmatched
/// targets. Each side is read by a <see cref="SideReader"/>, on a thread of its own and a bounded number of customers ahead.
/// </summary>
internal sealed class DiffEngine
{
    private const int CancellationCheckInterval = 4096;

    private readonly DiffPlan _plan;
    private readonly TargetIndex _index;
    private readonly string?[] _keys;
    private readonly List<int>[] _found;
    private readonly char[] _scratch = new char[CustomerFields.ScratchLength];

    internal DiffEngine(DiffPlan plan)
    {
        _plan = plan;
        _index = new TargetIndex(plan);
        _keys = new string?[plan.Keys.Length];
        _found = new List<int>[plan.Keys.Length];
        for (var i = 0; i < _found.Length; i++)
        {
            _found[i] = [];
        }
    }

    internal TargetIndex Index => _index;

    public static async IAsyncEnumerable<CustomerDiffEntry> RunAsync(
        IAsyncEnumerable<Customer> source,
        IAsyncEnumerable<Customer> target,
        DiffPlan plan,
        DiffSummary summary,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var engine = new DiffEngine(plan);
        await foreach (var batch in SideReader.ReadAsync(target, plan, "target", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                batch.CopyKeys(i, engine._keys);
                engine._index.Add(batch.Customers[i], engine._keys, batch.Phones[i]);
                summary.AddTarget();
            }
        }

        await foreach (var batch in SideReader.ReadAsync(source, plan, "source", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                summary.AddSource();
                batch.CopyKeys(i, engine._keys);
                var entry = engine.Match(batch.Customers[i], batch.Phones[i]);
                batch.Customers[i] = null!;
                summary.Add(entry);
                yield return entry;
            }
        }

        var index = engine.Index;
        for (var slot = 0; slot < index.Count; slot++)
        {
            if (slot % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (index.IsFree(slot))
            {
                var entry = CustomerDiffEntry.OnlyInTarget(index.Reference(slot));
                summary.Add(entry);
                yield return entry;
            }
            else if (index.IsCandidateOnly(slot))
            {
                summary.AddAmbiguousInTarget();
            }
        }

        summary.Complete();
    }

    internal void AddTarget(Customer customer)
    {
        var phone = _plan.ComputeKeys(customer, _keys);
        _index.Add(customer, _keys, phone);
    }

    internal CustomerDiffEntry Match(Customer source) => Match(source, _plan.ComputeKeys(source, _keys));

    /// <summary>Matches a source customer whose keys are in <see cref="_keys"/> and whose E.164 phone is <paramref name="phone"/>.</summary>
    private CustomerDiffEntry Match(Customer source, string? phone)
    {
        var matched = -1;
        var matchKey = default(MatchKey);
        var shared = false;
        var conflict = false;
        for (var i = 0; i < _keys.Length; i++)
        {
            var found = _found[i];
            found.Clear();
            if (_keys[i] is not { } value)
            {
                continue;
            }

            _index.Find(i, value, found);
            if (found.Count > 1)
            {
                shared = true;
            }
            else if (found.Count == 1)
            {
                if (matched < 0)
                {
                    matched = found[0];
                    matchKey = _plan.Keys[i];
                }
                else if (found[0] != matched)
                {
                    conflict = true;
                }
            }
        }

        if (shared || conflict)
        {
            var candidates = Candidates(markCandidates: true);
            return CustomerDiffEntry.Ambiguous(source, shared ? AmbiguityReason.SharedKeyValue : AmbiguityReason.ConflictingKeys, candidates);
        }

        if (matched < 0)
        {
            return CustomerDiffEntry.OnlyInSource(source);
        }

        if (!_index.Claim(matched))
        {
            return CustomerDiffEntry.Ambiguous(source, AmbiguityReason.AlreadyMatched, Candidates(markCandidates: false));
        }

        return CustomerDiffEntry.Matched(source, _index.Reference(matched), matchKey, Compare(source, matched, phone));
    }

    private List<MatchCandidate> Candidates(bool markCandidates)
    {
        var slots = new List<int>();
        var keys = new List<List<MatchKey>>();
        for (var i = 0; i < _found.Length; i++)
        {
            foreach (var slot in _found[i])
            {
                var at = slots.IndexOf(slot);
                if (at < 0)
                {
                    slots.Add(slot);
                    keys.Add([_plan.Keys[i]]);
                }
                else
                {
                    keys[at].Add(_plan.Keys[i]);
                }
            }
        }

        var candidates = new List<MatchCandidate>(slots.Count);
        foreach (var at in Enumerable.Range(0, slots.Count).OrderBy(at => slots[at]))
        {
            if (markCandidates)
            {
                _index.MarkCandidate(slots[at]);
            }

            candidates.Add(new MatchCandidate(_index.Reference(slots[at]), keys[at]));
        }

        return candidates;
    }

    /// <summary>Compares the compared fields of <paramref name="source"/> with the record of <paramref name="slot"/>; <see langword="null"/> when all are equal.</summary>
    private List<FieldDifference>? Compare(Customer source, int slot, string? sourcePhone)
    {
        var record = _index.Record(slot);
        record.Skip(_plan.Keys.Length);
        var targetPhone = default(ReadOnlySpan<byte>);
        var targetHasPhone = _plan.ComparePhone && record.Next(out targetPhone);
        List<FieldDifference>? changes = null;
        var compared = _plan.Compared;
        foreach (var field in _plan.StoredFields)
        {
            var hasTarget = record.Next(out var targetValue);
            if (!compared[(int)field])
            {
                continue;
            }

            var equal = field == CustomerField.Phone
                ? (sourcePhone is null ? !targetHasPhone : targetHasPhone && FieldValueComparer.KeyEqual(targetPhone, sourcePhone))
                : CompareField(source, field, targetValue);
            if (!equal)
            {
                (changes ??= []).Add(new FieldDifference(
                    CustomerFields.Path(field),
                    SourceText(source, field),
                    hasTarget ? Encoding.UTF8.GetString(targetValue) : null));
            }
        }

        if (_plan.CompareExtra)
        {
            CompareExtra(source.Extra, ref record, ref changes);
        }

        return changes;
    }

    private bool CompareField(Customer source, CustomerField field, ReadOnlySpan<byte> targetValue)
    {
        CustomerFields.TryGet(source, field, _scratch, out var sourceValue);
        return FieldValueComparer.Equal(CustomerFields.Kind(field), sourceValue, targetValue);
    }

    private string? SourceText(Customer source, CustomerField field) =>
        CustomerFields.TryGet(source, field, _scratch, out var value) ? value.ToString() : null;

    private void CompareExtra(IReadOnlyDictionary<string, string?> sourceExtra, ref IndexRecord record, ref List<FieldDifference>? changes)
    {
        var count = record.ReadCount();
        var pairs = record;
        Span<bool> seen = count <= 64 ? stackalloc bool[64] : new bool[count];
        seen.Clear();
        List<FieldDifference>? extraChanges = null;
        foreach (var (name, value) in sourceExtra)
        {
            if (!_plan.ComparesExtra(name))
            {
                continue;
            }

            var found = false;
            var scan = pairs;
            for (var j = 0; j < count; j++)
            {
                scan.Next(out var targetName);
                var hasTarget = scan.Next(out var targetValue);
                if (!seen[j] && FieldValueComparer.KeyEqual(targetName, name))
                {
                    seen[j] = true;
                    found = true;
                    if (!FieldValueComparer.Equal(FieldKind.Text, value, targetValue))
                    {
                        (extraChanges ??= []).Add(new FieldDifference(
                            CustomerFields.ExtraPrefix + name, value, hasTarget ? Encoding.UTF8.GetString(targetValue) : null));
                    }

                    break;
                }
            }

            if (!found && !string.IsNullOrWhiteSpace(value))
            {
                (extraChanges ??= []).Add(new FieldDifference(CustomerFields.ExtraPrefix + name, value, null));
            }
        }

        for (var j = 0; j < count; j++)
        {
            pairs.Next(out var targetName);
            var hasTarget = pairs.Next(out var targetValue);
            if (!seen[j] && hasTarget && !FieldValueComparer.Equal(FieldKind.Text, ReadOnlySpan<char>.Empty, targetValue))
            {
                (extraChanges ??= []).Add(new FieldDifference(
                    CustomerFields.ExtraPrefix + Encoding.UTF8.GetString(targetName), null, Encoding.UTF8.GetString(targetValue)));
            }
        }

        if (extraChanges is not null)
        {
            extraChanges.Sort((a, b) => string.CompareOrdinal(a.Field, b.Field));
            (changes ??= []).AddRange(extraChanges);
        }
    }
}
