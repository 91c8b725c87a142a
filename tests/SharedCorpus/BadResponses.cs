using System.IO.Compression;
using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static BrokerAdapters.UserRegistryErrorKind;

namespace BrokerAdapters.Testing.Corpus;

/// <summary>
/// The part of the corpus of bad answers that does not depend on the provider: broken HTTP and JSON, and envelopes
/// whose <c>code</c> is unusable. Each is built from the endpoint's normal answer, so the same case reaches every
/// operation. The providers' own lists (error codes, wrong data shapes) live next to their tests.
/// </summary>
/// <remarks>
/// Decisions the corpus pins down: a body is RFC 8259 JSON in UTF-8 whatever the <c>Content-Type</c> says (a valid
/// answer labelled <c>text/plain</c> or unlabelled is read; a <c>charset</c> other than UTF-8 is not honoured); a
/// UTF-8 byte order mark is skipped; comments, single quotes, NaN, trailing commas and duplicated member names are
/// refused; the body is never read past 32 MiB.
/// </remarks>
internal static class BadResponses
{
    /// <summary>One byte more than the library reads (<c>ProviderTransport.MaxResponseBytes</c>).</summary>
    public const int OverLimit = (32 * 1024 * 1024) + 1;

    private const string Html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><hr><p>nginx</p></body></html>";

    private static readonly Lazy<byte[]> Padding = new(() =>
    {
        var bytes = new byte[OverLimit];
        Array.Fill(bytes, (byte)' ');
        return bytes;
    });

    /// <summary>Answers that every operation of every provider must survive.</summary>
    public static IReadOnlyList<BadResponse> Common { get; } =
    [
        // Gateways and error pages.
        Unreadable("HTML page, 200", _ => Text(Html, "text/html")),
        Failure("HTML page, 400", HttpStatusCode.BadRequest, _ => Text(Html, "text/html"), ProtocolError, ProtocolError),
        Failure("HTML page, 401", HttpStatusCode.Unauthorized, _ => Text(Html, "text/html"), Unauthorized, Unauthorized),
        Failure("HTML page, 403", HttpStatusCode.Forbidden, _ => Text(Html, "text/html"), Forbidden, Forbidden),
        Failure("HTML page, 404", HttpStatusCode.NotFound, _ => Text(Html, "text/html"), ProtocolError, ProtocolError),
        new("HTML page, 429 with Retry-After", HttpStatusCode.TooManyRequests, _ => Text(Html, "text/html"), RateLimited, RateLimited, RetryAfterSeconds(30))
        {
            RetryAfter = TimeSpan.FromSeconds(30),
        },
        Failure("HTML page, 500", HttpStatusCode.InternalServerError, _ => Text(Html, "text/html"), Unavailable, OutcomeUnknown),
        Failure("HTML page, 502", HttpStatusCode.BadGateway, _ => Text(Html, "text/html"), Unavailable, OutcomeUnknown),
        new("HTML page, 503 with Retry-After", HttpStatusCode.ServiceUnavailable, _ => Text(Html, "text/html"), Unavailable, OutcomeUnknown, RetryAfterSeconds(120))
        {
            RetryAfter = TimeSpan.FromSeconds(120),
        },
        Failure("HTML page, 504", HttpStatusCode.GatewayTimeout, _ => Text(Html, "text/html"), UserRegistryErrorKind.Timeout, OutcomeUnknown),

        // Nothing, or nothing but white space.
        Unreadable("empty body, 200", _ => Bytes([])),
        Unreadable("no body, 204", _ => null, HttpStatusCode.NoContent),
        Failure("empty body, 500", HttpStatusCode.InternalServerError, _ => Bytes([]), Unavailable, OutcomeUnknown),
        new("empty body, 429 with x-ratelimit-reset", HttpStatusCode.TooManyRequests, _ => Bytes([]), RateLimited, RateLimited,
            r => r.Headers.TryAddWithoutValidation("x-ratelimit-reset", "12"))
        {
            RetryAfter = TimeSpan.FromSeconds(12),
        },
        Unreadable("white space only", _ => Json(" \r\n\t  \n")),

        // Broken JSON.
        Unreadable("truncated in the middle", normal => Json(normal[..(normal.Length / 2)])),
        Unreadable("only an opening brace", _ => Json("{")),
        Unreadable("garbage after the answer", normal => Json(normal + "garbage")),
        Unreadable("two answers back to back", normal => Json(normal + normal)),
        Unreadable("single quotes instead of double quotes", normal => Json(normal.Replace('"', '\''))),
        Unreadable("unquoted member name", normal => Json(Insert(normal, "note:1,"))),
        Unreadable("a comment", normal => Json(Insert(normal, "/* cached */"))),
        Unreadable("trailing comma", normal => Json(normal.TrimEnd()[..^1] + ",}")),
        Unreadable("NaN literal", normal => Json(Insert(normal, "\"elapsed\":NaN,"))),
        Unreadable("Infinity literal", normal => Json(Insert(normal, "\"elapsed\":Infinity,"))),
        Unreadable("-Infinity literal", normal => Json(Insert(normal, "\"elapsed\":-Infinity,"))),
        Unreadable("undefined literal", normal => Json(Insert(normal, "\"elapsed\":undefined,"))),
        Unreadable("JavaScript constructor", normal => Json(Insert(normal, "\"at\":new Date(1732530000000),"))),
        Unreadable("hexadecimal number", normal => Json(Insert(normal, "\"elapsed\":0x1F,"))),
        Unreadable("unescaped tab in a string", normal => Json(Insert(normal, "\"note\":\"a\tb\","))),
        Unreadable("member nested 10,000 levels deep", normal => Json(Insert(normal, "\"deep\":" + Nested(10_000) + ","))),
        Unreadable("answer nested 10,000 levels deep", normal => Json(new string('[', 10_000) + normal + new string(']', 10_000))),
        Unreadable("duplicated code", normal => Json(Insert(normal, "\"code\":\"G500\","))),
        Unreadable("duplicated data", normal => Json(Insert(normal, "\"data\":null,"))),

        // Not JSON objects.
        Unreadable("array at the top level", normal => Json("[" + normal + "]")),
        Unreadable("string at the top level", _ => Json("\"ok\"")),
        Unreadable("number at the top level", _ => Json("0")),
        Unreadable("true at the top level", _ => Json("true")),
        Unreadable("null at the top level", _ => Json("null")),

        // An envelope whose code is unusable.
        Unreadable("code as an object", normal => Json(Modify(normal, o => o["code"] = new JObject { ["value"] = "0" }))),
        Unreadable("code as an array", normal => Json(Modify(normal, o => o["code"] = new JArray("0")))),
        Unreadable("code as a boolean", normal => Json(Modify(normal, o => o["code"] = true))),
        Unreadable("code as a fraction", normal => Json(Modify(normal, o => o["code"] = 0.5m))),
        Unreadable("code null", normal => Json(Modify(normal, o => o["code"] = JValue.CreateNull()))),
        Unreadable("code empty", normal => Json(Modify(normal, o => o["code"] = string.Empty))),
        Unreadable("no code", normal => Json(Modify(normal, o => o.Remove("code")))),

        // Bytes that are not UTF-8 JSON text.
        Unreadable("invalid UTF-8 in a string", normal => Bytes(InsertString(normal, [0xC3, 0x28]))),
        Unreadable("UTF-16 with a byte order mark", normal => Bytes([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(normal)])),
        Unreadable("Latin-1 declared in the charset", normal => Bytes(InsertString(normal, [.. "caf"u8, 0xE9]), "application/json; charset=iso-8859-1")),
        Unreadable("gzip without Content-Encoding", normal => Bytes(Gzip(Utf8(normal)))),

        // Too large, announced or not; a failure status still says what happened.
        Unreadable("over 32 MiB with Content-Length", normal => Bytes([.. Utf8(normal), .. Padding.Value])),
        Unreadable("over 32 MiB without Content-Length (endless)", normal => new EndlessContent(Utf8(normal))),
        Failure("over 32 MiB, 503", HttpStatusCode.ServiceUnavailable, normal => new EndlessContent(Utf8(normal)), Unavailable, OutcomeUnknown),

        // Wrong or missing content types.
        Unreadable("XML, application/xml", _ => Text("<response><code>0</code></response>", "application/xml")),
        Unreadable("plain text OK", _ => Text("OK", "text/plain")),

        // A normal answer under a failure status: the status wins.
        Failure("normal answer, 401", HttpStatusCode.Unauthorized, Json, Unauthorized, Unauthorized),
        Failure("normal answer, 429", HttpStatusCode.TooManyRequests, Json, RateLimited, RateLimited),
        Failure("normal answer, 500", HttpStatusCode.InternalServerError, Json, Unavailable, OutcomeUnknown),

        // Odd but acceptable.
        Accepted("UTF-8 byte order mark", normal => Bytes([0xEF, 0xBB, 0xBF, .. Utf8(normal)])),
        Accepted("normal answer as text/plain", normal => Text(normal, "text/plain")),
        Accepted("normal answer as application/xml", normal => Text(normal, "application/xml")),
        Accepted("normal answer without a content type", normal => Bytes(Utf8(normal), mediaType: null)),
        Accepted("unknown envelope members", normal => Json(Insert(normal, "\"serverTime\":\"2025-01-01\",\"debug\":{\"node\":[1,2,{\"a\":null}]},\"flag\":true,"))),
        Accepted("pretty-printed with CRLF", normal => Json(JToken.Parse(normal).ToString(Formatting.Indented).ReplaceLineEndings("\r\n"))),
    ];

    public static BadResponse Unreadable(string name, Func<string, HttpContent?> content, HttpStatusCode status = HttpStatusCode.OK) =>
        new(name, status, content, ProtocolError, (int)status is >= 200 and < 300 ? OutcomeUnknown : ProtocolError);

    public static BadResponse Failure(string name, HttpStatusCode status, Func<string, HttpContent?> content, UserRegistryErrorKind read, UserRegistryErrorKind write) =>
        new(name, status, content, read, write);

    public static BadResponse Accepted(string name, Func<string, HttpContent?> content) =>
        new(name, HttpStatusCode.OK, content, null, null);

    public static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    public static HttpContent Text(string text, string mediaType) => new StringContent(text, Encoding.UTF8, mediaType);

    public static HttpContent Bytes(byte[] bytes, string? mediaType = "application/json")
    {
        var content = new ByteArrayContent(bytes);
        if (mediaType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        }

        return content;
    }

    /// <summary>Inserts members (text ending in a comma) right after the answer's opening brace.</summary>
    public static string Insert(string normal, string members)
    {
        var brace = normal.IndexOf('{', StringComparison.Ordinal);
        return normal[..(brace + 1)] + members + normal[(brace + 1)..];
    }

    /// <summary>Changes the normal answer as a JSON object.</summary>
    public static string Modify(string normal, Action<JObject> change)
    {
        var json = JObject.Parse(normal);
        change(json);
        return json.ToString(Formatting.None);
    }

    /// <summary>Changes the normal answer's <c>data</c> object.</summary>
    public static string ModifyData(string normal, Action<JObject> change) => Modify(normal, o => change((JObject)o["data"]!));

    /// <summary>Replaces the normal answer's <c>data</c> with raw JSON.</summary>
    public static string WithData(string normal, string dataJson) => Modify(normal, o => o["data"] = JToken.Parse(dataJson));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The normal answer with a member <c>note</c> whose string holds the given raw bytes.</summary>
    private static byte[] InsertString(string normal, byte[] raw)
    {
        var brace = normal.IndexOf('{', StringComparison.Ordinal);
        return [.. Utf8(normal[..(brace + 1)] + "\"note\":\""), .. raw, .. Utf8("\"," + normal[(brace + 1)..])];
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static Action<HttpResponseMessage> RetryAfterSeconds(int seconds) =>
        r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));

    /// <summary>A body sent without a length that never ends: the normal answer, then white space forever.</summary>
    private sealed class EndlessContent(byte[] start) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            throw new NotSupportedException("Read it as a stream.");

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new EndlessStream(start));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class EndlessStream(byte[] start) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++, _position++)
            {
                buffer[offset + i] = _position < start.Length ? start[_position] : (byte)' ';
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
