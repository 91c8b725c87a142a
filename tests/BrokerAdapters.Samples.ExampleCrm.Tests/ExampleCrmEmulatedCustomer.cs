using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

/// <summary>A customer stored by <see cref="ExampleCrmEmulator"/>.</summary>
public sealed class ExampleCrmEmulatedCustomer
{
    private readonly byte[] _passwordHash;

    internal ExampleCrmEmulatedCustomer(string id, string number, string email, string password, DateTimeOffset createdAt)
    {
        Id = id;
        Number = number;
        Email = email;
        _passwordHash = Hash(password);
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public string Number { get; }

    public string Email { get; }

    public string? PhoneCountryCode { get; init; }

    public string? PhoneNumber { get; init; }

    public string? Country { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? BirthDate { get; init; }

    public string? Language { get; init; }

    public string? ExternalId { get; init; }

    /// <summary>Gets or sets <c>active</c>, <c>locked</c> or <c>disabled</c>.</summary>
    public string Status { get; set; } = "active";

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the phone in E.164, as <c>GET /v1/customers?phone=</c> searches it.</summary>
    public string? E164 => PhoneNumber is null ? null : "+" + PhoneCountryCode + PhoneNumber;

    public bool PasswordMatches(string password) => CryptographicOperations.FixedTimeEquals(Hash(password), _passwordHash);

    /// <summary>The customer object, as Example CRM answers it (with a member the unified model does not know: <c>tier</c>).</summary>
    internal JObject ToJson()
    {
        var created = CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var json = new JObject
        {
            ["id"] = Id,
            ["number"] = Number,
            ["email"] = Email,
            ["phone"] = PhoneNumber is null ? null : new JObject { ["country_code"] = PhoneCountryCode, ["number"] = PhoneNumber },
            ["country"] = Country,
            ["first_name"] = FirstName,
            ["last_name"] = LastName,
            ["birth_date"] = BirthDate,
            ["language"] = Language,
            ["external_id"] = ExternalId,
            ["status"] = Status,
            ["tier"] = "standard",
            ["created_at"] = created,
            ["updated_at"] = created,
        };
        foreach (var empty in json.Properties().Where(p => p.Value.Type == JTokenType.Null).ToArray())
        {
            empty.Remove();
        }

        return json;
    }

    private static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));
}
