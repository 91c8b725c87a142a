extern alias cmfbl;

using BenchmarkDotNet.Attributes;
using BrokerAdapters.Benchmarks.Operations;
using BrokerAdapters.Benchmarks.Wire;
using BrokerAdapters.McCrm;
using cmfbl::BrokerAdapters.Cmfbl;
using cmfbl::BrokerAdapters.Cmfbl.Wire;
using Md5Hex = cmfbl::BrokerAdapters.Internal.Md5Hex;

namespace BrokerAdapters.Benchmarks.Parts;

/// <summary>
/// The per-call cryptography: the MD5 password (both CMFBL calls that carry one), MC-CRM's RSA password with the key
/// imported once, CMFBL's body signature and its segmented RSA body encryption (encrypted mode), each on the
/// benchmark customer's create body. Run with <c>--filter *CryptoBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class CryptoBenchmarks
{
    private const long Timestamp = 1732530000000;

    private McCrmPasswordCipher _cipher = null!;
    private CmfblBodyEncryptor _encryptor = null!;
    private CmfblCreateCustomerRequest _create = null!;
    private string _signedJson = string.Empty;

    [Params(1024, 2048)]
    public int KeyBits { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        var key = BenchmarkKeys.PublicKeyPem(KeyBits);
        _cipher = new McCrmPasswordCipher(key, McCrmPasswordPadding.Pkcs1);
        _encryptor = new CmfblBodyEncryptor(key);
        _create = new CmfblCreateCustomerRequest
        {
            Phone = "98763237",
            PhoneArea = "+852",
            Email = CmfblCanned.Email,
            Pwd = Md5Hex.Lower(CmfblCanned.Password),
            Country = "HK",
            RegisterSource = 2,
            CustomerGroupId = 1,
            TradeTypeCurrencyList = [new CmfblTradeTypeCurrencyDto { AllCurrency = "USDT", TradeType = "1" }],
            ThirdServerCode = "crm-000042",
        };
        _signedJson = CmfblSign();
        Check.Equal(32, Md5Password().Length, "MD5 hex length");
        Check.Equal(4 * ((KeyBits / 8 + 2) / 3), McCrmPassword().Length, "base64 ciphertext length");
        Check.That(CmfblEncryptBody().Split(',').Length == (System.Net.WebUtility.UrlEncode(_signedJson).Length + 99) / 100, "one RSA block per 100 characters");
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _cipher.Dispose();
        _encryptor.Dispose();
    }

    [Benchmark]
    public string Md5Password() => Md5Hex.Lower(CmfblCanned.Password);

    [Benchmark]
    public string McCrmPassword() => _cipher.Encrypt(CmfblCanned.Password);

    /// <summary>The create body signed, as JSON text: what encrypted mode does before encrypting.</summary>
    [Benchmark]
    public string CmfblSign() => CmfblSignature.SignedJson(_create, Timestamp);

    [Benchmark]
    public string CmfblEncryptBody() => _encryptor.Encrypt(_signedJson);
}
