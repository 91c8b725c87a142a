using BrokerAdapters.Migration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.DocsSamples.Migration;

/// <summary>docs/migration.md.</summary>
public static class MigrationSamples
{
    public static async Task<IAsyncEnumerable<Customer>> ExportAsync(IUserRegistry source, CancellationToken cancellationToken)
    {
        #region migration-export
        await CustomerJsonLines.WriteFileAsync("company360.jsonl", source.ListWithDetailsAsync(cancellationToken: cancellationToken), cancellationToken);
        await CustomerCsv.WriteFileAsync("company360.csv", source.ListAsync(cancellationToken: cancellationToken), cancellationToken);
        IAsyncEnumerable<Customer> side = CustomerJsonLines.ReadFileAsync("company360.jsonl", cancellationToken);
        #endregion
        return side;
    }

    public static async Task DiffAsync(IUserRegistry source)
    {
        #region migration-diff
        var results = CustomerDiff.Compare(
            source.ListWithDetailsAsync(),                     // streamed
            CustomerJsonLines.ReadFileAsync("company361.jsonl"),  // indexed
            new DiffOptions { MatchKeys = [MatchKey.Email, MatchKey.Phone], IgnoredFields = [.. DiffOptions.DefaultIgnoredFields, "Country"] });
        await foreach (var entry in results)
        {
            // entry.Category, entry.MatchKey, entry.Source / entry.Target (CustomerReference), entry.Changes, entry.Candidates
        }
        Console.WriteLine(results.Summary);   // source 50, target 53: identical 23, changed 3, only in source 23, only in target 25, ambiguous 1
        #endregion
    }

    public static async Task<CustomerMigrator> PlanAsync(IServiceProvider services)
    {
        #region migration-plan
        var source = services.GetRequiredKeyedService<IUserRegistry>("source");   // e.g. CMFBL company 360
        var target = services.GetRequiredKeyedService<IUserRegistry>("target");   // e.g. MC-CRM

        var migrator = new CustomerMigrator(target, new MigrationOptions
        {
            JournalPath = "migration.journal.jsonl",                            // optional for a plan
            Passwords = MigrationPasswordPolicy.Generate("passwords.csv"),      // optional for a plan
        });

        await using var review = File.CreateText("plan.jsonl");
        var counts = await MigrationPlanWriter.WriteJsonLinesAsync(migrator.PlanAsync(source.ListWithDetailsAsync()), review);
        #endregion
        return migrator;
    }

    public static async Task ApplyAsync(CustomerMigrator migrator, IUserRegistry source, CancellationToken cancellationToken)
    {
        #region migration-apply
        var run = migrator.Apply(source.ListWithDetailsAsync(cancellationToken: cancellationToken));
        await foreach (var result in run.WithCancellation(cancellationToken))
        {
            // result.Outcome: Created (TargetId, TargetNumber) | Skipped (SkipReason, Detail, Problems) | Failed (ErrorKind, ProviderCode, TraceId, Message)
        }
        Console.WriteLine(run.Summary);   // Status, Read, Created, Skipped (by reason), Failed, NeedsReconciliation, Elapsed
        #endregion
    }

    public static CustomerDiffResults Probe(CustomerMigrator migrator, IUserRegistry source, CancellationToken cancellationToken)
    {
        #region migration-probe
        var migrated = migrator.ProbeAsync(cancellationToken);          // IAsyncEnumerable<Customer>
        var diff = CustomerDiff.Compare(source.ListWithDetailsAsync(cancellationToken: cancellationToken), migrated);
        #endregion
        return diff;
    }

    public static void AddRegistries(IServiceCollection services, IConfiguration configuration)
    {
        #region migration-keyed-registries
        services.AddKeyedUserRegistry("source", configuration.GetSection("Migration:Source")).AddCmfbl().AddMcCrm();
        services.AddKeyedUserRegistry("target", configuration.GetSection("Migration:Target")).AddCmfbl().AddMcCrm();
        #endregion
    }
}
