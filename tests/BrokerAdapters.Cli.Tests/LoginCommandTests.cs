using System.Globalization;
using System.Text.RegularExpressions;
using BrokerAdapters.Cli.Tests.Support;
using BrokerAdapters.Testing;
using BrokerAdapters.Testing.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests;

public sealed partial class LoginCommandTests
{
    [Test]
    public async Task Login_with_the_right_password_exits_0_and_never_prints_the_token()
    {
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("Cmfbl"));
        var registered = await Tool.RunAsync([.. TestData.RegisterArgs(out var email, out _), "--config", config], environment: null, stdin: TestData.Password);
        Assert.That(registered.ExitCode, Is.EqualTo(0), registered.ToString);

        var human = await Tool.RunAsync(["login", "--email", email, "--password-stdin", "--config", config], environment: null, stdin: TestData.Password);
        var json = await Tool.RunAsync(["login", "--email", email, "--password-stdin", "--json", "--verbose", "--config", config], environment: null, stdin: TestData.Password);

        Assert.That(human.ExitCode, Is.EqualTo(0), human.ToString);
        Assert.That(human.Stdout, Does.Contain("Logged in").And.Contain("Access token: ***"));
        Assert.That(json.ExitCode, Is.EqualTo(0), json.ToString);
        Assert.That((string?)json.Json["accessToken"], Is.EqualTo("***"));
        Assert.That((string?)json.Json["refreshToken"], Is.EqualTo("***"));
        Assert.That((string?)json.Json["customer"]!["email"], Is.EqualTo(email));
        foreach (var run in new[] { human, json })
        {
            // The emulator's customer tokens are 32 hex digits and "app"; neither they nor the password show anywhere.
            Assert.That(CustomerToken().IsMatch(run.AllOutput), Is.False, run.ToString);
            Assert.That(run.AllOutput, Does.Not.Contain(TestData.Password));
        }
    }

    [Test]
    public async Task Login_on_CMFBL_prints_the_customers_trading_accounts()
    {
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("Cmfbl"));
        var registered = await Tool.RunAsync([.. TestData.RegisterArgs(out var email, out _), "--config", config], environment: null, stdin: TestData.Password);
        Assert.That(registered.ExitCode, Is.EqualTo(0), registered.ToString);
        var customer = ConfiguredSandbox.Server.Cmfbl.Company("360").Customers.Single(c => c.Email == email);
        customer.RealAccount.Balance = 1234.5m;

        var human = await Tool.RunAsync(["login", "--email", email, "--password-stdin", "--config", config], environment: null, stdin: TestData.Password);
        var json = await Tool.RunAsync(["login", "--email", email, "--password-stdin", "--json", "--config", config], environment: null, stdin: TestData.Password);

        Assert.That(human.ExitCode, Is.EqualTo(0), human.ToString);
        Assert.That(human.Stdout, Does.Contain("Trading accounts (real side, company 360):"));
        var row = human.Stdout.Split('\n').Single(line => line.StartsWith("│ " + customer.RealAccount.AccountId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.That(row, Does.Match(@"│ \d+ +│ Real +│ USDT +│ 1 +│ +1234\.5000 │ +1234\.5000 │ +1234\.5000 │ +0\.0000 │ +0 │ available +│"));

        Assert.That(json.ExitCode, Is.EqualTo(0), json.ToString);
        Assert.That((string?)json.Json["mode"], Is.EqualTo("Real"));
        JsonAssert.AreEqual(JToken.Parse($$"""
            [{"accountId":"{{customer.RealAccount.AccountId}}","mode":"Real","currency":"USDT","tradeType":"1","balance":1234.5000,
              "equity":1234.5000,"available":1234.5000,"frozen":0.0,"margin":0.0,"status":2}]
            """), json.Json["accounts"]!);
        foreach (var run in new[] { human, json })
        {
            Assert.That(CustomerToken().IsMatch(run.AllOutput), Is.False, run.ToString);
            Assert.That(run.AllOutput, Does.Not.Contain(TestData.Password));
        }
    }

    [Test]
    public async Task Login_on_MC_CRM_has_no_accounts()
    {
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("McCrm"));
        var result = await Tool.RunAsync(["login", "--email", "x@example.com", "--password", "whatever", "--json", "--config", config]);

        // MC-CRM offers no login at all: the command says so before any account could be listed.
        Assert.That(result.ExitCode, Is.EqualTo(8), result.ToString);
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task Login_by_phone_with_the_password_from_the_environment()
    {
        var environment = new Dictionary<string, string?> { ["BROKERADAPTERS_PASSWORD"] = FakeCustomers.Password };

        // The embedded sandbox starts with FakeCustomers, whose first phone is +852 90000000.
        var result = await Tool.RunAsync(["login", "--phone", "+852 90000000", "--json"], environment);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That((string?)result.Json["customer"]!["phone"]!["e164"], Is.EqualTo("+85290000000"));
    }

    [Test]
    public async Task Login_with_a_wrong_password_exits_7()
    {
        var result = await Tool.RunAsync("login", "--number", "86000001", "--password", "definitely-wrong");

        Assert.That(result.ExitCode, Is.EqualTo(7), result.ToString);
        Assert.That(result.ErrorLine, Does.Match(@"^error: InvalidCredentials \(Cmfbl USCUSTOMER_API_0000102, trace [^)]+\): Account number or password wrong$"));
        Assert.That(result.AllOutput, Does.Not.Contain("definitely-wrong"));
    }

    [Test]
    public async Task The_password_option_wins_over_the_environment_variable()
    {
        var environment = new Dictionary<string, string?> { ["BROKERADAPTERS_PASSWORD"] = "from-the-environment" };

        var result = await Tool.RunAsync(["login", "--number", "86000001", "--password", FakeCustomers.Password], environment);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
    }

    [GeneratedRegex("[0-9a-f]{32}app")]
    private static partial Regex CustomerToken();
}
