using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

/// <summary>A request as it reached the handler, copied before the client disposes it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Gets the body as parsed JSON.</summary>
    public JToken Json => JToken.Parse(Body);

    /// <summary>Gets a header's value (repeated values joined with commas), or <see langword="null"/>.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<RecordedRequest> FromAsync(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[name] = string.Join(",", values);
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync();
        return new RecordedRequest(request.Method, request.RequestUri!, headers, body);
    }
}
