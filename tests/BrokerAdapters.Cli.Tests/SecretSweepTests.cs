using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Cli.Tests.Support;
using BrokerAdapters.Testing;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests;

/// <summary>
/// Every command that handles a secret, run with <c>--verbose</c> (the library's logs and stack traces) against a
/// sandbox whose secrets the test knows: standard output, standard error and every file the commands write hold none
/// of them, except the password file the operator asked for, which holds the generated passwords and nothing else.
/// </summary>
public sealed partial class SecretSweepTests
{
    [Test]
    public async Task Register_login_reset_demo_migrate_and_diff_print_and_write_no_secret()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        string NewPassword(string name)
        {
            var password = "Pw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))[..15];
            secrets[password] = name;
            secrets[Md5(password)] = name + " (MD5)";
            return password;
        }

        foreach (var company in new[] { sandbox.Company360, sandbox.Company361 })
        {
            secrets[company.AppSecret] = $"app secret of company {company.CompanyId}";
        }

        secrets[sandbox.Server.McCrm.Token] = "MC-CRM token";
        secrets[FakeCustomers.Password] = "the demo's password";
        secrets[Md5(FakeCustomers.Password)] = "the demo's password (MD5)";
        var seeded = MigrationSandbox.Customers(5).Select((c, i) => c with { Password = NewPassword($"seeded customer {i}") }).ToList();
        seeded.ForEach(c => sandbox.Company360.Seed(c));
        sandbox.Server.McCrm.Seed(seeded[0]);
        var config = WriteConfig(sandbox);

        var registered = TestData.RegisterArgs(out var email, out _)[..^1];
        var p1 = NewPassword("register --password");
        var p2 = NewPassword("register --password-stdin");
        var p3 = NewPassword("register on MC-CRM");
        var p4 = NewPassword("duplicate");
        var p5 = NewPassword("typed into the email");
        var p6 = NewPassword("wrong password");
        var runs = new List<(string Name, CliResult Result, int? ExitCode)>();

        // exitCode null: any failure.
        async Task Run(string name, int? exitCode, string[] args, string stdin = "")
        {
            var result = await Tool.RunAsync([.. args, "--verbose", "--config", config], environment: null, stdin, sandbox.Directory);
            runs.Add((name, result, exitCode));
        }

        await Run("register", 0, [.. registered, "--password", p1]);
        await Run("register --json", 0, [.. TestData.RegisterArgs(out _, out _), "--json"], p2);
        await Run("register on MC-CRM", 0, [.. TestData.RegisterArgs(out _, out _)[..^1], "--password", p3, "--provider", "McCrm"]);
        await Run("duplicate", 6, [.. registered, "--password", p4]);
        await Run("invalid", 5, ["register", "--email", p5 + "@", "--phone", "+852 123", "--country", "HK", "--password", p5]);
        await Run("login", 0, ["login", "--email", email, "--password", p1]);
        await Run("login --json", 0, ["login", "--email", email, "--password-stdin", "--json"], p1);
        await Run("wrong password", 7, ["login", "--email", email, "--password", p6]);
        await Run("reset-demo", 0, ["reset-demo", "--email", email, "--password", p1]);
        await Run("reset-demo --json", 0, ["reset-demo", "--email", email, "--password-stdin", "--json"], p1);
        await Run("demo", 0, ["demo"]);
        await Run("demo --json", 0, ["demo", "--json"]);
        await Run("migrate --apply", 0, ["migrate", "--apply", "--journal", "journal.jsonl", "--passwords-out", "passwords.csv"]);
        await Run("migrate plan", 0, ["migrate", "--journal", "journal.jsonl", "--json"]);
        var p7 = NewPassword("in a broken password file");
        await File.WriteAllTextAsync(sandbox.PathOf("given.jsonl"), $"{{\"sourceKey\":\"1001\",\"password\":\"{p7}\"}}\n{{\"sourceKey\":\"1002\",\"password\":\"{p7}\n");
        await Run("broken password file", null, ["migrate", "--apply", "--journal", "journal-given.jsonl", "--passwords-in", "given.jsonl"]);
        foreach (var format in new[] { "json", "csv", "md", "html" })
        {
            await Run("diff " + format, 0, ["diff", "--target-mapping", "journal.jsonl", "--out", "report." + format]);
        }

        // What travelled: the admin tokens, the MD5 passwords and the MC-CRM ciphertexts the sandbox received.
        foreach (var request in sandbox.Server.Cmfbl.Requests)
        {
            AddIfSet(secrets, request.Header("token"), "CMFBL admin or customer token");
            var body = JObject.Parse(request.Body);
            AddIfSet(secrets, (string?)body["pwd"] ?? (string?)body["loginPwd"], "CMFBL MD5 password");
        }

        foreach (var request in sandbox.Server.McCrm.Requests.Where(r => r.Operation == "user/signup"))
        {
            AddIfSet(secrets, (string?)JObject.Parse(request.Body)["password"], "MC-CRM password ciphertext");
        }

        var generated = Csv.ParseWithHeader(await File.ReadAllTextAsync(sandbox.PathOf("passwords.csv"))).Select(row => row["password"]).ToList();
        Assert.That(generated, Has.Count.EqualTo(seeded.Count + 2 - 1), "the source's customers, but the one MC-CRM had");
        var others = new Dictionary<string, string>(secrets, StringComparer.Ordinal);
        generated.ForEach(p => secrets[p] = "generated password");

        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, result, exitCode) in runs)
            {
                Assert.That(result.ExitCode, exitCode is null ? Is.Not.Zero : Is.EqualTo(exitCode), $"{name}: {result}");
                Assert.That(Leaks(result.AllOutput, secrets), Is.Empty, $"{name}: {result}");
            }

            var files = Directory.GetFiles(sandbox.Directory).Select(Path.GetFileName).ToArray();
            Assert.That(files, Is.SupersetOf(new[] { "journal.jsonl", "passwords.csv", "report.json", "report.csv", "report.md", "report.html" }));
            foreach (var file in files.Except(["config.json", "passwords.csv", "given.jsonl"]))
            {
                Assert.That(Leaks(await File.ReadAllTextAsync(sandbox.PathOf(file!)), secrets), Is.Empty, file);
            }

            Assert.That(Leaks(await File.ReadAllTextAsync(sandbox.PathOf("passwords.csv")), others), Is.Empty, "the password file holds the generated passwords only");
            Assert.That(runs.Single(r => r.Name == "login").Result.Stderr, Does.Contain("dbug:"), "--verbose shows the library's logs");
            Assert.That(runs.Single(r => r.Name == "wrong password").Result.Stderr, Does.Contain("UserRegistryException"), "and stack traces");
        }

        // The demo's own sandbox has credentials the test cannot know: the only 32-hex-digit values its output may show
        // are trace ids and MC-CRM's customer ids, never an app secret or an admin token.
        var demo = runs.Single(r => r.Name == "demo --json").Result;
        var ids = demo.Json.SelectTokens("$..id").Select(t => (string?)t).ToHashSet(StringComparer.Ordinal);
        var hex = Hex32().Matches(demo.AllOutput).Select(m => m.Value).Where(v => !ids.Contains(v));
        Assert.That(hex, Is.Empty, demo.ToString);
    }

    /// <summary>The known secrets <paramref name="text"/> holds, and the customer tokens of the emulator's form.</summary>
    private static IEnumerable<string> Leaks(string text, IReadOnlyDictionary<string, string> secrets) =>
        secrets.Where(s => text.Contains(s.Key, StringComparison.OrdinalIgnoreCase)).Select(s => s.Value)
            .Concat(CustomerToken().Matches(text).Select(_ => "a customer access token"))
            .Concat(RefreshToken().Matches(text).Select(_ => "a customer refresh token"))
            .Distinct();

    private static void AddIfSet(Dictionary<string, string> secrets, string? value, string name)
    {
        if (!string.IsNullOrEmpty(value))
        {
            secrets[value] = name;
        }
    }

    /// <summary>A configuration with the sandbox as the default registry (CMFBL company 360) and a migration from it to MC-CRM.</summary>
    private static string WriteConfig(MigrationSandbox sandbox)
    {
        var settings = new Dictionary<string, string?>(sandbox.Server.ToConfiguration("Cmfbl", "UserRegistry", "360"));
        foreach (var (key, value) in sandbox.Server.ToConfiguration("Cmfbl", "Migration:Source", "360").Concat(sandbox.Server.ToConfiguration("McCrm", "Migration:Target")))
        {
            settings[key] = value;
        }

        var path = sandbox.PathOf("config.json");
        File.WriteAllText(path, ConfigurationJson.ToJson(settings).ToString());
        return path;
    }

    private static string Md5(string password)
    {
#pragma warning disable CA5351 // CMFBL's wire format is MD5.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5351
    }

    // The emulator's customer tokens: 32 hex digits and "app"; refresh tokens: 64 hex digits.
    [GeneratedRegex("[0-9a-f]{32}app")]
    private static partial Regex CustomerToken();

    [GeneratedRegex("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")]
    private static partial Regex RefreshToken();

    // 32 hex digits standing alone, not a trace id ("t-…", "x-…").
    [GeneratedRegex("(?<![0-9a-fA-F]|[txm]-)[0-9a-f]{32}(?![0-9a-fA-F])")]
    private static partial Regex Hex32();
}
