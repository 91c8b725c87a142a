namespace BrokerAdapters.Cmfbl;

/// <summary>A section of CMFBL's customer detail.</summary>
public enum CmfblDetailSection
{
    /// <summary>Basic information (<c>baseInfo</c>).</summary>
    BaseInfo,

    /// <summary>Trading accounts (<c>tradeAccount</c>).</summary>
    TradeAccount,

    /// <summary>KYC information (<c>kyc</c>).</summary>
    Kyc,

    /// <summary>Detailed KYC information (<c>allKyc</c>).</summary>
    AllKyc,

    /// <summary>Bank cards (<c>bankList</c>).</summary>
    BankList,

    /// <summary>Wallet addresses (<c>walletList</c>).</summary>
    WalletList,

    /// <summary>Other information (<c>otherInfo</c>).</summary>
    OtherInfo,
}
