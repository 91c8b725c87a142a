namespace BrokerAdapters.Sandbox;

/// <summary>How a <see cref="SandboxServer"/> starts.</summary>
public sealed class SandboxOptions
{
    /// <summary>Gets or sets the address to listen on. Defaults to the IPv4 loopback, <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the port; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Gets the CMFBL companies (white labels) to serve. Defaults to <c>360</c> and <c>361</c>.</summary>
    public IList<string> CmfblCompanies { get; } = ["360", "361"];

    /// <summary>Gets or sets how many fake customers to seed into each CMFBL company and into MC-CRM.</summary>
    public int SeedCustomers { get; set; }

    /// <summary>Gets or sets the random seed of the fake customers.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets the clock of the emulators; the system clock when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
