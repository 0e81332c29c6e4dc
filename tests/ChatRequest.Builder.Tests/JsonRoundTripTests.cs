using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequest.Tests;

/// <summary>JSON out and back in, through every entry point.</summary>
public class JsonRoundTripTests
{
    [TestCaseSource(typeof(RichRequests), nameof(RichRequests.All))]
    public void Built_request_round_trips(ChatRequestBuilder builder)
    {
        var request = builder.Build();
        var json = request.ToJson();

        var back = CreateChatCompletionRequest.FromJson(json);

        back.Should().Be(request);
        back.ToJson().Should().Be(json, "writing a parsed request gives the same bytes");
        back.Should().BeEquivalentTo(request, o => o.RespectingRuntimeTypes(), "every public member survives the round trip");
    }

    // Found by the round-trip property (Properties/RoundTripProperties.cs): a schema was written as the caller spelled it
    // (or as JsonNode.ToJsonString() escapes it), while the same request parsed back wrote it with the request writer's
    // escaping, so FromJson(json).ToJson() was not json.
    [TestCase("""{"d":"a\u0041\/b"}""", TestName = "Schema text with escapes")]
    [TestCase("{\"d\":\"\uD83D\uDE00 \u2028 \u0085\"}", TestName = "Schema text with characters the writer escapes")]
    [TestCase("""{"d":"& < > + ' é Ω"}""", TestName = "Schema text the writer leaves alone")]
    public void A_schema_is_written_the_same_way_before_and_after_a_round_trip(string schema)
    {
        var node = JsonNode.Parse(schema)!;
        var builders = new[]
        {
            Chat.With("m").User("hi").Tool("t", null, schema),
            Chat.With("m").User("hi").Tool("t", null, node),
            Chat.With("m").User("hi").Tool("t", null, JsonElement.Parse(schema)),
            Chat.With("m").User("hi").Function("f", null, schema),
            Chat.With("m").User("hi").JsonSchemaFormat("s", schema),
            Chat.With("m").User("hi").JsonSchemaFormat("s", node),
        };

        foreach (var builder in builders)
        {
            var json = builder.Build().ToJson();

            CreateChatCompletionRequest.FromJson(json).ToJson().Should().Be(json);
            builder.ToBuilder_ForTests().ToJson().Should().Be(json, "the object model writes what the chain writes");
            var body = JsonNode.Parse(json)!;
            var written = body["tools"]?[0]?["function"]?["parameters"] ?? body["functions"]?[0]?["parameters"] ?? body["response_format"]!["json_schema"]!["schema"];
            JsonNode.DeepEquals(written, node).Should().BeTrue("the schema keeps its meaning");
        }
    }

    [Test]
    public void Every_field_request_sets_all_37_fields_and_all_six_roles()
    {
        var body = RichRequests.EveryField().Build().Body();

        body.Select(p => p.Key).Except(["vendor_option"]).Should().HaveCount(37);
        body["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).Distinct()
            .Should().BeEquivalentTo("developer", "system", "user", "assistant", "tool", "function");
    }

    [Test]
    public void All_writers_produce_the_same_bytes()
    {
        var request = RichRequests.EveryField().Build();
        var expected = Encoding.UTF8.GetBytes(request.ToJson());

        var buffer = new ArrayBufferWriter<byte>();
        request.WriteTo(buffer);

        using var stream = new MemoryStream();
        request.WriteTo(stream);

        var viaWriter = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(viaWriter))
        {
            request.WriteTo(writer);
        }

        buffer.WrittenSpan.ToArray().Should().Equal(expected);
        stream.ToArray().Should().Equal(expected);
        request.ToUtf8Bytes().Should().Equal(expected);
        // A caller's Utf8JsonWriter keeps its own escaping settings, so compare the JSON, not the bytes.
        JsonNode.DeepEquals(JsonNode.Parse(viaWriter.WrittenSpan), JsonNode.Parse(expected)).Should().BeTrue();
    }

    [Test]
    public async Task Async_stream_write_and_read()
    {
        var request = RichRequests.Typical().Build();
        using var stream = new MemoryStream();

        await request.WriteToAsync(stream);
        stream.Position = 0;
        var back = await CreateChatCompletionRequest.FromJsonAsync(stream);

        back.Should().Be(request);
    }

    [Test]
    public void Parses_from_string_bytes_and_stream_alike()
    {
        var json = RichRequests.EveryField().Build().ToJson();
        var bytes = Encoding.UTF8.GetBytes(json);

        var fromString = CreateChatCompletionRequest.FromJson(json);
        var fromBytes = CreateChatCompletionRequest.FromJson(bytes);
        using var stream = new MemoryStream(bytes);
        var fromStream = CreateChatCompletionRequest.FromJson(stream);

        fromBytes.Should().Be(fromString);
        fromStream.Should().Be(fromString);
    }

    [Test]
    public void Unknown_members_are_kept_at_every_level_and_written_back()
    {
        const string json = """
            {"model":"llama-3","messages":[{"role":"user","content":"hi","x_trace":{"id":7}}],
             "top_k":40,"min_p":0.05,"chat_template_kwargs":{"enable_thinking":false},
             "tools":[{"type":"function","function":{"name":"f","x_vendor":true}}]}
            """;

        var request = CreateChatCompletionRequest.FromJson(json);

        request.AdditionalProperties!.Keys.Should().BeEquivalentTo("top_k", "min_p", "chat_template_kwargs");
        request.AdditionalProperties["top_k"].GetInt32().Should().Be(40);
        request.Messages![0].AdditionalProperties!["x_trace"].GetProperty("id").GetInt32().Should().Be(7);
        ((FunctionTool)request.Tools![0]).Function!.AdditionalProperties!.Should().ContainKey("x_vendor");
        JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(request.ToJson())).Should().BeTrue(request.ToJson());
        request.Validate().Should().BeEmpty();
    }

    [Test]
    public void Union_members_keep_their_shape()
    {
        var request = CreateChatCompletionRequest.FromJson("""
            {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"a"}]},{"role":"system","content":"b"}],
             "stop":"\n","tool_choice":"auto","function_call":{"name":"f"},"audio":{"voice":{"id":"v1"},"format":"wav"},
             "prediction":{"type":"content","content":[{"type":"text","text":"p"}]}}
            """);

        request.Messages![0].Content!.IsText.Should().BeFalse();
        request.Messages[1].Content!.IsText.Should().BeTrue();
        request.Stop!.IsSingleString.Should().BeTrue();
        request.ToolChoice!.Mode.Should().Be("auto");
        request.FunctionCall!.Name.Should().Be("f");
        request.Audio!.Voice!.Id.Should().Be("v1");
        request.Prediction!.Content!.Parts.Should().ContainSingle();
        var body = request.Body();
        body["stop"]!.GetValueKind().Should().Be(JsonValueKind.String);
        body["tool_choice"]!.GetValueKind().Should().Be(JsonValueKind.String);
        body["messages"]![0]!["content"]!.GetValueKind().Should().Be(JsonValueKind.Array);
        body["audio"]!["voice"]!.GetValueKind().Should().Be(JsonValueKind.Object);
    }

    [Test]
    public void Equality_ignores_member_order_but_not_values()
    {
        var a = CreateChatCompletionRequest.FromJson("""{"model":"m","messages":[{"role":"user","content":"x"}],"n":1,"top_p":0.5}""");
        var b = CreateChatCompletionRequest.FromJson("""{"top_p":0.5,"n":1,"messages":[{"content":"x","role":"user"}],"model":"m"}""");
        var c = CreateChatCompletionRequest.FromJson("""{"model":"m","messages":[{"role":"user","content":"x"}],"n":2,"top_p":0.5}""");

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(c);
        a.Equals(null).Should().BeFalse();
    }

    [Test]
    public void ToString_does_not_print_message_text()
    {
        var request = Chat.With("gpt-4o").User("my secret prompt").Build();

        request.ToString().Should().Be("CreateChatCompletionRequest { model = gpt-4o, messages = 1 }");
    }

    [Test]
    public void Role_can_come_after_other_members()
    {
        var request = CreateChatCompletionRequest.FromJson("""{"messages":[{"content":"x","name":"n","role":"user"}],"model":"m"}""");

        request.Messages![0].Should().BeOfType<UserMessage>().Which.Name.Should().Be("n");
    }
}
