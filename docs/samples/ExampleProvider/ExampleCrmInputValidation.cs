using System.Net.Mail;

namespace BrokerAdapters.Samples.ExampleCrm;

/// <summary>
/// Example CRM's documented limits, checked before any request so that a bad customer costs no call and every bad
/// field is named at once.
/// </summary>
internal static class ExampleCrmInputValidation
{
    public const int MaxEmailLength = 254;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 64;
    public const int MaxNameLength = 100;
    public const int MaxExternalIdLength = 64;
    public const int MaxLanguageLength = 35;

    #region input-validation
    public static void ValidateRegistration(NewCustomer customer)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(customer.Email))
        {
            errors.Add(new FieldError(nameof(customer.Email), "is required."));
        }
        else if (!IsEmail(customer.Email))
        {
            errors.Add(new FieldError(nameof(customer.Email), $"is not a valid email address of at most {MaxEmailLength} characters."));
        }

        if (string.IsNullOrEmpty(customer.Password))
        {
            errors.Add(new FieldError(nameof(customer.Password), "is required."));
        }
        else if (customer.Password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            // The length only: a message never repeats a secret.
            errors.Add(new FieldError(nameof(customer.Password), $"must be {MinPasswordLength} to {MaxPasswordLength} characters."));
        }

        if (customer.Phone is { } phone)
        {
            if (phone.CountryCodeDigits.Length is < 1 or > 3 || !phone.CountryCodeDigits.All(char.IsAsciiDigit))
            {
                errors.Add(new FieldError("Phone.CountryCode", "must be a country calling code of 1 to 3 digits, e.g. +852."));
            }

            if (phone.Number.Length is < 4 or > 14 || !phone.Number.All(char.IsAsciiDigit))
            {
                errors.Add(new FieldError("Phone.Number", "must be 4 to 14 digits."));
            }
        }

        if (customer.Country is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(new FieldError(nameof(customer.Country), "must be an ISO 3166-1 alpha-2 code in upper case, e.g. HK."));
        }

        Text(errors, "Name.Given", customer.Name?.Given, MaxNameLength);
        Text(errors, "Name.Family", customer.Name?.Family, MaxNameLength);
        Text(errors, nameof(customer.ExternalId), customer.ExternalId, MaxExternalIdLength);
        Text(errors, nameof(customer.Language), customer.Language, MaxLanguageLength);

        if (errors.Count > 0)
        {
            throw UserRegistryException.InvalidInput(ExampleCrmUserRegistry.ProviderName, errors);
        }
    }
    #endregion

    private static void Text(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "must not be blank when set."));
        }
        else if (value.Length > max)
        {
            errors.Add(new FieldError(field, $"must be at most {max} characters (was {value.Length})."));
        }
    }

    private static bool IsEmail(string value) =>
        value.Length <= MaxEmailLength
        && !value.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(value, out var address)
        // MailAddress also accepts display names ("Ann <ann@example.com>"); the wire wants the bare address.
        && string.Equals(address.Address, value, StringComparison.Ordinal)
        && address.Host.Contains('.', StringComparison.Ordinal);
}
