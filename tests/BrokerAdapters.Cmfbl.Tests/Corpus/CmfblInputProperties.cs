using BrokerAdapters.Testing.Corpus;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using static BrokerAdapters.Testing.Corpus.InputGenerators;

namespace BrokerAdapters.Cmfbl.Tests.Corpus;

/// <summary>
/// For any <see cref="NewCustomer"/>, valid or not: RegisterAsync either sends it and succeeds, or refuses it with
/// InvalidInput naming exactly the fields CMFBL's rules reject, before any request. The expected fields come from an
/// oracle that knows how each value was made and CMFBL's rules; it does not call the library's validation.
/// </summary>
public sealed class CmfblInputProperties
{
    // CMFBL's rules for a registration, from its reference (required: phone, pwd, country, registerSource,
    // customerGroupId; thirdServerCode at most 50) and the limits the library documents for the rest.
    private const int ExternalIdMax = 50;
    private const int EmailMax = 254;
    private const int TextMax = 255;

    private static readonly string[] ValidGroups = ["1", "7", "42", "007", "9223372036854775807"];
    private static readonly string[] BadGroups = ["0", "-1", "+1", "abc", "", " ", " 7", "7 ", "1.5", "1e3", "0x10", "٣", "9223372036854775808"];

    private static readonly Config Run = Config.QuickThrowOnFailure
        .WithMaxTest(3000)
        .WithQuietOnSuccess(true)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20250304UL, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    [Test]
    public void Register_sends_a_valid_customer_and_refuses_an_invalid_one_naming_every_bad_field_before_sending()
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();
        var counts = new int[2];

        Prop.ForAll(Candidates().ToArbitrary(), candidate =>
        {
            var creates = host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType)).Count;
            var sent = host.Provider.Requests.Count;
            string outcome;
            bool holds;
            try
            {
                var registration = host.Registry.RegisterAsync(candidate.Customer).GetAwaiter().GetResult();
                holds = candidate.Failing.Count == 0 && registration.Outcome == RegistrationOutcome.Created
                    && host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType)).Count == creates + 1;
                outcome = "registered";
            }
            catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.InvalidInput)
            {
                var named = ex.FieldErrors.Select(f => f.Field).ToHashSet();
                holds = named.SetEquals(candidate.Failing) && host.Provider.Requests.Count == sent;
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
        var phone = Gen.Frequency((1, Gen.Constant<Labelled<PhoneNumber>?>(null)), (19, Phone.Select(p => (Labelled<PhoneNumber>?)p)));
        var country = Gen.Frequency(
            (1, Gen.Elements<string?>([null, .. Blanks]).Select(c => new Labelled<string?>(c, "missing"))),
            (19, Country.Select(c => new Labelled<string?>(c.Value, c.Fault))));
        var groupId = Gen.Frequency(
            (4, Gen.Constant(new Labelled<string?>(null, null))),
            (4, Gen.Elements(ValidGroups).Select(g => new Labelled<string?>(g, null))),
            (1, Gen.Elements(BadGroups).Select(g => new Labelled<string?>(g, "not a group id"))));
        var source = Gen.Frequency(
            (2, Gen.Constant(new Labelled<RegistrationSource?>(null, null))),
            (8, Gen.Elements(Enum.GetValues<RegistrationSource>()).Select(s => new Labelled<RegistrationSource?>(s, null))),
            (1, Gen.Elements((RegistrationSource)9, (RegistrationSource)(-1), (RegistrationSource)42).Select(s => new Labelled<RegistrationSource?>(s, "undefined"))));
        var attribution = OrNull(Gen.CollectToArray(Enumerable.Repeat(OptionalText(TextMax), 5)), nullWeight: 2, valueWeight: 1);
        var ignored = Gen.CollectToArray(Enumerable.Repeat(Anything, 9));

        return
            from p in phone
            from password in RequiredText(max: null)
            from c in country
            from email in OrNull(Email, nullWeight: 1, valueWeight: 2)
            from externalId in OptionalText(ExternalIdMax)
            from device in OptionalText(TextMax)
            from g in groupId
            from s in source
            from utm in attribution
            from junk in ignored
            from birth in Gen.Choose(0, 3_652_058)
            let customer = new NewCustomer
            {
                Phone = p?.Value,
                Password = password.Value,
                Country = c.Value,
                Email = email?.Value,
                ExternalId = externalId.Value,
                Device = device.Value,
                GroupId = g.Value,
                Source = s.Value,
                Attribution = utm is null ? null : new MarketingAttribution { Source = utm[0].Value, Medium = utm[1].Value, Campaign = utm[2].Value, Content = utm[3].Value, Term = utm[4].Value },

                // CMFBL's create call has no field for these: whatever they hold must not matter.
                Name = new PersonName { Given = junk[0], Family = junk[1], Full = junk[2] },
                Address = new PostalAddress { Line = junk[3], City = junk[4], PostalCode = junk[5] },
                Language = junk[6],
                TimeZone = junk[7],
                ClientIp = junk[8],
                BirthDate = DateOnly.FromDayNumber(birth),
            }
            select new Candidate(customer, Oracle(p, password, c, email, externalId, device, g, s, utm));
    }

    /// <summary>The fields CMFBL refuses, from how each value was made.</summary>
    private static HashSet<string> Oracle(
        Labelled<PhoneNumber>? phone,
        Labelled<string?> password,
        Labelled<string?> country,
        Labelled<string>? email,
        Labelled<string?> externalId,
        Labelled<string?> device,
        Labelled<string?> group,
        Labelled<RegistrationSource?> source,
        Labelled<string?>[]? attribution)
    {
        var failing = new HashSet<string>();
        if (phone is null)
        {
            failing.Add("Phone");
        }
        else if (phone.Fault is { } part)
        {
            failing.Add("Phone." + part);
        }

        Flag(failing, "Password", password);
        Flag(failing, "Country", country);
        if (email is not null && (!email.IsValid || email.Value.Length > EmailMax))
        {
            failing.Add("Email");
        }

        Flag(failing, "ExternalId", externalId);
        Flag(failing, "Device", device);
        Flag(failing, "GroupId", group);
        if (!source.IsValid)
        {
            failing.Add("Source");
        }

        if (attribution is not null)
        {
            string[] parts = ["Source", "Medium", "Campaign", "Content", "Term"];
            for (var i = 0; i < parts.Length; i++)
            {
                Flag(failing, "Attribution." + parts[i], attribution[i]);
            }
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

    /// <summary>A customer and the fields CMFBL must refuse (none: it must be registered).</summary>
    public sealed record Candidate(NewCustomer Customer, IReadOnlySet<string> Failing)
    {
        public override string ToString() =>
            $"{Customer} [Device={Customer.Device}, GroupId={Customer.GroupId}, Attribution={Customer.Attribution}] expected "
            + (Failing.Count == 0 ? "registered" : "refused: " + string.Join(", ", Failing.Order()));
    }
}
