namespace BrokerAdapters;

/// <summary>A person's name, split as SCIM splits it.</summary>
public sealed record PersonName
{
    /// <summary>Gets the given (first) name.</summary>
    public string? Given { get; init; }

    /// <summary>Gets the middle name.</summary>
    public string? Middle { get; init; }

    /// <summary>Gets the family (last) name.</summary>
    public string? Family { get; init; }

    /// <summary>Gets the full name as displayed; when not set, <see cref="Formatted"/> composes it from the parts.</summary>
    public string? Full { get; init; }

    /// <summary>Gets <see cref="Full"/>, or the non-empty parts joined by spaces, or <see langword="null"/>.</summary>
    public string? Formatted
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Full))
            {
                return Full;
            }

            var parts = new[] { Given, Middle, Family }.Where(p => !string.IsNullOrWhiteSpace(p));
            var joined = string.Join(' ', parts);
            return joined.Length == 0 ? null : joined;
        }
    }
}
