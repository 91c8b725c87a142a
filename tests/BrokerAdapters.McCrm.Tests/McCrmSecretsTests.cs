using System.Net;
using BrokerAdapters.McCrm.Tests.TestSupport;

namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmSecretsTests
{
    [Test]
    public void Options_to_string_hides_the_token_and_the_key()
    {
        var options = new McCrmOptions
        {
            BaseUrl = McCrmTestHost.BaseUrl,
            Token = McCrmTestHost.Token,
            PublicKey = TestKeys.PublicKeyPem,
            BizName = McCrmTestHost.BizName,
        };

        var text = options.ToString();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Not.Contain(McCrmTestHost.Token));
            Assert.That(text, Does.Not.Contain("BEGIN PUBLIC KEY"));
            Assert.That(text, Does.Not.Contain(TestKeys.PublicKeyBase64[..24]));
            Assert.That(text, Does.Contain(McCrmTestHost.BaseUrl), "what is not secret stays readable");
            Assert.That(text, Does.Contain("Token = ***"));
        }
    }

    [Test]
    public void New_customer_to_string_hides_the_password()
    {
        Assert.That(Customers.Full().ToString(), Does.Not.Contain(Customers.Password));
    }

    [Test]
    public async Task Exception_messages_never_carry_the_password_or_the_token()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("error.already-exists.json"));
        var tooLong = Customers.Password + "-and-more";
        var errors = new List<UserRegistryException>
        {
            (await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full())))!,
            (await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full() with { Password = tooLong })))!,
        };

        foreach (var error in errors)
        {
            var text = error.ToString() + string.Join(";", error.FieldErrors);
            Assert.That(text, Does.Not.Contain(Customers.Password));
            Assert.That(text, Does.Not.Contain(McCrmTestHost.Token));
        }
    }

    [Test]
    public async Task Logs_name_the_operation_but_never_the_token_password_ciphertext_or_body()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));
        host.AnswerQueryUid(Fixtures.Read("error.server.json"), HttpStatusCode.InternalServerError);

        await host.Registry.RegisterAsync(Customers.Full());
        await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("u1")));

        var ciphertext = host.Requests.First().Password;
        var lines = host.Logs.Lines.Where(l => l.Contains("MC-CRM", StringComparison.Ordinal)).ToArray();
        Assert.That(lines, Has.Some.Contains("user/signup").And.Some.Contains("user/query/uid"));
        foreach (var line in host.Logs.Lines)
        {
            Assert.That(line, Does.Not.Contain(McCrmTestHost.Token));
            Assert.That(line, Does.Not.Contain(Customers.Password));
            Assert.That(line, Does.Not.Contain(ciphertext));
            Assert.That(line, Does.Not.Contain("mei.chan@example.com"), "no bodies");
            Assert.That(line, Does.Not.Contain("BEGIN PUBLIC KEY"));
        }
    }

    [Test]
    public async Task Extra_never_keeps_secret_members_whatever_their_case()
    {
        using var host = McCrmTestHost.Create();
        var answer = Fixtures.Json("query-uid.response.json");
        answer["data"]!["Password"] = "hash-in-other-case";
        answer["data"]!["token"] = "session-token";
        host.AnswerQueryUid(answer.ToString());

        var customer = await host.Registry.FindAsync(CustomerLookup.ById("u1"));

        Assert.That(customer!.Extra.Keys, Has.None.EqualTo("password").IgnoreCase);
        Assert.That(customer.Extra.Keys, Has.No.Member("token"));
        Assert.That(customer.Extra.Values.OfType<string>(), Has.None.Contains("hash-in-other-case"));
    }
}
