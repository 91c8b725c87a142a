using System.Buffers;
using System.Net;
using Newtonsoft.Json;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace BrokerAdapters.Internal;

/// <summary>
/// Sends one request and returns its JSON body, turning every transport, size and parse failure into a typed
/// <see cref="UserRegistryException"/>. Provider envelopes are interpreted by the caller.
/// </summary>
internal static class ProviderTransport
{
    /// <summary>The largest response body accepted; a page of 2000 customers is well below it.</summary>
    public const int MaxResponseBytes = 32 * 1024 * 1024;

    public static async Task<ProviderResponse> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        ProviderCall call,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ProviderResilience.SetFlag(request, ProviderResilience.IsWriteKey, call.IsWrite);
        request.Options.Set(ProviderAttemptHandler.CallKey, call);
        HttpResponseMessage? response = null;
        byte[]? body;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            response?.Dispose();
            throw request.Options.TryGetValue(ProviderResilience.WaitingForPermitKey, out var waiting) && waiting
                ? ProviderErrors.Create(call, UserRegistryErrorKind.Timeout, "the call timed out waiting for the client-side rate limit; nothing was sent.", ex)
                : ProviderErrors.Timeout(call, ex);
        }
        catch (BrokenCircuitException ex)
        {
            response?.Dispose();
            throw ProviderErrors.Create(call, UserRegistryErrorKind.Unavailable, "the provider failed repeatedly and calls are paused (circuit open); nothing was sent.", ex, retryAfter: ex.RetryAfter);
        }
        catch (RateLimiterRejectedException ex)
        {
            response?.Dispose();
            throw ProviderErrors.Create(call, UserRegistryErrorKind.RateLimited, "too many calls are waiting for the client-side rate limit; nothing was sent.", ex, retryAfter: ex.RetryAfter);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            response?.Dispose();
            throw ex switch
            {
                HttpRequestException http => ProviderErrors.Transport(call, http),
                IOException => ProviderErrors.Transport(call, new HttpRequestException(HttpRequestError.ResponseEnded, "The response body could not be read.", ex)),
                _ => ProviderErrors.Timeout(call, ex),
            };
        }
        catch
        {
            response?.Dispose();
            throw;
        }

        using (response)
        {
            var retryAfter = ProviderErrors.RetryAfter(response.Headers, time);
            if (body is null)
            {
                // Too large to read: a failure status still says what happened; a success is unreadable.
                throw response.IsSuccessStatusCode
                    ? ProviderErrors.Protocol(call, $"the body is larger than {MaxResponseBytes} bytes.", response.StatusCode)
                    : ProviderErrors.FromStatus(call, response.StatusCode, retryAfter);
            }

            if (body.Length == 0)
            {
                throw response.IsSuccessStatusCode
                    ? ProviderErrors.Protocol(call, "the provider answered an empty body.", response.StatusCode)
                    : ProviderErrors.FromStatus(call, response.StatusCode, retryAfter);
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            try
            {
                return new ProviderResponse(response.StatusCode, WireJson.Check(body), retryAfter, call, mediaType);
            }
            catch (JsonException ex)
            {
                throw Unreadable(call, response.StatusCode, retryAfter, mediaType, ex);
            }
        }
    }

    /// <summary>The error for a body that is not JSON: a failure status says what happened; a success is unreadable.</summary>
    public static UserRegistryException Unreadable(ProviderCall call, HttpStatusCode status, TimeSpan? retryAfter, string? mediaType, JsonException ex) =>
        (int)status is >= 200 and < 300

            // An HTML error page from a gateway says no more than its status.
            ? ProviderErrors.Protocol(call, $"the body is not valid JSON (content type {mediaType ?? "none"}).", status, ex)
            : ProviderErrors.FromStatus(call, status, retryAfter);

    /// <summary>A failure of the connection or a timeout; the caller's own cancellation is not one.</summary>
    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Reads the whole body, or returns <see langword="null"/> as soon as it is known to exceed <see cref="MaxResponseBytes"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > MaxResponseBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // The announced length is read into one array of that size; whatever else comes (a length that lied, or
            // none announced) continues through a pooled chunk, still bounded.
            var body = new byte[(int)(declared ?? 0)];
            var filled = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (filled < body.Length)
            {
                return body[..filled];
            }

            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return body;
                }

                using var rest = new MemoryStream();
                rest.Write(body);
                do
                {
                    if (rest.Length + read > MaxResponseBytes)
                    {
                        return null;
                    }

                    rest.Write(chunk, 0, read);
                }
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0);

                return rest.ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }
}
