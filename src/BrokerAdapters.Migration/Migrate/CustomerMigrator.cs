using System.Runtime.CompilerServices;

namespace BrokerAdapters.Migration;

/// <summary>
/// Migrates customers into a target registry: <see cref="PlanAsync"/> says what would happen to each source
/// customer without changing anything, <see cref="Apply"/> registers them — with bounded concurrency, an append-only
/// journal that makes runs resumable and idempotent, and a failure threshold — and <see cref="ProbeAsync"/> reads
/// the migrated customers back through the journal's mapping, for a target that cannot list them.
/// </summary>
/// <example>
/// <code>
/// var migrator = new CustomerMigrator(target, new MigrationOptions
/// {
///     JournalPath = "migration.journal.jsonl",
///     Passwords = MigrationPasswordPolicy.Generate("passwords.csv"),
/// });
/// await foreach (var row in migrator.PlanAsync(source.ListWithDetailsAsync())) { … }   // dry run
/// var run = migrator.Apply(source.ListWithDetailsAsync());
/// await foreach (var result in run) { … }
/// Console.WriteLine(run.Summary);
/// </code>
/// </example>
public sealed class CustomerMigrator
{
    /// <summary>Creates a migrator into <paramref name="target"/>.</summary>
    /// <param name="target">The registry customers are registered in; it must support registration.</param>
    /// <param name="options">The journal, password policy, concurrency and threshold; defaults when <see langword="null"/>.</param>
    /// <exception cref="UserRegistryException"><paramref name="target"/> does not support registration (<see cref="UserRegistryErrorKind.NotSupported"/>).</exception>
    /// <exception cref="ArgumentException">An option is invalid, e.g. generated passwords longer than the target accepts.</exception>
    public CustomerMigrator(IUserRegistry target, MigrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= new MigrationOptions();
        options.Validate();
        if (!target.Descriptor.Supports(UserRegistryCapabilities.Register))
        {
            throw UserRegistryException.NotSupported(target.Descriptor.ProviderName, "RegisterAsync, so customers cannot be migrated into it");
        }

        var requirements = MigrationTargetRequirements.For(target.Descriptor);
        if (options.Passwords is { GeneratesPasswords: true } policy && requirements.MaxPasswordLength is { } max && policy.Length > max)
        {
            throw new ArgumentException(
                $"MigrationOptions.Passwords generates {policy.Length}-character passwords, but {requirements.ProviderName} accepts at most {max}.",
                nameof(options));
        }

        Target = target;
        Options = options;
    }

    /// <summary>Gets the registry customers are migrated into.</summary>
    public IUserRegistry Target { get; }

    /// <summary>Gets the options.</summary>
    public MigrationOptions Options { get; }

    /// <summary>
    /// Plans the migration of <paramref name="source"/>, one row per source customer in source order, as the source is
    /// read (nothing is held but the keys seen so far). Read-only: it may look customers up in the target, never
    /// registers. With <see cref="MigrationOptions.JournalPath"/> set, an earlier run's customers are
    /// <see cref="MigrationPlanAction.AlreadyMigrated"/>; with <see cref="MigrationOptions.Passwords"/> set, customers
    /// without a usable password are <see cref="MigrationPlanAction.CannotCreate"/>.
    /// </summary>
    /// <param name="source">The source customers: a registry's <c>ListAsync</c>, <see cref="MigrationSources.ListWithDetailsAsync"/>, or a file.</param>
    /// <param name="cancellationToken">Cancels the plan.</param>
    /// <returns>The plan rows.</returns>
    public IAsyncEnumerable<MigrationPlanRow> PlanAsync(IAsyncEnumerable<Customer> source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return PlanCoreAsync(source, cancellationToken);
    }

    /// <summary>
    /// Prepares an apply run over <paramref name="source"/>. Nothing happens until the returned run is enumerated;
    /// it can be enumerated once. See <see cref="MigrationRun"/>.
    /// </summary>
    /// <param name="source">The source customers.</param>
    /// <returns>The run: its results as an async stream, and its summary.</returns>
    /// <exception cref="InvalidOperationException"><see cref="MigrationOptions.JournalPath"/> or <see cref="MigrationOptions.Passwords"/> is not set.</exception>
    public MigrationRun Apply(IAsyncEnumerable<Customer> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Options.JournalPath is null)
        {
            throw new InvalidOperationException("MigrationOptions.JournalPath is required to apply: the journal is the checkpoint that makes a run resumable and the mapping of what it created.");
        }

        if (Options.Passwords is null)
        {
            throw new InvalidOperationException("MigrationOptions.Passwords is required to apply: passwords cannot be copied from the source, so choose MigrationPasswordPolicy.Generate or MigrationPasswordPolicy.FromFile.");
        }

        return new MigrationRun(this, source);
    }

    /// <summary>
    /// Reads the migrated customers back from the target through the journal's mapping, with
    /// <see cref="MigrationOptions.MaxConcurrency"/> lookups at a time, in mapping order: by id when the target
    /// finds by id (MC-CRM), else by number (CMFBL). Customers the target no longer has are left out, so a diff
    /// against the source shows them as missing. Lets a target that cannot list be verified by diffing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The target's customers.</returns>
    /// <exception cref="InvalidOperationException"><see cref="MigrationOptions.JournalPath"/> is not set.</exception>
    /// <exception cref="UserRegistryException">The target finds neither by id nor by number (<see cref="UserRegistryErrorKind.NotSupported"/>).</exception>
    public IAsyncEnumerable<Customer> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var journalPath = Options.JournalPath
            ?? throw new InvalidOperationException("MigrationOptions.JournalPath is required to probe: the journal holds the mapping.");
        var descriptor = Target.Descriptor;
        var byId = descriptor.Supports(UserRegistryCapabilities.Find, CustomerLookupKind.Id);
        if (!byId && !descriptor.Supports(UserRegistryCapabilities.Find, CustomerLookupKind.Number))
        {
            throw UserRegistryException.NotSupported(descriptor.ProviderName, "FindAsync by Id or Number, which probing through the mapping needs");
        }

        return ProbeCoreAsync(journalPath, byId, cancellationToken);
    }

    private async IAsyncEnumerable<MigrationPlanRow> PlanCoreAsync(IAsyncEnumerable<Customer> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var journal = await MigrationJournalState.LoadAsync(Options.JournalPath, cancellationToken).ConfigureAwait(false);
        var passwords = Options.Passwords is null ? null : await Options.Passwords.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var planner = new MigrationRowPlanner(Target, journal, passwords, Options);
            var rows = MigrationConcurrency.SelectOrderedAsync(
                Admit(source, planner, cancellationToken),
                async (row, token) => (row, row.Early ?? await planner.DecideAsync(row.Customer, row.SourceKey!, token).ConfigureAwait(false)),
                Options.MaxConcurrency,
                cancellationToken);
            await foreach (var (row, decision) in rows.ConfigureAwait(false))
            {
                yield return new MigrationPlanRow
                {
                    Index = row.Index,
                    SourceKey = row.SourceKey ?? string.Empty,
                    Source = row.Customer,
                    Action = decision.Action,
                    ToCreate = decision.ToCreate,
                    Problems = decision.Problems,
                    Detail = decision.Detail,
                    TargetId = decision.TargetId,
                    TargetNumber = decision.TargetNumber,
                };
            }
        }
        finally
        {
            if (passwords is not null)
            {
                await passwords.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Numbers the source and takes the source-order decisions, one customer at a time.</summary>
    internal static async IAsyncEnumerable<AdmittedRow> Admit(
        IAsyncEnumerable<Customer> source, MigrationRowPlanner planner, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long index = 0;
        await foreach (var customer in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (customer is null)
            {
                throw new InvalidDataException($"The source yielded no customer at index {index}.");
            }

            var key = MigrationRowPlanner.SourceKeyOf(customer);
            yield return new AdmittedRow(index++, customer, key, planner.Admit(customer, key));
        }
    }

    private async IAsyncEnumerable<Customer> ProbeCoreAsync(string journalPath, bool byId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var journal = await MigrationJournalState.LoadAsync(journalPath, cancellationToken).ConfigureAwait(false);
        var lookups = journal.Entries
            .Where(e => e.Status == MigrationJournalStatus.Done)
            .Select(e => byId ? e.TargetId : e.TargetNumber)
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Select(value => byId ? CustomerLookup.ById(value!) : CustomerLookup.ByNumber(value!))
            .ToAsyncEnumerable();
        var found = MigrationConcurrency.SelectOrderedAsync(
            lookups,
            (lookup, token) => Target.FindAsync(lookup, token),
            Options.MaxConcurrency,
            cancellationToken);
        await foreach (var customer in found.ConfigureAwait(false))
        {
            if (customer is not null)
            {
                yield return customer;
            }
        }
    }

    /// <summary>A source customer with its position, key and, when the source order decides it, its decision.</summary>
    internal sealed record AdmittedRow(long Index, Customer Customer, string? SourceKey, MigrationDecision? Early);
}
