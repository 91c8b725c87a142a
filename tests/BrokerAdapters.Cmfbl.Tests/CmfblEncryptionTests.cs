using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using BrokerAdapters.Internal;
using BrokerAdapters.Testing.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl.Tests;

public sealed class CmfblEncryptionTests
{
    private RSA _companyKey = null!;

    [SetUp]
    public void CreateKey() => _companyKey = RSA.Create(1024);

    [TearDown]
    public void DisposeKey() => _companyKey.Dispose();

    [Test]
    public async Task Rsa_mode_sends_a_signed_body_encrypted_in_segments_with_an_x_trace()
    {
        using var host = CreateEncryptedHost(withKeyInOptions: true);
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();

        await host.Registry.RegisterAsync(Samples.NewCustomer());

        var create = host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType)).Single();
        Assert.That(create.Header("trace"), Does.StartWith("x-"));
        Assert.That(((JObject)create.Json).Properties().Select(p => p.Name), Is.EqualTo(new[] { "data" }));

        var segments = ((string)create.Json["data"]!).Split(',');
        Assert.That(segments, Has.Length.GreaterThan(1));
        var plainSegments = segments.Select(s => Encoding.ASCII.GetString(_companyKey.Decrypt(Convert.FromBase64String(s), RSAEncryptionPadding.Pkcs1))).ToArray();
        Assert.That(plainSegments.Take(plainSegments.Length - 1), Is.All.Length.EqualTo(100));
        Assert.That(plainSegments[^1].Length, Is.InRange(1, 100));

        var body = (JObject)JToken.Parse(WebUtility.UrlDecode(string.Concat(plainSegments)));
        var signature = (string)body["signature"]!;
        body.Remove("signature");
        var expected = (JObject)Fixtures.Json("cmfbl", "create-customer.request.json");
        expected["timestamp"] = CmfblTestHost.Now;
        JsonAssert.AreEqual(expected, body);
        Assert.That(create.Header("timestamp"), Is.EqualTo(CmfblTestHost.Now.ToString(CultureInfo.InvariantCulture)));

        // Strings and numbers only, sorted by name, the timestamp both as salt and as a member.
        const string canonical =
            "timestamp=1732530000000&country=HK&customerGroupId=1&email=chan.tai.man@example.com&phone=98763237&phoneArea=+852"
            + "&pwd=dc483e80a7a0bd9ef71d8cf973673924&registerDevice=iPhone15,2&registerSource=2&thirdServerCode=crm-000042"
            + "&timestamp=1732530000000&utmCampaign=autumn&utmContent=banner-a&utmMedium=email&utmSource=newsletter&utmTerm=forex";
        Assert.That(signature, Is.EqualTo(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(canonical)))));
    }

    [Test]
    public void Signature_matches_the_providers_published_example()
    {
        var body = new JObject { ["parentCode"] = "USDT" };

        CmfblSignature.Sign(body, 1722093946335);

        Assert.That(CmfblSignature.CanonicalText(body, 1722093946335), Is.EqualTo("timestamp=1722093946335&parentCode=USDT&timestamp=1722093946335"));
        Assert.That((string?)body["signature"], Is.EqualTo(Md5Hex.Upper("timestamp=1722093946335&parentCode=USDT&timestamp=1722093946335")));
        Assert.That((long)body["timestamp"]!, Is.EqualTo(1722093946335));
    }

    [Test]
    public void Signature_skips_empty_values_booleans_nulls_arrays_and_objects()
    {
        var body = JObject.Parse("""{"b":"","a":1.5,"c":true,"d":null,"e":[1],"f":{"g":1},"Z":"upper"}""");

        Assert.That(CmfblSignature.CanonicalText(body, 5), Is.EqualTo("timestamp=5&Z=upper&a=1.5"));
    }

    [Test]
    public async Task Rsa_mode_uses_the_public_key_returned_by_authentication_when_none_is_configured()
    {
        using var host = CreateEncryptedHost(withKeyInOptions: false);
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Fixture("check-exist.response.exists.json"));

        Assert.That(await host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")), Is.True);

        var request = host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType)).Single();
        var plain = string.Concat(((string)request.Json["data"]!).Split(',')
            .Select(s => Encoding.ASCII.GetString(_companyKey.Decrypt(Convert.FromBase64String(s), RSAEncryptionPadding.Pkcs1))));
        var body = JObject.Parse(WebUtility.UrlDecode(plain));
        Assert.That((string?)body["loginName"], Is.EqualTo("86021976"));
        Assert.That((int)body["type"]!, Is.EqualTo(3));
    }

    [Test]
    public async Task Admin_authentication_itself_is_never_encrypted()
    {
        using var host = CreateEncryptedHost(withKeyInOptions: true);
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Fixture("check-exist.response.exists.json"));

        await host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976"));

        var auth = host.Provider.To(CmfblTestHost.AuthUrl).Single();
        JsonAssert.AreEqual(Fixtures.Json("cmfbl", "auth.request.json"), auth.Json);
        Assert.That(auth.Header("trace"), Does.StartWith("t-"));
    }

    private CmfblTestHost CreateEncryptedHost(bool withKeyInOptions)
    {
        var publicKey = Convert.ToBase64String(_companyKey.ExportSubjectPublicKeyInfo());
        var host = CmfblTestHost.Create(
            s =>
            {
                s["UserRegistry:Cmfbl:Encryption"] = "Rsa";
                if (withKeyInOptions)
                {
                    s["UserRegistry:Cmfbl:PublicKey"] = publicKey;
                }
            },
            answerAuth: false);
        host.Provider.AnswerJson(CmfblTestHost.AuthUrl, CmfblTestHost.Envelope($$"""{"token":"admin-token-1","publicKey":"{{(withKeyInOptions ? string.Empty : publicKey)}}"}"""));
        return host;
    }
}
