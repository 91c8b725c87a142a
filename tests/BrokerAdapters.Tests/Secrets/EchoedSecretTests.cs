using System.Globalization;
using System.Net;
using System.Text;
using BrokerAdapters.Testing;
using BrokerAdapters.Tests.Emulators;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.Tests.Secrets;

/// <summary>A provider whose message repeats what it was sent: the error keeps the message, with the secrets masked.</summary>
public sealed class EchoedSecretTests
{
    private const string Create = "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc";

    [TestCase("None")]
    [TestCase("Rsa")]
    public async Task A_CMFBL_refusal_that_repeats_the_md5_password_keeps_its_message_with_the_password_masked(string encryption)
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var host = EmulatedRegistry.For(emulator, company, s => s["UserRegistry:Cmfbl:Encryption"] = encryption);
        var customer = FakeCustomers.Generate(1, seed: 3)[0] with { Password = "Echo-me-0123456789" };
        var md5 = SecretBook.Md5(customer.Password!);
        emulator.Faults.FailNextWithCode(1, "USCUSTOMER_API_0000125", $"Password {md5.ToUpperInvariant()} is not accepted (pwd={md5})", Create);

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(customer));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
            Assert.That(error.ProviderCode, Is.EqualTo("USCUSTOMER_API_0000125"));
            Assert.That(error.ProviderMessage, Is.EqualTo("Password *** is not accepted (pwd=***)"));
            Assert.That(error.Message, Is.EqualTo($"Cmfbl {Create}: CMFBL answered USCUSTOMER_API_0000125: Password *** is not accepted (pwd=***)"));
            Assert.That(error.FieldErrors, Is.EqualTo(new[] { new FieldError("Password", "Password *** is not accepted (pwd=***)") }));
            Assert.That(error.TraceId, Does.StartWith(encryption == "Rsa" ? "x-" : "t-"));
            Assert.That(error.ToString(), Does.Not.Contain(md5).IgnoreCase.And.Not.Contain(customer.Password));
        }
    }

    [Test]
    public async Task A_CMFBL_authentication_refusal_that_repeats_the_app_secret_masks_it()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var host = EmulatedRegistry.For(emulator, company);
        emulator.Faults.FailNextWithCode(1, "GGATEWAY_CODE_101", $"Invalid account info: appSecret={company.AppSecret}", "admin.admin.CompanyAuthDubboService.auth");

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86000001")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.Unauthorized));
        Assert.That(error.ProviderMessage, Is.EqualTo("Invalid account info: appSecret=***"));
        Assert.That(error.ToString(), Does.Not.Contain(company.AppSecret));
    }

    [Test]
    public async Task An_MCCRM_refusal_that_repeats_the_request_and_its_token_masks_the_encrypted_password_and_the_token()
    {
        var emulator = new McCrmEmulator();
        using var host = EmulatedRegistry.For(emulator);
        string? sent = null;
        emulator.Mock.Expect(HttpMethod.Post, "*/openapi/v1/user/signup").Respond(async request =>
        {
            sent = await request.Content!.ReadAsStringAsync();
            var echo = new JObject
            {
                ["code"] = "303",
                ["msg"] = $"invalid request {sent} (token {request.Headers.GetValues("token").Single()})",
                ["data"] = null,
                ["success"] = false,
            };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(echo.ToString(), Encoding.UTF8, "application/json") };
        });

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(FakeCustomers.Generate(1, seed: 3)[0]));

        var ciphertext = (string)JObject.Parse(sent!)["password"]!;
        var expected = $"invalid request {sent!.Replace(ciphertext, "***", StringComparison.Ordinal)} (token ***)";
        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(error.ProviderMessage, Is.EqualTo(expected));
        Assert.That(error.Message, Is.EqualTo("McCrm user/signup: the provider answered code 303: " + expected));
        Assert.That(error.ToString(), Does.Not.Contain(ciphertext).And.Not.Contain(emulator.Token));
    }

    [Test]
    public async Task Emulator_requests_and_answers_print_neither_bodies_nor_header_values()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z", CultureInfo.InvariantCulture));
        var emulator = new CmfblEmulator(new CmfblEmulatorOptions { TimeProvider = time });
        var company = emulator.AddCompany("360");
        var body = new JObject { ["appId"] = company.AppId, ["appSecret"] = company.AppSecret }.ToString();
        var headers = new Dictionary<string, string> { ["companyId"] = "360", ["trace"] = "t-1" };

        var answer = await emulator.ServeAsync(HttpMethod.Post, "/openapi-b/auth/admin.admin.CompanyAuthDubboService.auth", headers, body);

        var token = (string)JObject.Parse(answer.Body)["data"]!["token"]!;
        Assert.That(
            emulator.Requests.Single().ToString(),
            Is.EqualTo($"EmulatorRequest {{ Operation = admin.admin.CompanyAuthDubboService.auth, Method = POST, Path = /openapi-b/auth/admin.admin.CompanyAuthDubboService.auth, Headers = [companyId, trace], Body = ({body.Length} characters), ReceivedAt = 2026-03-01T08:00:00.0000000+00:00, Status = 200, ErrorCode =  }}"));
        Assert.That(
            answer.ToString(),
            Is.EqualTo($"EmulatorAnswer {{ Status = OK, ContentType = application/json, Body = ({answer.Body.Length} characters), Headers = [], DropConnection = False }}"));
        Assert.That(answer.ToString() + emulator.Requests.Single(), Does.Not.Contain(company.AppSecret).And.Not.Contain(token));
    }
}
