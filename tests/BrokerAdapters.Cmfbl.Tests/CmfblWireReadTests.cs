namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>
/// How answers are read: a success straight into its wire types, anything else from the JSON tree. Both must give the
/// same results and the same errors, whatever the order of the envelope's members or the numbers in it.
/// </summary>
public sealed class CmfblWireReadTests
{
    [Test]
    public async Task A_success_whose_data_comes_before_a_numeric_code_is_read()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.ExistsBizType, """{"data":1,"msg":"Success","code":0}""");

        Assert.That(await host.Registry.ExistsAsync(CustomerLookup.ByEmail("chan.tai.man@example.com")), Is.True);
    }

    [Test]
    public async Task A_page_record_keeps_its_undeclared_members_in_Extra_in_ordinal_order()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Envelope(
            """{"records":[{"id":7,"customerNo":"86000007","zeta":null,"Alpha":true,"beta":1.50,"alpha":{"a":[1,"x"]},"pwd":"secret-hash"}],"total":1}"""));

        var customer = (await host.Registry.ListAsync().ToListAsync()).Single();

        Assert.That(customer.Extra.Keys, Is.EqualTo(new[] { "Alpha", "alpha", "beta", "zeta" }));
        Assert.That(customer.Extra["Alpha"], Is.EqualTo("true"));
        Assert.That(customer.Extra["alpha"], Is.EqualTo("""{"a":[1,"x"]}"""));
        Assert.That(customer.Extra["beta"], Is.EqualTo("1.50"));
        Assert.That(customer.Extra["zeta"], Is.Null);
    }

    [Test]
    public async Task A_fraction_beyond_decimal_in_an_undeclared_member_is_a_ProtocolError()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.PageBizType, CmfblTestHost.Envelope("""{"records":[{"id":1,"customerNo":"86000001","score":1e400}],"total":1}"""));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(async () => await host.Registry.ListAsync().ToListAsync());

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(ex.Message, Does.Contain("not valid JSON"));
    }
}
