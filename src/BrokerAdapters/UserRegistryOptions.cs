namespace BrokerAdapters;

/// <summary>The settings of one registry (the <c>UserRegistry</c> section, or a keyed registry's section).</summary>
public sealed class UserRegistryOptions
{
    /// <summary>Gets or sets the name of the provider the registry talks to, e.g. <c>Cmfbl</c> or <c>McCrm</c> (case-insensitive).</summary>
    public string? Provider { get; set; }
}
