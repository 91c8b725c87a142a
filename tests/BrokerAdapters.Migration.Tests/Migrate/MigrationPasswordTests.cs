using System.Text;
using static BrokerAdapters.Migration.Tests.Migrate.MigrationTestData;

namespace BrokerAdapters.Migration.Tests.Migrate;

public sealed class MigrationPasswordTests
{
    private MigrationTestBed _bed = null!;

    [SetUp]
    public void Setup() => _bed = new MigrationTestBed();

    [TearDown]
    public async Task Teardown() => await _bed.DisposeAsync();

    [Test]
    public void Temporary_passwords_are_random_and_mix_letters_digits_and_symbols()
    {
        var passwords = Enumerable.Range(0, 500).Select(_ => TemporaryPasswords.Create(16)).ToArray();

        Assert.That(passwords, Is.Unique);
        Assert.That(passwords, Is.All.Length.EqualTo(16));
        Assert.That(passwords.Select(p => char.IsAsciiLetter(p[0])), Is.All.True, "never starts like a spreadsheet formula");
        Assert.That(passwords.Select(p => p.Any(char.IsAsciiLetterLower) && p.Any(char.IsAsciiLetterUpper) && p.Any(char.IsAsciiDigit) && p.Any(c => !char.IsAsciiLetterOrDigit(c))), Is.All.True);
        Assert.That(passwords.Select(p => p.IndexOfAny([',', '"', '\'', ' ', '\\', 'l', 'I', 'O', '0', '1'])), Is.All.EqualTo(-1));
        Assert.That(TemporaryPasswords.Create(20), Has.Length.EqualTo(20));
    }

    [Test]
    public void A_generated_password_length_outside_8_to_128_is_refused()
    {
        Assert.That(() => MigrationPasswordPolicy.Generate(_bed.PasswordsPath, length: 7), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => MigrationPasswordPolicy.Generate(_bed.PasswordsPath, length: 129), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public async Task The_password_file_is_created_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only.");
            return;
        }

        _bed.SeedSource(1);

        await new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That(File.GetUnixFileMode(_bed.PasswordsPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task An_existing_password_file_is_appended_to_and_narrowed_to_its_owner()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only.");
            return;
        }

        await File.WriteAllTextAsync(_bed.PasswordsPath, "sourceKey,targetId,targetNumber,password,status\nold,,,Kept-pa55,created\n");
        File.SetUnixFileMode(_bed.PasswordsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        _bed.SeedSource(2);

        await new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That(_bed.PasswordRows().Select(r => r["sourceKey"]).ToList(), Has.Count.EqualTo(3).And.Member("old"));
        Assert.That(File.GetUnixFileMode(_bed.PasswordsPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task Generated_passwords_can_be_written_as_json_lines()
    {
        _bed.SeedSource(2);
        var path = Path.Combine(_bed.Directory, "passwords.jsonl");
        var options = new MigrationOptions { JournalPath = _bed.JournalPath, Passwords = MigrationPasswordPolicy.Generate(path, MigrationPasswordFileFormat.JsonLines) };

        await new CustomerMigrator(_bed.McCrmTarget, options).Apply(_bed.SourceCustomers()).RunToEndAsync();

        var lines = (await File.ReadAllLinesAsync(path)).Select(Newtonsoft.Json.Linq.JObject.Parse).ToArray();
        Assert.That(lines, Has.Length.EqualTo(2));
        foreach (var line in lines)
        {
            var user = _bed.McCrm.Users.Single(u => u.Uid == (string?)line["targetId"]);
            Assert.That(user.PasswordMatches((string)line["password"]!), Is.True);
            Assert.That((string?)line["targetNumber"], Is.EqualTo(user.BizCode));
            Assert.That((string?)line["status"], Is.EqualTo("created"));
        }
    }

    [TestCase(MigrationPasswordFileFormat.Csv)]
    [TestCase(MigrationPasswordFileFormat.JsonLines)]
    public async Task Passwords_from_the_operators_file_are_used_and_nothing_is_written(MigrationPasswordFileFormat format)
    {
        _bed.SeedSource(3);
        var keys = _bed.Company360.Customers.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var file = Path.Combine(_bed.Directory, "given." + (format == MigrationPasswordFileFormat.Csv ? "csv" : "jsonl"));
        var text = format == MigrationPasswordFileFormat.Csv
            ? "password,sourceKey,note\n" + string.Join('\n', keys.Take(2).Select(k => $"\"Given,{k}\",{k},x")) + "\n"
            : string.Join('\n', keys.Take(2).Select(k => $$"""{"sourceKey":"{{k}}","password":"Given,{{k}}"}""")) + "\n";
        await File.WriteAllTextAsync(file, text);
        var options = new MigrationOptions { JournalPath = _bed.JournalPath, Passwords = MigrationPasswordPolicy.FromFile(file, format) };

        var summary = await new CustomerMigrator(_bed.CmfblTarget, options).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That((summary.Created, summary.CannotCreate), Is.EqualTo((2L, 1L)));
        foreach (var (key, source) in keys.Take(2).Zip(_bed.Company360.Customers))
        {
            var target = _bed.Company361.Customers.Single(c => c.Email == source.Email);
            Assert.That(target.PasswordMatches("Given," + key), Is.True);
        }

        Assert.That(Directory.GetFiles(_bed.Directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { "journal.jsonl", Path.GetFileName(file) }));
    }

    [Test]
    public async Task A_malformed_password_file_is_reported_by_line_without_its_content()
    {
        var file = Path.Combine(_bed.Directory, "given.jsonl");
        await File.WriteAllTextAsync(file, """{"sourceKey":"1","password":"Fine-1"}""" + "\n" + "{\"sourceKey\":\"2\",\"password\":\"Leaked-secret\"\n");
        var options = new MigrationOptions { Passwords = MigrationPasswordPolicy.FromFile(file, MigrationPasswordFileFormat.JsonLines) };

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await new CustomerMigrator(_bed.McCrmTarget, options).PlanAsync(Stream(Customer("1", email: "a@example.com"))).ToListAsync());

        Assert.That(error!.Message, Does.Contain("Line 2").And.Not.Contain("Leaked"));
        Assert.That(error.ToString(), Does.Not.Contain("Leaked"));
    }

    [Test]
    public async Task A_password_csv_row_without_a_password_cannot_create_that_customer()
    {
        var file = Path.Combine(_bed.Directory, "given.csv");
        await File.WriteAllTextAsync(file, "sourceKey,password\n1\n2,\" Spaces, kept \"\n");
        var options = new MigrationOptions { Passwords = MigrationPasswordPolicy.FromFile(file) };

        var plan = await new CustomerMigrator(_bed.McCrmTarget, options)
            .PlanAsync(Stream(Customer("1", email: "a@example.com"), Customer("2", email: "b@example.com"))).ToListAsync();

        Assert.That(plan.Select(r => r.Action), Is.EqualTo(new[] { MigrationPlanAction.CannotCreate, MigrationPlanAction.Create }));
        Assert.That(plan[0].Problems.Single().Message, Does.Contain("is empty"));

        await new CustomerMigrator(_bed.McCrmTarget, new MigrationOptions { JournalPath = _bed.JournalPath, Passwords = options.Passwords })
            .Apply(Stream(Customer("2", email: "b@example.com"))).RunToEndAsync();
        Assert.That(_bed.McCrm.Users.Single().PasswordMatches(" Spaces, kept "), Is.True, "quoted, with its spaces and comma");
    }

    [Test]
    public async Task A_password_file_without_the_needed_columns_is_refused()
    {
        var file = Path.Combine(_bed.Directory, "given.csv");
        await File.WriteAllTextAsync(file, "key,secret\n1,Hidden-pa55\n");
        var options = new MigrationOptions { Passwords = MigrationPasswordPolicy.FromFile(file) };

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await new CustomerMigrator(_bed.McCrmTarget, options).PlanAsync(Stream(Customer("1", email: "a@example.com"))).ToListAsync());

        Assert.That(error!.Message, Does.Contain("sourceKey and password").And.Not.Contain("Hidden"));
    }

    [Test]
    public async Task No_password_appears_in_results_journal_mapping_summary_plan_or_error_messages()
    {
        _bed.SeedSource(8);
        _bed.Cmfbl.Faults.FailNextWithCode(1, "G500", operation: MigrationTestBed.CmfblCreate);
        _bed.Cmfbl.Faults.DropNextResponses(1, operation: MigrationTestBed.CmfblCreate);
        var echoing = new EchoingRegistry(new LostAnswerRegistry(_bed.CmfblTarget, count: 1, applied: true));
        var migrator = new CustomerMigrator(echoing, _bed.Options(maxConcurrency: 2));
        var run = migrator.Apply(_bed.SourceCustomers());

        var results = await run.ToListAsync();
        var plan = new StringWriter();
        await MigrationPlanWriter.WriteJsonLinesAsync(migrator.PlanAsync(_bed.SourceCustomers()), plan);
        var mapping = await MigrationJournal.ReadMappingAsync(_bed.JournalPath).ToListAsync();

        var passwords = _bed.PasswordRows().Select(r => r["password"]).Concat(echoing.Sent).Distinct().ToArray();
        Assert.That(passwords, Has.Length.GreaterThanOrEqualTo(8), "every registration's password is known to the test");
        Assert.That(results.Count(r => r.Outcome == MigrationOutcome.Failed), Is.EqualTo(2), "the lost answer and the echoing failure (the G500 and the dropped response were recovered)");
        var everything = new StringBuilder()
            .AppendJoin('\n', results.Select(r => r.ToString()))
            .AppendJoin('\n', results.Select(r => r.Message))
            .Append(run.Summary).Append(run)
            .Append(plan)
            .AppendJoin('\n', mapping)
            .Append(_bed.Text(_bed.JournalPath))
            .Append(migrator.Options.Passwords)
            .ToString();
        foreach (var password in passwords)
        {
            Assert.That(everything, Does.Not.Contain(password));
        }

        Assert.That(results.Single(r => r.ProviderCode == "ECHO").Message, Does.Contain("***"));
    }

    /// <summary>A provider that fails one registration with the password in its message, as a careless one might.</summary>
    private sealed class EchoingRegistry(IUserRegistry inner) : IUserRegistry
    {
        private int _calls;

        public List<string> Sent { get; } = [];

        public UserRegistryDescriptor Descriptor => inner.Descriptor;

        public Task<CustomerRegistration> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default)
        {
            lock (Sent)
            {
                Sent.Add(customer.Password!);
            }

            return Interlocked.Increment(ref _calls) == 5
                ? throw new UserRegistryException(UserRegistryErrorKind.InvalidInput, $"password {customer.Password} is not allowed") { ProviderCode = "ECHO" }
                : inner.RegisterAsync(customer, cancellationToken);
        }

        public Task<bool> ExistsAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) => inner.ExistsAsync(lookup, cancellationToken);

        public Task<Customer?> FindAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) => inner.FindAsync(lookup, cancellationToken);

        public IAsyncEnumerable<Customer> ListAsync(CustomerQuery? query = null, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

        public Task<AuthenticatedCustomer> AuthenticateAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default) =>
            inner.AuthenticateAsync(credentials, cancellationToken);
    }
}
