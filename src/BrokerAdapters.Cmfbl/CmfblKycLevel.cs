namespace BrokerAdapters.Cmfbl;

/// <summary>A KYC level CMFBL lists for a newly self-registered customer (an entry of the register answer's <c>list</c>).</summary>
public sealed record CmfblKycLevel
{
    /// <summary>Gets the level code (<c>levelCode</c>).</summary>
    public string? LevelCode { get; init; }

    /// <summary>Gets the level name (<c>levelName</c>).</summary>
    public string? LevelName { get; init; }

    /// <summary>Gets the KYC path code (<c>pathCode</c>).</summary>
    public string? PathCode { get; init; }

    /// <summary>Gets the KYC path name (<c>pathName</c>).</summary>
    public string? PathName { get; init; }

    /// <summary>Gets the account opening type (<c>openAccountType</c>): 0 individual, 1 business.</summary>
    public int? OpenAccountType { get; init; }

    /// <summary>Gets the information the level asks for (<c>elementList</c>).</summary>
    public IReadOnlyList<CmfblKycElement> Elements { get; init; } = [];
}
