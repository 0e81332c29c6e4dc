using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequest.Tests;

/// <summary>Bad JSON is a JsonException that names where it is; never a NullReferenceException or InvalidCastException.</summary>
public class MalformedJsonTests
{
    [TestCase("", null)]
    [TestCase("{", "$")]
    [TestCase("{\"model\":\"m\",}", "$")]
    [TestCase("{} trailing", null)]
    [TestCase("[]", "$")]
    [TestCase("\"text\"", "$")]
    [TestCase("null", "$")]
    [TestCase("{\"model\":5}", "$.model")]
    [TestCase("{\"temperature\":\"hot\"}", "$.temperature")]
    [TestCase("{\"n\":1.5}", "$.n")]
    [TestCase("{\"n\":99999999999}", "$.n")]
    [TestCase("{\"seed\":1e30}", "$.seed")]
    [TestCase("{\"stream\":\"yes\"}", "$.stream")]
    [TestCase("{\"messages\":{}}", "$.messages")]
    [TestCase("{\"messages\":[5]}", "$.messages[0]")]
    [TestCase("{\"messages\":[{\"content\":\"x\"}]}", "$.messages[0]")]
    [TestCase("{\"messages\":[{\"role\":5,\"content\":\"x\"}]}", "$.messages[0]")]
    [TestCase("{\"messages\":[{\"role\":\"user\",\"content\":5}]}", "$.messages[0].content")]
    [TestCase("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"bogus\"}]}]}", "$.messages[0].content")]
    [TestCase("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"no type\"}]}]}", "$.messages[0].content")]
    [TestCase("{\"stop\":[1]}", "$.stop")]
    [TestCase("{\"stop\":5}", "$.stop")]
    [TestCase("{\"logit_bias\":{\"1\":\"x\"}}", "$.logit_bias.1")]
    [TestCase("{\"metadata\":{\"k\":1}}", "$.metadata.k")]
    [TestCase("{\"tool_choice\":5}", "$.tool_choice")]
    [TestCase("{\"tool_choice\":{\"type\":7}}", "$.tool_choice")]
    [TestCase("{\"function_call\":[]}", "$.function_call")]
    [TestCase("{\"audio\":{\"voice\":5}}", "$.audio.voice")]
    [TestCase("{\"audio\":{\"voice\":{\"name\":\"x\"}}}", "$.audio.voice")]
    [TestCase("{\"response_format\":{\"type\":\"yaml\"}}", "$.response_format")]
    [TestCase("{\"tools\":[{\"function\":{\"name\":\"f\"}}]}", "$.tools[0]")]
    [TestCase("{\"modalities\":\"text\"}", "$.modalities")]
    public void Malformed_or_wrong_typed_JSON_is_a_JsonException_with_its_path(string json, string? path)
    {
        var act = () => CreateChatCompletionRequest.FromJson(json);

        var exception = act.Should().Throw<JsonException>().Which;
        if (path is not null)
        {
            exception.Path.Should().StartWith(path, exception.Message);
        }

        exception.Message.Should().NotBeNullOrWhiteSpace();
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(Encoding.UTF8.GetBytes(json))).Should().Throw<JsonException>();
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(json)))).Should().Throw<JsonException>();
    }

    [TestCase("""{"temperature":"hot"}""", "$.temperature", "temperature must be a number or null, but is the string \"hot\".")]
    [TestCase("""{"n":1.5}""", "$.n", "n must be an integer from -2147483648 to 2147483647, or null, but is the number 1.5.")]
    [TestCase("""{"stream":"yes"}""", "$.stream", "stream must be true, false or null, but is the string \"yes\".")]
    [TestCase("""{"messages":{}}""", "$.messages", "messages must be an array or null, but is an object.")]
    [TestCase("""{"messages":[{"role":"robot"}]}""", "$.messages[0]", "messages[0].role must be one of developer, system, user, assistant, tool, function, but is the string \"robot\".")]
    [TestCase("""{"messages":[{"content":"x"}]}""", "$.messages[0]", "messages[0] has no 'role'; a message needs one of developer, system, user, assistant, tool, function.")]
    [TestCase("""{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":5}}]}]}""", "$.messages[0].content[0].image_url.url", "messages[0].content[0].image_url.url must be a string or null, but is the number 5.")]
    [TestCase("""{"logit_bias":{"50256":-1.5}}""", "$.logit_bias.50256", "logit_bias.50256 must be an integer (a bias from -100 to 100), but is the number -1.5.")]
    [TestCase("""{"stop":["a",1]}""", "$.stop[1]", "stop[1] must be a string (a stop sequence), but is the number 1.")]
    [TestCase("""{"model":"m","model":"n"}""", "$.model", "model is given twice. A body must not give a member twice*")]
    [TestCase("""{"tools":[{"type":"function","$id":"1"}]}""", "$.tools[0].$id", "tools[0].$id is not allowed: member names starting with '$' are reserved*")]
    [TestCase("null", "$", "The request body is JSON null; expected an object with 'model' and 'messages'.")]
    [TestCase("[]", "$", "The request body must be a JSON object with 'model' and 'messages', but is an array.")]
    [TestCase("""{"x":[1,}""", "$.x", "Cannot read x: * LineNumber: 0 | BytePositionInLine: 8.")]
    public void Messages_name_the_member_the_value_and_what_is_allowed(string json, string path, string message)
    {
        var act = () => CreateChatCompletionRequest.FromJson(json);

        var exception = act.Should().Throw<JsonException>().WithMessage(message).Which;
        exception.Path.Should().Be(path);
    }

    [Test]
    public void Invalid_utf8_is_a_JsonException()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"model\":\"XX\",\"messages\":[]}");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var act = () => CreateChatCompletionRequest.FromJson(bytes);

        act.Should().Throw<JsonException>();
    }

    [Test]
    public void Deep_nesting_is_bounded()
    {
        var deep = new StringBuilder("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":");
        for (var i = 0; i < 200; i++)
        {
            deep.Append("{\"a\":");
        }

        deep.Append('1').Append('}', 200).Append("}}]}");

        var act = () => CreateChatCompletionRequest.FromJson(deep.ToString());

        act.Should().Throw<JsonException>().WithMessage("*depth*");
    }

    [Test]
    public void Nesting_within_the_bound_is_read()
    {
        var nested = new StringBuilder("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":");
        for (var i = 0; i < 40; i++)
        {
            nested.Append("{\"a\":");
        }

        nested.Append('1').Append('}', 40).Append("}}]}");

        CreateChatCompletionRequest.FromJson(nested.ToString()).Tools.Should().ContainSingle();
    }

    [Test]
    public void Duplicate_members_are_rejected()
    {
        // A gateway must not validate one value while the server uses another.
        var act = () => CreateChatCompletionRequest.FromJson("""{"model":"m","messages":[{"role":"user","content":"x"}],"temperature":0.5,"temperature":9}""");

        act.Should().Throw<JsonException>().WithMessage("*temperature*");
    }

    // Found while checking the generator of the property tests (Properties/Generators.cs), which had to avoid repeated
    // members to keep the round-trip property green: Build() accepted JSON that repeats a member, wrote it, and FromJson
    // then refused the body. Model objects (Message, Tool, ...) with a repeated member threw a JsonException at the call;
    // now every entry point throws ArgumentException, as for any other bad JSON given to the builder.
    public static IEnumerable<TestCaseData> CallsGivenRepeatedMembers()
    {
        const string Repeated = """{"type":"object","properties":{"a":{"type":"string","type":"number"}}}""";
        var b = Chat.With("m").User("u");
        yield return new TestCaseData((Action)(() => b.Tool("t", null, Repeated)), "parametersJson").SetArgDisplayNames("Tool(string)");
        yield return new TestCaseData((Action)(() => b.Tool("t", null, JsonElement.Parse(Repeated))), "parameters").SetArgDisplayNames("Tool(JsonElement)");
        yield return new TestCaseData((Action)(() => b.Tool("t", null, JsonNode.Parse(Repeated)!)), "parameters").SetArgDisplayNames("Tool(JsonNode)");
        yield return new TestCaseData((Action)(() => b.Function("f", null, Repeated)), "parametersJson").SetArgDisplayNames("Function");
        yield return new TestCaseData((Action)(() => b.JsonSchemaFormat("s", Repeated)), "schemaJson").SetArgDisplayNames("JsonSchemaFormat(string)");
        yield return new TestCaseData((Action)(() => b.JsonSchemaFormat("s", JsonNode.Parse(Repeated)!)), "schema").SetArgDisplayNames("JsonSchemaFormat(JsonNode)");
        yield return new TestCaseData((Action)(() => b.Extra("x", JsonElement.Parse("""[{"a":1,"a":2}]"""))), "value").SetArgDisplayNames("Extra(JsonElement)");
        yield return new TestCaseData((Action)(() => b.Extra("x", JsonNode.Parse("""{"a":1,"a":2}"""))), "value").SetArgDisplayNames("Extra(JsonNode)");
        yield return new TestCaseData((Action)(() => b.Message(new UserMessage { Content = "x", AdditionalProperties = new Dictionary<string, JsonElement> { ["content"] = JsonElement.Parse("\"y\"") } })), "message")
            .SetArgDisplayNames("Message with an unknown member named like a known one");
        yield return new TestCaseData((Action)(() => b.Tool(new FunctionTool { Function = new FunctionDefinition { Name = "f", Parameters = JsonElement.Parse(Repeated) } })), "tool")
            .SetArgDisplayNames("Tool(ChatTool)");
        yield return new TestCaseData((Action)(() => b.ResponseFormat(new JsonSchemaResponseFormat { JsonSchema = new JsonSchemaDefinition { Name = "s", Schema = JsonElement.Parse(Repeated) } })), "format")
            .SetArgDisplayNames("ResponseFormat");
        yield return new TestCaseData((Action)(() => ChatRequestBuilder.From(new CreateChatCompletionRequest { Model = "m", AdditionalProperties = new Dictionary<string, JsonElement> { ["model"] = JsonElement.Parse("\"n\"") } })), "request")
            .SetArgDisplayNames("From");
    }

    [TestCaseSource(nameof(CallsGivenRepeatedMembers))]
    public void Json_that_repeats_a_member_is_refused_where_it_is_given(Action call, string parameter)
    {
        call.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }

    [Test]
    public void The_same_member_name_in_different_objects_is_fine()
    {
        const string Schema = """{"a":{"a":1},"b":[{"a":1},{"a":2}]}""";
        var request = Chat.With("m").User("u").Tool("t", null, Schema).Extra("x", JsonElement.Parse(Schema))
            .Message(new UserMessage { Content = "x", AdditionalProperties = new Dictionary<string, JsonElement> { ["a"] = JsonElement.Parse(Schema) } }).Build();

        CreateChatCompletionRequest.FromJson(request.ToJson()).ToJson().Should().Be(request.ToJson());
    }

    [TestCase("""{"tool_choice":{"type":"function","type":"custom"}}""", "$.tool_choice")]
    [TestCase("""{"tool_choice":{"function":{"name":"a"},"function":null}}""", "$.tool_choice")]
    [TestCase("""{"tool_choice":{"x":1,"x":2}}""", "$.tool_choice")]
    [TestCase("""{"tool_choice":{"x":{"a":1,"a":2}}}""", "$.tool_choice", "*Duplicate property 'a'*")]
    [TestCase("""{"function_call":{"name":"a","name":"b"}}""", "$.function_call")]
    [TestCase("""{"function_call":{"name":"a","x":[{"b":1,"b":2}]}}""", "$.function_call", "*Duplicate property 'b'*")]
    [TestCase("""{"audio":{"voice":{"id":"a","id":"b"}}}""", "$.audio.voice")]
    public void Duplicate_members_are_rejected_in_string_or_object_members_too(string json, string path, string message = "*is given twice*")
    {
        var act = () => CreateChatCompletionRequest.FromJson(json);

        act.Should().Throw<JsonException>().WithMessage(message).Which.Path.Should().StartWith(path);
    }

    [Test]
    public void The_public_context_keeps_its_options_choice_on_duplicates()
    {
        // Callers who use ChatJsonContext directly keep the serializer's default: the last of two members wins.
        var info = ChatRequest.Serialization.ChatJsonContext.Default.Options.GetTypeInfo(typeof(ToolChoice));

        var choice = (ToolChoice)JsonSerializer.Deserialize("""{"type":"function","type":"custom","x":1,"x":2}""", info)!;

        choice.Type.Should().Be("custom");
        choice.AdditionalProperties!["x"].GetInt32().Should().Be(2);
    }

    [Test]
    public void Nulls_inside_collections_are_problems_not_crashes()
    {
        var request = CreateChatCompletionRequest.FromJson("""
            {"model":"m","messages":[null,{"role":"user","content":[null]},{"role":"assistant","tool_calls":[null]}],
             "tools":[null],"functions":[null],"metadata":{"k":null},"stop":["a"],"modalities":[null]}
            """);

        var problems = request.Validate();

        problems.Select(p => p.Path).Should().Contain(["messages[0]", "messages[1].content[0]", "messages[2].tool_calls[0]", "tools[0]", "functions[0]", "metadata[\"k\"]", "modalities[0]"]);
        problems.Should().OnlyContain(p => p.Severity != ProblemSeverity.Error || p.RuleId == "CHAT106" || p.RuleId == "CHAT107" || p.RuleId == "CHAT105");
    }
}
