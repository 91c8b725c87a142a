using System.Globalization;
using System.Net;
using System.Text;

namespace BrokerAdapters.Testing;

/// <summary>A request an emulator received, kept for assertions.</summary>
/// <remarks>
/// <see cref="ToString"/> prints neither the body nor the header values: requests carry passwords, app secrets and
/// tokens. Read <see cref="Body"/> and <see cref="Header"/> for them.
/// </remarks>
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

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Operation = {Operation}, Method = {Method}, Path = {Path}, ")
            .Append(CultureInfo.InvariantCulture, $"Headers = [{string.Join(", ", Headers?.Keys ?? [])}], Body = ({Body?.Length ?? 0} characters), ")
            .Append(CultureInfo.InvariantCulture, $"ReceivedAt = {ReceivedAt:O}, Status = {(int?)Status}, ErrorCode = {ErrorCode}");
        return true;
    }
}
