using System.Diagnostics;

namespace BrokerAdapters.Cmfbl;

/// <summary>
/// The value of the <c>trace</c> header, unique per request and echoed by CMFBL in its answer and its logs. Within a
/// W3C trace it is the trace id followed by a span-id-sized random part, so that a trace's requests can be found in
/// CMFBL's logs by the trace id; otherwise a GUID.
/// </summary>
internal static class CmfblTraceHeader
{
    /// <summary>The prefix CMFBL reads as "the body is encrypted"; it must not be used otherwise.</summary>
    public const string EncryptedPrefix = "x-";

    public const string PlainPrefix = "t-";

    public static string New(bool encrypted) => New(encrypted, Activity.Current);

    internal static string New(bool encrypted, Activity? current)
    {
        var prefix = encrypted ? EncryptedPrefix : PlainPrefix;
        return current is { IdFormat: ActivityIdFormat.W3C }
            ? prefix + current.TraceId.ToHexString() + ActivitySpanId.CreateRandom().ToHexString()
            : prefix + Guid.NewGuid().ToString("N");
    }
}
