using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatRequest.Serialization;

namespace ChatRequest.Tests;

/// <summary>
/// The hand-written reader behind <c>FromJson</c> and the serializer path it replaced (JsonSerializer with the
/// source-generated <see cref="ChatJsonContext"/>, kept as <see cref="ChatJson.ReadWithContract"/>) must agree on every
/// body: both give requests with the same <c>ToJson()</c> bytes, or both throw a <see cref="JsonException"/>, the new
/// one at the same path or deeper inside it (for a syntax error: on the same branch). Where the old path accepted a body it then could not write (a number
/// beyond a double, a lone surrogate escape), the new reader must refuse it with a JsonException.
/// </summary>
public class ReaderAgreementTests
{
    private const int RandomBodies = 2000;
    private const int MutantsPerBody = 2;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // ---- Fixed bodies --------------------------------------------------------------------------------------------

    [Test]
    public void Every_spec_validation_case()
    {
        var dir = SpecFiles.ValidationCases ?? throw new IgnoreException("spec folder absent");
        var files = Directory.GetFiles(dir, "*.json");
        files.Should().HaveCountGreaterThan(20);

        foreach (var file in files)
        {
            Agreement.Check(File.ReadAllBytes(file)).Should().BeNull(Path.GetFileName(file));
        }
    }

    [TestCaseSource(typeof(RichRequests), nameof(RichRequests.All))]
    public void Rich_requests(ChatRequestBuilder builder)
    {
        var json = builder.Build().ToJson();

        Agreement.Check(Encoding.UTF8.GetBytes(json)).Should().BeNull();
        Agreement.Check(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Indented)))
            .Should().BeNull("white space changes nothing");
    }

    [TestCase("""{"model":"m","messages":[{"content":"x","name":"n","role":"user"}]}""")]
    [TestCase("""{"model":"m","messages":[{"role":"user","role":"user","content":"x"}]}""")]
    [TestCase("""{"model":"m","messages":[{"content":"x","role":"user","role":"system"}]}""")]
    [TestCase("""{"model":"m","messages":[{"role":null,"content":"x"}]}""")]
    [TestCase("""{"model":"m","messages":[{"role":"User"}]}""")]
    [TestCase("""{"model":"m","messages":[{"ro\u006ce":"\u0075ser","con\u0074ent":"x"}]}""")]
    [TestCase("""{"mo\u0064el":"m","model":"n"}""")]
    [TestCase("""{"model":"m","x":1,"\u0078":2}""")]
    [TestCase("""{"model":"m","$id":"1","$type":"x"}""")]
    [TestCase("""{"model":"m","messages":[{"role":"user","$foo":1}]}""")]
    [TestCase("""{"model":"m","messages":[{"role":"user","\u0024foo":1}]}""")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"$x":1}}]}]}""")]
    [TestCase("""{"model":"m","tools":[{"type":"function","function":{"name":"f","parameters":{"a":1,"a":2}}}]}""")]
    [TestCase("""{"model":"m","x":{"y":[{"z":1,"z":1}]}}""")]
    [TestCase("""{"model":"m","tool_choice":{"x":1,"x":2}}""")]
    [TestCase("""{"model":"m","tool_choice":{"type":"a","type":"b"}}""")]
    [TestCase("""{"model":"m","tool_choice":{"function":{"name":"a"},"function":null}}""")]
    [TestCase("""{"model":"m","tool_choice":{"x":{"a":1,"a":2}}}""")]
    [TestCase("""{"model":"m","tool_choice":{"mode":"x","type":"function","function":null,"custom":{"name":null},"allowed_tools":null}}""")]
    [TestCase("""{"model":"m","function_call":{"name":"a","name":"b"}}""")]
    [TestCase("""{"model":"m","function_call":{"name":"a","x":{"b":1,"b":1}}}""")]
    [TestCase("""{"model":"m","audio":{"voice":{"id":"a","id":"b"}}}""")]
    [TestCase("""{"model":"m","audio":{"voice":{"id":null}}}""")]
    [TestCase("""{"model":"m","audio":{"voice":{}}}""")]
    [TestCase("""{"model":"m","audio":{"voice":{"name":"x"}}}""")]
    [TestCase("""{"model":"m","temperature":1e400}""")]
    [TestCase("""{"model":"m","x":1e400,"y":-0.0,"seed":-0,"temperature":-0.0}""")]
    [TestCase("""{"model":"m","x":"\ud800"}""")]
    [TestCase("""{"model":"m","x":{"\udc00":1}}""")]
    [TestCase("""{"model":"m","tools":[{"type":"function","function":{"parameters":{"a":"\ud800x"}}}]}""")]
    [TestCase("""{"model":"m","x":"\ud83d\ude00"}""")]
    [TestCase("""{"model":"\ud800"}""")]
    [TestCase("""{"model":"m","\ud800":1}""")]
    [TestCase("""{"model":"m","metadata":{"\ud800":"a"}}""")]
    [TestCase("""{"model":"m","logit_bias":{"1":1,"\u0031":2}}""")]
    [TestCase("""{"model":"m","logit_bias":{"1":null}}""")]
    [TestCase("""{"model":"m","metadata":{"k":null},"modalities":[null,"a"],"stop":[]}""")]
    [TestCase("""{"model":"m","stop":[null]}""")]
    [TestCase("""{"model":"m","messages":[null,{"role":"user","content":[null]},{"role":"assistant","tool_calls":[null]}],"tools":[null],"functions":[null]}""")]
    [TestCase("""{"model":"m","tools":[{"type":"custom","custom":{"format":{"grammar":{},"type":"text"}}}]}""")]
    [TestCase("""{"model":"m","tools":[{"type":"custom","custom":{"format":{}}}]}""")]
    [TestCase("""{"model":"m","response_format":{"json_schema":{"schema":null},"type":"json_schema"}}""")]
    [TestCase("""{"model":"m","response_format":{"type":"text","json_schema":{}}}""")]
    [TestCase("""{"model":"m","messages":[{"role":"developer","refusal":"x","tool_call_id":"y"}]}""")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":[{"type":"refusal","prompt_cache_breakpoint":{}}]}]}""")]
    [TestCase("""{"model":"m","n":1.0}""")]
    [TestCase("""{"model":"m","max_tokens":2147483648}""")]
    [TestCase("""{"model":"m",}""")]
    [TestCase("""{"model":"m"} x""")]
    [TestCase("""{"model":"m","x":[1,2,3}""")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("null")]
    [TestCase("[]")]
    public void Edge_cases(string json) => Agreement.Check(Encoding.UTF8.GetBytes(json)).Should().BeNull();

    [Test]
    public void Invalid_utf8_and_byte_order_marks()
    {
        byte[][] bodies =
        [
            [.. "{\"model\":\""u8, 0xC3, 0x28, .. "\"}"u8],
            [.. "{\"model\":\"m\",\"x\":\""u8, 0xFF, .. "\"}"u8],
            [.. "{\"model\":\"m\",\"x\":{\""u8, 0xC3, 0x28, .. "\":1}}"u8],
            [.. "{\"model\":\"m\",\"metadata\":{\"a\":\""u8, 0xFF, .. "\"}}"u8],
            [0xEF, 0xBB, 0xBF, .. "{\"model\":\"m\"}"u8],
        ];

        foreach (var body in bodies)
        {
            Agreement.Check(body).Should().BeNull(Convert.ToHexString(body));
        }
    }

    [Test]
    public void Where_the_reader_differs_on_purpose()
    {
        // The serializer dropped a tool's "tool_name" (the name of a property it ignores); it is an unknown member.
        var tool = CreateChatCompletionRequest.FromJson("""{"model":"m","tools":[{"type":"function","function":{"name":"f"},"tool_name":"t"}]}""");
        tool.Tools![0].AdditionalProperties!["tool_name"].GetString().Should().Be("t");
        tool.ToJson().Should().Be("""{"model":"m","tools":[{"type":"function","function":{"name":"f"},"tool_name":"t"}]}""");

        // The serializer read an unknown member name with invalid UTF-8 as U+FFFD, so the body came back changed.
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson([.. "{\"model\":\"m\",\""u8, 0xC3, 0x28, .. "\":1}"u8]))
            .Should().Throw<JsonException>().WithMessage("*not valid UTF-8*");

        // The serializer accepted these, and then could not write them.
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson("""{"model":"m","temperature":1e400}"""))
            .Should().Throw<JsonException>().WithMessage("temperature must be a number within the range of a double, but is the number 1e400.")
            .Which.Path.Should().Be("$.temperature");
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson("""{"model":"m","x":{"y":["\ud800"]}}"""))
            .Should().Throw<JsonException>().WithMessage("x holds the string \"\\ud800\", with a \\u escape of a UTF-16 surrogate without its pair*")
            .Which.Path.Should().Be("$.x");

    }

    // ---- Random bodies -------------------------------------------------------------------------------------------

    [Test]
    public void Seeded_random_bodies_and_their_mutants()
    {
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();
        for (var seed = 0; seed < RandomBodies; seed++)
        {
            var random = new Random(seed);
            var generator = new BodyGenerator(random);
            var body = generator.Request();

            Run(body.ToJson(random), $"seed {seed}");
            for (var m = 0; m < MutantsPerBody; m++)
            {
                var mutant = (Obj)body.Clone();
                var steps = 1 + random.Next(3);
                for (var s = 0; s < steps; s++)
                {
                    generator.Mutate(mutant);
                }

                var text = mutant.ToJson(random);
                Run(random.Next(20) == 0 ? BodyGenerator.Damage(text, random) : text, $"seed {seed} mutant {m}");
            }
        }

        TestContext.Out.WriteLine($"{outcomes.GetValueOrDefault("ok")} bodies read, {outcomes.GetValueOrDefault("error")} refused by both readers.");
        failures.Should().BeEmpty();

        // The bodies must exercise both outcomes in earnest.
        outcomes.GetValueOrDefault("ok").Should().BeGreaterThan(RandomBodies);
        outcomes.GetValueOrDefault("error").Should().BeGreaterThan(RandomBodies / 2);

        void Run(string json, string name)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            var failure = Agreement.Check(bytes, outcomes);
            if (failure is not null && failures.Count < 10)
            {
                failures.Add($"{name}: {failure}\n  body: {json}");
            }
        }
    }

    /// <summary>Runs both paths on one body.</summary>
    private static class Agreement
    {
        /// <summary>Null when the readers agree; otherwise what differs.</summary>
        public static string? Check(byte[] body, Dictionary<string, int>? outcomes = null)
        {
            var old = Outcome.Of(() => ChatJson.ReadWithContract(body));
            var now = Outcome.Of(() => CreateChatCompletionRequest.FromJson(body));
            if (outcomes is not null)
            {
                var key = now.Json is not null ? "ok" : "error";
                outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            }

            if (now.Other is not null)
            {
                return "the new reader threw " + now.Other;
            }

            if (now.WriteError is not null)
            {
                return "the new reader accepted a body it cannot write: " + now.WriteError;
            }

            if (old.Json is not null)
            {
                if (now.Json is null)
                {
                    return $"the serializer read it, the new reader threw: {now.Error!.Message} (path {now.Error.Path})";
                }

                return now.Json == old.Json ? null : $"different JSON:\n  serializer: {old.Json}\n  new reader: {now.Json}";
            }

            if (now.Json is not null)
            {
                // The serializer threw, or accepted what it then could not write.
                return "the new reader accepted a body the serializer refused (" + (old.Error?.Message ?? old.WriteError ?? old.Other) + "): " + now.Json;
            }

            if (old.Error?.Path is not { } oldPath || NewCheck(now.Error!))
            {
                return null;
            }

            // A model error is reported at the same member or deeper inside it. A syntax error only on the same branch:
            // the new reader looks ahead for discriminators, so it may meet the error before it entered the member.
            var newPath = now.Error!.Path ?? "$";
            var syntax = old.Error.InnerException is JsonException;
            var agree = newPath.StartsWith(oldPath, StringComparison.Ordinal) || (syntax && oldPath.StartsWith(newPath, StringComparison.Ordinal));
            return agree ? null : $"the new path {newPath} is not within the serializer's {oldPath} ({now.Error.Message} / {old.Error.Message})";
        }
    }

    /// <summary>
    /// An error of a check the serializer never made (it accepted such bodies, then could not write them): in a body
    /// with another error further on, the serializer reports that one instead.
    /// </summary>
    private static bool NewCheck(JsonException error) =>
        error.Message.Contains("surrogate without its pair", StringComparison.Ordinal)
        || error.Message.Contains("within the range of a double", StringComparison.Ordinal);

    private sealed class Outcome
    {
        public string? Json { get; private init; }

        public JsonException? Error { get; private init; }

        public string? WriteError { get; private init; }

        public string? Other { get; private init; }

        public static Outcome Of(Func<CreateChatCompletionRequest> read)
        {
            CreateChatCompletionRequest request;
            try
            {
                request = read();
            }
            catch (JsonException ex)
            {
                return new Outcome { Error = ex };
            }
            catch (Exception ex)
            {
                return new Outcome { Other = ex.GetType().Name + ": " + ex.Message };
            }

            try
            {
                return new Outcome { Json = request.ToJson() };
            }
            catch (Exception ex)
            {
                return new Outcome { WriteError = ex.GetType().Name + ": " + ex.Message };
            }
        }
    }

    // ---- A JSON tree that can hold a member twice ------------------------------------------------------------------

    private abstract class Node
    {
        public abstract Node Clone();

        public abstract void Write(StringBuilder json, Random random);

        public string ToJson(Random random)
        {
            var json = new StringBuilder();
            Write(json, random);
            return json.ToString();
        }

        protected static void Space(StringBuilder json, Random random)
        {
            if (random.Next(12) == 0)
            {
                json.Append(random.Next(3) switch { 0 => " ", 1 => "\n  ", _ => "\t" });
            }
        }
    }

    /// <summary>A literal: its JSON text as written (a string with its quotes and escapes, a number, ...).</summary>
    private sealed class Raw(string text) : Node
    {
        public string Text { get; } = text;

        public override Node Clone() => this;

        public override void Write(StringBuilder json, Random random) => json.Append(Text);
    }

    private sealed class Arr : Node
    {
        public List<Node> Items { get; } = [];

        public override Node Clone()
        {
            var copy = new Arr();
            copy.Items.AddRange(Items.Select(i => i.Clone()));
            return copy;
        }

        public override void Write(StringBuilder json, Random random)
        {
            json.Append('[');
            for (var i = 0; i < Items.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                Space(json, random);
                Items[i].Write(json, random);
            }

            json.Append(']');
        }
    }

    private sealed class Obj : Node
    {
        public List<(string Name, Node Value)> Members { get; } = [];

        public Obj Add(string name, Node value)
        {
            Members.Add((name, value));
            return this;
        }

        public override Node Clone()
        {
            var copy = new Obj();
            copy.Members.AddRange(Members.Select(m => (m.Name, m.Value.Clone())));
            return copy;
        }

        public override void Write(StringBuilder json, Random random)
        {
            json.Append('{');
            for (var i = 0; i < Members.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                Space(json, random);
                json.Append('"');
                var name = Members[i].Name;
                var escapeAt = name.Length > 0 && random.Next(25) == 0 ? random.Next(name.Length) : -1;
                for (var c = 0; c < name.Length; c++)
                {
                    if (c == escapeAt)
                    {
                        json.Append("\\u").Append(((int)name[c]).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (name[c] is '"' or '\\')
                    {
                        json.Append('\\').Append(name[c]);
                    }
                    else
                    {
                        json.Append(name[c]);
                    }
                }

                json.Append("\":");
                Space(json, random);
                Members[i].Value.Write(json, random);
            }

            json.Append('}');
        }
    }

    // ---- Bodies shaped like requests, with a dose of chaos ---------------------------------------------------------

    /// <summary>
    /// Makes request-shaped bodies from a seed. Each body draws its own level of chaos: how often a value has the wrong
    /// JSON type, a polymorphic object lacks or misnames its discriminator, or a member comes twice.
    /// </summary>
    private sealed class BodyGenerator(Random random)
    {
        private static readonly string[] Strings =
        [
            "\"\"", "\"a\"", "\"gpt-4o\"", "\"hello world\"", "\"ü€😀\"", "\"line\\nbreak\"", "\"quote \\\" and \\\\ slash\"", "\"\\u0041\\u00e9\"",
            "\"\\ud83d\\ude00\"", "\"auto\"", "\"none\"", "\"required\"", "\"text\"", "\"function\"", "\"wav\"", "\"explicit\"", "\"30m\"",
        ];

        private static readonly string[] BadStrings = ["\"\\ud800\"", "\"x\\udc00\"", "\"\\ud800\\u0041\""];

        private static readonly string[] Numbers =
        [
            "0", "-0", "1", "2", "5", "20", "-100", "100", "0.2", "1.5", "-2.25", "1e2", "1E-2", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "0.1", "3", "1.0", "-0.0", "12345678901234567890123",
        ];

        private static readonly string[] Integers = ["0", "-0", "1", "2", "5", "20", "-100", "100", "256", "-42", "2147483647", "-2147483648"];

        private static readonly string[] BadIntegers = ["1.5", "1e2", "1.0", "2147483648", "-2147483649", "9223372036854775808", "12345678901234567890123"];

        private static readonly string[] HugeNumbers = ["1e400", "-1e400"];

        private static readonly string[] UnknownNames =
        [
            "x", "x_vendor", "top_k", "Model", "ROLE", "additional_properties", "", "a.b", "ünï", "with space", "$id", "$type", "$ref", "$x",
            "quote\"d", "back\\slash",
        ];

        private static readonly string[] Roles = ["developer", "system", "user", "assistant", "tool", "function"];

        private static readonly string[] MessageMembers = ["name", "content", "refusal", "audio", "tool_calls", "function_call", "tool_call_id"];

        private static readonly string[] PartKinds = ["text", "image_url", "input_audio", "file", "refusal"];

        private static readonly string[] PartMembers = ["text", "image_url", "input_audio", "file", "refusal", "prompt_cache_breakpoint"];

        private static readonly string[] RootMembers =
        [
            "model", "messages", "audio", "frequency_penalty", "function_call", "functions", "logit_bias", "logprobs", "max_completion_tokens",
            "max_tokens", "metadata", "modalities", "moderation", "n", "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key",
            "prompt_cache_options", "prompt_cache_retention", "reasoning_effort", "response_format", "safety_identifier", "seed", "service_tier",
            "stop", "store", "stream", "stream_options", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "user", "verbosity",
            "web_search_options",
        ];

        private readonly double _wrong = random.Next(8) switch { < 4 => 0, 4 or 5 => 0.003, 6 => 0.02, _ => 0.06 };
        private readonly double _null = random.Next(3) switch { 0 => 0, 1 => 0.02, _ => 0.08 };

        private bool Chance(double p) => random.NextDouble() < p;

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        public Obj Request()
        {
            var body = new Obj();
            body.Add("model", Str());
            body.Add("messages", List(Message, 1, 6));
            foreach (var name in RootMembers.Skip(2))
            {
                if (Chance(0.3))
                {
                    body.Add(name, RootValue(name));
                }
            }

            Extras(body, polymorphic: false);
            Shuffle(body, 0.2);
            return body;
        }

        private Node RootValue(string name) => name switch
        {
            "model" or "prompt_cache_key" or "prompt_cache_retention" or "reasoning_effort" or "safety_identifier" or "service_tier" or "user" or "verbosity" => Str(),
            "messages" => List(Message, 0, 4),
            "audio" => Value(() => Object(("voice", Voice), ("format", Str))),
            "frequency_penalty" or "presence_penalty" or "temperature" or "top_p" => Num(),
            "max_completion_tokens" or "max_tokens" or "n" or "top_logprobs" or "seed" => Int(),
            "logprobs" or "parallel_tool_calls" or "store" or "stream" => Bool(),
            "function_call" => Value(() => Chance(0.4) ? Str() : Object(("name", Str))),
            "functions" => List(FunctionDefinition, 0, 3),
            "logit_bias" => Value(() => Map(() => Chance(_null) ? Int() : Value(() => new Raw(Pick(Integers))))),
            "metadata" => Value(() => Map(Str)),
            "modalities" => Value(() => Array(Str, 0, 3)),
            "moderation" => Value(() => Object(("model", Str), ("policy", () => Value(() => Object(("input", ModerationConfig), ("output", ModerationConfig)))))),
            "prediction" => Value(() => Object(("type", Str), ("content", Content))),
            "prompt_cache_options" => Value(() => Object(("ttl", Str), ("mode", Str))),
            "response_format" => Value(ResponseFormat),
            "stop" => Value(() => Chance(0.5) ? Str() : Array(Str, 0, 5)),
            "stream_options" => Value(() => Object(("include_usage", Bool), ("include_obfuscation", Bool))),
            "tool_choice" => Value(ToolChoice),
            "tools" => List(Tool, 0, 3),
            _ => Value(WebSearch),
        };

        // ---- Values with chaos ----

        /// <summary>A value made by <paramref name="make"/>, or now and then null, or something of the wrong kind.</summary>
        private Node Value(Func<Node> make) => Chance(_null) ? new Raw("null") : Chance(_wrong) ? Any(2) : make();

        private Node Str() => Value(() => new Raw(Chance(_wrong / 4) ? Pick(BadStrings) : Pick(Strings)));

        private Node Num() => Value(() => new Raw(Chance(_wrong / 4) ? Pick(HugeNumbers) : Pick(Numbers)));

        private Node Int() => Value(() => new Raw(Chance(_wrong) ? Pick(BadIntegers) : Pick(Integers)));

        private Node Bool() => Value(() => new Raw(random.Next(2) == 0 ? "true" : "false"));

        /// <summary>Any JSON value (a JSON Schema, an unknown member), sometimes with a member twice.</summary>
        private Node Any(int depth)
        {
            switch (random.Next(depth > 0 ? 7 : 5))
            {
                case 0:
                    return new Raw(Chance(_wrong / 2) ? Pick(BadStrings) : Pick(Strings));
                case 1:
                    return new Raw(Chance(_wrong / 2) ? Pick(HugeNumbers) : Pick(Numbers));
                case 2:
                    return new Raw(random.Next(2) == 0 ? "true" : "false");
                case 3:
                    return new Raw("null");
                case 4:
                    return new Raw(Pick(Strings));
                case 5:
                    var array = new Arr();
                    for (var i = random.Next(4); i > 0; i--)
                    {
                        array.Items.Add(Any(depth - 1));
                    }

                    return array;
                default:
                    var obj = new Obj();
                    for (var i = random.Next(4); i > 0; i--)
                    {
                        obj.Add(Pick(["type", "properties", "a", "b", "\u00e9", "$ref", ""]), Any(depth - 1));
                    }

                    if (obj.Members.Count > 0 && Chance(_wrong))
                    {
                        obj.Add(obj.Members[0].Name, Any(0));
                    }

                    return obj;
            }
        }

        private Node List(Func<Node> item, int min, int max) => Value(() => Array(item, min, max));

        private Arr Array(Func<Node> item, int min, int max)
        {
            var array = new Arr();
            for (var i = min + random.Next(max - min + 1); i > 0; i--)
            {
                array.Items.Add(item());
            }

            return array;
        }

        private Obj Map(Func<Node> value)
        {
            var map = new Obj();
            for (var i = random.Next(4); i > 0; i--)
            {
                map.Add(Pick(["50256", "1234", "1", "k", "team", "", "ü"]), value());
            }

            return map;
        }

        private Obj Object(params (string Name, Func<Node> Value)[] members)
        {
            var obj = new Obj();
            foreach (var (name, value) in members)
            {
                if (Chance(0.7))
                {
                    obj.Add(name, value());
                }
            }

            Extras(obj, polymorphic: false);
            return obj;
        }

        private void Extras(Obj obj, bool polymorphic)
        {
            if (!Chance(0.15))
            {
                return;
            }

            var name = Pick(UnknownNames);
            if (name.StartsWith('$') && polymorphic && !Chance(_wrong * 4))
            {
                name = "x_" + name[1..];
            }

            obj.Add(name, Any(2));
        }

        private void Shuffle(Obj obj, double chance)
        {
            if (!Chance(chance))
            {
                return;
            }

            var members = obj.Members.OrderBy(_ => random.Next()).ToList();
            obj.Members.Clear();
            obj.Members.AddRange(members);
        }

        /// <summary>A polymorphic object: its discriminator (usually first), then members from all kinds.</summary>
        private Node Polymorphic(string discriminator, string[] kinds, string[] members, Func<string, Node> value)
        {
            if (Chance(_null))
            {
                return new Raw("null");
            }

            if (Chance(_wrong))
            {
                return Any(1);
            }

            var obj = new Obj();
            if (!Chance(_wrong))
            {
                obj.Add(discriminator, Chance(_wrong) ? Any(0) : new Raw("\"" + (Chance(_wrong) ? "unknown" : Pick(kinds)) + "\""));
            }

            foreach (var name in members)
            {
                if (Chance(0.3))
                {
                    obj.Add(name, value(name));
                }
            }

            Extras(obj, polymorphic: true);
            Shuffle(obj, 0.25);
            return obj;
        }

        private Node Message() => Polymorphic("role", Roles, MessageMembers, name => name switch
        {
            "content" => Content(),
            "audio" => Value(() => Object(("id", Str))),
            "tool_calls" => List(ToolCall, 0, 2),
            "function_call" => Value(FunctionCall),
            _ => Str(),
        });

        private Node Content() => Value(() => Chance(0.6) ? Str() : Array(Part, 0, 3));

        private Node Part() => Polymorphic("type", PartKinds, PartMembers, name => name switch
        {
            "image_url" => Value(() => Object(("url", Str), ("detail", Str))),
            "input_audio" => Value(() => Object(("data", Str), ("format", Str))),
            "file" => Value(() => Object(("filename", Str), ("file_data", Str), ("file_id", Str))),
            "prompt_cache_breakpoint" => Value(() => Object(("mode", Str))),
            _ => Str(),
        });

        private Node ToolCall() => Polymorphic("type", ["function", "custom"], ["id", "function", "custom"], name => name switch
        {
            "function" => Value(FunctionCall),
            "custom" => Value(() => Object(("name", Str), ("input", Str))),
            _ => Str(),
        });

        private Obj FunctionCall() => Object(("name", Str), ("arguments", Str));

        private Node Tool() => Polymorphic("type", ["function", "custom"], ["function", "custom"], name => name == "function"
            ? FunctionDefinition()
            : Value(() => Object(("name", Str), ("description", Str), ("format", () => Polymorphic("type", ["text", "grammar"], ["grammar"], _ =>
                Value(() => Object(("definition", Str), ("syntax", Str)))))))); // A format that is null or the wrong kind is covered by Polymorphic.

        private Node FunctionDefinition() => Value(() => Object(("name", Str), ("description", Str), ("parameters", () => Chance(_null) ? new Raw("null") : Any(3)), ("strict", Bool)));

        private Node ModerationConfig() => Value(() => Object(("mode", Str)));

        private Node ResponseFormat() => Polymorphic("type", ["text", "json_object", "json_schema"], ["json_schema"], _ =>
            Value(() => Object(("name", Str), ("description", Str), ("schema", () => Any(3)), ("strict", Bool))));

        private Node ToolChoice()
        {
            if (Chance(0.4))
            {
                return Str();
            }

            return Object(
                ("type", Str),
                ("function", () => Value(() => Object(("name", Str)))),
                ("custom", () => Value(() => Object(("name", Str)))),
                ("allowed_tools", () => Value(() => Object(("mode", Str), ("tools", () => Value(() => Array(() => Any(2), 0, 3)))))),
                ("mode", Str));
        }

        private Obj WebSearch() => Object(("user_location", () => Value(UserLocation)), ("search_context_size", Str));

        private Obj UserLocation() => Object(("type", Str), ("approximate", () => Value(Approximate)));

        private Obj Approximate() => Object(("country", Str), ("region", Str), ("city", Str), ("timezone", Str));

        private Node Voice() => Value(() => Chance(0.6) ? Str() : Object(("id", Str)));

        // ---- Mutations ----

        /// <summary>Drops, repeats, reorders, retypes, nulls or renames a member somewhere in the body.</summary>
        public void Mutate(Obj body)
        {
            var objects = new List<Obj>();
            Collect(body, objects);
            var target = Pick(objects);
            if (target.Members.Count == 0)
            {
                target.Add(Pick(UnknownNames), Any(1));
                return;
            }

            var at = random.Next(target.Members.Count);
            var (name, value) = target.Members[at];
            switch (random.Next(7))
            {
                case 0:
                    target.Members.RemoveAt(at);
                    break;
                case 1:
                    target.Members.Insert(random.Next(target.Members.Count + 1), (name, random.Next(2) == 0 ? value.Clone() : Any(1)));
                    break;
                case 2:
                    var members = target.Members.OrderBy(_ => random.Next()).ToList();
                    target.Members.Clear();
                    target.Members.AddRange(members);
                    break;
                case 3:
                    target.Members[at] = (name, Any(1));
                    break;
                case 4:
                    target.Members[at] = (name, new Raw("null"));
                    break;
                case 5:
                    target.Members[at] = (random.Next(3) switch { 0 => "$" + name, 1 => name.ToUpperInvariant(), _ => name + "_" }, value);
                    break;
                default:
                    target.Add(Pick(UnknownNames), Any(2));
                    break;
            }
        }

        private static void Collect(Node node, List<Obj> objects)
        {
            switch (node)
            {
                case Obj obj:
                    objects.Add(obj);
                    foreach (var (_, value) in obj.Members)
                    {
                        Collect(value, objects);
                    }

                    break;
                case Arr array:
                    foreach (var item in array.Items)
                    {
                        Collect(item, objects);
                    }

                    break;
            }
        }

        /// <summary>Breaks the text: cuts it short, or puts a stray character in.</summary>
        public static string Damage(string json, Random random)
        {
            var at = random.Next(json.Length);
            return random.Next(3) switch
            {
                0 => json.Substring(0, at),
                1 => json.Insert(at, random.Next(4) switch { 0 => ",", 1 => "}", 2 => "\"", _ => "]" }),
                _ => json.Remove(at, 1),
            };
        }
    }
}
