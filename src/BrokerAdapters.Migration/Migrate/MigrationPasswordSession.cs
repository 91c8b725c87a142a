namespace BrokerAdapters.Migration;

/// <summary>The passwords of one plan or apply run, from a <see cref="MigrationPasswordPolicy"/>.</summary>
internal abstract class MigrationPasswordSession : IAsyncDisposable
{
    /// <summary>Why no usable password is available for <paramref name="sourceKey"/>, or <see langword="null"/> when one is. Never names the password.</summary>
    public abstract FieldError? Check(string sourceKey, MigrationTargetRequirements target);

    /// <summary>The password to register <paramref name="sourceKey"/> with; call after <see cref="Check"/> passed.</summary>
    public abstract string PasswordFor(string sourceKey);

    /// <summary>Records a password the target may now hold, in the operator's output file (generated passwords only).</summary>
    /// <param name="sourceKey">The source key.</param>
    /// <param name="targetId">The target id, or <see langword="null"/> when the outcome is unknown.</param>
    /// <param name="targetNumber">The target number, when known.</param>
    /// <param name="password">The password.</param>
    /// <param name="status"><c>created</c>, or <c>unknown</c> when the registration may or may not have happened.</param>
    public abstract Task RecordAsync(string sourceKey, string? targetId, string? targetNumber, string password, string status);

    public abstract ValueTask DisposeAsync();
}
