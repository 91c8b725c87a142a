using BrokerAdapters.Internal;
using Microsoft.Extensions.Options;

namespace BrokerAdapters.Cmfbl;

/// <summary>Validates one registry's <see cref="CmfblOptions"/>, naming each bad setting by its configuration path.</summary>
internal sealed class CmfblOptionsValidator : IValidateOptions<CmfblOptions>
{
    private readonly string _registryName;
    private readonly Func<string, string> _settingPath;

    public CmfblOptionsValidator(string registryName, Func<string, string> settingPath)
    {
        _registryName = registryName;
        _settingPath = settingPath;
    }

    public ValidateOptionsResult Validate(string? name, CmfblOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, _registryName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        OptionsErrors.RequireAbsoluteHttpUrl(failures, Path(nameof(options.BaseUrl)), options.BaseUrl);
        OptionsErrors.RequireAbsoluteHttpUrl(failures, Path(nameof(options.ClientBaseUrl)), options.ClientBaseUrl, required: false);
        OptionsErrors.RequireHeaderValue(failures, Path(nameof(options.CompanyId)), options.CompanyId);
        OptionsErrors.Require(failures, Path(nameof(options.AppId)), options.AppId);
        OptionsErrors.Require(failures, Path(nameof(options.AppSecret)), options.AppSecret);
        OptionsErrors.RequireHeaderValue(failures, Path(nameof(options.Version)), options.Version);
        OptionsErrors.RequireHeaderValue(failures, Path(nameof(options.Lang)), options.Lang);
        if (!Enum.IsDefined(options.Encryption))
        {
            failures.Add($"{Path(nameof(options.Encryption))} must be None or Rsa.");
        }

        if (options.PublicKey is not null && !RsaPublicKeys.TryValidate(options.PublicKey, CmfblBodyEncryptor.MinimumKeyBits, out var keyError))
        {
            failures.Add($"{Path(nameof(options.PublicKey))} {keyError}");
        }

        if (options.CustomerGroupId <= 0)
        {
            failures.Add($"{Path(nameof(options.CustomerGroupId))} must be a positive customer group id.");
        }

        for (var i = 0; i < options.TradeTypeCurrencies.Count; i++)
        {
            var entry = options.TradeTypeCurrencies[i];
            OptionsErrors.Require(failures, Path($"{nameof(options.TradeTypeCurrencies)}:{i}:{nameof(entry.TradeType)}"), entry?.TradeType);
            OptionsErrors.Require(failures, Path($"{nameof(options.TradeTypeCurrencies)}:{i}:{nameof(entry.Currency)}"), entry?.Currency);
        }

        if (!Enum.IsDefined(options.DefaultRegistrationSource))
        {
            failures.Add($"{Path(nameof(options.DefaultRegistrationSource))} is not a registration source.");
        }

        if (!Enum.IsDefined(options.RegistrationMode))
        {
            failures.Add($"{Path(nameof(options.RegistrationMode))} must be Admin or SelfService.");
        }
        else if (options.RegistrationMode == CmfblRegistrationMode.SelfService && string.IsNullOrWhiteSpace(options.ClientBaseUrl))
        {
            failures.Add($"{Path(nameof(options.RegistrationMode))} is SelfService, which registers through the Client API: {Path(nameof(options.ClientBaseUrl))} is required.");
        }

        if (!Enum.IsDefined(options.LoginDevice))
        {
            failures.Add($"{Path(nameof(options.LoginDevice))} is not a registration source.");
        }

        if (options.PageSize is < 1 or > CmfblOptions.MaxPageSize)
        {
            failures.Add($"{Path(nameof(options.PageSize))} must be between 1 and {CmfblOptions.MaxPageSize}.");
        }

        if (options.AdminTokenLifetime < TimeSpan.FromMinutes(1) || options.AdminTokenLifetime > TimeSpan.FromDays(1))
        {
            failures.Add($"{Path(nameof(options.AdminTokenLifetime))} must be between 00:01:00 and 1.00:00:00.");
        }

        ResilienceOptionsErrors.Validate(failures, setting => Path(nameof(options.Resilience) + ":" + setting), options.Resilience);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string Path(string setting) => _settingPath(CmfblOptions.SectionName + ":" + setting);
}
