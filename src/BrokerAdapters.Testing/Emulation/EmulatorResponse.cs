using System.Net;
using System.Text;

namespace BrokerAdapters.Testing;

/// <summary>What an emulator answers, before it becomes an HTTP response (in memory or on the sandbox's socket).</summary>
internal sealed class EmulatorResponse
{
    public required HttpStatusCode Status { get; init; }

    public required string Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? ErrorCode { get; init; }

    /// <summary>Gets whether the connection is dropped after the request was applied, instead of answering.</summary>
    public bool Drop { get; set; }

    /// <summary>Gets whether the connection is refused: the request never reached the provider.</summary>
    public bool Refuse { get; init; }

    public static EmulatorResponse Json(string json, HttpStatusCode status = HttpStatusCode.OK, string? errorCode = null) =>
        new() { Status = status, Body = json, ErrorCode = errorCode };

    public HttpResponseMessage ToHttpResponse(HttpRequestMessage request)
    {
        var media = ContentType.Split(';')[0].Trim();
        var response = new HttpResponseMessage(Status)
        {
            RequestMessage = request,
            Content = new StringContent(Body, Encoding.UTF8, media),
        };
        foreach (var (name, value) in Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
