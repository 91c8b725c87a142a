namespace BrokerAdapters;

/// <summary>What went wrong, in provider-neutral terms.</summary>
public enum UserRegistryErrorKind
{
    /// <summary>Not classified: the provider answered a code this library does not know.</summary>
    Unknown,

    /// <summary>The input is invalid; <see cref="UserRegistryException.FieldErrors"/> names the fields.</summary>
    InvalidInput,

    /// <summary>A customer with the same email, phone or identifier exists already.</summary>
    AlreadyExists,

    /// <summary>The customer does not exist.</summary>
    NotFound,

    /// <summary>The login or password is wrong.</summary>
    InvalidCredentials,

    /// <summary>The account is locked.</summary>
    AccountLocked,

    /// <summary>The account is disabled or suspended.</summary>
    AccountDisabled,

    /// <summary>The library's own credentials (app id/secret, token) were refused.</summary>
    Unauthorized,

    /// <summary>The library's credentials lack the right to this operation.</summary>
    Forbidden,

    /// <summary>The provider's rate limit was hit. Retrying later can help.</summary>
    RateLimited,

    /// <summary>The call timed out. Retrying can help for reads.</summary>
    Timeout,

    /// <summary>The provider is unavailable or failed internally. Retrying can help.</summary>
    Unavailable,

    /// <summary>The provider answered something that does not follow its protocol.</summary>
    ProtocolError,

    /// <summary>The provider does not offer this operation or lookup.</summary>
    NotSupported,

    /// <summary>A write may or may not have happened; the caller must reconcile.</summary>
    OutcomeUnknown,
}
