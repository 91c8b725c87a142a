using System.Text;

namespace BrokerAdapters;

/// <summary>The one exception type every <see cref="IUserRegistry"/> throws for provider and input failures.</summary>
/// <remarks>
/// Branch on <see cref="Kind"/>; <see cref="ProviderCode"/> and <see cref="TraceId"/> are for logs and support tickets.
/// The message never contains secrets (passwords, app secrets, tokens, keys).
/// </remarks>
public sealed class UserRegistryException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">A description for humans; must not contain secrets.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public UserRegistryException(UserRegistryErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Creates an exception of kind <see cref="UserRegistryErrorKind.Unknown"/>.</summary>
    public UserRegistryException()
        : this(UserRegistryErrorKind.Unknown, "The user registry failed.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="UserRegistryErrorKind.Unknown"/>.</summary>
    /// <param name="message">A description for humans.</param>
    public UserRegistryException(string message)
        : this(UserRegistryErrorKind.Unknown, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="UserRegistryErrorKind.Unknown"/>.</summary>
    /// <param name="message">A description for humans.</param>
    /// <param name="innerException">The underlying exception.</param>
    public UserRegistryException(string message, Exception innerException)
        : this(UserRegistryErrorKind.Unknown, message, innerException)
    {
    }

    /// <summary>Gets what went wrong.</summary>
    public UserRegistryErrorKind Kind { get; }

    /// <summary>Gets the provider's name, e.g. <c>Cmfbl</c>, when a provider was involved.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets the provider's own error code, e.g. <c>USCUSTOMER_API_0000106</c>.</summary>
    public string? ProviderCode { get; init; }

    /// <summary>
    /// Gets the provider's message for <see cref="ProviderCode"/>, as it sent it, except that any secret of the request
    /// it repeats (the password as sent, the app secret, the token) is replaced with <c>***</c>.
    /// </summary>
    public string? ProviderMessage { get; init; }

    /// <summary>Gets the request's trace id, as sent or as echoed by the provider.</summary>
    public string? TraceId { get; init; }

    /// <summary>Gets the HTTP status code of the provider's answer, when there was one.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Gets how long the provider asked to wait before retrying, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets the invalid fields when <see cref="Kind"/> is <see cref="UserRegistryErrorKind.InvalidInput"/>.</summary>
    public IReadOnlyList<FieldError> FieldErrors { get; init; } = [];

    /// <summary>
    /// Gets, when <see cref="Kind"/> is <see cref="UserRegistryErrorKind.OutcomeUnknown"/>, the lookups that find the
    /// customer the failed write may have created: the number the provider assigned when it is known, otherwise the
    /// email and phone that were sent. Empty for other kinds.
    /// </summary>
    public IReadOnlyList<CustomerLookup> ReconciliationLookups { get; init; } = [];

    /// <summary>Gets whether retrying the same call later can succeed.</summary>
    public bool IsRetryable => Kind is UserRegistryErrorKind.RateLimited or UserRegistryErrorKind.Timeout or UserRegistryErrorKind.Unavailable;

    /// <summary>Creates an <see cref="UserRegistryErrorKind.InvalidInput"/> exception that names every failing field.</summary>
    /// <param name="provider">The provider that validated the input, or <see langword="null"/>.</param>
    /// <param name="errors">The failing fields; at least one.</param>
    /// <returns>The exception.</returns>
    public static UserRegistryException InvalidInput(string? provider, IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one field error is required.", nameof(errors));
        }

        var message = new StringBuilder("Invalid input: ");
        for (var i = 0; i < errors.Count; i++)
        {
            if (i > 0)
            {
                message.Append("; ");
            }

            message.Append(errors[i].Field).Append(": ").Append(errors[i].Message);
        }

        return new UserRegistryException(UserRegistryErrorKind.InvalidInput, message.ToString())
        {
            Provider = provider,
            FieldErrors = errors,
        };
    }

    /// <summary>Creates a <see cref="UserRegistryErrorKind.NotSupported"/> exception.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="what">What is not supported, e.g. <c>ListAsync</c> or <c>FindAsync by Email</c>.</param>
    /// <returns>The exception.</returns>
    public static UserRegistryException NotSupported(string provider, string what) =>
        new(UserRegistryErrorKind.NotSupported, $"{provider} does not support {what}.") { Provider = provider };

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder(base.ToString());
        builder.Append(" [Kind=").Append(Kind);
        AppendIfSet(builder, "Provider", Provider);
        AppendIfSet(builder, "ProviderCode", ProviderCode);
        AppendIfSet(builder, "TraceId", TraceId);
        AppendIfSet(builder, "HttpStatus", HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return builder.Append(']').ToString();
    }

    private static void AppendIfSet(StringBuilder builder, string name, string? value)
    {
        if (value is not null)
        {
            builder.Append(", ").Append(name).Append('=').Append(value);
        }
    }
}
