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

    public const int VerificationCodeMaxLength = 32;

    /// <summary>What the admin registration needs: a phone, a password, a country, and well-formed optional fields.</summary>
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

        ValidateCommon(v, customer, checkEmail: true);
        v.ThrowIfInvalid();
    }

    /// <summary>What sending a registration code needs: the login it goes to, present and well-formed.</summary>
    public static void ValidateCodeRecipient(NewCustomer customer, CustomerLookupKind login)
    {
        var v = new InputValidator(CmfblApiClient.ProviderName);
        ValidateLogin(v, customer, login);
        v.Country("Country", customer.Country);
        v.ThrowIfInvalid();
    }

    /// <summary>
    /// What self-registration needs: the login the code goes to (the customer's other contact cannot be sent), a
    /// password, a country and the customer's IP for <c>X-Forwarded-For</c>; with a <paramref name="ticket"/>, also
    /// that the login is the one the code went to and the code itself. Without one (before the code is sent), the
    /// customer alone is checked, so that no code is sent for a customer CMFBL would refuse.
    /// </summary>
    public static void ValidateSelfRegistration(NewCustomer customer, CustomerLookupKind login, CmfblVerificationTicket? ticket, string? verificationCode)
    {
        var v = new InputValidator(CmfblApiClient.ProviderName);
        if (ValidateLogin(v, customer, login) && ticket is not null)
        {
            var sameLogin = login == CustomerLookupKind.Phone
                ? customer.Phone!.Equals(ticket.Recipient.Phone)
                : string.Equals(customer.Email!.Trim(), ticket.Recipient.Value.Trim(), StringComparison.OrdinalIgnoreCase);
            if (!sameLogin)
            {
                v.Add(login == CustomerLookupKind.Phone ? "Phone" : "Email", "must be the one the verification code was sent to.");
            }
        }

        // Self-registration sends one login; dropping the other contact silently would lose it.
        if (login == CustomerLookupKind.Phone && customer.Email is not null)
        {
            v.Add("Email", "cannot be sent by CMFBL's self-registration, which registers the phone the code goes to; leave it out.");
        }
        else if (login == CustomerLookupKind.Email && customer.Phone is not null)
        {
            v.Add("Phone", "cannot be sent by CMFBL's self-registration, which registers the email the code goes to; leave it out.");
        }

        ValidateCommon(v, customer, checkEmail: false);
        if (v.Required("ClientIp", customer.ClientIp))
        {
            v.IpAddress("ClientIp", customer.ClientIp);
        }

        if (ticket is not null && v.Required(CmfblErrorTable.VerificationCodeField, verificationCode))
        {
            v.MaxLength(CmfblErrorTable.VerificationCodeField, verificationCode, VerificationCodeMaxLength);
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

    /// <summary>Checks the contact a code goes to; <see langword="true"/> when it is present and well-formed.</summary>
    private static bool ValidateLogin(InputValidator v, NewCustomer customer, CustomerLookupKind login)
    {
        var before = v.Errors.Count;
        switch (login)
        {
            case CustomerLookupKind.Phone when customer.Phone is null:
                v.Add("Phone", "is required: the verification code is sent to it.");
                break;
            case CustomerLookupKind.Phone:
                v.Phone("Phone", customer.Phone, PhoneMaxDigits);
                break;
            case CustomerLookupKind.Email when string.IsNullOrWhiteSpace(customer.Email):
                v.Add("Email", "is required: the verification code is sent to it.");
                break;
            case CustomerLookupKind.Email:
                v.Email("Email", customer.Email, EmailMaxLength);
                break;
            default:
                v.Add("Login", $"must be {nameof(CustomerLookupKind.Phone)} or {nameof(CustomerLookupKind.Email)}: CMFBL sends codes by SMS or email.");
                break;
        }

        return v.Errors.Count == before;
    }

    /// <summary>The fields both registrations send the same way.</summary>
    private static void ValidateCommon(InputValidator v, NewCustomer customer, bool checkEmail)
    {
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

        if (checkEmail)
        {
            v.Email("Email", customer.Email, EmailMaxLength);
        }

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
    }
}
