namespace BrokerAdapters;

/// <summary>
/// The providers added to one registry, kept as named options (one name per registry) so that several
/// registries in one container each know only their own providers.
/// </summary>
internal sealed class UserRegistryProviderCatalog
{
    private readonly Dictionary<string, UserRegistryProvider> _providers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the configuration path of the registry's section, for error messages.</summary>
    public string SectionPath { get; set; } = string.Empty;

    public IEnumerable<string> Names => _providers.Values.Select(p => p.Name).Order(StringComparer.Ordinal);

    public void Add(UserRegistryProvider provider)
    {
        if (!_providers.TryAdd(provider.Name, provider))
        {
            throw new InvalidOperationException($"The provider '{provider.Name}' was added to this registry twice.");
        }
    }

    public bool TryGet(string? name, out UserRegistryProvider provider)
    {
        if (name is not null && _providers.TryGetValue(name.Trim(), out var found))
        {
            provider = found;
            return true;
        }

        provider = null!;
        return false;
    }

    public string SettingName(string setting) => SectionPath.Length == 0 ? setting : SectionPath + ":" + setting;
}
