namespace BrokerAdapters;

/// <summary>A set of <see cref="CustomerLookupKind"/> values, used to describe what an operation accepts.</summary>
[Flags]
public enum CustomerLookupKinds
{
    /// <summary>No lookup kind.</summary>
    None = 0,

    /// <summary><see cref="CustomerLookupKind.Id"/>.</summary>
    Id = 1 << 0,

    /// <summary><see cref="CustomerLookupKind.Number"/>.</summary>
    Number = 1 << 1,

    /// <summary><see cref="CustomerLookupKind.Email"/>.</summary>
    Email = 1 << 2,

    /// <summary><see cref="CustomerLookupKind.Phone"/>.</summary>
    Phone = 1 << 3,
}
