using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Cli.Configuration;

/// <summary>The providers the CLI knows, by the names the <c>Provider</c> setting uses.</summary>
internal static class ProviderNames
{
    /// <summary>CMFBL.</summary>
    public const string Cmfbl = CmfblUserRegistryBuilderExtensions.ProviderName;

    /// <summary>MC-CRM.</summary>
    public const string McCrm = McCrmUserRegistryBuilderExtensions.ProviderName;

    /// <summary>The provider used when <c>UserRegistry:Provider</c> is not set.</summary>
    public const string Default = Cmfbl;

    /// <summary>Gets every provider, in the order the CLI shows them.</summary>
    public static IReadOnlyList<string> All { get; } = [Cmfbl, McCrm];

    /// <summary>Finds a provider's canonical name, ignoring case.</summary>
    /// <param name="name">The name as configured.</param>
    /// <param name="canonical">The canonical name, e.g. <c>McCrm</c> for <c>mccrm</c>.</param>
    /// <returns><see langword="true"/> when the CLI knows the provider.</returns>
    public static bool TryNormalize(string? name, out string canonical)
    {
        canonical = All.FirstOrDefault(known => string.Equals(known, name?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        return canonical.Length > 0;
    }
}
