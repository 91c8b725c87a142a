using Newtonsoft.Json;

namespace BrokerAdapters.Benchmarks.Raw;

// What a hand-written integration would declare: the envelope and the fields its caller uses, nothing else.

public sealed class RawCmfblEnvelope<T>
{
    [JsonProperty("code")]
    public string? Code { get; set; }

    [JsonProperty("msg")]
    public string? Msg { get; set; }

    [JsonProperty("data")]
    public T? Data { get; set; }
}

public sealed class RawCmfblCustomer
{
    [JsonProperty("id")]
    public string? Id { get; set; }

    [JsonProperty("customerNo")]
    public string? CustomerNo { get; set; }

    [JsonProperty("email")]
    public string? Email { get; set; }

    [JsonProperty("phone")]
    public string? Phone { get; set; }

    [JsonProperty("phoneArea")]
    public string? PhoneArea { get; set; }

    [JsonProperty("country")]
    public string? Country { get; set; }

    [JsonProperty("firstName")]
    public string? FirstName { get; set; }

    [JsonProperty("lastName")]
    public string? LastName { get; set; }

    [JsonProperty("status")]
    public int? Status { get; set; }

    [JsonProperty("createTime")]
    public long? CreateTime { get; set; }
}

public sealed class RawCmfblPage
{
    [JsonProperty("total")]
    public long? Total { get; set; }

    [JsonProperty("records")]
    public List<RawCmfblCustomer>? Records { get; set; }
}

public sealed class RawCmfblAuth
{
    [JsonProperty("token")]
    public string? Token { get; set; }
}

public sealed class RawCmfblLogin
{
    [JsonProperty("id")]
    public string? Id { get; set; }

    [JsonProperty("customerNo")]
    public string? CustomerNo { get; set; }

    [JsonProperty("email")]
    public string? Email { get; set; }

    [JsonProperty("token")]
    public string? Token { get; set; }
}

public sealed class RawMcCrmEnvelope<T>
{
    [JsonProperty("code")]
    public string? Code { get; set; }

    [JsonProperty("msg")]
    public string? Msg { get; set; }

    [JsonProperty("success")]
    public bool? Success { get; set; }

    [JsonProperty("data")]
    public T? Data { get; set; }
}

public sealed class RawMcCrmUser
{
    [JsonProperty("uid")]
    public string? Uid { get; set; }

    [JsonProperty("bizCode")]
    public string? BizCode { get; set; }

    [JsonProperty("email")]
    public string? Email { get; set; }

    [JsonProperty("phoneNumberPrefix")]
    public string? PhoneNumberPrefix { get; set; }

    [JsonProperty("phoneNumber")]
    public string? PhoneNumber { get; set; }

    [JsonProperty("countryId")]
    public string? CountryId { get; set; }

    [JsonProperty("status")]
    public int? Status { get; set; }

    [JsonProperty("createTime")]
    public string? CreateTime { get; set; }
}

/// <summary>A provider's refusal, as a hand-written client would report it.</summary>
public sealed class RawApiException : Exception
{
    public RawApiException()
    {
    }

    public RawApiException(string message)
        : base(message)
    {
    }

    public RawApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
