namespace BrokerAdapters.Tests;

public sealed class UserRegistryExceptionTests
{
    [TestCase(UserRegistryErrorKind.RateLimited, true)]
    [TestCase(UserRegistryErrorKind.Timeout, true)]
    [TestCase(UserRegistryErrorKind.Unavailable, true)]
    [TestCase(UserRegistryErrorKind.OutcomeUnknown, false)]
    [TestCase(UserRegistryErrorKind.AlreadyExists, false)]
    [TestCase(UserRegistryErrorKind.InvalidInput, false)]
    [TestCase(UserRegistryErrorKind.ProtocolError, false)]
    [TestCase(UserRegistryErrorKind.Unknown, false)]
    public void Only_transient_kinds_are_retryable(UserRegistryErrorKind kind, bool retryable)
    {
        Assert.That(new UserRegistryException(kind, "x").IsRetryable, Is.EqualTo(retryable));
    }

    [Test]
    public void InvalidInput_names_every_field_in_the_message()
    {
        var ex = UserRegistryException.InvalidInput("Cmfbl", [new FieldError("Email", "is not valid."), new FieldError("Phone.Number", "must contain digits only.")]);

        Assert.That(ex.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.Provider, Is.EqualTo("Cmfbl"));
        Assert.That(ex.Message, Is.EqualTo("Invalid input: Email: is not valid.; Phone.Number: must contain digits only."));
        Assert.That(ex.FieldErrors, Has.Count.EqualTo(2));
    }

    [Test]
    public void InvalidInput_needs_at_least_one_field()
    {
        Assert.Throws<ArgumentException>(() => UserRegistryException.InvalidInput(null, []));
    }

    [Test]
    public void ToString_carries_kind_code_and_trace_for_logs()
    {
        var ex = new UserRegistryException(UserRegistryErrorKind.AlreadyExists, "exists")
        {
            Provider = "Cmfbl",
            ProviderCode = "USCUSTOMER_API_0000106",
            TraceId = "t-1",
            HttpStatus = 200,
        };

        Assert.That(ex.ToString(), Does.Contain("Kind=AlreadyExists").And.Contain("ProviderCode=USCUSTOMER_API_0000106").And.Contain("TraceId=t-1").And.Contain("HttpStatus=200"));
    }

    [Test]
    public void NotSupported_names_provider_and_operation()
    {
        var ex = UserRegistryException.NotSupported("McCrm", "ListAsync");

        Assert.That(ex.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(ex.Message, Is.EqualTo("McCrm does not support ListAsync."));
    }
}
