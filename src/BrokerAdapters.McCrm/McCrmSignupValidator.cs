using BrokerAdapters.Internal;

namespace BrokerAdapters.McCrm;

/// <summary>Checks a <see cref="NewCustomer"/> against MC-CRM's documented signup limits, reporting every failing field at once.</summary>
internal static class McCrmSignupValidator
{
    public const int MaxExternalIdLength = 64;
    public const int MaxUserNameLength = 50;
    public const int MaxEmailLength = 100;
    public const int MaxPhoneDigits = 20;
    public const int MaxAddressLength = 255;
    public const int MaxCityLength = 50;
    public const int MaxPostalCodeLength = 20;

    /// <exception cref="UserRegistryException">Kind <see cref="UserRegistryErrorKind.InvalidInput"/>, naming each field.</exception>
    public static void Validate(NewCustomer customer)
    {
        var validator = new InputValidator(McCrmUserRegistry.ProviderName);

        if (validator.Required(nameof(NewCustomer.Password), customer.Password))
        {
            validator.MaxLength(nameof(NewCustomer.Password), customer.Password, McCrmPasswordCipher.MaxPasswordLength);
        }

        if (customer.Email is null && customer.Phone is null)
        {
            validator.Add(nameof(NewCustomer.Email), "is required when Phone is not set.");
            validator.Add(nameof(NewCustomer.Phone), "is required when Email is not set.");
        }

        validator.Email(nameof(NewCustomer.Email), customer.Email, MaxEmailLength);
        validator.Phone(nameof(NewCustomer.Phone), customer.Phone, MaxPhoneDigits);
        validator.Country(nameof(NewCustomer.Country), customer.Country);
        validator.Text(nameof(NewCustomer.ExternalId), customer.ExternalId, MaxExternalIdLength);
        validator.MaxLength(nameof(NewCustomer.Name), customer.Name?.Formatted, MaxUserNameLength);
        validator.IpAddress(nameof(NewCustomer.ClientIp), customer.ClientIp);

        if (customer.Address is { } address)
        {
            if (address.Line is not null)
            {
                validator.Text("Address.Line", address.Line, MaxAddressLength);
            }
            else
            {
                validator.MaxLength("Address.Street", McCrmMappingRegister.ToAddressLine(address), MaxAddressLength);
            }

            validator.Text("Address.City", address.City, MaxCityLength);
            validator.Text("Address.PostalCode", address.PostalCode, MaxPostalCodeLength);
        }

        validator.ThrowIfInvalid();
    }
}
