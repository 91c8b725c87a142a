using System.Globalization;

namespace BrokerAdapters.Migration;

/// <summary>
/// Where the passwords of migrated customers come from. Passwords cannot be copied — a source keeps only hashes —
/// so the policy is explicit: <see cref="Generate"/> a random temporary password per customer, written only to
/// the output file the operator names, or read them <see cref="FromFile"/>. No password ever reaches a result,
/// the journal, an exception message or a <c>ToString()</c>.
/// </summary>
public sealed class MigrationPasswordPolicy
{
    /// <summary>The default length of generated passwords: within MC-CRM's 20-character limit.</summary>
    public const int DefaultLength = 16;

    private MigrationPasswordPolicy(bool generates, string path, MigrationPasswordFileFormat format, int length)
    {
        GeneratesPasswords = generates;
        Path = path;
        Format = format;
        Length = length;
    }

    /// <summary>Gets whether passwords are generated (<see langword="true"/>) or read from a file.</summary>
    public bool GeneratesPasswords { get; }

    /// <summary>Gets the output file (generated passwords) or the input file (operator's passwords).</summary>
    public string Path { get; }

    /// <summary>Gets the file's format.</summary>
    public MigrationPasswordFileFormat Format { get; }

    /// <summary>Gets the length of generated passwords; 0 when passwords are read from a file.</summary>
    public int Length { get; }

    /// <summary>
    /// Generates a cryptographically random temporary password per customer and appends it, with the source key
    /// and the target id and number, to <paramref name="outputPath"/>. The file is created readable by its owner
    /// only where the OS allows (Unix mode 0600), and is opened only when the first customer is registered.
    /// </summary>
    /// <param name="outputPath">The file to write; appended to when it exists (a resumed run adds its rows).</param>
    /// <param name="format">CSV (default) or JSON Lines.</param>
    /// <param name="length">The password length, 8 to 128; default 16. It must fit the target (MC-CRM: at most 20).</param>
    /// <returns>The policy.</returns>
    public static MigrationPasswordPolicy Generate(string outputPath, MigrationPasswordFileFormat format = MigrationPasswordFileFormat.Csv, int length = DefaultLength)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        CheckFormat(format);
        if (length is < TemporaryPasswords.MinLength or > TemporaryPasswords.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, string.Create(CultureInfo.InvariantCulture, $"Generated passwords have {TemporaryPasswords.MinLength} to {TemporaryPasswords.MaxLength} characters."));
        }

        return new MigrationPasswordPolicy(true, outputPath, format, length);
    }

    /// <summary>
    /// Reads the passwords from a file the operator provides: source key → password, as CSV with the columns
    /// <c>sourceKey</c> and <c>password</c> (others are ignored) or JSON Lines with those members. Customers without
    /// an entry are not created (<see cref="MigrationPlanAction.CannotCreate"/>). Nothing is written.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="format">CSV (default) or JSON Lines.</param>
    /// <returns>The policy.</returns>
    public static MigrationPasswordPolicy FromFile(string path, MigrationPasswordFileFormat format = MigrationPasswordFileFormat.Csv)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CheckFormat(format);
        return new MigrationPasswordPolicy(false, path, format, 0);
    }

    /// <inheritdoc />
    public override string ToString() => GeneratesPasswords
        ? string.Create(CultureInfo.InvariantCulture, $"generate {Length}-character temporary passwords into '{Path}' ({Format})")
        : $"read passwords from '{Path}' ({Format})";

    internal async Task<MigrationPasswordSession> OpenAsync(CancellationToken cancellationToken) => GeneratesPasswords
        ? new GeneratedPasswordSession(this)
        : await FilePasswordSession.LoadAsync(this, cancellationToken).ConfigureAwait(false);

    private static void CheckFormat(MigrationPasswordFileFormat format)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown password file format.");
        }
    }
}
