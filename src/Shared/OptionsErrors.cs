namespace BrokerAdapters.Internal;

/// <summary>Shared checks for provider settings, producing messages that name the setting's full path.</summary>
internal static class OptionsErrors
{
    public static void RequireAbsoluteHttpUrl(List<string> failures, string setting, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                failures.Add($"{setting} is required.");
            }

            return;
        }

        // The value is not echoed: a URL can carry credentials (user:password@host).
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{setting} must be an absolute http or https URL.");
            return;
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            failures.Add($"{setting} must not carry credentials, a query or a fragment.");
        }
    }

    /// <summary>Requires a value that can travel in an HTTP header: printable ASCII, no control characters.</summary>
    public static void RequireHeaderValue(List<string> failures, string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} is required.");
            return;
        }

        if (value.Any(c => c is < ' ' or > '~'))
        {
            failures.Add($"{setting} must be printable ASCII (it is sent in an HTTP header).");
        }
    }

    public static void Require(List<string> failures, string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} is required.");
        }
    }
}
