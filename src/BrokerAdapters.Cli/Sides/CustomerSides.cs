using BrokerAdapters.Cli.Commands;
using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Sandbox;
using Microsoft.Extensions.Configuration;

namespace BrokerAdapters.Cli.Sides;

/// <summary>
/// Turns a <c>--source</c> or <c>--target</c> value into a <see cref="CustomerSide"/>: a customer file (by its
/// extension, or because it exists), else a configuration section holding a registry's settings, built as an
/// application builds a keyed registry (<c>AddKeyedUserRegistry(key, configuration.GetSection(value))</c>).
/// </summary>
internal static class CustomerSides
{
    /// <summary>The section <c>--source</c> defaults to.</summary>
    public const string SourceSection = "Migration:Source";

    /// <summary>The section <c>--target</c> defaults to.</summary>
    public const string TargetSection = "Migration:Target";

    /// <summary>
    /// Tells whether a command runs on the embedded sandbox's demo data: neither side given on the command line nor
    /// configured in the <c>Migration:Source</c> and <c>Migration:Target</c> sections.
    /// </summary>
    /// <param name="context">The command's context.</param>
    /// <param name="source">The <c>--source</c> value.</param>
    /// <param name="target">The <c>--target</c> value.</param>
    /// <returns><see langword="true"/> to use the demo.</returns>
    public static bool UseSandboxDemo(CommandContext context, string? source, string? target)
    {
        ArgumentNullException.ThrowIfNull(context);
        return source is null && target is null
            && !context.Configuration.GetSection(SourceSection).Exists()
            && !context.Configuration.GetSection(TargetSection).Exists();
    }

    /// <summary>Opens one side.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="option">The option's name, for errors, e.g. <c>--source</c>.</param>
    /// <param name="value">The option's value, or <see langword="null"/> for <paramref name="defaultSection"/>.</param>
    /// <param name="defaultSection">The section used when the option is not given.</param>
    /// <param name="key">The registry's service key.</param>
    /// <param name="cancellationToken">Cancels starting the sandbox.</param>
    /// <returns>The side; dispose it.</returns>
    /// <exception cref="CliUsageException">The value is neither an existing customer file nor a configured section.</exception>
    public static async Task<CustomerSide> OpenAsync(
        CommandContext context, string option, string? value, string defaultSection, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configuration = context.Configuration;
        if (value is null)
        {
            if (!configuration.GetSection(defaultSection).Exists())
            {
                throw new CliUsageException($"{option} is required: no {defaultSection} section is configured.");
            }

            return await OpenSectionAsync(context, defaultSection, key, cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliUsageException($"{option} must name a customer file or a configuration section.");
        }

        var path = Path.GetFullPath(value, context.Io.CurrentDirectory);
        if (CustomerFileIo.HasCustomerFileExtension(value))
        {
            return File.Exists(path)
                ? CustomerSide.ForFile(path, CustomerFileIo.FormatOf(path), value)
                : throw new CliUsageException($"{option}: the file '{value}' does not exist.");
        }

        if (configuration.GetSection(value).Exists())
        {
            return await OpenSectionAsync(context, value, key, cancellationToken).ConfigureAwait(false);
        }

        if (File.Exists(path))
        {
            return CustomerSide.ForFile(path, CustomerFileIo.FormatOf(path), value);
        }

        throw new CliUsageException(
            $"{option} '{value}' is neither a customer file ({string.Join(", ", CustomerFileIo.Extensions)}) nor a configuration section.");
    }

    /// <summary>Opens a side on the embedded sandbox: a CMFBL company or MC-CRM, with the sandbox's own settings.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="provider">The provider's canonical name.</param>
    /// <param name="companyId">The CMFBL company, or <see langword="null"/> for MC-CRM.</param>
    /// <param name="key">The registry's service key, also its section's name.</param>
    /// <param name="cancellationToken">Cancels starting the sandbox.</param>
    /// <returns>The side; dispose it.</returns>
    public static async Task<CustomerSide> OpenSandboxAsync(
        CommandContext context, string provider, string? companyId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sandbox = await context.Sandbox.GetAsync(cancellationToken).ConfigureAwait(false);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(SandboxSettings(sandbox, provider, key, companyId)).Build();
        var host = RegistryHost.CreateKeyed(settings, key, key, context.Logging, sandbox.BaseUrl);
        return CustomerSide.ForRegistry(host, $"{Describe(provider, companyId)} (embedded sandbox)");
    }

    private static async Task<CustomerSide> OpenSectionAsync(CommandContext context, string sectionPath, string key, CancellationToken cancellationToken)
    {
        var configuration = context.Configuration;
        var section = configuration.GetSection(sectionPath);
        if (!ProviderNames.TryNormalize(section["Provider"], out var provider))
        {
            // No provider or an unknown one: the library's validation names the setting and the known providers.
            return CustomerSide.ForRegistry(RegistryHost.CreateKeyed(configuration, sectionPath, key, context.Logging, null), sectionPath);
        }

        var companyId = provider == ProviderNames.Cmfbl ? section["Cmfbl:CompanyId"] : null;
        if (!string.IsNullOrWhiteSpace(section[$"{provider}:BaseUrl"]))
        {
            var host = RegistryHost.CreateKeyed(configuration, sectionPath, key, context.Logging, null);
            return CustomerSide.ForRegistry(host, $"{sectionPath} ({Describe(provider, companyId)})");
        }

        // No endpoint: the embedded sandbox serves the section with its own settings, as it serves UserRegistry. The
        // one setting kept is a CMFBL CompanyId naming a sandbox company, so that two sections can be two companies.
        var sandbox = await context.Sandbox.GetAsync(cancellationToken).ConfigureAwait(false);
        var sandboxCompany = provider == ProviderNames.Cmfbl && sandbox.Cmfbl.Companies.Any(c => c.CompanyId == companyId?.Trim())
            ? companyId!.Trim()
            : null;
        var ignored = RegistryConfiguration.IgnoredSettings(configuration, provider, sectionPath)
            .Where(name => sandboxCompany is null || !string.Equals(name, "CompanyId", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var ignoredNote = ignored.Count == 0
            ? string.Empty
            : $" The configured {sectionPath}:{provider} settings were ignored ({string.Join(", ", ignored)}): the sandbox uses its own.";
        var label = Describe(provider, sandboxCompany ?? (provider == ProviderNames.Cmfbl ? sandbox.Cmfbl.Companies[0].CompanyId : null));
        context.Output.Notice(
            $"Using the embedded sandbox for {sectionPath} ({label}) at {sandbox.BaseUrl} (no {sectionPath}:{provider}:BaseUrl configured); its data lasts until this command ends.{ignoredNote}");
        var settings = new ConfigurationBuilder().AddInMemoryCollection(SandboxSettings(sandbox, provider, sectionPath, sandboxCompany)).Build();
        var sandboxHost = RegistryHost.CreateKeyed(settings, sectionPath, key, context.Logging, sandbox.BaseUrl);
        return CustomerSide.ForRegistry(sandboxHost, $"{sectionPath} ({label}, embedded sandbox)");
    }

    private static Dictionary<string, string?> SandboxSettings(SandboxServer sandbox, string provider, string sectionPath, string? companyId)
    {
        var prefix = $"{sectionPath}:{provider}:";
        var settings = sandbox.ToConfiguration(provider, sectionPath, companyId)
            .Where(setting => setting.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(setting => setting.Key, setting => setting.Value, StringComparer.OrdinalIgnoreCase);
        settings[$"{sectionPath}:Provider"] = provider;
        return settings;
    }

    private static string Describe(string provider, string? companyId) =>
        string.IsNullOrWhiteSpace(companyId) ? provider : $"{provider} company {companyId.Trim()}";
}
