using System.Diagnostics;
using System.Globalization;
using System.Text;
using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Soak;

/// <summary>What a soak run does: how many registrations, how many callers at once, how often the provider fails.</summary>
internal sealed record SoakOptions
{
    /// <summary>Gets the provider: <c>Cmfbl</c> or <c>McCrm</c>.</summary>
    public string Provider { get; init; } = "Cmfbl";

    public int Registrations { get; init; } = 10_000;

    public int Concurrency { get; init; } = 32;

    /// <summary>Gets the share of requests (every operation, not only registrations) that meet a fault.</summary>
    public double FaultRate { get; init; } = 0.10;

    public int Seed { get; init; } = 20261123;

    /// <summary>Gets the client's attempt timeout; the provider's stalls are twice as long.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The faults drawn from, evenly.</summary>
    public static IReadOnlyList<EmulatorFaultKind> Kinds { get; } =
    [
        EmulatorFaultKind.ServerError,
        EmulatorFaultKind.RateLimited,
        EmulatorFaultKind.TimeoutBeforeCommit,
        EmulatorFaultKind.TimeoutWithLateCommit,
        EmulatorFaultKind.TimeoutAfterCommit,
        EmulatorFaultKind.ResetBeforeCommit,
        EmulatorFaultKind.ResetAfterCommit,
    ];
}

/// <summary>What a soak run found. Required: no duplicate, no lost and no phantom registration.</summary>
internal sealed record SoakReport
{
    public required SoakOptions Options { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Gets the registrations the provider answered (<see cref="RegistrationOutcome.Created"/>).</summary>
    public required int Created { get; init; }

    /// <summary>Gets the registrations whose answer was lost and whose customer was found by checking.</summary>
    public required int Recovered { get; init; }

    /// <summary>Gets the failed registrations by error kind.</summary>
    public required IReadOnlyDictionary<UserRegistryErrorKind, int> FailedByKind { get; init; }

    /// <summary>Gets how many OutcomeUnknown registrations did in fact create their customer (the caller must reconcile them).</summary>
    public required int UnknownAndPresent { get; init; }

    /// <summary>Gets the customers the provider holds twice (by email), plus customers reported to two callers.</summary>
    public required int Duplicates { get; init; }

    /// <summary>Gets the customers that exist although their caller was told the registration definitely failed.</summary>
    public required int Lost { get; init; }

    /// <summary>Gets the registrations reported as created or recovered whose customer does not exist, or is another one.</summary>
    public required int Phantom { get; init; }

    /// <summary>Gets the customers the provider holds at the end.</summary>
    public required int CustomersAtProvider { get; init; }

    /// <summary>Gets the faults the provider injected, by kind (in every operation).</summary>
    public required IReadOnlyDictionary<EmulatorFaultKind, int> Injected { get; init; }

    /// <summary>Gets the requests the provider received.</summary>
    public required int Requests { get; init; }

    public int Failed => FailedByKind.Values.Sum();

    public bool Passed => Duplicates == 0 && Lost == 0 && Phantom == 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        var o = Options;
        text.Append(CultureInfo.InvariantCulture, $"{o.Provider}: {o.Registrations} registrations, {o.Concurrency} callers, {o.FaultRate:P0} of requests faulted, in {Elapsed.TotalSeconds:F1} s ({Requests} requests)\n");
        text.Append(CultureInfo.InvariantCulture, $"  faults injected: {Describe(Injected)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  succeeded {Created + Recovered} (created {Created}, recovered {Recovered}); failed {Failed}: {Describe(FailedByKind)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  OutcomeUnknown that did create the customer: {UnknownAndPresent}; customers at the provider: {CustomersAtProvider}\n");
        text.Append(CultureInfo.InvariantCulture, $"  duplicates {Duplicates}, lost {Lost}, phantom {Phantom}: {(Passed ? "PASS" : "FAIL")}");
        return text.ToString();
    }

    private static string Describe<TKey>(IReadOnlyDictionary<TKey, int> counts)
        where TKey : notnull =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key.ToString()).Select(c => $"{c.Key} {c.Value}"));
}

/// <summary>
/// Registers many customers through the sandbox (over loopback) while the provider fails a share of all requests,
/// then compares what every caller was told with what the provider holds.
/// </summary>
internal static class RegistrationSoak
{
    public static async Task<SoakReport> RunAsync(SoakOptions options, CancellationToken cancellationToken = default)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedCustomers = 0 }, cancellationToken).ConfigureAwait(false);
        var provider = options.Provider;
        var settings = new Dictionary<string, string?>(sandbox.ToConfiguration(provider));
        var resilience = $"UserRegistry:{provider}:Resilience:";
        settings[resilience + "AttemptTimeout"] = options.AttemptTimeout.ToString("c", CultureInfo.InvariantCulture);
        settings[resilience + "RateLimit:PermitLimit"] = "1000000"; // the sandbox has no limit; the soak is not about pacing
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm();
        await using var built = services.BuildServiceProvider();
        var registry = built.GetRequiredService<IUserRegistry>();

        ProviderEmulator emulator = provider == "Cmfbl" ? sandbox.Cmfbl : sandbox.McCrm;
        var stall = options.AttemptTimeout * 2;
        emulator.Faults.StallDuration = stall;
        emulator.Faults.InjectRandomly(options.FaultRate, options.Seed, SoakOptions.Kinds);

        var customers = Enumerable.Range(0, options.Registrations).Select(i => Customer(i, provider)).ToArray();
        var outcomes = new object[customers.Length];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, customers.Length),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    outcomes[i] = await registry.RegisterAsync(customers[i], ct).ConfigureAwait(false);
                }
                catch (UserRegistryException ex)
                {
                    outcomes[i] = ex;
                }
            }).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);

        // Late commits land after the hold; let them, then stop injecting.
        await Task.Delay(stall + TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        var injected = emulator.Faults.RandomlyInjected;
        emulator.Faults.Clear();

        var held = provider == "Cmfbl"
            ? sandbox.Cmfbl.Companies[0].Customers.Select(c => (Email: c.Email, Id: c.CustomerNo)).ToList()
            : sandbox.McCrm.Users.Select(u => (Email: u.Email, Id: u.Uid)).ToList();
        var byEmail = held.Where(c => c.Email is not null).GroupBy(c => c.Email!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

        int created = 0, recovered = 0, unknownPresent = 0, lost = 0, phantom = 0;
        var failed = new Dictionary<UserRegistryErrorKind, int>();
        var reportedIds = new List<string>();
        for (var i = 0; i < customers.Length; i++)
        {
            var present = byEmail.ContainsKey(customers[i].Email!);
            switch (outcomes[i])
            {
                case CustomerRegistration registration:
                    if (registration.IsRecovered)
                    {
                        recovered++;
                    }
                    else
                    {
                        created++;
                    }

                    reportedIds.Add(registration.Customer.Number ?? registration.Customer.Id);
                    if (!present || !string.Equals(registration.Customer.Email, customers[i].Email, StringComparison.OrdinalIgnoreCase))
                    {
                        phantom++;
                    }

                    break;
                case UserRegistryException error:
                    failed[error.Kind] = failed.GetValueOrDefault(error.Kind) + 1;
                    if (error.Kind == UserRegistryErrorKind.OutcomeUnknown)
                    {
                        unknownPresent += present ? 1 : 0;
                    }
                    else if (present)
                    {
                        lost++;
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Registration {i} has no outcome.");
            }
        }

        var duplicates = byEmail.Values.Sum(n => n - 1) + (reportedIds.Count - reportedIds.Distinct(StringComparer.Ordinal).Count());
        return new SoakReport
        {
            Options = options,
            Elapsed = elapsed,
            Created = created,
            Recovered = recovered,
            FailedByKind = failed,
            UnknownAndPresent = unknownPresent,
            Duplicates = duplicates,
            Lost = lost,
            Phantom = phantom,
            CustomersAtProvider = held.Count,
            Injected = injected,
            Requests = emulator.Requests.Count,
        };
    }

    private static NewCustomer Customer(int i, string provider) => new()
    {
        Email = string.Create(CultureInfo.InvariantCulture, $"soak.{i:D6}@example.com"),
        Phone = new PhoneNumber("+852", string.Create(CultureInfo.InvariantCulture, $"5{i:D7}")),
        Password = provider == "McCrm" ? "Soak-pa55" : "Soak-pa55-" + i.ToString(CultureInfo.InvariantCulture),
        Country = "HK",
        Name = new PersonName { Given = "Soak", Family = "Customer" + i.ToString(CultureInfo.InvariantCulture) },
        ExternalId = string.Create(CultureInfo.InvariantCulture, $"soak-{i:D6}"),
        Source = RegistrationSource.System,
    };
}
