namespace BrokerAdapters.Migration;

/// <summary><see cref="DiffOptions"/> validated and compiled into what the index and the comparison loop need.</summary>
internal sealed class DiffPlan
{
    private static readonly string[] Groups = ["Name", "Address", "Attribution"];

    private readonly HashSet<string> _ignoredExtra;

    private DiffPlan(MatchKey[] keys, bool[] compared, bool compareExtra, HashSet<string> ignoredExtra)
    {
        Keys = keys;
        Compared = compared;
        CompareExtra = compareExtra;
        _ignoredExtra = ignoredExtra;
        ComparePhone = compared[(int)CustomerField.Phone];
        var stored = new List<CustomerField>();
        for (var i = 0; i < CustomerFields.Count; i++)
        {
            if (i < CustomerFields.ReferenceCount || compared[i])
            {
                stored.Add((CustomerField)i);
            }
        }

        StoredFields = [.. stored];
        PhoneKeySlot = Array.IndexOf(keys, MatchKey.Phone);
    }

    /// <summary>Gets the match keys in priority order.</summary>
    public MatchKey[] Keys { get; }

    /// <summary>Gets, per <see cref="CustomerField"/>, whether it is compared.</summary>
    public bool[] Compared { get; }

    /// <summary>Gets the fields kept in the index, in field order: the reference fields, then the compared ones.</summary>
    public CustomerField[] StoredFields { get; }

    /// <summary>Gets a value indicating whether the phone is compared (by E.164, kept in the index next to the keys).</summary>
    public bool ComparePhone { get; }

    /// <summary>Gets the position of <see cref="MatchKey.Phone"/> in <see cref="Keys"/>, or -1.</summary>
    public int PhoneKeySlot { get; }

    /// <summary>Gets a value indicating whether <see cref="Customer.Extra"/> members are compared.</summary>
    public bool CompareExtra { get; }

    public static DiffPlan Create(DiffOptions? options)
    {
        options ??= new DiffOptions();
        if (options.MatchKeys is null || options.MatchKeys.Count == 0)
        {
            throw new ArgumentException("DiffOptions.MatchKeys must name at least one key.", nameof(options));
        }

        var keys = options.MatchKeys.ToArray();
        foreach (var key in keys)
        {
            if (!Enum.IsDefined(key))
            {
                throw new ArgumentException($"DiffOptions.MatchKeys holds an unknown key ({(int)key}).", nameof(options));
            }
        }

        if (keys.Distinct().Count() != keys.Length)
        {
            throw new ArgumentException("DiffOptions.MatchKeys names a key twice.", nameof(options));
        }

        var compared = Enumerable.Repeat(true, CustomerFields.Count).ToArray();
        var compareExtra = options.CompareExtra;
        var ignoredExtra = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in options.IgnoredFields ?? [])
        {
            var path = raw?.Trim() ?? string.Empty;
            if (path.StartsWith(CustomerFields.ExtraPrefix, StringComparison.OrdinalIgnoreCase) && path.Length > CustomerFields.ExtraPrefix.Length)
            {
                ignoredExtra.Add(path[CustomerFields.ExtraPrefix.Length..]);
                continue;
            }

            if (path.Equals("Extra", StringComparison.OrdinalIgnoreCase))
            {
                compareExtra = false;
                continue;
            }

            var matched = false;
            for (var i = 0; i < CustomerFields.Count; i++)
            {
                var fieldPath = CustomerFields.Path((CustomerField)i);
                if (fieldPath.Equals(path, StringComparison.OrdinalIgnoreCase)
                    || (Groups.Contains(path, StringComparer.OrdinalIgnoreCase) && fieldPath.StartsWith(path + ".", StringComparison.OrdinalIgnoreCase)))
                {
                    compared[i] = false;
                    matched = true;
                }
            }

            if (!matched)
            {
                throw new ArgumentException(
                    $"DiffOptions.IgnoredFields names an unknown field '{raw}'. Known fields: {string.Join(", ", CustomerFields.Paths)}, the groups {string.Join(", ", Groups)}, Extra and Extra.<name>.",
                    nameof(options));
            }
        }

        return new DiffPlan(keys, compared, compareExtra, ignoredExtra);
    }

    /// <summary>Tells whether the provider field <paramref name="name"/> is compared.</summary>
    public bool ComparesExtra(string name) => CompareExtra && !_ignoredExtra.Contains(name);

    /// <summary>Computes the customer's normalised key values (by <see cref="Keys"/>) and, when compared, its E.164 phone.</summary>
    public string? ComputeKeys(Customer customer, string?[] keys)
    {
        for (var i = 0; i < Keys.Length; i++)
        {
            keys[i] = CustomerKeys.Of(customer, Keys[i]);
        }

        if (!ComparePhone)
        {
            return null;
        }

        // The phone's E.164 form is costly (libphonenumber): reuse the key when phones are a match key.
        return PhoneKeySlot >= 0 ? keys[PhoneKeySlot] : CustomerKeys.Phone(customer.Phone);
    }
}
