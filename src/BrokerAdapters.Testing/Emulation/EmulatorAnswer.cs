using System.Globalization;
using System.Net;
using System.Text;

namespace BrokerAdapters.Testing;

/// <summary>An emulator's answer to one request, for hosts that serve emulators over their own transport (such as the sandbox).</summary>
/// <remarks><see cref="ToString"/> prints neither the body nor the header values: answers carry tokens.</remarks>
public sealed record EmulatorAnswer
{
    /// <summary>Gets the HTTP status.</summary>
    public required HttpStatusCode Status { get; init; }

    /// <summary>Gets the body.</summary>
    public required string Body { get; init; }

    /// <summary>Gets the media type of the body, e.g. <c>application/json</c>.</summary>
    public required string ContentType { get; init; }

    /// <summary>Gets the response headers (e.g. the rate-limit headers).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Gets whether the host must drop the connection instead of answering (an injected fault; the request was applied).</summary>
    public bool DropConnection { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Status = {Status}, ContentType = {ContentType}, Body = ({Body?.Length ?? 0} characters), ")
            .Append(CultureInfo.InvariantCulture, $"Headers = [{string.Join(", ", Headers?.Keys ?? [])}], DropConnection = {DropConnection}");
        return true;
    }
}
