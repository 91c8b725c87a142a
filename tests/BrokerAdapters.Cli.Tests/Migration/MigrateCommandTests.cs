using BrokerAdapters.Cli.Tests.Support;
using BrokerAdapters.Migration;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests.Migration;

public sealed class MigrateCommandTests
{
    private const string Signup = "user/signup";

    [Test]
    public async Task Migrate_without_configuration_plans_the_sandbox_demo_as_a_dry_run()
    {
        var result = await Tool.RunAsync("migrate");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout, Does.StartWith("Dry run: nothing was registered. Migrating Cmfbl company 360 (embedded sandbox) → McCrm (embedded sandbox)"));
        Assert.That(result.Stdout, Does.Match(@"│ Create\s+│\s+50 │"));
        Assert.That(result.Stdout, Does.Contain("The first 10 rows:").And.Contain("86000001"));
        Assert.That(result.Stdout, Does.Contain("McCrm cannot look customers up"));
        Assert.That(result.Stderr, Does.Contain("from CMFBL company 360 to MC-CRM"));
    }

    [Test]
    public async Task Migrate_apply_without_configuration_writes_the_generated_passwords_to_the_operators_file_only()
    {
        using var directory = new TempDirectory();

        var result = await directory.RunAsync("migrate", "--apply", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout, Does.Match(@"│ Created\s+│\s+45 │"));
        Assert.That(result.Stdout, Does.Match(@"│ Skipped: already exists\s+│\s+5 │"), "MC-CRM had 5 of them and refused them as duplicates");
        var passwords = Csv.ParseWithHeader(await File.ReadAllTextAsync(directory.PathOf("passwords.csv")));
        Assert.That(passwords, Has.Count.EqualTo(45));
        Assert.That(passwords.Select(p => p["status"]), Is.All.EqualTo("created"));
        Assert.That(passwords.Select(p => p["password"].Length), Is.All.EqualTo(16));
        AssertNoPasswordPrinted(result, passwords.Select(p => p["password"]));
        Assert.That(await File.ReadAllTextAsync(directory.PathOf("journal.jsonl")), Does.Not.Contain(passwords[0]["password"]));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(directory.PathOf("passwords.csv")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Test]
    public async Task A_dry_run_changes_nothing_in_the_target_and_json_writes_one_plan_row_per_customer()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        Seed(sandbox.Company360, MigrationSandbox.Customers(8));
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("McCrm", null));

        var human = await sandbox.RunAsync("migrate", "--config", config);
        var json = await sandbox.RunAsync("migrate", "--config", config, "--json", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv");

        Assert.That((human.ExitCode, json.ExitCode), Is.EqualTo((0, 0)), human.ToString() + json);
        Assert.That(sandbox.Server.McCrm.Users, Is.Empty);
        Assert.That(sandbox.Server.McCrm.Requests.Where(r => r.Operation == Signup), Is.Empty);
        Assert.That(File.Exists(sandbox.PathOf("passwords.csv")), Is.False, "a plan never creates the password file");
        Assert.That(File.Exists(sandbox.PathOf("journal.jsonl")), Is.False, "nor the journal");
        Assert.That(human.Stdout, Does.Match(@"│ Create\s+│\s+8 │"));
        var rows = json.JsonLines;
        Assert.That(rows, Has.Count.EqualTo(8));
        Assert.That(rows.Select(r => (string?)r["action"]), Is.All.EqualTo("Create"));
        Assert.That(rows.Select(r => (string?)r["sourceKey"]), Is.EqualTo(Enumerable.Range(1001, 8).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That((string?)rows[0]["externalId"], Is.EqualTo("ext-0000000"), "the source is read in detail");
    }

    [Test]
    public async Task Apply_creates_exactly_the_planned_customers_and_a_second_apply_with_the_journal_creates_nothing()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        var customers = MigrationSandbox.Customers(8);
        Seed(sandbox.Company360, customers);
        Seed(sandbox.Company361, customers.Take(2));
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("Cmfbl", "361"));
        string[] apply = ["migrate", "--config", config, "--apply", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv", "--json"];

        var plan = await sandbox.RunAsync("migrate", "--config", config, "--json");
        var first = await sandbox.RunAsync(apply);
        var second = await sandbox.RunAsync(apply);

        Assert.That((plan.ExitCode, first.ExitCode, second.ExitCode), Is.EqualTo((0, 0, 0)), plan.ToString() + first + second);
        var toCreate = plan.JsonLines.Where(r => (string?)r["action"] == "Create").Select(r => (string?)r["email"]).ToList();
        Assert.That(toCreate, Has.Count.EqualTo(6));
        Assert.That(plan.JsonLines.Count(r => (string?)r["action"] == "AlreadyExists"), Is.EqualTo(2), "CMFBL can look customers up by email and phone");

        Assert.That(sandbox.Company361.Customers, Has.Count.EqualTo(8));
        Assert.That(sandbox.Company361.Customers.Skip(2).Select(c => c.Email), Is.EquivalentTo(toCreate));
        var created = first.JsonLines.Where(r => r["outcome"] is not null && (string?)r["outcome"] == "Created").ToList();
        Assert.That(created.Select(r => (string?)r["targetNumber"]), Is.EquivalentTo(sandbox.Company361.Customers.Skip(2).Select(c => c.CustomerNo)));
        Assert.That((long?)first.JsonLines[^1]["summary"]!["created"], Is.EqualTo(6));
        Assert.That((long?)first.JsonLines[^1]["summary"]!["alreadyExists"], Is.EqualTo(2));

        var secondSummary = second.JsonLines[^1]["summary"]!;
        Assert.That((long?)secondSummary["created"], Is.EqualTo(0));
        Assert.That((long?)secondSummary["alreadyMigrated"], Is.EqualTo(8), "created and found customers are journaled alike");
        Assert.That(sandbox.Server.Cmfbl.Requests.Count(r => r.Operation.Contains("addCus", StringComparison.Ordinal)), Is.EqualTo(6), "no registration was sent twice");

        var mapping = await MigrationJournal.ReadMappingAsync(sandbox.PathOf("journal.jsonl")).ToListAsync();
        Assert.That(mapping.Count(m => m.Created), Is.EqualTo(6));
        Assert.That(mapping, Has.Count.EqualTo(8));
        var passwords = Csv.ParseWithHeader(await File.ReadAllTextAsync(sandbox.PathOf("passwords.csv")));
        Assert.That(passwords, Has.Count.EqualTo(6));
        foreach (var row in passwords)
        {
            Assert.That(sandbox.Company361.Customers.Single(c => c.CustomerNo == row["targetNumber"]).PasswordMatches(row["password"]), Is.True);
        }

        AssertNoPasswordPrinted(first, passwords.Select(p => p["password"]));
        AssertNoPasswordPrinted(second, passwords.Select(p => p["password"]));
    }

    [Test]
    public async Task A_migration_into_McCrm_is_verified_by_diffing_through_its_journal()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        var customers = MigrationSandbox.Customers(6);
        Seed(sandbox.Company360, customers);
        sandbox.Server.McCrm.Seed(customers[0]);
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("McCrm", null));

        var applied = await sandbox.RunAsync("migrate", "--config", config, "--apply", "--checkpoint", "journal.jsonl", "--passwords-out", "passwords.jsonl");
        var diff = await sandbox.RunAsync("diff", "--config", config, "--target-mapping", "journal.jsonl", "--json");

        Assert.That((applied.ExitCode, diff.ExitCode), Is.EqualTo((0, 0)), applied.ToString() + diff);
        Assert.That(sandbox.Server.McCrm.Users, Has.Count.EqualTo(6));
        var passwords = (await File.ReadAllLinesAsync(sandbox.PathOf("passwords.jsonl"))).Select(JObject.Parse).ToList();
        Assert.That(passwords, Has.Count.EqualTo(5), "JSON Lines by the file's extension");
        foreach (var row in passwords)
        {
            Assert.That(sandbox.Server.McCrm.Users.Single(u => u.Uid == (string?)row["targetId"]).PasswordMatches((string)row["password"]!), Is.True);
        }

        AssertNoPasswordPrinted(applied, passwords.Select(p => (string)p["password"]!));
        var summary = diff.Json["summary"]!;
        Assert.That((long?)summary["targetCount"], Is.EqualTo(5), "the five customers the journal maps to an MC-CRM id, found by id");
        Assert.That((long?)summary["identical"] + (long?)summary["changed"], Is.EqualTo(5));
        Assert.That((long?)summary["onlyInSource"], Is.EqualTo(1), "the customer MC-CRM had already was refused, so the journal has no id for it");
        Assert.That((long?)summary["onlyInTarget"], Is.EqualTo(0));
    }

    [Test]
    public async Task Passing_the_failure_threshold_stops_the_run_with_exit_12_and_the_next_run_resumes_without_duplicates()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        Seed(sandbox.Company360, MigrationSandbox.Customers(10));
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("McCrm", null));
        string[] apply = ["migrate", "--config", config, "--apply", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv", "--concurrency", "1"];
        sandbox.Server.McCrm.Faults.FailNextWithCode(2, "303", "Parameter error", Signup);

        var stopped = await sandbox.RunAsync([.. apply, "--max-failures", "1"]);
        var usersAfterStop = sandbox.Server.McCrm.Users.Count;
        var resumed = await sandbox.RunAsync(apply);

        Assert.That(stopped.ExitCode, Is.EqualTo(12), stopped.ToString);
        Assert.That(stopped.ErrorLine, Does.StartWith("error: The run stopped: 2 failed rows passed the failure threshold (stop at more than 1 failures)"));
        Assert.That(stopped.Stdout, Does.Contain("StoppedByFailureThreshold").And.Contain("InvalidInput").And.Contain("303"));
        Assert.That(stopped.Stdout, Does.Match(@"│ Failed\s+│\s+2 │").And.Match(@"│ Created\s+│\s+0 │"), "the rest was not attempted");
        Assert.That(usersAfterStop, Is.EqualTo(0));

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.ToString);
        Assert.That(resumed.Stdout, Does.Match(@"│ Created\s+│\s+10 │"), "the failed rows are retried, the others attempted for the first time");
        Assert.That(sandbox.Server.McCrm.Users, Has.Count.EqualTo(10));
        Assert.That(sandbox.Server.McCrm.Users.Select(u => u.Email).Distinct().Count(), Is.EqualTo(10));
    }

    [Test]
    public async Task Failed_rows_under_the_threshold_exit_13_and_are_retried_by_the_next_run()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        Seed(sandbox.Company360, MigrationSandbox.Customers(4));
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("McCrm", null));
        string[] apply = ["migrate", "--config", config, "--apply", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv", "--max-failure-percent", "50"];
        sandbox.Server.McCrm.Faults.FailNextWithCode(1, "303", "Parameter error", Signup);

        var failed = await sandbox.RunAsync(apply);
        var retried = await sandbox.RunAsync(apply);

        Assert.That((failed.ExitCode, retried.ExitCode), Is.EqualTo((13, 0)), failed.ToString() + retried);
        Assert.That(failed.ErrorLine, Is.EqualTo("error: 1 row failed: run the same command again to retry it (the journal skips what is done)."));
        Assert.That(failed.Stdout, Does.Match(@"│ Failed\s+│\s+1 │").And.Contain("Failed rows:"));
        Assert.That(retried.Stdout, Does.Match(@"│ Created\s+│\s+1 │"));
        Assert.That(sandbox.Server.McCrm.Users, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task A_registration_of_unknown_outcome_exits_14_until_reconciled_and_is_never_registered_twice()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        Seed(sandbox.Company360, MigrationSandbox.Customers(3));
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("McCrm", null));
        string[] apply = ["migrate", "--config", config, "--apply", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv"];
        sandbox.Server.McCrm.Faults.DropNextResponses(1, Signup);

        var inDoubt = await sandbox.RunAsync(apply);
        var stillInDoubt = await sandbox.RunAsync(apply);
        var plan = await sandbox.RunAsync("migrate", "--config", config, "--journal", "journal.jsonl", "--json");
        var reconciled = await sandbox.RunAsync([.. apply, "--retry-in-doubt"]);

        Assert.That((inDoubt.ExitCode, stillInDoubt.ExitCode, plan.ExitCode, reconciled.ExitCode), Is.EqualTo((14, 14, 0, 0)), inDoubt.ToString() + stillInDoubt + plan + reconciled);
        Assert.That(inDoubt.ErrorLine, Does.StartWith("error: 1 row needs reconciliation: the registration may or may not have happened and McCrm cannot check."));
        Assert.That(inDoubt.Stdout, Does.Match(@"of which need reconciliation\s+│\s+1 │").And.Contain("(reconcile)"));
        Assert.That(plan.JsonLines.Count(r => (string?)r["action"] == "NeedsReconciliation"), Is.EqualTo(1));
        Assert.That(plan.JsonLines.Count(r => (string?)r["action"] == "AlreadyMigrated"), Is.EqualTo(2));
        Assert.That(reconciled.Stdout, Does.Match(@"│ Skipped: already exists\s+│\s+1 │"), "sent again, refused as a duplicate");
        Assert.That(sandbox.Server.McCrm.Users, Has.Count.EqualTo(3));
        var passwords = Csv.ParseWithHeader(await File.ReadAllTextAsync(sandbox.PathOf("passwords.csv")));
        Assert.That(passwords.Count(p => p["status"] == "unknown"), Is.EqualTo(1), "the password of the registration in doubt is kept");
    }

    [Test]
    public async Task Passwords_in_creates_only_the_customers_with_a_password_and_uses_them()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        Seed(sandbox.Company360, MigrationSandbox.Customers(5));
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("McCrm", null));
        var given = new Dictionary<string, string> { ["1001"] = "Given-pass-0001", ["1003"] = "Given, \"pass\" 3", ["1005"] = "Given-pass-0005" };
        await File.WriteAllTextAsync(
            sandbox.PathOf("given.csv"),
            "sourceKey,password\n" + string.Concat(given.Select(p => $"{p.Key},\"{p.Value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n")));

        var plan = await sandbox.RunAsync("migrate", "--config", config, "--passwords-in", "given.csv", "--json");
        var applied = await sandbox.RunAsync("migrate", "--config", config, "--passwords-in", "given.csv", "--apply", "--journal", "journal.jsonl");

        Assert.That((plan.ExitCode, applied.ExitCode), Is.EqualTo((0, 0)), plan.ToString() + applied);
        Assert.That(plan.JsonLines.Where(r => (string?)r["action"] == "Create").Select(r => (string?)r["sourceKey"]), Is.EqualTo(given.Keys));
        Assert.That(plan.JsonLines.Count(r => (string?)r["action"] == "CannotCreate"), Is.EqualTo(2));
        Assert.That(applied.Stdout, Does.Match(@"│ Created\s+│\s+3 │").And.Match(@"│ Skipped: cannot create\s+│\s+2 │"));
        var mapping = await MigrationJournal.ReadMappingAsync(sandbox.PathOf("journal.jsonl")).ToListAsync();
        foreach (var entry in mapping)
        {
            Assert.That(sandbox.Server.McCrm.Users.Single(u => u.Uid == entry.TargetId).PasswordMatches(given[entry.SourceKey]), Is.True);
        }

        AssertNoPasswordPrinted(plan, given.Values);
        AssertNoPasswordPrinted(applied, given.Values);
        Assert.That(applied.Stdout, Does.Not.Contain("Passwords:"), "nothing was generated");
    }

    [Test]
    public async Task A_customer_file_can_be_the_source_of_a_migration()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        var customers = MigrationSandbox.Customers(4);
        Seed(sandbox.Company360, customers);
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("McCrm", null));

        var export = await sandbox.RunAsync("export", "--config", config, "--provider", "Cmfbl", "--out", "unused.jsonl");
        var registryConfig = sandbox.PathOf("registry.json");
        await File.WriteAllTextAsync(registryConfig, Configuration.ConfigurationJson.ToJson(sandbox.Server.ToConfiguration("Cmfbl")).ToString());
        var exported = await sandbox.RunAsync("export", "--config", registryConfig, "--details", "--out", "users.csv");
        var migrated = await sandbox.RunAsync("migrate", "--config", config, "--source", "users.csv", "--apply", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv");

        Assert.That(export.ExitCode, Is.EqualTo(0), "export reads UserRegistry, whatever Migration sections there are: " + export);
        Assert.That((exported.ExitCode, migrated.ExitCode), Is.EqualTo((0, 0)), exported.ToString() + migrated);
        Assert.That(migrated.Stdout, Does.Contain("Migration users.csv → Migration:Target (McCrm)"));
        Assert.That(sandbox.Server.McCrm.Users.Select(u => u.Email), Is.EquivalentTo(customers.Select(c => c.Email)));
        Assert.That(sandbox.Server.McCrm.Users.Select(u => u.CountryId), Is.EquivalentTo(customers.Select(c => c.Country)), "--details exported the country");
    }

    [Test]
    public async Task Ctrl_c_stops_the_run_with_exit_130_and_the_next_run_finishes_it_without_duplicates()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        Seed(sandbox.Company360, MigrationSandbox.Customers(20));
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("McCrm", null));
        string[] apply = ["migrate", "--config", config, "--apply", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv", "--concurrency", "2"];
        sandbox.Server.McCrm.Faults.Latency = TimeSpan.FromMilliseconds(100);
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

        var cancelled = await Tool.RunAsync(apply, environment: null, currentDirectory: sandbox.Directory, cancellationToken: ctrlC.Token);
        var createdBeforeStop = sandbox.Server.McCrm.Users.Count;
        sandbox.Server.McCrm.Faults.Latency = TimeSpan.Zero;
        var resumed = await sandbox.RunAsync(apply);

        Assert.That(cancelled.ExitCode, Is.EqualTo(130), cancelled.ToString);
        Assert.That(cancelled.Stdout, Does.Contain(": Cancelled in"));
        Assert.That(cancelled.Stderr, Does.Contain("run the same command again to resume").And.Contain("error: Cancelled."));
        Assert.That(createdBeforeStop, Is.InRange(1, 19), "stopped part-way");
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.ToString);
        Assert.That(resumed.Stdout, Does.Match($@"│ Created\s+│\s+{20 - createdBeforeStop} │"));
        Assert.That(sandbox.Server.McCrm.Users, Has.Count.EqualTo(20));
        Assert.That(sandbox.Server.McCrm.Users.Select(u => u.Email).Distinct().Count(), Is.EqualTo(20));
        Assert.That(Csv.ParseWithHeader(await File.ReadAllTextAsync(sandbox.PathOf("passwords.csv"))), Has.Count.EqualTo(20), "one password per created customer, across both runs");
    }

    [Test]
    public async Task A_journal_another_run_is_writing_is_refused_with_exit_1()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        Seed(sandbox.Company360, MigrationSandbox.Customers(10));
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("McCrm", null));
        string[] apply = ["migrate", "--config", config, "--apply", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv", "--concurrency", "1"];
        sandbox.Server.McCrm.Faults.Latency = TimeSpan.FromMilliseconds(100);

        var first = sandbox.RunAsync(apply);
        while (!File.Exists(sandbox.PathOf("journal.jsonl")) && !first.IsCompleted)
        {
            await Task.Delay(20);
        }

        var second = await sandbox.RunAsync(apply);
        var firstResult = await first;

        Assert.That(firstResult.ExitCode, Is.EqualTo(0), firstResult.ToString);
        Assert.That(second.ExitCode, Is.EqualTo(1), second.ToString);
        Assert.That(second.ErrorLine, Does.StartWith("error: FileError: ").And.Contain("journal.jsonl"));
        Assert.That(second.Stdout, Is.Empty, "nothing happened, so no summary");
        Assert.That(sandbox.Server.McCrm.Users, Has.Count.EqualTo(10));
    }

    [Test]
    public async Task Neither_passwords_nor_configured_secrets_appear_even_with_verbose_logs()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        Seed(sandbox.Company360, MigrationSandbox.Customers(3));
        var config = sandbox.WriteConfig(("Cmfbl", "360"), ("Cmfbl", "361"));
        string[] secrets = [sandbox.Company360.AppSecret, sandbox.Company361.AppSecret];

        var applied = await sandbox.RunAsync("migrate", "--config", config, "--apply", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv", "--verbose");
        var diff = await sandbox.RunAsync("diff", "--config", config, "--verbose");

        Assert.That((applied.ExitCode, diff.ExitCode), Is.EqualTo((0, 0)), applied.ToString() + diff);
        Assert.That(applied.Stderr, Does.Contain("dbug:"), "--verbose shows the library's logs");
        var passwords = Csv.ParseWithHeader(await File.ReadAllTextAsync(sandbox.PathOf("passwords.csv"))).Select(p => p["password"]).ToList();
        Assert.That(passwords, Has.Count.EqualTo(3));
        AssertNoPasswordPrinted(applied, passwords);
        foreach (var secret in secrets)
        {
            Assert.That(applied.AllOutput + diff.AllOutput, Does.Not.Contain(secret));
        }
    }

    [TestCase(new[] { "--apply", "--passwords-out", "p.csv" }, "--apply needs --journal FILE")]
    [TestCase(new[] { "--apply", "--journal", "j.jsonl" }, "--apply needs --passwords-out FILE")]
    [TestCase(new[] { "--passwords-out", "p.csv", "--passwords-in", "q.csv" }, "Give either --passwords-out")]
    [TestCase(new[] { "--passwords-in", "missing.csv" }, "--passwords-in: the file 'missing.csv' does not exist.")]
    [TestCase(new[] { "--max-failure-percent", "150" }, "--max-failure-percent must be between 0 and 100.")]
    [TestCase(new[] { "--max-failures", "-1" }, "--max-failures must not be negative.")]
    [TestCase(new[] { "--concurrency", "0" }, "--concurrency must be between 1 and 64.")]
    [TestCase(new[] { "--source", "users.jsonl", "--target", "users.jsonl" }, "--target 'users.jsonl' is a file")]
    [TestCase(new[] { "--journal", "same.csv", "--passwords-out", "same.csv" }, "The password file must not be the journal")]
    public async Task Migrate_usage_errors_exit_2(string[] args, string message)
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.PathOf("users.jsonl"), string.Empty);

        var result = await directory.RunAsync(["migrate", .. args]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain(message));
        Assert.That(Directory.GetFiles(directory.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "users.jsonl" }), "nothing written");
    }

    private static void Seed(BrokerAdapters.Testing.CmfblEmulatedCompany company, IEnumerable<NewCustomer> customers)
    {
        foreach (var customer in customers)
        {
            company.Seed(customer);
        }
    }

    private static void AssertNoPasswordPrinted(CliResult result, IEnumerable<string> passwords)
    {
        foreach (var password in passwords)
        {
            Assert.That(result.AllOutput, Does.Not.Contain(password), "a password was printed");
        }
    }
}
