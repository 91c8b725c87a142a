using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Testing.Support;

/// <summary>A request as the fake provider received it, captured before the client disposed it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Gets when the request arrived, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
    public long ReceivedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public JToken Json => JToken.Parse(Body);

    public string Header(string name) =>
        Headers.TryGetValue(name, out var value) ? value : throw new AssertionException($"The request to {Uri} has no '{name}' header.");
}
