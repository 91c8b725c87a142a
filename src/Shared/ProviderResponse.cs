using System.Diagnostics.CodeAnalysis;
using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Internal;

/// <summary>
/// A provider's HTTP answer whose body is known to be strict JSON (<see cref="WireJson.Check"/>). The body is read
/// either straight into the wire type the caller expects (<see cref="TryRead{T}"/>, the common case) or as a JSON tree
/// (<see cref="Body"/>, built on first use) for envelopes that need a closer look.
/// </summary>
internal sealed class ProviderResponse
{
    private readonly ProviderCall _call;
    private readonly string? _mediaType;
    private JToken? _body;

    public ProviderResponse(HttpStatusCode status, ReadOnlyMemory<byte> json, TimeSpan? retryAfter, ProviderCall call, string? mediaType)
    {
        Status = status;
        Json = json;
        RetryAfter = retryAfter;
        _call = call;
        _mediaType = mediaType;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Gets the body's UTF-8 JSON, without a byte order mark.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>
    /// Gets the body as a JSON tree. A body the strict check passed but Newtonsoft.Json cannot hold (a fraction beyond
    /// <see cref="decimal"/>) is reported as the transport reports any unreadable body.
    /// </summary>
    /// <exception cref="UserRegistryException">The body cannot be read.</exception>
    public JToken Body
    {
        get
        {
            if (_body is null)
            {
                try
                {
                    _body = WireJson.ParseChecked(Json);
                }
                catch (JsonException ex)
                {
                    throw ProviderTransport.Unreadable(_call, Status, RetryAfter, _mediaType, ex);
                }
            }

            return _body;
        }
    }

    public TimeSpan? RetryAfter { get; }

    public bool IsSuccessStatus => (int)Status is >= 200 and < 300;

    /// <summary>Reads the body straight into <typeparamref name="T"/>; <see langword="false"/> when it does not have that shape.</summary>
    public bool TryRead<T>([NotNullWhen(true)] out T? value)
        where T : class =>
        WireJson.TryDeserializeChecked(Json, out value);
}
