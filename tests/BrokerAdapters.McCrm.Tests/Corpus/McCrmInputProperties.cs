using BrokerAdapters.McCrm.Tests.TestSupport;
using BrokerAdapters.Testing.Corpus;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using static BrokerAdapters.Testing.Corpus.InputGenerators;

namespace BrokerAdapters.McCrm.Tests.Corpus;

/// <summary>
/// For any <see cref="NewCustomer"/>, valid or not: RegisterAsync either sends it and succeeds, or refuses it with
/// InvalidInput naming exactly the fields MC-CRM's rules reject, before any request. The expected fields come from an
/// oracle that knows how each value was made and MC-CRM's documented limits; it does not call the library's validation.
/// </summary>
public sealed class McCrmInputProperties
{
    // MC-CRM's signup parameter table: userId ≤ 64, userName ≤ 50, email ≤ 100, password ≤ 20, phoneNumber ≤ 20,
    // address ≤ 255, city ≤ 50, postalCode ≤ 20; the library also needs an email or a phone and a password.
    private const int PasswordMax = 20;
    private const int ExternalIdMax = 64;
    private const int UserNameMax = 50;
    private const int EmailMax = 100;
    private const int AddressMax = 255;
    private const int CityMax = 50;
    private const int PostalCodeMax = 20;

    private static readonly Config Run = Config.QuickThrowOnFailure
        .WithMaxTest(3000)
        .WithQuietOnSuccess(true)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20250304UL, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    [Test]
    public void Register_sends_a_valid_customer_and_refuses_an_invalid_one_naming_every_bad_field_before_sending()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));
        var counts = new int[2];

        Prop.ForAll(Candidates().ToArbitrary(), candidate =>
        {
            var sent = host.Requests.Count;
            string outcome;
            bool holds;
            try
            {
                var registration = host.Registry.RegisterAsync(candidate.Customer).GetAwaiter().GetResult();
                holds = candidate.Failing.Count == 0 && registration.Outcome == RegistrationOutcome.Created && host.Requests.Count == sent + 1;
                outcome = "registered";
            }
            catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.InvalidInput)
            {
                var named = ex.FieldErrors.Select(f => f.Field).ToHashSet();
                holds = named.SetEquals(candidate.Failing) && host.Requests.Count == sent;
                outcome = "refused: " + string.Join(", ", named.Order()) + " (" + string.Join("; ", ex.FieldErrors.Select(f => f.Message)) + ")";
            }

            counts[candidate.Failing.Count == 0 ? 0 : 1]++;
            return holds.Label($"{candidate} -> {outcome}");
        }).Check(Run);

        // Both halves of the property were exercised, each many times.
        Assert.That(counts, Has.All.GreaterThan(600), $"registered {counts[0]}, refused {counts[1]}");
    }

    private static Gen<Candidate> Candidates()
    {
        var contact = Gen.Frequency(
            (1, Gen.Constant<(Labelled<string>?, Labelled<PhoneNumber>?)>((null, null))),
            (4, Email.Select(e => ((Labelled<string>?)e, (Labelled<PhoneNumber>?)null))),
            (4, Phone.Select(p => ((Labelled<string>?)null, (Labelled<PhoneNumber>?)p))),
            (8, Gen.Zip(Email, Phone).Select(t => ((Labelled<string>?)t.Item1, (Labelled<PhoneNumber>?)t.Item2))));
        var country = Gen.Frequency(
            (3, Gen.Constant(new Labelled<string?>(null, null))),
            (12, Country.Select(c => new Labelled<string?>(c.Value, c.Fault))));
        var name = OrNull(Gen.CollectToArray([NamePart(70), NamePart(30), NamePart(30), NamePart(30)]));
        var address = OrNull(
            from line in Gen.Frequency((3, Gen.Constant(new Labelled<string?>(null, null))), (2, OptionalText(AddressMax).Where(l => l.Value is not null)))
            from street in NamePart(200)
            from house in NamePart(80)
            from city in OptionalText(CityMax)
            from postalCode in OptionalText(PostalCodeMax)
            select new AddressParts(line, street, house, city, postalCode));
        var ignored = Gen.CollectToArray(Enumerable.Repeat(Anything, 9));

        return
            from password in RequiredText(PasswordMax)
            from c in contact
            from cc in country
            from externalId in OptionalText(ExternalIdMax)
            from n in name
            from ip in OrNull(Ip)
            from a in address
            from junk in ignored
            from source in Gen.Choose(-1, 12)
            from birth in Gen.Choose(0, 3_652_058)
            let customer = new NewCustomer
            {
                Password = password.Value,
                Email = c.Item1?.Value,
                Phone = c.Item2?.Value,
                Country = cc.Value,
                ExternalId = externalId.Value,
                Name = n is null ? null : new PersonName { Full = n[0], Given = n[1], Middle = n[2], Family = n[3] },
                ClientIp = ip?.Value,
                Address = a is null ? null : new PostalAddress { Line = a.Line.Value, Street = a.Street, HouseNumber = a.House, City = a.City.Value, PostalCode = a.PostalCode.Value },
                BirthDate = DateOnly.FromDayNumber(birth),

                // MC-CRM's signup has no field for these, or takes them as they are: whatever they hold must not matter.
                TimeZone = junk[0],
                Language = junk[1],
                GroupId = junk[2],
                Device = junk[3],
                Source = (RegistrationSource)source,
                Attribution = new MarketingAttribution { Source = junk[4], Medium = junk[5], Campaign = junk[6], Content = junk[7], Term = junk[8] },
            }
            select new Candidate(customer, Oracle(customer, password, c.Item1, c.Item2, cc, externalId, ip, a));
    }

    /// <summary>A name part: absent, blank, or text of up to <paramref name="max"/> characters.</summary>
    private static Gen<string?> NamePart(int max) => Gen.Frequency(
        (2, Gen.Constant<string?>(null)),
        (1, Gen.Elements(Blanks).Select(b => (string?)b)),
        (6, Gen.Choose(1, Math.Min(max, 20)).SelectMany(Text).Select(t => (string?)t)),
        (1, Gen.Choose(1, max).SelectMany(Text).Select(t => (string?)t)));

    /// <summary>The fields MC-CRM refuses, from how each value was made and the documented limits.</summary>
    private static HashSet<string> Oracle(
        NewCustomer customer,
        Labelled<string?> password,
        Labelled<string>? email,
        Labelled<PhoneNumber>? phone,
        Labelled<string?> country,
        Labelled<string?> externalId,
        Labelled<string>? ip,
        AddressParts? address)
    {
        var failing = new HashSet<string>();
        Flag(failing, "Password", password);
        if (email is null && phone is null)
        {
            failing.UnionWith(["Email", "Phone"]);
        }

        if (email is not null && (!email.IsValid || email.Value.Length > EmailMax))
        {
            failing.Add("Email");
        }

        if (phone?.Fault is { } part)
        {
            failing.Add("Phone." + part);
        }

        Flag(failing, "Country", country);
        Flag(failing, "ExternalId", externalId);

        // userName is the full name, else the given, middle and family names that are not blank, joined by spaces.
        if (customer.Name is { } name)
        {
            var userName = !string.IsNullOrWhiteSpace(name.Full)
                ? name.Full
                : string.Join(' ', new[] { name.Given, name.Middle, name.Family }.Where(p => !string.IsNullOrWhiteSpace(p)));
            if (userName.Length > UserNameMax)
            {
                failing.Add("Name");
            }
        }

        if (ip is { IsValid: false })
        {
            failing.Add("ClientIp");
        }

        if (address is { } a)
        {
            if (a.Line.Value is not null)
            {
                Flag(failing, "Address.Line", a.Line);
            }
            else
            {
                // Without a free-text line, the address sent is the street and house number, trimmed, joined by a space.
                var line = string.Join(' ', new[] { a.Street, a.House }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
                if (line.Length > AddressMax)
                {
                    failing.Add("Address.Street");
                }
            }

            Flag(failing, "Address.City", a.City);
            Flag(failing, "Address.PostalCode", a.PostalCode);
        }

        return failing;
    }

    private static void Flag<T>(HashSet<string> failing, string field, Labelled<T> value)
    {
        if (!value.IsValid)
        {
            failing.Add(field);
        }
    }

    private sealed record AddressParts(Labelled<string?> Line, string? Street, string? House, Labelled<string?> City, Labelled<string?> PostalCode);

    /// <summary>A customer and the fields MC-CRM must refuse (none: it must be registered).</summary>
    public sealed record Candidate(NewCustomer Customer, IReadOnlySet<string> Failing)
    {
        public override string ToString() =>
            $"{Customer} [ClientIp={Customer.ClientIp}, Address={Customer.Address}] expected "
            + (Failing.Count == 0 ? "registered" : "refused: " + string.Join(", ", Failing.Order()));
    }
}
