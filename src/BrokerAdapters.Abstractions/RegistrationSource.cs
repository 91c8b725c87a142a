namespace BrokerAdapters;

/// <summary>Where a customer registered from.</summary>
public enum RegistrationSource
{
    /// <summary>Mobile web (H5).</summary>
    MobileWeb,

    /// <summary>Desktop web.</summary>
    PcWeb,

    /// <summary>A back-office system or integration.</summary>
    System,

    /// <summary>The Android app.</summary>
    Android,

    /// <summary>The iOS app.</summary>
    Ios,

    /// <summary>The HarmonyOS app.</summary>
    HarmonyOs,

    /// <summary>The Windows desktop client.</summary>
    PcWindows,

    /// <summary>The macOS desktop client.</summary>
    PcMac,

    /// <summary>Anything else.</summary>
    Other,
}
