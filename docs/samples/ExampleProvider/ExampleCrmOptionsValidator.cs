using Microsoft.Extensions.Options;

namespace BrokerAdapters.Samples.ExampleCrm;

/// <summary>Validates one registry's <see cref="ExampleCrmOptions"/>, naming each failing setting by its full path.</summary>
internal sealed class ExampleCrmOptionsValidator : IValidateOptions<ExampleCrmOptions>
{
    private readonly string _registryName;
    private readonly Func<string, string> _settingPath;

    /// <param name="registryName">The options name this validator checks; the other registries' names are skipped.</param>
    /// <param name="settingPath">Turns <c>ExampleCrm:BaseUrl</c> into the full path, e.g. <c>UserRegistry:ExampleCrm:BaseUrl</c>.</param>
    public ExampleCrmOptionsValidator(string registryName, Func<string, string> settingPath)
    {
        _registryName = registryName;
        _settingPath = settingPath;
    }

    #region options-validation
    public ValidateOptionsResult Validate(string? name, ExampleCrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(name ?? Options.DefaultName, _registryName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var baseUrl = Setting(nameof(ExampleCrmOptions.BaseUrl));
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            failures.Add($"{baseUrl} is required.");
        }
        else if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            // The value is not repeated: a URL can carry credentials.
            failures.Add($"{baseUrl} must be an absolute http or https URL without credentials, query or fragment.");
        }

        var apiKey = Setting(nameof(ExampleCrmOptions.ApiKey));
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{apiKey} is required.");
        }
        else if (options.ApiKey.Any(c => c is <= ' ' or > '~'))
        {
            // It travels in a header; the key itself is a secret and is never printed.
            failures.Add($"{apiKey} must be printable ASCII without spaces.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Setting(nameof(ExampleCrmOptions.Timeout))} must be more than zero and at most 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
    #endregion

    private string Setting(string name) => _settingPath(ExampleCrmOptions.SectionName + ":" + name);
}
