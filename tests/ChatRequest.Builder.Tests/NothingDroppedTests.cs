using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequest.Tests;

/// <summary>
/// A gateway that reads a body and sends it on must not lose anything: every member of a parsed body is written
/// back (known or not, null or not), or the body is refused with a JsonException. Nothing is dropped in between.
/// </summary>
public class NothingDroppedTests
{
    /// <summary>Bodies that use most of the model: the valid sample bodies and the rich builder requests.</summary>
    private static IEnumerable<(string Name, string Json)> Seeds()
    {
        if (SpecFiles.ValidationCases is { } dir && Directory.Exists(dir))
        {
            foreach (var file in Directory.GetFiles(dir, "valid-*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return (Path.GetFileName(file), File.ReadAllText(file));
            }
        }

        var i = 0;
        foreach (var data in RichRequests.All())
        {
            yield return ("rich request " + i++, ((ChatRequestBuilder)data.Arguments[0]!).Build().ToJson());
        }
    }

    /// <summary>Every object in the tree with its path, the root first.</summary>
    private static IEnumerable<(string Path, JsonObject Node)> Objects(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject o:
                yield return (path, o);
                foreach (var (name, child) in o.ToList())
                {
                    foreach (var inner in Objects(child, path + "." + name))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                for (var k = 0; k < a.Count; k++)
                {
                    foreach (var inner in Objects(a[k], path + "[" + k + "]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Parses and writes back. Returns null when FromJson refused the body, else the differences: empty when the
    /// output equals the input.
    /// </summary>
    private static string? RoundTrip(JsonNode body, string what)
    {
        var json = body.ToJsonString();
        CreateChatCompletionRequest request;
        try
        {
            request = CreateChatCompletionRequest.FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }

        var written = JsonNode.Parse(request.ToJson());
        return JsonNode.DeepEquals(body, written) ? string.Empty : what + ": changed on the way through\n  in:  " + json + "\n  out: " + written!.ToJsonString();
    }

    /// <summary>Maps whose values must be integers or strings: an object member there is refused, not kept.</summary>
    private static bool IsTypedMap(string path) => path.EndsWith(".logit_bias", StringComparison.Ordinal) || path.EndsWith(".metadata", StringComparison.Ordinal);

    [Test]
    public void An_unknown_member_at_any_object_level_is_kept()
    {
        var checkedObjects = 0;
        foreach (var (name, json) in Seeds())
        {
            var count = Objects(JsonNode.Parse(json)).Count();
            for (var target = 0; target < count; target++)
            {
                var body = JsonNode.Parse(json)!;
                var (path, node) = Objects(body).ElementAt(target);
                node["x_gateway_tag"] = new JsonObject { ["list"] = new JsonArray(1, null, "s", true), ["n"] = 1.5e300 };

                // Every object the model reads keeps unknown members; a free-form object (a tool schema, an extra
                // member) keeps them anyway. Either way the output equals the input. Typed maps refuse the body.
                var outcome = RoundTrip(body, name + " with a member added at " + path);
                if (IsTypedMap(path))
                {
                    outcome.Should().BeNull(path + " holds only integers or strings, so an object there is refused");
                }
                else
                {
                    outcome.Should().Be(string.Empty, path + " should keep an unknown member");
                }

                checkedObjects++;
            }
        }

        checkedObjects.Should().BeGreaterThan(100, "the seeds should hold many objects");
    }

    [Test]
    public void An_explicit_null_anywhere_is_kept_or_refused_never_dropped()
    {
        var kept = 0;
        var refused = 0;
        var dropped = new List<string>();
        foreach (var (name, json) in Seeds())
        {
            var members = Objects(JsonNode.Parse(json)).Sum(o => o.Node.Count);
            for (var target = 0; target < members; target++)
            {
                var body = JsonNode.Parse(json)!;
                var (path, member) = Objects(body).SelectMany(o => o.Node.Select(m => (o.Path + "." + m.Key, (Owner: o.Node, m.Key)))).ElementAt(target);
                member.Owner[member.Key] = null;

                switch (RoundTrip(body, name + " with " + path + " = null"))
                {
                    case null: refused++; break;
                    case "": kept++; break;
                    case var difference: dropped.Add(difference); break;
                }
            }
        }

        dropped.Should().BeEmpty();
        kept.Should().BeGreaterThan(50);
        refused.Should().BeGreaterThan(10, "a null where the schema needs a value (a role, a part type) is refused");
    }

    [Test]
    public void Numbers_keep_their_value_whatever_their_spelling()
    {
        // 1.0, 1e0 and 0.5E+0 are written in their shortest form; the value is the same, so nothing is lost.
        foreach (var (text, field) in new[] { ("2.0", "temperature"), ("5e-1", "top_p"), ("1.5E+0", "frequency_penalty"), ("-0.0", "presence_penalty"), ("123456789012345678", "seed") })
        {
            var json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"" + field + "\":" + text + "}";

            var written = JsonNode.Parse(CreateChatCompletionRequest.FromJson(json).ToJson())!;

            decimal.Parse(written[field]!.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
                .Should().Be(decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), field);
        }
    }
}
