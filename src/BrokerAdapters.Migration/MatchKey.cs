namespace BrokerAdapters.Migration;

/// <summary>A key that identifies the same person in two providers.</summary>
public enum MatchKey
{
    /// <summary>The caller's own identifier (<see cref="Customer.ExternalId"/>), compared exactly.</summary>
    ExternalId,

    /// <summary>The email address, trimmed and compared case-insensitively.</summary>
    Email,

    /// <summary>The phone number in E.164 form.</summary>
    Phone,

    /// <summary>The provider's customer number (<see cref="Customer.Number"/>), compared exactly; meaningful between companies of one provider.</summary>
    Number,
}
