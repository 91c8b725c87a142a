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

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{setting} must be an absolute http or https URL (was '{value}').");
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
