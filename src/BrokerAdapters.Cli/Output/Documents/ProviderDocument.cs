namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>What <c>providers --json</c> prints for one provider.</summary>
/// <param name="Name">The provider's name, as the <c>Provider</c> setting uses it.</param>
/// <param name="Selected">Whether the configuration selects it.</param>
/// <param name="Endpoint"><c>configured</c>, or <c>sandbox</c> when the CLI would use the embedded sandbox.</param>
/// <param name="Capabilities">The operations it serves.</param>
/// <param name="ExistsLookups">What <c>exists</c> accepts.</param>
/// <param name="FindLookups">What <c>get</c> accepts.</param>
/// <param name="AuthenticateLookups">What <c>login</c> accepts.</param>
internal sealed record ProviderDocument(
    string Name,
    bool Selected,
    string Endpoint,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> ExistsLookups,
    IReadOnlyList<string> FindLookups,
    IReadOnlyList<string> AuthenticateLookups)
{
    /// <summary>The <see cref="Endpoint"/> of a provider whose <c>BaseUrl</c> is configured.</summary>
    public const string Configured = "configured";

    /// <summary>The <see cref="Endpoint"/> of a provider served by the embedded sandbox.</summary>
    public const string Sandbox = "sandbox";

    /// <summary>Describes a registry.</summary>
    /// <param name="descriptor">The registry's descriptor.</param>
    /// <param name="selected">Whether the configuration selects it.</param>
    /// <param name="embedded">Whether it talks to the embedded sandbox.</param>
    /// <returns>The document.</returns>
    public static ProviderDocument From(UserRegistryDescriptor descriptor, bool selected, bool embedded)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new(
            descriptor.ProviderName,
            selected,
            embedded ? Sandbox : Configured,
            Names(descriptor.Capabilities),
            Names(descriptor.ExistsLookups),
            Names(descriptor.FindLookups),
            Names(descriptor.AuthenticateLookups));
    }

    /// <summary>The names of the flags set in a flags enum value, in declaration order.</summary>
    /// <typeparam name="TFlags">The flags enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The names; empty for none.</returns>
    public static IReadOnlyList<string> Names<TFlags>(TFlags value)
        where TFlags : struct, Enum =>
        [.. Enum.GetValues<TFlags>()
            .Where(flag => Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(flag))
            .Select(flag => flag.ToString())];
}
