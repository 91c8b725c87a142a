using System.Text;
using BrokerAdapters.Internal;
using Newtonsoft.Json;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>
/// The strict check of every answer (<see cref="WireJson.Check"/>) accepts exactly what System.Text.Json's
/// JsonDocument accepts with duplicated member names refused, whichever of its two paths it takes.
/// </summary>
public sealed class StrictJsonCheckTests
{
    private static readonly System.Text.Json.JsonDocumentOptions Reference = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    [TestCase("""{"a":1,"b":2}""", true)]
    [TestCase("""{"a":1,"a":2}""", false)]
    [TestCase("""{"a":{"a":1},"b":{"a":2}}""", true)]
    [TestCase("""{"a":{"b":1,"c":{"d":1},"b":2}}""", false)]
    [TestCase("""{"a":{"b":1,"c":{"b":1}},"c":[{"a":1},{"a":1}]}""", true)]
    [TestCase("""[{"x":1},{"x":1,"y":{"x":1,"x":2}}]""", false)]
    [TestCase("""{"a":1,"\u0061":2}""", false)]
    [TestCase("""{"a":1,"\u0062":2}""", true)]
    [TestCase("""{"ab":1,"a":2,"b":3}""", true)]
    [TestCase("""{"a":1} {"b":2}""", false)]
    [TestCase("""{"a":1,}""", false)]
    [TestCase("""{"a":1 /* c */}""", false)]
    [TestCase("""{'a':1}""", false)]
    [TestCase("""{"a":NaN}""", false)]
    [TestCase("", false)]
    [TestCase("   ", false)]
    [TestCase("""{"a":1""", false)]
    [TestCase("null", true)]
    [TestCase("\"text\"", true)]
    public void Accepts_exactly_what_JsonDocument_accepts(string json, bool expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReferenceAccepts(json), Is.EqualTo(expected), "the reference");
            Assert.That(Accepts(json), Is.EqualTo(expected));
        });
    }

    [Test]
    public void An_object_of_many_members_is_checked_exactly_too()
    {
        var members = Enumerable.Range(0, 500).Select(i => $"\"m{i}\":{i}").ToList();
        var unique = "{" + string.Join(",", members) + "}";
        members.Add("\"m250\":0");
        var repeated = "{" + string.Join(",", members) + "}";
        Assert.Multiple(() =>
        {
            Assert.That(Accepts(unique), Is.True);
            Assert.That(Accepts(repeated), Is.False);
        });
    }

    [Test]
    public void The_depth_limit_is_the_same()
    {
        string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);
        Assert.Multiple(() =>
        {
            Assert.That(Accepts(Nested(64)), Is.EqualTo(ReferenceAccepts(Nested(64))).And.True);
            Assert.That(Accepts(Nested(65)), Is.EqualTo(ReferenceAccepts(Nested(65))).And.False);
        });
    }

    [Test]
    public void Generated_documents_and_their_corruptions_are_judged_as_JsonDocument_judges_them()
    {
        var random = new Random(20261123);
        var inPlace = 0;
        var refused = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            Value(random, text, depth: 0);
            var json = text.ToString();
            if (random.Next(4) == 0)
            {
                json = Corrupt(random, json);
            }

            var expected = ReferenceAccepts(json);
            Assert.That(Accepts(json), Is.EqualTo(expected), json);
            refused += expected ? 0 : 1;
            try
            {
                inPlace += WireJson.TryCheckWithoutAllocating(Encoding.UTF8.GetBytes(json)) ? 1 : 0;
            }
            catch (System.Text.Json.JsonException)
            {
                inPlace++;
            }
        }

        // Both kinds of documents and both paths were exercised.
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.InRange(2_000, 18_000));
            Assert.That(inPlace, Is.InRange(10_000, 19_900));
        });
    }

    private static bool Accepts(string json)
    {
        try
        {
            WireJson.Check(Encoding.UTF8.GetBytes(json));
            return true;
        }
        catch (JsonReaderException)
        {
            return false;
        }
    }

    private static bool ReferenceAccepts(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetBytes(json), Reference);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static void Value(Random random, StringBuilder text, int depth)
    {
        switch (depth > 4 ? random.Next(3) : random.Next(6))
        {
            case 0:
                text.Append(random.Next(-100, 100));
                break;
            case 1:
                text.Append('"').Append(Name(random)).Append('"');
                break;
            case 2:
                text.Append(random.Next(2) == 0 ? "null" : "true");
                break;
            case 3:
            case 4:
                text.Append('{');
                var members = random.Next(7);
                for (var i = 0; i < members; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",").Append('"').Append(Name(random)).Append("\":");
                    Value(random, text, depth + 1);
                }

                text.Append('}');
                break;
            default:
                text.Append('[');
                var items = random.Next(4);
                for (var i = 0; i < items; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    Value(random, text, depth + 1);
                }

                text.Append(']');
                break;
        }
    }

    // Few, short names so that repeats are frequent; sometimes escaped, sometimes a prefix of another.
    private static string Name(Random random) => random.Next(10) switch
    {
        0 => "\\u0061",
        1 => "a\\n",
        2 => "ab",
        3 => "é",
        _ => ((char)('a' + random.Next(4))).ToString(),
    };

    private static string Corrupt(Random random, string json)
    {
        if (json.Length == 0)
        {
            return "{";
        }

        var at = random.Next(json.Length);
        return random.Next(3) switch
        {
            0 => json.Remove(at, 1),
            1 => json.Insert(at, new[] { ",", "}", "\"", "/", "'" }[random.Next(5)]),
            _ => json + new[] { ",", " {}", "]", " " }[random.Next(4)],
        };
    }
}
