using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrokerAdapters.Tests.Secrets;

/// <summary>Invalid settings are refused by their names, never by their values: the values may be secrets.</summary>
public sealed class OptionsErrorTests
{
    [Test]
    public void Invalid_provider_settings_are_named_without_printing_the_secrets_they_hold()
    {
        using var key = RSA.Create(2048);
        var privateKeyBase64 = Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        var settings = new Dictionary<string, string?>
        {
            ["Cmfbl:Provider"] = "Cmfbl",
            ["Cmfbl:Cmfbl:BaseUrl"] = "https://operator:url-password-0123@cmfbl.example",
            ["Cmfbl:Cmfbl:CompanyId"] = "360",
            ["Cmfbl:Cmfbl:AppId"] = "app-1",
            ["Cmfbl:Cmfbl:AppSecret"] = "app-secret-0123456789",
            ["Cmfbl:Cmfbl:PublicKey"] = privateKeyBase64,
            ["McCrm:Provider"] = "McCrm",
            ["McCrm:McCrm:BaseUrl"] = "https://mccrm.example/mc-crm/",
            ["McCrm:McCrm:Token"] = "merchant token with spaces 0123",
            ["McCrm:McCrm:PublicKey"] = privateKeyBase64,
            ["McCrm:McCrm:BizName"] = "MFT",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddKeyedUserRegistry("cmfbl", configuration.GetSection("Cmfbl")).AddCmfbl().AddMcCrm();
        services.AddKeyedUserRegistry("mccrm", configuration.GetSection("McCrm")).AddCmfbl().AddMcCrm();
        using var provider = services.BuildServiceProvider();

        var cmfbl = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IUserRegistry>("cmfbl"));
        var mccrm = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IUserRegistry>("mccrm"));

        Assert.That(cmfbl!.Failures, Is.EquivalentTo(new[]
        {
            "Cmfbl:Cmfbl:BaseUrl must not carry credentials, a query or a fragment.",
            "Cmfbl:Cmfbl:PublicKey is not an RSA public key in PEM or base64 SubjectPublicKeyInfo form.",
        }));
        Assert.That(mccrm!.Failures, Is.EquivalentTo(new[]
        {
            "McCrm:McCrm:Token must contain printable ASCII characters only, without spaces.",
            "McCrm:McCrm:PublicKey is not an RSA public key in PEM or base64 SubjectPublicKeyInfo form.",
        }));
        foreach (var text in new[] { cmfbl.ToString(), mccrm.ToString() })
        {
            Assert.That(text, Does.Not.Contain("url-password-0123").And.Not.Contain("app-secret-0123456789").And.Not.Contain("with spaces 0123"));
            Assert.That(text, Does.Not.Contain(privateKeyBase64[..40]));
        }
    }
}
