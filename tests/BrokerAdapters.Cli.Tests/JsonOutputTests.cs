using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Cli.Output;
using BrokerAdapters.Cli.Output.Documents;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Tests;

public sealed class JsonOutputTests
{
    [Test]
    public void Customer_json_has_every_field_of_the_unified_model()
    {
        var json = JObject.Parse(CliJson.Line(CustomerDocument.From(new Customer { Provider = "Cmfbl", Id = "1" })));

        var expected = typeof(Customer).GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);
        Assert.That(json.Properties().Select(p => p.Name), Is.EquivalentTo(expected));
    }

    [Test]
    public void Customer_json_is_camel_case_with_enum_names_iso_dates_and_extra_keys_as_sent()
    {
        var customer = new Customer
        {
            Provider = "McCrm",
            Id = "u1",
            Phone = new PhoneNumber("+852", "98763237"),
            Name = new PersonName { Given = "Ann", Family = "Lee" },
            BirthDate = new DateOnly(1990, 5, 17),
            Status = CustomerStatus.Locked,
            Source = RegistrationSource.Ios,
            CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Extra = new Dictionary<string, string?> { ["BizName"] = "MFT", ["agentCustomerNo"] = null },
        };

        var json = JObject.Parse(CliJson.Line(CustomerDocument.From(customer)));

        Assert.That(json["phone"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"countryCode":"+852","number":"98763237","e164":"+85298763237"}"""));
        Assert.That(json["name"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"given":"Ann","middle":null,"family":"Lee","full":null}"""));
        Assert.That((string?)json["birthDate"], Is.EqualTo("1990-05-17"));
        Assert.That((string?)json["status"], Is.EqualTo("Locked"));
        Assert.That((string?)json["source"], Is.EqualTo("Ios"));
        Assert.That(json["createdAt"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("\"2025-01-02T03:04:05+00:00\""));
        Assert.That(json["extra"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"BizName":"MFT","agentCustomerNo":null}"""), "ordinal order");
    }

    [Test]
    public void Login_json_masks_both_tokens()
    {
        var signedIn = new AuthenticatedCustomer(new Customer { Provider = "Cmfbl", Id = "1" }, "access-secret") { RefreshToken = "refresh-secret" };

        var text = CliJson.Line(LoginDocument.From(signedIn));

        Assert.That(text, Does.Contain("\"accessToken\":\"***\"").And.Contain("\"refreshToken\":\"***\""));
        Assert.That(text, Does.Not.Contain("secret"));
    }

    [Test]
    public void Flat_settings_nest_into_an_appsettings_document_with_arrays()
    {
        var json = ConfigurationJson.ToJson(new Dictionary<string, string?>
        {
            ["UserRegistry:Cmfbl:TradeTypeCurrencies:0:TradeType"] = "1",
            ["UserRegistry:Cmfbl:TradeTypeCurrencies:0:Currency"] = "USDT",
            ["UserRegistry:Cmfbl:BaseUrl"] = "http://127.0.0.1:5000",
            ["UserRegistry:Provider"] = "Cmfbl",
        });

        Assert.That(json.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            """{"UserRegistry":{"Provider":"Cmfbl","Cmfbl":{"BaseUrl":"http://127.0.0.1:5000","TradeTypeCurrencies":[{"Currency":"USDT","TradeType":"1"}]}}}"""));
    }
}
