namespace BrokerAdapters.Samples.ExampleCrm;

#region options
/// <summary>
/// The settings of the Example CRM provider, bound from the registry section's <c>ExampleCrm</c> sub-section
/// (e.g. <c>UserRegistry:ExampleCrm</c>). <see cref="ToString"/> never prints <see cref="ApiKey"/>.
/// </summary>
/// <example>
/// <code>
/// "UserRegistry": {
///   "Provider": "ExampleCrm",
///   "ExampleCrm": { "BaseUrl": "https://api.example-crm.example/", "ApiKey": "(from a secret store)" }
/// }
/// </code>
/// </example>
public sealed class ExampleCrmOptions
{
    /// <summary>The name of the configuration sub-section these settings are bound from.</summary>
    public const string SectionName = "ExampleCrm";

    /// <summary>Gets or sets the API's base URL, e.g. <c>https://api.example-crm.example/</c>. Required.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Gets or sets the API key, sent as <c>Authorization: Bearer …</c>. Required; keep it in a secret store.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets how long one request may take. 30 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override string ToString() =>
        $"ExampleCrmOptions {{ BaseUrl = {BaseUrl}, Timeout = {Timeout}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")} }}";
}
#endregion
