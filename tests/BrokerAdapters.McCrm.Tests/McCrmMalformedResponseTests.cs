using BrokerAdapters.McCrm.Tests.TestSupport;

namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmMalformedResponseTests
{
    private static readonly object[] UnreadableBodies =
    [
        new object[] { "<!DOCTYPE html><html><body>Gateway maintenance</body></html>", "text/html" },
        new object[] { "", "application/json" },
        new object[] { """{"code":"0","msg":"ok","data":{"uid":"u1""", "application/json" },
        new object[] { """{"code":"0","data":{}} trailing""", "application/json" },
        new object[] { """[{"code":"0"}]""", "application/json" },
        new object[] { "\"ok\"", "application/json" },
        new object[] { """{"msg":"ok","data":{"uid":"u1"}}""", "application/json" },
        new object[] { """{"code":null,"data":{"uid":"u1"}}""", "application/json" },
        new object[] { """{"code":true,"data":{"uid":"u1"}}""", "application/json" },
        new object[] { """{"code":{"value":0},"data":{"uid":"u1"}}""", "application/json" },
        new object[] { """{"code":"0","success":"yes","data":{"uid":"u1"}}""", "application/json" },
        new object[] { """{"code":"0","data":[{"uid":"u1"}]}""", "application/json" },
        new object[] { """{"code":"0","data":"u1"}""", "application/json" },
        new object[] { """{"code":"0","data":{"bizCode":"1"}}""", "application/json" },
        new object[] { """{"code":"0","data":{"uid":""}}""", "application/json" },
        new object[] { """{"code":"0","data":{"uid":{"id":"u1"}}}""", "application/json" },
        new object[] { """{"code":"0","data":{"uid":"u1","status":"enabled"}}""", "application/json" },
        new object[] { """{"code":"0","data":{"uid":"u1","createTime":"yesterday"}}""", "application/json" },
        new object[] { """{"code":"0","data":{"uid":"u1","createTime":1733915239438}}""", "application/json" },
        new object[] { """{"code":"0","data":{"uid":"u1","createTime":"2024-13-11T11:07:19"}}""", "application/json" },
        new object[] { """{"code":"0","data":{"uid":"u1","birthday":"11/12/2024"}}""", "application/json" },
        new object[] { """{"code":"0","data":{"uid":"u1","phoneNumber":["1","2"]}}""", "application/json" },
    ];

    [TestCaseSource(nameof(UnreadableBodies))]
    public async Task Find_reports_an_unreadable_answer_as_a_protocol_error(string body, string mediaType)
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(body, mediaType: mediaType);

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("u1")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(error.HttpStatus, Is.EqualTo(200));
    }

    [TestCaseSource(nameof(UnreadableBodies))]
    [TestCase("""{"code":"0","msg":"ok","data":null,"success":true}""", "application/json")]
    [TestCase("""{"code":200,"msg":"ok"}""", "application/json")]
    public async Task Register_reports_an_unreadable_2xx_answer_as_outcome_unknown(string body, string mediaType)
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(body, mediaType: mediaType);

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Customers.Full()));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(error.Message, Does.Contain("check before retrying"));
    }
}
