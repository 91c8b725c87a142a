using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Migration;

namespace BrokerAdapters.Cli.Sides;

/// <summary>
/// One side of a diff or a migration: a customer file, or a registry built from a configuration section (or from the
/// embedded sandbox).
/// </summary>
internal sealed class CustomerSide : IAsyncDisposable
{
    private CustomerSide(string label, string? filePath, CustomerFileFormat fileFormat, RegistryHost? host)
    {
        Label = label;
        FilePath = filePath;
        FileFormat = fileFormat;
        Host = host;
    }

    /// <summary>Gets how the side is named in output and reports, e.g. <c>users.jsonl</c> or <c>Migration:Source (Cmfbl company 360)</c>.</summary>
    public string Label { get; }

    /// <summary>Gets the file, for a file side.</summary>
    public string? FilePath { get; }

    /// <summary>Gets the file's format, for a file side.</summary>
    public CustomerFileFormat FileFormat { get; }

    /// <summary>Gets the registry, for a registry side.</summary>
    public RegistryHost? Host { get; }

    /// <summary>Gets whether the side is a file.</summary>
    public bool IsFile => FilePath is not null;

    /// <summary>Gets the registry of a registry side.</summary>
    /// <exception cref="InvalidOperationException">The side is a file.</exception>
    public IUserRegistry Registry => Host?.Registry ?? throw new InvalidOperationException($"{Label} is a file, not a registry.");

    /// <summary>Gets whether the side's customers can be read: a file, or a registry that can list.</summary>
    public bool CanList => Host is null || Host.Registry.Descriptor.Supports(UserRegistryCapabilities.List);

    /// <summary>Creates a file side.</summary>
    /// <param name="path">The file's full path.</param>
    /// <param name="format">Its format.</param>
    /// <param name="label">How to name it.</param>
    /// <returns>The side.</returns>
    public static CustomerSide ForFile(string path, CustomerFileFormat format, string label) => new(label, path, format, null);

    /// <summary>Creates a registry side.</summary>
    /// <param name="host">The registry; the side disposes it.</param>
    /// <param name="label">How to name it.</param>
    /// <returns>The side.</returns>
    public static CustomerSide ForRegistry(RegistryHost host, string label) => new(label, null, default, host);

    /// <summary>
    /// Streams the side's customers: a file's records, or a registry's list with each customer read again in detail
    /// (<see cref="MigrationSources.ListWithDetailsAsync"/>: CMFBL's list answers lack the country and external id).
    /// </summary>
    /// <param name="concurrency">How many detail reads at a time.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The customers.</returns>
    public IAsyncEnumerable<Customer> ReadAsync(int concurrency, CancellationToken cancellationToken) =>
        FilePath is not null
            ? CustomerFileIo.ReadAsync(FilePath, FileFormat, cancellationToken)
            : Registry.ListWithDetailsAsync(query: null, concurrency, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Host?.DisposeAsync() ?? ValueTask.CompletedTask;
}
