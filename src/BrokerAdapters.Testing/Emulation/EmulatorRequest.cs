using System.Net;

namespace BrokerAdapters.Testing;

/// <summary>A request an emulator received, kept for assertions.</summary>
public sealed record EmulatorRequest
{
    /// <summary>Gets the operation: a CMFBL bizType, or the MC-CRM path after <c>openapi/v1/</c> (e.g. <c>user/signup</c>).</summary>
    public required string Operation { get; init; }

    /// <summary>Gets the HTTP method.</summary>
    public required HttpMethod Method { get; init; }

    /// <summary>Gets the request's path, e.g. <c>/openapi-b/customer.admin.WhiteCustomerAdminApiService.page</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the request headers (names compared case-insensitively; repeated values joined with commas).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Gets the body as sent.</summary>
    public required string Body { get; init; }

    /// <summary>Gets the body after decryption, for CMFBL's encrypted mode; otherwise <see langword="null"/>.</summary>
    public string? DecryptedBody { get; init; }

    /// <summary>Gets when the emulator received the request, by its clock.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets the HTTP status the emulator answered, or <see langword="null"/> when it dropped the connection.</summary>
    public HttpStatusCode? Status { get; internal set; }

    /// <summary>Gets the provider error code the emulator answered, when it answered one.</summary>
    public string? ErrorCode { get; internal set; }

    /// <summary>Gets a header's value, or <see langword="null"/>.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
