using Mapster;

namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmMappingTests
{
    [Test]
    public void Every_destination_member_is_mapped_or_ignored_on_purpose()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        new McCrmMappingRegister().Register(config);

        Assert.DoesNotThrow(() => config.Compile());
    }

    [Test]
    public void The_provider_config_is_its_own_and_not_mapsters_global_one()
    {
        Assert.That(McCrmMapper.Config, Is.Not.SameAs(TypeAdapterConfig.GlobalSettings));
        Assert.That(TypeAdapterConfig.GlobalSettings.RuleMap.Keys.Select(k => k.Source), Has.No.Member(typeof(McCrmUser)));
    }

    [Test]
    public void Signup_mapping_never_copies_the_plain_password()
    {
        var request = McCrmMapper.ToSignupRequest(new NewCustomer { Email = "a@example.com", Password = "plain-text" });

        Assert.That(request.Password, Is.Null);
        Assert.That(request.ToString(), Does.Not.Contain("plain-text"));
    }

    [Test]
    public void Signup_mapping_joins_street_and_house_number_when_there_is_no_line()
    {
        var request = McCrmMapper.ToSignupRequest(new NewCustomer
        {
            Address = new PostalAddress { Street = " Queen's Road Central ", HouseNumber = "1" },
        });

        Assert.That(request.Address, Is.EqualTo("Queen's Road Central 1"));
    }
}
