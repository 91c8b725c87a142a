using System.Security.Cryptography;
using BrokerAdapters.Internal;
using Microsoft.Extensions.Options;

namespace BrokerAdapters.McCrm;

/// <summary>Validates one registry's <see cref="McCrmOptions"/>, naming each failing setting by its full configuration path.</summary>
internal sealed class McCrmOptionsValidator : IValidateOptions<McCrmOptions>
{
    private readonly string _registryName;
    private readonly Func<string, string> _settingPath;

    /// <param name="registryName">The options name this validator checks; other names are skipped.</param>
    /// <param name="settingPath">Turns a path below the registry's section (<c>McCrm:BaseUrl</c>) into the full path.</param>
    public McCrmOptionsValidator(string registryName, Func<string, string> settingPath)
    {
        _registryName = registryName;
        _settingPath = settingPath;
    }

    public ValidateOptionsResult Validate(string? name, McCrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(name ?? Options.DefaultName, _registryName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var baseUrl = Setting(nameof(McCrmOptions.BaseUrl));
        OptionsErrors.RequireAbsoluteHttpUrl(failures, baseUrl, options.BaseUrl);

        var token = Setting(nameof(McCrmOptions.Token));
        OptionsErrors.Require(failures, token, options.Token);
        if (!string.IsNullOrWhiteSpace(options.Token) && !options.Token.All(c => c is > ' ' and < '\u007f'))
        {
            // It travels as an HTTP header value; the value itself is a secret and is never printed.
            failures.Add($"{token} must contain printable ASCII characters only, without spaces.");
        }

        var padding = Setting(nameof(McCrmOptions.Padding));
        var paddingDefined = Enum.IsDefined(options.Padding);
        if (!paddingDefined)
        {
            failures.Add($"{padding} must be one of {string.Join(", ", Enum.GetNames<McCrmPasswordPadding>())}.");
        }

        ValidatePublicKey(failures, Setting(nameof(McCrmOptions.PublicKey)), options.PublicKey, paddingDefined ? options.Padding : null);
        OptionsErrors.Require(failures, Setting(nameof(McCrmOptions.BizName)), options.BizName);

        ResilienceOptionsErrors.Validate(failures, setting => Setting(nameof(options.Resilience) + ":" + setting), options.Resilience);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePublicKey(List<string> failures, string setting, string? key, McCrmPasswordPadding? padding)
    {
        if (!RsaPublicKeys.TryValidate(key, out var error))
        {
            failures.Add($"{setting} {error}");
            return;
        }

        if (padding is not { } chosen)
        {
            return;
        }

        try
        {
            using var rsa = RsaPublicKeys.Import(key!);
            var capacity = McCrmPasswordCipher.MaxPlaintextBytes(rsa.KeySize, chosen);
            if (capacity < McCrmPasswordCipher.MaxPasswordBytes)
            {
                failures.Add(
                    $"{setting} is a {rsa.KeySize}-bit key, too small to encrypt a {McCrmPasswordCipher.MaxPasswordLength}-character password with {chosen} padding; use a larger key or another padding.");
            }
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            failures.Add($"{setting} is not an RSA public key in PEM or base64 SubjectPublicKeyInfo form.");
        }
    }

    private string Setting(string name) => _settingPath(McCrmOptions.SectionName + ":" + name);
}
