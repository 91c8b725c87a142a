namespace BrokerAdapters.Cmfbl;

/// <summary>
/// One Client API call (<c>{ClientBaseUrl}/api/{Path}</c>): its operation name for errors and telemetry, whether it
/// changes something, and the headers that differ from the Manager API's: the customer's token, the company of the
/// session, whether the operation documents a <c>version</c>, and the customer's IP for <c>X-Forwarded-For</c>.
/// </summary>
internal sealed record CmfblClientRequest(string Path, string Operation, bool IsWrite)
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    public string? Token { get; init; }

    /// <summary>The <c>companyId</c> header; the configured company when <see langword="null"/>.</summary>
    public string? CompanyId { get; init; }

    public bool SendVersion { get; init; } = true;

    public string? ForwardedFor { get; init; }
}
