using System.Globalization;
using System.Text.RegularExpressions;
using BrokerAdapters.Cli.Tests.Support;
using BrokerAdapters.Testing;

namespace BrokerAdapters.Cli.Tests;

public sealed partial class ResetDemoCommandTests
{
    [Test]
    public async Task Reset_demo_switches_to_the_demo_side_and_resets_the_demo_account()
    {
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("Cmfbl"));
        var registered = await Tool.RunAsync([.. TestData.RegisterArgs(out var email, out _), "--config", config], environment: null, stdin: TestData.Password);
        Assert.That(registered.ExitCode, Is.EqualTo(0), registered.ToString);
        var company = ConfiguredSandbox.Server.Cmfbl.Company("360");
        var customer = company.Customers.Single(c => c.Email == email);
        customer.DemoAccount.Balance = 3.25m;
        customer.RealAccount.Balance = 70m;

        var result = await Tool.RunAsync(["reset-demo", "--email", email, "--password-stdin", "--config", config], environment: null, stdin: TestData.Password);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var demoId = customer.DemoAccount.AccountId.ToString(CultureInfo.InvariantCulture);
        Assert.That(result.Stdout.Trim(), Is.EqualTo($"Reset the demo account of customer {customer.CustomerNo} (account {demoId}) in company {company.DemoCompanyId}."));
        Assert.That(customer.DemoAccount.Balance, Is.EqualTo(100_000m));
        Assert.That(customer.DemoAccount.Resets, Is.EqualTo(1));
        Assert.That(customer.RealAccount.Balance, Is.EqualTo(70m));
        Assert.That(CustomerToken().IsMatch(result.AllOutput), Is.False, result.ToString);
        Assert.That(result.AllOutput, Does.Not.Contain(TestData.Password));
    }

    [Test]
    public async Task Reset_demo_as_json_says_what_it_did()
    {
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("Cmfbl"));
        var registered = await Tool.RunAsync([.. TestData.RegisterArgs(out var email, out _), "--config", config], environment: null, stdin: TestData.Password);
        Assert.That(registered.ExitCode, Is.EqualTo(0), registered.ToString);
        var company = ConfiguredSandbox.Server.Cmfbl.Company("360");
        var customer = company.Customers.Single(c => c.Email == email);

        var result = await Tool.RunAsync(["reset-demo", "--email", email, "--password-stdin", "--json", "--config", config], environment: null, stdin: TestData.Password);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That((string?)result.Json["provider"], Is.EqualTo("Cmfbl"));
        Assert.That((string?)result.Json["customerNumber"], Is.EqualTo(customer.CustomerNo));
        Assert.That((string?)result.Json["companyId"], Is.EqualTo(company.DemoCompanyId));
        Assert.That((bool?)result.Json["switched"], Is.True);
        Assert.That(result.Json["accountIds"]!.Select(a => (string?)a), Is.EqualTo(new[] { customer.DemoAccount.AccountId.ToString(CultureInfo.InvariantCulture) }));
        Assert.That(CustomerToken().IsMatch(result.AllOutput), Is.False, result.ToString);
    }

    [Test]
    public async Task Reset_demo_runs_on_the_embedded_sandbox_by_default()
    {
        var environment = new Dictionary<string, string?> { ["BROKERADAPTERS_PASSWORD"] = FakeCustomers.Password };

        // The embedded sandbox starts with FakeCustomers, whose first phone is +852 90000000.
        var result = await Tool.RunAsync(["reset-demo", "--phone", "+852 90000000"], environment);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout, Does.StartWith("Reset the demo account of customer "));
        Assert.That(result.Stderr, Does.Contain("Using the embedded sandbox for Cmfbl"));
    }

    [Test]
    public async Task Reset_demo_with_a_wrong_password_exits_7()
    {
        var result = await Tool.RunAsync("reset-demo", "--number", "86000001", "--password", "definitely-wrong");

        Assert.That(result.ExitCode, Is.EqualTo(7), result.ToString);
        Assert.That(result.AllOutput, Does.Not.Contain("definitely-wrong"));
    }

    [Test]
    public async Task Reset_demo_is_CMFBL_only()
    {
        var result = await Tool.RunAsync("reset-demo", "--email", "x@example.com", "--password", "whatever", "--provider", "McCrm");

        Assert.That(result.ExitCode, Is.EqualTo(8), result.ToString);
        Assert.That(result.ErrorLine, Is.EqualTo("error: NotSupported (McCrm): McCrm does not support reset-demo: only CMFBL has demo accounts."));
    }

    [Test]
    public async Task Reset_demo_needs_exactly_one_login()
    {
        var result = await Tool.RunAsync("reset-demo", "--password", "whatever");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
    }

    [GeneratedRegex("[0-9a-f]{32}app")]
    private static partial Regex CustomerToken();
}
