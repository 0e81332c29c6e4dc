using System.Text.Json.Nodes;
using ChatRequest.Serialization;
using ChatRequest.Validation;

namespace ChatRequest.Tests.Properties;

/// <summary>
/// The valid-request generator reaches all of the API surface: every builder method of the rules table, and every
/// member and shape of the JSON body. Checked on the first cases of a fixed seed, so the properties that use the
/// generator are known to exercise all of it.
/// </summary>
public class GeneratorCoverageTests
{
    private const int Cases = 400;

    private static readonly Lazy<List<Recipe>> Sample = new(() =>
        Enumerable.Range(0, Cases).Select(i => PropertyRun.Generate(Generators.ValidRecipe, 900_000 + (ulong)i)).ToList());

    [Test]
    public void Every_builder_method_is_called()
    {
        var called = Sample.Value.SelectMany(r => r.Steps.Select(s => s.Method)).ToHashSet();
        var methods = ChatRules.BuilderMethods.Where(m => m.Role != BuilderMethodRole.Terminal).Select(m => m.Name);

        methods.Where(m => !called.Contains(m)).Should().BeEmpty("every builder method of the table is called by some case");
        Sample.Value.Select(r => r.Root.Code.StartsWith("ChatRequestBuilder.From(", StringComparison.Ordinal)).Distinct()
            .Should().HaveCount(2, "chains start from Chat.With and from parsed bodies");
    }

    [Test]
    public void Every_member_and_shape_of_the_body_appears()
    {
        var known = ChatJson.RequestInfo.Properties.Where(p => !p.IsExtensionData).Select(p => p.Name).ToHashSet();
        var seen = new HashSet<string>();
        foreach (var recipe in Sample.Value)
        {
            Shapes(recipe.Builder().Build().Body(), known, seen);
        }

        var expected = known.Select(k => "member " + k).Concat(new[]
        {
            "unknown member", "explicit null",
            "role system", "role developer", "role user", "role assistant", "role tool", "role function",
            "system content string", "system content parts", "developer content string", "developer content parts",
            "user content string", "user content parts", "assistant content string", "assistant content parts", "assistant content absent",
            "tool content string", "tool content parts", "function content string", "function content null",
            "part text", "part image_url", "part input_audio", "part file", "part refusal", "part prompt_cache_breakpoint",
            "message name", "message unknown member", "assistant tool_calls function", "assistant tool_calls custom", "assistant audio",
            "assistant refusal", "assistant function_call",
            "tool function", "tool custom", "custom format text", "custom format grammar", "tool unknown member",
            "tool_choice string", "tool_choice function", "tool_choice custom", "tool_choice allowed_tools",
            "response_format text", "response_format json_object", "response_format json_schema",
            "stop string", "stop array", "voice string", "voice object", "function_call string", "function_call object",
            "prediction content string", "prediction content parts",
        });
        expected.Where(e => !seen.Contains(e)).Should().BeEmpty("the generator makes every shape of the body");
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "parts",
        JsonObject => "object",
        _ => "string",
    };

    private static void Shapes(JsonObject body, HashSet<string> known, HashSet<string> seen)
    {
        foreach (var (key, value) in body)
        {
            seen.Add(known.Contains(key) ? "member " + key : "unknown member");
            if (value is null)
            {
                seen.Add("explicit null");
            }
        }

        foreach (var message in body["messages"]!.AsArray().Select(m => m!.AsObject()))
        {
            var role = (string)message["role"]!;
            seen.Add("role " + role);
            seen.Add(role + " content " + (message.ContainsKey("content") ? Kind(message["content"]) : "absent"));
            seen.UnionWith(message.Where(p => p.Key is not ("role" or "content" or "name" or "tool_call_id" or "refusal" or "audio" or "tool_calls" or "function_call"))
                .Select(_ => "message unknown member"));
            if (message.ContainsKey("name") && role != "function")
            {
                seen.Add("message name");
            }

            foreach (var part in (message["content"] as JsonArray ?? new JsonArray()).Select(p => p!.AsObject()))
            {
                seen.Add("part " + (string)part["type"]!);
                if (part.ContainsKey("prompt_cache_breakpoint"))
                {
                    seen.Add("part prompt_cache_breakpoint");
                }
            }

            foreach (var call in (message["tool_calls"] as JsonArray ?? new JsonArray()))
            {
                seen.Add("assistant tool_calls " + (string)call!["type"]!);
            }

            foreach (var member in new[] { "audio", "refusal", "function_call" }.Where(message.ContainsKey))
            {
                seen.Add("assistant " + member);
            }
        }

        foreach (var tool in (body["tools"] as JsonArray ?? new JsonArray()).Select(t => t!.AsObject()))
        {
            seen.Add("tool " + (string)tool["type"]!);
            if (tool["custom"]?["format"] is { } format)
            {
                seen.Add("custom format " + (string)format["type"]!);
            }

            if (tool["function"] is JsonObject function && function.Any(p => p.Key is not ("name" or "description" or "parameters" or "strict")))
            {
                seen.Add("tool unknown member");
            }
        }

        Union(body, "tool_choice", seen);
        Union(body, "function_call", seen);
        if (body["response_format"] is { } responseFormat)
        {
            seen.Add("response_format " + (string)responseFormat["type"]!);
        }

        if (body["stop"] is { } stop)
        {
            seen.Add("stop " + (stop is JsonArray ? "array" : "string"));
        }

        if (body["audio"]?["voice"] is { } voice)
        {
            seen.Add("voice " + Kind(voice));
        }

        if (body["prediction"]?["content"] is { } prediction)
        {
            seen.Add("prediction content " + Kind(prediction));
        }
    }

    private static void Union(JsonObject body, string member, HashSet<string> seen)
    {
        switch (body[member])
        {
            case JsonObject choice when choice["type"] is { } type:
                seen.Add(member + " " + (string)type!);
                break;
            case JsonObject:
                seen.Add(member + " object");
                break;
            case JsonValue:
                seen.Add(member + " string");
                break;
        }
    }
}
