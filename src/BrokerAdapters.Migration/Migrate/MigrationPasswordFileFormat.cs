namespace BrokerAdapters.Migration;

/// <summary>The format of a password file.</summary>
public enum MigrationPasswordFileFormat
{
    /// <summary>CSV with a header row (<c>sourceKey,targetId,targetNumber,password,status</c> when written; <c>sourceKey</c> and <c>password</c> when read).</summary>
    Csv,

    /// <summary>JSON Lines: one object per line with the same members as the CSV columns.</summary>
    JsonLines,
}
