using Newtonsoft.Json;

namespace BrokerAdapters.McCrm;

/// <summary>The body of <c>POST openapi/v1/user/signup</c>. Null members are left out of the JSON.</summary>
internal sealed record McCrmSignupRequest
{
    [JsonProperty("bizName")]
    public string? BizName { get; init; }

    [JsonProperty("channelName")]
    public string? ChannelName { get; init; }

    /// <summary>The ISO alpha-2 country code; the wire name is plural although one code is sent.</summary>
    [JsonProperty("countryIds")]
    public string? CountryIds { get; init; }

    [JsonProperty("ip")]
    public string? Ip { get; init; }

    /// <summary>Base64 RSA ciphertext, never the plain password.</summary>
    [JsonProperty("password")]
    public string? Password { get; init; }

    [JsonProperty("phoneNumberPrefix")]
    public string? PhoneNumberPrefix { get; init; }

    [JsonProperty("phoneNumber")]
    public string? PhoneNumber { get; init; }

    [JsonProperty("timeZone")]
    public string? TimeZone { get; init; }

    [JsonProperty("userId")]
    public string? UserId { get; init; }

    [JsonProperty("userName")]
    public string? UserName { get; init; }

    [JsonProperty("email")]
    public string? Email { get; init; }

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    [JsonProperty("dateOfBirth")]
    public string? DateOfBirth { get; init; }

    [JsonProperty("address")]
    public string? Address { get; init; }

    [JsonProperty("city")]
    public string? City { get; init; }

    [JsonProperty("postalCode")]
    public string? PostalCode { get; init; }

    /// <summary>Never prints <see cref="Password"/>, although it is ciphertext.</summary>
    public override string ToString() => $"McCrmSignupRequest {{ BizName = {BizName}, UserId = {UserId}, Password = *** }}";
}
