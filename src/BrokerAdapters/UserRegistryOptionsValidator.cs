using Microsoft.Extensions.Options;

namespace BrokerAdapters;

/// <summary>
/// Validates one registry's settings: the provider name must be one that was added, and that provider's own
/// settings must be valid. The other providers' settings are not checked, so a section may keep settings for
/// providers it does not currently use.
/// </summary>
internal sealed class UserRegistryOptionsValidator : IValidateOptions<UserRegistryOptions>
{
    private readonly string _registryName;
    private readonly IServiceProvider _services;
    private readonly IOptionsMonitor<UserRegistryProviderCatalog> _catalogs;

    public UserRegistryOptionsValidator(string registryName, IServiceProvider services, IOptionsMonitor<UserRegistryProviderCatalog> catalogs)
    {
        _registryName = registryName;
        _services = services;
        _catalogs = catalogs;
    }

    public ValidateOptionsResult Validate(string? name, UserRegistryOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, _registryName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var catalog = _catalogs.Get(_registryName);
        var setting = catalog.SettingName(nameof(UserRegistryOptions.Provider));
        var known = string.Join(", ", catalog.Names);
        if (known.Length == 0)
        {
            return ValidateOptionsResult.Fail(
                $"No provider was added to the registry configured by '{catalog.SectionPath}'. Call AddCmfbl(), AddMcCrm() or another provider's Add… method on the builder.");
        }

        if (string.IsNullOrWhiteSpace(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{setting} is required. Known providers: {known}.");
        }

        if (!catalog.TryGet(options.Provider, out var provider))
        {
            return ValidateOptionsResult.Fail($"{setting} '{options.Provider}' is not a known provider. Known providers: {known}.");
        }

        try
        {
            provider.Validate?.Invoke(_services, _registryName);
        }
        catch (OptionsValidationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Failures);
        }

        return ValidateOptionsResult.Success;
    }
}
