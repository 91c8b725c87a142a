using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.McCrm.Tests.TestSupport;

/// <summary>What the provider sent, read inside the stub handler before the request is disposed.</summary>
internal sealed record CapturedRequest(HttpMethod Method, Uri? Uri, IReadOnlyList<string> Token, MediaTypeHeaderValue? ContentType, string Body)
{
    /// <summary>Gets when the request arrived, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
    public long ReceivedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public JToken Json => JToken.Parse(Body);

    public string Password => (string)Json["password"]!;

    public static async Task<CapturedRequest> ReadAsync(HttpRequestMessage request)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync();
        var token = request.Headers.TryGetValues("token", out var values) ? values.ToArray() : [];
        return new CapturedRequest(request.Method, request.RequestUri, token, request.Content?.Headers.ContentType, body);
    }

    /// <summary>The body with the random ciphertext swapped for the fixture's placeholder, to compare with a fixture.</summary>
    public JToken JsonWithPasswordPlaceholder()
    {
        var json = (JObject)Json.DeepClone();
        Assert.That(json["password"]?.Type, Is.EqualTo(JTokenType.String), "the body carries a password");
        json["password"] = Fixtures.PasswordPlaceholder;
        return json;
    }
}
