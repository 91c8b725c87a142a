namespace BrokerAdapters.Cli;

/// <summary>The process exit codes of <c>brokeradapters</c>; <c>docs/cli.md</c> documents the same table.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (including <c>exists</c> answering <c>false</c>).</summary>
    public const int Success = 0;

    /// <summary>An unexpected error: a bug, or a failure the CLI does not classify.</summary>
    public const int UnexpectedError = 1;

    /// <summary>The command line is wrong: unknown option, missing lookup, bad value.</summary>
    public const int Usage = 2;

    /// <summary>The configuration is invalid: a setting, the <c>--config</c> file or <c>appsettings.json</c>.</summary>
    public const int InvalidConfiguration = 3;

    /// <summary>No customer matches.</summary>
    public const int NotFound = 4;

    /// <summary>The input was refused as invalid; the field errors are printed.</summary>
    public const int InvalidInput = 5;

    /// <summary>A customer with the same email, phone or external id exists already.</summary>
    public const int AlreadyExists = 6;

    /// <summary>The login was refused: wrong credentials, locked or disabled account.</summary>
    public const int AuthenticationRefused = 7;

    /// <summary>The provider does not offer the operation or lookup.</summary>
    public const int NotSupported = 8;

    /// <summary>The provider is unavailable, timed out or rate limited: retrying later can help.</summary>
    public const int Retryable = 9;

    /// <summary>Any other provider error: protocol error, our credentials refused, outcome unknown, unknown code.</summary>
    public const int ProviderError = 10;

    /// <summary><c>diff --fail-on-difference</c> found a difference (a changed, missing or ambiguous customer).</summary>
    public const int DifferencesFound = 11;

    /// <summary><c>migrate --apply</c> stopped because failures passed the threshold; the rest was not attempted.</summary>
    public const int StoppedByFailureThreshold = 12;

    /// <summary><c>migrate --apply</c> ran to its end, but some rows failed: run it again with the same journal to retry them.</summary>
    public const int MigrationRowsFailed = 13;

    /// <summary><c>migrate --apply</c> left rows whose registration has an unknown outcome, which the target cannot check: reconcile them by hand.</summary>
    public const int NeedsReconciliation = 14;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Maps a registry error to its exit code.</summary>
    /// <param name="kind">The error's kind.</param>
    /// <returns>The exit code.</returns>
    public static int For(UserRegistryErrorKind kind) => kind switch
    {
        UserRegistryErrorKind.NotFound => NotFound,
        UserRegistryErrorKind.InvalidInput => InvalidInput,
        UserRegistryErrorKind.AlreadyExists => AlreadyExists,
        UserRegistryErrorKind.InvalidCredentials or UserRegistryErrorKind.AccountLocked or UserRegistryErrorKind.AccountDisabled => AuthenticationRefused,
        UserRegistryErrorKind.NotSupported => NotSupported,
        UserRegistryErrorKind.Unavailable or UserRegistryErrorKind.Timeout or UserRegistryErrorKind.RateLimited => Retryable,
        _ => ProviderError,
    };
}
