using System.Globalization;
using System.Text;
using CsvHelper;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Migration;

/// <summary>
/// Generates a temporary password per registration and appends it, with the source key and the target id and
/// number, to the operator's output file: created owner-only, opened on the first password (a plan never opens
/// it), one flushed row per registration.
/// </summary>
internal sealed class GeneratedPasswordSession : MigrationPasswordSession
{
    public const string CreatedStatus = "created";
    public const string UnknownStatus = "unknown";

    private static readonly string[] Columns = ["sourceKey", "targetId", "targetNumber", "password", "status"];

    private readonly MigrationPasswordPolicy _policy;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileStream? _stream;
    private CsvWriter? _csv;

    public GeneratedPasswordSession(MigrationPasswordPolicy policy) => _policy = policy;

    public override FieldError? Check(string sourceKey, MigrationTargetRequirements target) =>
        target.MaxPasswordLength is { } max && _policy.Length > max
            ? new FieldError("Password", string.Create(CultureInfo.InvariantCulture, $"generated passwords have {_policy.Length} characters; {target.ProviderName} accepts at most {max}."))
            : null;

    public override string PasswordFor(string sourceKey) => TemporaryPasswords.Create(_policy.Length);

    public override async Task RecordAsync(string sourceKey, string? targetId, string? targetNumber, string password, string status)
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var stream = EnsureOpen();
            if (_csv is not null)
            {
                _csv.WriteField(sourceKey);
                _csv.WriteField(targetId ?? string.Empty);
                _csv.WriteField(targetNumber ?? string.Empty);
                _csv.WriteField(password);
                _csv.WriteField(status);
                await _csv.EndRecordAsync(CancellationToken.None).ConfigureAwait(false);
                await _csv.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                var line = new JObject
                {
                    ["sourceKey"] = sourceKey,
                    ["targetId"] = targetId,
                    ["targetNumber"] = targetNumber,
                    ["password"] = password,
                    ["status"] = status,
                }.ToString(Formatting.None);
                await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), CancellationToken.None).ConfigureAwait(false);
            }

            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_csv is not null)
        {
            await _csv.DisposeAsync().ConfigureAwait(false);
        }

        if (_stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    private FileStream EnsureOpen()
    {
        if (_stream is not null)
        {
            return _stream;
        }

        var stream = MigrationSecretFile.OpenForAppend(_policy.Path);
        if (_policy.Format == MigrationPasswordFileFormat.Csv)
        {
            _csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
            if (stream.Length == 0)
            {
                foreach (var column in Columns)
                {
                    _csv.WriteField(column);
                }

                _csv.EndRecord();
            }
        }

        _stream = stream;
        return stream;
    }
}
