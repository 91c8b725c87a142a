using System.Globalization;
using BrokerAdapters.Internal;

namespace BrokerAdapters.Cmfbl;

/// <summary>What CMFBL documents about its inputs, checked before any HTTP call.</summary>
internal static class CmfblInputValidation
{
    public const int ExternalIdMaxLength = 50;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxDigits = 20;
    public const int TextMaxLength = 255;

    public static void ValidateNewCustomer(NewCustomer customer)
    {
        var v = new InputValidator(CmfblApiClient.ProviderName);
        if (customer.Phone is null)
        {
            v.Add("Phone", "is required by CMFBL.");
        }
        else
        {
            v.Phone("Phone", customer.Phone, PhoneMaxDigits);
        }

        if (string.IsNullOrEmpty(customer.Password))
        {
            v.Add("Password", "is required.");
        }
        else if (string.IsNullOrWhiteSpace(customer.Password))
        {
            v.Add("Password", "must not be only white space.");
        }

        if (v.Required("Country", customer.Country))
        {
            v.Country("Country", customer.Country);
        }

        v.Email("Email", customer.Email, EmailMaxLength);
        v.Text("ExternalId", customer.ExternalId, ExternalIdMaxLength);
        v.Text("Device", customer.Device, TextMaxLength);
        if (customer.GroupId is not null && (!long.TryParse(customer.GroupId, NumberStyles.None, CultureInfo.InvariantCulture, out var group) || group <= 0))
        {
            v.Add("GroupId", "must be a CMFBL customer group id (a positive number).");
        }

        if (customer.Source is { } source && !Enum.IsDefined(source))
        {
            v.Add("Source", $"'{(int)source}' is not a registration source.");
        }

        if (customer.Attribution is { } utm)
        {
            v.Text("Attribution.Source", utm.Source, TextMaxLength);
            v.Text("Attribution.Medium", utm.Medium, TextMaxLength);
            v.Text("Attribution.Campaign", utm.Campaign, TextMaxLength);
            v.Text("Attribution.Content", utm.Content, TextMaxLength);
            v.Text("Attribution.Term", utm.Term, TextMaxLength);
        }

        v.ThrowIfInvalid();
    }

    public static void ValidateLookup(string field, CustomerLookup lookup)
    {
        var v = new InputValidator(CmfblApiClient.ProviderName);
        switch (lookup.Kind)
        {
            case CustomerLookupKind.Email:
                v.Email(field, lookup.Value, EmailMaxLength);
                break;
            case CustomerLookupKind.Phone:
                v.Phone(field, lookup.Phone, PhoneMaxDigits);
                break;
            case CustomerLookupKind.Number:
                v.MaxLength(field, lookup.Value, TextMaxLength);
                break;
        }

        v.ThrowIfInvalid();
    }

    public static void ValidatePageSize(int? pageSize)
    {
        if (pageSize is { } size && size is < 1 or > CmfblOptions.MaxPageSize)
        {
            throw UserRegistryException.InvalidInput(
                CmfblApiClient.ProviderName,
                [new FieldError("PageSize", $"must be between 1 and {CmfblOptions.MaxPageSize} (was {size}).")]);
        }
    }
}
