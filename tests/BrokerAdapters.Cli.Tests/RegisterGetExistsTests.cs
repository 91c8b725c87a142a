using BrokerAdapters.Cli.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests;

public sealed class RegisterGetExistsTests
{
    [Test]
    public async Task Register_prints_the_created_customer_as_json_on_the_embedded_sandbox()
    {
        var result = await Tool.RunAsync(
            [.. TestData.RegisterArgs(out var email, out var phone), "--external-id", "crm-42", "--json"],
            environment: null,
            stdin: TestData.Password + "\n");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var customer = (JObject)result.Json;
        Assert.That((string?)customer["provider"], Is.EqualTo("Cmfbl"));
        Assert.That((string?)customer["email"], Is.EqualTo(email));
        Assert.That(customer["phone"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo($$"""{"countryCode":"+852","number":"{{phone}}","e164":"+852{{phone}}"}"""));
        Assert.That((string?)customer["number"], Is.Not.Null.And.Not.Empty);
        Assert.That((string?)customer["id"], Is.Not.Null.And.Not.Empty);
        Assert.That((string?)customer["externalId"], Is.EqualTo("crm-42"));
        Assert.That((string?)customer["country"], Is.EqualTo("HK"));
        Assert.That((string?)customer["status"], Is.EqualTo("Active"));
        Assert.That(result.Stderr, Does.Contain("Using the embedded sandbox for Cmfbl"), "the embedded default is announced on stderr");
        Assert.That(result.Stdout, Does.Not.Contain("embedded sandbox"));
    }

    [Test]
    public async Task Register_then_get_then_exists_against_a_configured_provider()
    {
        // Separate runs share no state but the provider: use a configured sandbox, as a real deployment would.
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("Cmfbl"));
        var registered = await Tool.RunAsync(
            [.. TestData.RegisterArgs(out var email, out var phone), "--json", "--config", config], environment: null, stdin: TestData.Password);
        Assert.That(registered.ExitCode, Is.EqualTo(0), registered.ToString);
        var number = (string)registered.Json["number"]!;

        var found = await Tool.RunAsync("get", "--number", number, "--json", "--config", config);
        var byEmail = await Tool.RunAsync("exists", "--email", email, "--config", config);
        var byPhone = await Tool.RunAsync("exists", "--phone", "+852" + phone, "--json", "--config", config);
        var unknown = await Tool.RunAsync("exists", "--email", TestData.Email(), "--config", config);

        Assert.That(found.ExitCode, Is.EqualTo(0), found.ToString);
        Assert.That((string?)found.Json["email"], Is.EqualTo(email));
        Assert.That((string?)found.Json["phone"]!["e164"], Is.EqualTo("+852" + phone));
        Assert.That((string?)found.Json["number"], Is.EqualTo(number));
        Assert.That((string?)found.Json["provider"], Is.EqualTo("Cmfbl"));
        Assert.That(found.Stderr, Does.Not.Contain("embedded sandbox"), "a configured provider does not start the embedded sandbox");
        Assert.That((byEmail.ExitCode, byEmail.Stdout.Trim()), Is.EqualTo((0, "true")), byEmail.ToString);
        Assert.That(JToken.DeepEquals(byPhone.Json, JToken.Parse($$"""{"provider":"Cmfbl","lookup":{"kind":"Phone","value":"+852{{phone}}"},"exists":true}""")), Is.True, byPhone.Stdout);
        Assert.That((unknown.ExitCode, unknown.Stdout.Trim()), Is.EqualTo((0, "false")), unknown.ToString);
    }

    [Test]
    public async Task Register_on_McCrm_then_get_by_id()
    {
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("McCrm"));
        var registered = await Tool.RunAsync(
            [.. TestData.RegisterArgs(out var email, out _), "--json", "--config", config], environment: null, stdin: TestData.Password);
        Assert.That(registered.ExitCode, Is.EqualTo(0), registered.ToString);
        Assert.That((string?)registered.Json["provider"], Is.EqualTo("McCrm"));

        var found = await Tool.RunAsync("get", "--id", (string)registered.Json["id"]!, "--json", "--config", config);

        Assert.That(found.ExitCode, Is.EqualTo(0), found.ToString);
        Assert.That((string?)found.Json["email"], Is.EqualTo(email));
        Assert.That((string?)found.Json["name"]!["full"], Is.EqualTo("Ann Lee"), "MC-CRM keeps one userName");
        Assert.That((string?)found.Json["number"], Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task Register_in_human_mode_prints_a_table_with_the_customer()
    {
        var result = await Tool.RunAsync(TestData.RegisterArgs(out var email, out var phone), environment: null, stdin: TestData.Password);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout, Does.Contain("Registered customer").And.Contain(email).And.Contain("+852 " + phone));
        Assert.That(result.Stdout, Does.Not.Contain("\u001b["), "no colours when stdout is not a terminal");
    }

    [Test]
    public async Task A_duplicate_registration_exits_6_with_one_error_line_naming_the_provider_code()
    {
        var config = ConfiguredSandbox.WriteConfigFile(ConfiguredSandbox.Settings("Cmfbl"));
        var args = TestData.RegisterArgs(out _, out _).Append("--config").Append(config).ToArray();
        var first = await Tool.RunAsync(args, environment: null, stdin: TestData.Password);
        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString);

        var again = await Tool.RunAsync(args, environment: null, stdin: TestData.Password);

        Assert.That(again.ExitCode, Is.EqualTo(6), again.ToString);
        Assert.That(again.ErrorLines, Has.Count.EqualTo(1), again.Stderr);
        Assert.That(again.ErrorLine, Does.Match(@"^error: AlreadyExists \(Cmfbl USCUSTOMER_API_0000106, trace [^)]+\): Mobile number already exist$"));
        Assert.That(again.Stdout, Is.Empty);
    }

    [Test]
    public async Task Invalid_input_exits_5_naming_every_field_without_a_stack_trace()
    {
        var result = await Tool.RunAsync(
            ["register", "--email", "not-an-email", "--phone", "+852 123", "--country", "XX", "--password-stdin"], environment: null, stdin: TestData.Password);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString);
        Assert.That(result.ErrorLine, Does.StartWith("error: InvalidInput (Cmfbl): 3 invalid fields"));
        Assert.That(result.ErrorLines, Has.Some.StartsWith("Email:"));
        Assert.That(result.ErrorLines, Has.Some.StartsWith("Phone.Number:"));
        Assert.That(result.ErrorLines, Has.Some.StartsWith("Country:"));
        Assert.That(result.Stderr, Does.Not.Contain(" at BrokerAdapters").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task Register_without_any_password_is_refused_by_the_provider_as_invalid_input()
    {
        var result = await Tool.RunAsync("register", "--email", TestData.Email(), "--phone", TestData.Phone(out _), "--country", "HK");

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString);
        Assert.That(result.ErrorLines, Has.Some.StartsWith("Password:"));
    }

    [Test]
    public async Task Get_of_an_unknown_customer_exits_4()
    {
        var result = await Tool.RunAsync("get", "--number", "999999999");

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString);
        Assert.That(result.ErrorLine, Is.EqualTo("error: NotFound (Cmfbl): No customer has Number 999999999."));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task Get_finds_a_customer_the_embedded_sandbox_starts_with()
    {
        var result = await Tool.RunAsync("get", "--number", "86000001");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout, Does.Contain("86000001").And.Contain("@example.com"));
    }

    [Test]
    public async Task A_lookup_the_provider_does_not_offer_exits_8()
    {
        var find = await Tool.RunAsync("get", "--email", "someone@example.com");
        var exists = await Tool.RunAsync("--provider", "McCrm", "exists", "--email", "someone@example.com");

        Assert.That(find.ExitCode, Is.EqualTo(8), find.ToString);
        Assert.That(find.ErrorLine, Is.EqualTo("error: NotSupported (Cmfbl): Cmfbl does not support FindAsync by Email."));
        Assert.That(exists.ExitCode, Is.EqualTo(8), exists.ToString);
        Assert.That(exists.ErrorLine, Does.StartWith("error: NotSupported (McCrm)"));
    }
}
