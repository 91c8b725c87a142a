using System.Globalization;
using CsvHelper;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Migration;

/// <summary>
/// Passwords the operator provides: a file of source key → password (CSV with <c>sourceKey</c> and <c>password</c>
/// columns, or JSON Lines with those members; other columns are ignored, so a generated password file can be fed
/// back). The last row for a source key wins. Errors name the line, never its content.
/// </summary>
internal sealed class FilePasswordSession : MigrationPasswordSession
{
    private readonly Dictionary<string, string> _passwords;

    private FilePasswordSession(Dictionary<string, string> passwords) => _passwords = passwords;

    public static async Task<FilePasswordSession> LoadAsync(MigrationPasswordPolicy policy, CancellationToken cancellationToken)
    {
        if (!File.Exists(policy.Path))
        {
            throw new FileNotFoundException($"The password file '{policy.Path}' does not exist.", policy.Path);
        }

        var passwords = policy.Format == MigrationPasswordFileFormat.Csv
            ? await ReadCsvAsync(policy.Path, cancellationToken).ConfigureAwait(false)
            : await ReadJsonLinesAsync(policy.Path, cancellationToken).ConfigureAwait(false);
        return new FilePasswordSession(passwords);
    }

    public override FieldError? Check(string sourceKey, MigrationTargetRequirements target)
    {
        if (!_passwords.TryGetValue(sourceKey, out var password))
        {
            return new FieldError("Password", "the password file has no entry for this source key.");
        }

        if (string.IsNullOrWhiteSpace(password))
        {
            return new FieldError("Password", "the password file's entry for this source key is empty.");
        }

        return target.MaxPasswordLength is { } max && password.Length > max
            ? new FieldError("Password", string.Create(CultureInfo.InvariantCulture, $"the password file's entry is longer than the {max} characters {target.ProviderName} accepts."))
            : null;
    }

    public override string PasswordFor(string sourceKey) => _passwords[sourceKey];

    public override Task RecordAsync(string sourceKey, string? targetId, string? targetNumber, string password, string status) =>
        Task.CompletedTask; // The operator has these passwords already; they are never written anywhere.

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<Dictionary<string, string>> ReadCsvAsync(string path, CancellationToken cancellationToken)
    {
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        var stream = File.OpenRead(path);
        var options = new CsvReaderOptions { Separator = ',', IncludeValuesInExceptions = false, TrimWhitespace = false };
        var csv = CsvReader.Create(stream, options, leaveOpen: false);
        await using (csv.ConfigureAwait(false))
        {
            try
            {
                await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
                if (!csv.TryGetFieldIndex("sourceKey", out var keyColumn) || !csv.TryGetFieldIndex("password", out var passwordColumn))
                {
                    throw new InvalidDataException($"The password file '{path}' needs a header row with the columns sourceKey and password.");
                }

                while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var key = csv.GetString(keyColumn).Trim();
                    var password = csv.GetString(passwordColumn);
                    if (key.Length == 0)
                    {
                        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Record {csv.RowNumber} of the password file '{path}' has no sourceKey."));
                    }

                    passwords[key] = password;
                }
            }
            catch (CsvFormatException ex)
            {
                // Say where, never what: the record holds a password.
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Record {ex.RecordNumber} of the password file '{path}' is not valid CSV."));
            }
        }

        return passwords;
    }

    private static async Task<Dictionary<string, string>> ReadJsonLinesAsync(string path, CancellationToken cancellationToken)
    {
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JObject? item;
            try
            {
                item = JToken.Parse(line) as JObject;
            }
            catch (JsonException)
            {
                // The reader's message quotes characters of the line: say where, not what.
                item = null;
            }

            var key = (item?["sourceKey"] as JValue)?.Value as string;
            var password = (item?["password"] as JValue)?.Value as string;
            if (string.IsNullOrWhiteSpace(key) || password is null)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Line {lineNumber} of the password file '{path}' is not an object with the string members sourceKey and password."));
            }

            passwords[key.Trim()] = password;
        }

        return passwords;
    }
}
