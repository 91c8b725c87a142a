using BrokerAdapters.Migration;

namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>One line of <c>migrate --apply --json</c>: what the run did with one source customer. Never a password.</summary>
/// <param name="Index">The customer's position in the source, from 0.</param>
/// <param name="SourceKey">The source customer's id, which the journal and password file are keyed by.</param>
/// <param name="SourceNumber">The source customer's number.</param>
/// <param name="Outcome"><c>Created</c>, <c>Skipped</c> or <c>Failed</c>.</param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Detail">More about the outcome.</param>
/// <param name="Problems">The fields that keep it from being created.</param>
/// <param name="TargetId">The target customer's id, when known.</param>
/// <param name="TargetNumber">The target customer's number, when known.</param>
/// <param name="ErrorKind">The error's kind, for a failure.</param>
/// <param name="ProviderCode">The provider's error code.</param>
/// <param name="TraceId">The request's trace id.</param>
/// <param name="Message">The error message.</param>
/// <param name="NeedsReconciliation">Whether the registration's outcome is unknown.</param>
internal sealed record MigrationResultDocument(
    long Index,
    string SourceKey,
    string? SourceNumber,
    MigrationOutcome Outcome,
    MigrationSkipReason? Reason,
    string? Detail,
    IReadOnlyList<ProblemDocument> Problems,
    string? TargetId,
    string? TargetNumber,
    UserRegistryErrorKind? ErrorKind,
    string? ProviderCode,
    string? TraceId,
    string? Message,
    bool NeedsReconciliation)
{
    /// <summary>Maps a result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The document.</returns>
    public static MigrationResultDocument From(MigrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(
            result.Index,
            result.SourceKey,
            result.Source.Number,
            result.Outcome,
            result.SkipReason,
            result.Detail,
            [.. result.Problems.Select(p => new ProblemDocument(p.Field, p.Message))],
            result.TargetId,
            result.TargetNumber,
            result.ErrorKind,
            result.ProviderCode,
            result.TraceId,
            result.Message,
            result.NeedsReconciliation);
    }
}

/// <summary>A field that keeps a customer from being created.</summary>
/// <param name="Field">The field.</param>
/// <param name="Message">Why.</param>
internal sealed record ProblemDocument(string Field, string Message);

/// <summary>The last line of <c>migrate --apply --json</c>: <c>{"summary":{…}}</c>.</summary>
/// <param name="Summary">The run's counts.</param>
internal sealed record MigrationSummaryLine(MigrationSummaryDocument Summary);

/// <summary>The counts of an apply run.</summary>
/// <param name="Status">Why the run ended: <c>Completed</c>, <c>StoppedByFailureThreshold</c>, <c>Cancelled</c>, <c>Faulted</c>.</param>
/// <param name="Read">Source customers read.</param>
/// <param name="Created">Customers registered.</param>
/// <param name="Skipped">Customers skipped, whatever the reason.</param>
/// <param name="AlreadyMigrated">Skipped: an earlier run migrated them.</param>
/// <param name="AlreadyExists">Skipped: the target has them already.</param>
/// <param name="CannotCreate">Skipped: required fields or a password missing.</param>
/// <param name="DuplicateInSource">Skipped: an earlier source customer shares a key.</param>
/// <param name="Failed">Customers whose lookup or registration failed.</param>
/// <param name="NeedsReconciliation">Failed customers whose registration has an unknown outcome.</param>
/// <param name="Attempted">Rows that reached the target (the base of the failure percentage).</param>
/// <param name="ElapsedSeconds">How long the run took.</param>
/// <param name="Journal">The journal (checkpoint and mapping).</param>
/// <param name="PasswordsFile">The generated passwords' file, or the file they were read from.</param>
internal sealed record MigrationSummaryDocument(
    MigrationRunStatus Status,
    long Read,
    long Created,
    long Skipped,
    long AlreadyMigrated,
    long AlreadyExists,
    long CannotCreate,
    long DuplicateInSource,
    long Failed,
    long NeedsReconciliation,
    long Attempted,
    double ElapsedSeconds,
    string Journal,
    string PasswordsFile)
{
    /// <summary>Maps a summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="journal">The journal.</param>
    /// <param name="passwordsFile">The passwords file.</param>
    /// <returns>The document.</returns>
    public static MigrationSummaryDocument From(MigrationSummary summary, string journal, string passwordsFile)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(
            summary.Status,
            summary.Read,
            summary.Created,
            summary.Skipped,
            summary.AlreadyMigrated,
            summary.AlreadyExists,
            summary.CannotCreate,
            summary.DuplicateInSource,
            summary.Failed,
            summary.NeedsReconciliation,
            summary.Attempted,
            Math.Round(summary.Elapsed.TotalSeconds, 3),
            journal,
            passwordsFile);
    }
}
