using BrokerAdapters.Cmfbl.Wire;
using BrokerAdapters.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>The signed body is written from the request's JSON exactly as signing its JSON tree would write it.</summary>
public sealed class CmfblSignedJsonTests
{
    private const long Timestamp = 1722093946335;

    private static IEnumerable<TestCaseData> Bodies()
    {
        yield return new TestCaseData(new CmfblCreateCustomerRequest
        {
            Phone = "98763237",
            PhoneArea = "+852",
            Email = "chan.tai.man+\"x\"@example.com",
            Pwd = "dc483e80a7a0bd9ef71d8cf973673924",
            Country = "HK",
            RegisterSource = 2,
            CustomerGroupId = 1,
            TradeTypeCurrencyList = [new CmfblTradeTypeCurrencyDto { AllCurrency = "USDT", TradeType = "1" }],
            UtmSource = "café ✓",
            ThirdServerCode = "crm-000042",
        }).SetName("create, with an array, escapes and non-ASCII text");
        yield return new TestCaseData(new CmfblPageRequest { CustomerNo = null, Size = 2000, Current = -1 }).SetName("page, with null and a negative number");
        yield return new TestCaseData(new CmfblExistRequest { Type = 1, LoginName = string.Empty }).SetName("exists, with an empty value");
        yield return new TestCaseData(new JObject()).SetName("empty object");
        yield return new TestCaseData(new JObject { ["timestamp"] = 1, ["a"] = "b" }).SetName("a body that has a timestamp already");
        yield return new TestCaseData(new JObject { ["a"] = 1.5, ["signature"] = "old" }).SetName("a body that has a signature and a fraction");
    }

    [TestCaseSource(nameof(Bodies))]
    public void Signed_json_is_what_signing_the_tree_writes(object body)
    {
        var tree = JObject.FromObject(body, WireJson.Serializer);
        CmfblSignature.Sign(tree, Timestamp);

        Assert.That(CmfblSignature.SignedJson(body, Timestamp), Is.EqualTo(tree.ToString(Formatting.None)));
    }
}
