using System.Net;

namespace BrokerAdapters.Testing.Corpus;

/// <summary>
/// One answer from the corpus of bad provider answers: its status, a factory for its body (built from the answer the
/// endpoint gives when all is well), and what an operation that meets it must end in.
/// </summary>
public sealed class BadResponse
{
    private readonly Func<string, HttpContent?> _content;
    private readonly Action<HttpResponseMessage>? _configure;

    public BadResponse(
        string name,
        HttpStatusCode status,
        Func<string, HttpContent?> content,
        UserRegistryErrorKind? read,
        UserRegistryErrorKind? write,
        Action<HttpResponseMessage>? configure = null)
    {
        Name = name;
        Status = status;
        _content = content;
        Read = read;
        Write = write;
        _configure = configure;
    }

    public string Name { get; }

    public HttpStatusCode Status { get; }

    /// <summary>Gets what a read ends in; <see langword="null"/> when the answer is acceptable and the read succeeds.</summary>
    public UserRegistryErrorKind? Read { get; }

    /// <summary>Gets what a write ends in; <see langword="null"/> when the write succeeds.</summary>
    public UserRegistryErrorKind? Write { get; }

    /// <summary>Gets whether the answer is odd but acceptable: the operation succeeds as with the normal answer.</summary>
    public bool Succeeds => Read is null;

    /// <summary>Gets the wait the error must carry, when the answer says one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets the trace id the error must carry when the body names one; otherwise it is the one the call sent.</summary>
    public string? Trace { get; init; }

    /// <summary>Builds the answer from the endpoint's normal answer.</summary>
    public HttpResponseMessage Respond(string normal)
    {
        var response = new HttpResponseMessage(Status);
        if (_content(normal) is { } content)
        {
            response.Content = content;
        }

        _configure?.Invoke(response);
        return response;
    }

    public override string ToString() => Name;
}
