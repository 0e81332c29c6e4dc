using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequest.Tests;

/// <summary>Every builder method writes the JSON the API expects, and nothing else.</summary>
public class BuilderJsonTests
{
    private static ChatRequestBuilder Base() => Chat.With("gpt-4o").User("Hi");

    private static void ShouldWrite(ChatRequestBuilder builder, string expectedSettings)
    {
        var settings = builder.Settings();
        Json.SameJson(expectedSettings, settings).Should().BeTrue($"expected {expectedSettings} but the body's settings were {settings.ToJsonString()}");
    }

    [Test]
    public void Minimal_request_writes_only_model_and_messages()
    {
        Base().Build().ToJson().Should().Be("""{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]}""");
    }

    [Test]
    public void Messages_are_appended_in_call_order_with_their_roles()
    {
        var body = Chat.With("gpt-4o").System("s").Developer("d").User("u").Assistant("a").Body();

        Json.SameJson("""
            [{"role":"system","content":"s"},{"role":"developer","content":"d"},
             {"role":"user","content":"u"},{"role":"assistant","content":"a"}]
            """, body["messages"]).Should().BeTrue(body.ToJsonString());
    }

    [Test]
    public void Participant_names_are_written()
    {
        var body = Chat.With("gpt-4o").System("s", name: "rules").User("u", name: "alice").Assistant("a", name: "bot").Body();

        body["messages"]![0]!["name"]!.GetValue<string>().Should().Be("rules");
        body["messages"]![1]!["name"]!.GetValue<string>().Should().Be("alice");
        body["messages"]![2]!["name"]!.GetValue<string>().Should().Be("bot");
    }

    [TestCase(0.2, "0.2")]
    [TestCase(0.0, "0")]
    [TestCase(2.0, "2")]
    [TestCase(1.1, "1.1")]
    [TestCase(0.7, "0.7")]
    public void Temperature_is_written_as_shortest_round_trip_number(double value, string text)
    {
        Base().Temperature(value).Build().ToJson().Should().Contain("\"temperature\":" + text + "}");
    }

    [Test] public void TopP() => ShouldWrite(Base().TopP(0.9), """{"top_p":0.9}""");
    [Test] public void FrequencyPenalty() => ShouldWrite(Base().FrequencyPenalty(0.5), """{"frequency_penalty":0.5}""");
    [Test] public void PresencePenalty() => ShouldWrite(Base().PresencePenalty(-0.5), """{"presence_penalty":-0.5}""");
    [Test] public void MaxTokens() => ShouldWrite(Base().MaxTokens(256), """{"max_tokens":256}""");
    [Test] public void MaxCompletionTokens() => ShouldWrite(Base().MaxCompletionTokens(256), """{"max_completion_tokens":256}""");
    [Test] public void N() => ShouldWrite(Base().N(2), """{"n":2}""");
    [Test] public void Stream_defaults_to_true() => ShouldWrite(Base().Stream(), """{"stream":true}""");
    [Test] public void Stream_false() => ShouldWrite(Base().Stream(false), """{"stream":false}""");
    [Test] public void EndUser_writes_user() => ShouldWrite(Base().EndUser("user-1234"), """{"user":"user-1234"}""");
    [Test] public void Seed_is_a_long() => ShouldWrite(Base().Seed(long.MaxValue), """{"seed":9223372036854775807}""");
    [Test] public void Logprobs_defaults_to_true() => ShouldWrite(Base().Logprobs(), """{"logprobs":true}""");
    [Test] public void TopLogprobs() => ShouldWrite(Base().Logprobs().TopLogprobs(5), """{"logprobs":true,"top_logprobs":5}""");
    [Test] public void Store() => ShouldWrite(Base().Store(), """{"store":true}""");
    [Test] public void SafetyIdentifier() => ShouldWrite(Base().SafetyIdentifier("hash"), """{"safety_identifier":"hash"}""");
    [Test] public void PromptCacheKey() => ShouldWrite(Base().PromptCacheKey("k1"), """{"prompt_cache_key":"k1"}""");
    [Test] public void PromptCacheRetention() => ShouldWrite(Base().PromptCacheRetention(ChatRequest.PromptCacheRetention.Hours24), """{"prompt_cache_retention":"24h"}""");
    [Test] public void PromptCacheOptions() => ShouldWrite(Base().PromptCacheOptions(PromptCacheMode.Explicit, "30m"), """{"prompt_cache_options":{"mode":"explicit","ttl":"30m"}}""");
    [Test] public void ServiceTier() => ShouldWrite(Base().ServiceTier(ChatRequest.ServiceTier.Flex), """{"service_tier":"flex"}""");
    [Test] public void ReasoningEffort() => ShouldWrite(Base().ReasoningEffort(ChatRequest.ReasoningEffort.XHigh), """{"reasoning_effort":"xhigh"}""");
    [Test] public void Verbosity() => ShouldWrite(Base().Verbosity(ChatRequest.Verbosity.Low), """{"verbosity":"low"}""");
    [Test] public void Prediction() => ShouldWrite(Base().Prediction("abc"), """{"prediction":{"type":"content","content":"abc"}}""");
    [Test] public void Metadata_accumulates() => ShouldWrite(Base().Metadata("a", "1").Metadata("b", "2"), """{"metadata":{"a":"1","b":"2"}}""");

    [Test]
    public void LogitBias_writes_token_ids_as_keys_and_is_repeatable()
    {
        ShouldWrite(Base().LogitBias(tokenId: 50256, bias: -100).LogitBias(1234, 5), """{"logit_bias":{"50256":-100,"1234":5}}""");
    }

    [Test]
    public void LogitBias_for_the_same_token_keeps_the_later_bias()
    {
        ShouldWrite(Base().LogitBias(7, 1).LogitBias(7, -1), """{"logit_bias":{"7":-1}}""");
    }

    [Test]
    public void Stop_with_several_sequences_is_an_array() => ShouldWrite(Base().Stop("\n", "END"), """{"stop":["\n","END"]}""");

    [Test]
    public void Stop_called_again_replaces_the_list() => ShouldWrite(Base().Stop("a", "b").Stop("c"), """{"stop":["c"]}""");

    [Test]
    public void StreamOptions_writes_only_what_was_given()
    {
        ShouldWrite(Base().Stream().StreamOptions(includeUsage: true), """{"stream":true,"stream_options":{"include_usage":true}}""");
        ShouldWrite(Base().Stream().StreamOptions(includeObfuscation: false), """{"stream":true,"stream_options":{"include_obfuscation":false}}""");
    }

    [Test]
    public void Modalities_and_audio()
    {
        ShouldWrite(
            Base().Modalities(Modality.Text, Modality.Audio).Audio("alloy", AudioFormat.Pcm16),
            """{"modalities":["text","audio"],"audio":{"voice":"alloy","format":"pcm16"}}""");
        ShouldWrite(Base().Audio(AudioVoice.Custom("voice_123"), AudioFormat.Mp3), """{"audio":{"voice":{"id":"voice_123"},"format":"mp3"}}""");
    }

    [Test]
    public void WebSearchOptions()
    {
        ShouldWrite(Base().WebSearchOptions(SearchContextSize.Low), """{"web_search_options":{"search_context_size":"low"}}""");
        ShouldWrite(
            Base().WebSearchOptions(country: "US", city: "Boston"),
            """{"web_search_options":{"user_location":{"type":"approximate","approximate":{"country":"US","city":"Boston"}}}}""");
    }

    [Test]
    public void Moderation()
    {
        ShouldWrite(Base().Moderation("omni-moderation-latest"), """{"moderation":{"model":"omni-moderation-latest"}}""");
        ShouldWrite(
            Base().Moderation("omni-moderation-latest", input: ModerationMode.Block),
            """{"moderation":{"model":"omni-moderation-latest","policy":{"input":{"mode":"block"}}}}""");
    }

    [Test]
    public void Function_tool_with_schema_as_text()
    {
        ShouldWrite(
            Base().Tool("get_weather", "Get the weather for a city", """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""),
            """{"tools":[{"type":"function","function":{"name":"get_weather","description":"Get the weather for a city","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]}""");
    }

    [Test]
    public void Function_tool_with_schema_as_JsonElement_and_JsonNode_and_strict()
    {
        using var document = JsonDocument.Parse("""{"type":"object"}""");
        var node = new JsonObject { ["type"] = "object" };

        ShouldWrite(Base().Tool("a", null, document.RootElement, strict: true), """{"tools":[{"type":"function","function":{"name":"a","parameters":{"type":"object"},"strict":true}}]}""");
        ShouldWrite(Base().Tool("b", "d", node), """{"tools":[{"type":"function","function":{"name":"b","description":"d","parameters":{"type":"object"}}}]}""");
    }

    [Test]
    public void Function_tool_without_parameters()
    {
        ShouldWrite(Base().Tool("now"), """{"tools":[{"type":"function","function":{"name":"now"}}]}""");
    }

    [Test]
    public void Tool_schema_that_is_not_an_object_is_rejected_at_the_call()
    {
        var act = () => Base().Tool("a", null, "[1,2]");
        act.Should().Throw<ArgumentException>().WithParameterName("parametersJson").WithMessage("*JSON Schema object*array*");

        var bad = () => Base().Tool("a", null, "{not json");
        bad.Should().Throw<ArgumentException>().WithParameterName("parametersJson").WithMessage("*not valid JSON*");
    }

    [Test]
    public void Custom_tools()
    {
        ShouldWrite(Base().CustomTool("sql", "Run SQL"), """{"tools":[{"type":"custom","custom":{"name":"sql","description":"Run SQL"}}]}""");
        ShouldWrite(
            Base().CustomTool("sql", null, "start: /.+/", GrammarSyntax.Lark),
            """{"tools":[{"type":"custom","custom":{"name":"sql","format":{"type":"grammar","grammar":{"definition":"start: /.+/","syntax":"lark"}}}}]}""");
    }

    [Test]
    public void Tool_choice_forms()
    {
        ShouldWrite(Base().Tool("f").ToolChoice(ToolChoiceMode.Required), """{"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"required"}""");
        ShouldWrite(Base().Tool("f").ForceFunction("f"), """{"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"f"}}}""");
        ShouldWrite(Base().CustomTool("c").ToolChoice(ToolChoice.ForCustomTool("c")), """{"tools":[{"type":"custom","custom":{"name":"c"}}],"tool_choice":{"type":"custom","custom":{"name":"c"}}}""");
        ShouldWrite(Base().Tool("f").ToolChoice(ToolChoice.None), """{"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"none"}""");
    }

    [Test]
    public void Allowed_tools_tool_choice()
    {
        using var tool = JsonDocument.Parse("""{"type":"function","function":{"name":"f"}}""");
        var choice = new ToolChoice { Type = "allowed_tools", AllowedTools = new AllowedTools { Mode = "auto", Tools = [tool.RootElement.Clone()] } };

        ShouldWrite(
            Base().Tool("f").ToolChoice(choice),
            """{"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"allowed_tools","allowed_tools":{"mode":"auto","tools":[{"type":"function","function":{"name":"f"}}]}}}""");
    }

    [Test]
    public void ParallelToolCalls() => ShouldWrite(Base().Tool("f").ParallelToolCalls(false), """{"tools":[{"type":"function","function":{"name":"f"}}],"parallel_tool_calls":false}""");

    [Test]
    public void Legacy_functions_and_function_call()
    {
        ShouldWrite(
            Base().Function("f", "does f", """{"type":"object"}""").FunctionCall("f"),
            """{"functions":[{"name":"f","description":"does f","parameters":{"type":"object"}}],"function_call":{"name":"f"}}""");
        ShouldWrite(Base().Function("f").FunctionCall(FunctionCallMode.Auto), """{"functions":[{"name":"f"}],"function_call":"auto"}""");
    }

    [Test]
    public void Response_formats()
    {
        ShouldWrite(Base().TextFormat(), """{"response_format":{"type":"text"}}""");
        ShouldWrite(Chat.With("gpt-4o").User("Answer in JSON").JsonObjectFormat(), """{"response_format":{"type":"json_object"}}""");
        ShouldWrite(
            Base().JsonSchemaFormat("answer", """{"type":"object"}""", description: "The answer"),
            """{"response_format":{"type":"json_schema","json_schema":{"name":"answer","description":"The answer","schema":{"type":"object"},"strict":true}}}""");
        ShouldWrite(
            Base().JsonSchemaFormat("answer", new JsonObject { ["type"] = "object" }, strict: null),
            """{"response_format":{"type":"json_schema","json_schema":{"name":"answer","schema":{"type":"object"}}}}""");
    }

    [Test]
    public void Content_parts_of_a_user_message()
    {
        var body = Chat.With("gpt-4o").User(
            ContentPart.FromText("What is this?"),
            ContentPart.FromImageUrl("https://example.com/a.png", ImageDetail.High),
            ContentPart.FromImageBytes([1, 2, 3], "image/png"),
            ContentPart.FromAudioBytes([4, 5], InputAudioFormat.Wav),
            ContentPart.FromFileId("file-abc"),
            ContentPart.FromFileBytes([6], "a.pdf")).Body();

        Json.SameJson("""
            [{"type":"text","text":"What is this?"},
             {"type":"image_url","image_url":{"url":"https://example.com/a.png","detail":"high"}},
             {"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"}},
             {"type":"input_audio","input_audio":{"data":"BAU=","format":"wav"}},
             {"type":"file","file":{"file_id":"file-abc"}},
             {"type":"file","file":{"filename":"a.pdf","file_data":"Bg=="}}]
            """, body["messages"]![0]!["content"]).Should().BeTrue(body.ToJsonString());
    }

    [Test]
    public void Assistant_tool_calls_and_tool_results()
    {
        var body = Chat.With("gpt-4o")
            .User("Weather in Paris?")
            .AssistantToolCalls(ToolCall.ForFunction("call_1", "get_weather", """{"city":"Paris"}"""), ToolCall.ForCustomTool("call_2", "sql", "select 1"))
            .ToolResult("call_1", "sunny")
            .Body();

        Json.SameJson("""
            {"role":"assistant","tool_calls":[
              {"type":"function","id":"call_1","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
              {"type":"custom","id":"call_2","custom":{"name":"sql","input":"select 1"}}]}
            """, body["messages"]![1]).Should().BeTrue(body.ToJsonString());
        Json.SameJson("""{"role":"tool","tool_call_id":"call_1","content":"sunny"}""", body["messages"]![2]).Should().BeTrue();
    }

    [Test]
    public void Function_result_message()
    {
        var body = Chat.With("gpt-4o").User("x").FunctionResult("legacy", "42").Body();

        Json.SameJson("""{"role":"function","name":"legacy","content":"42"}""", body["messages"]![1]).Should().BeTrue();
    }

    [Test]
    public void Any_message_object_can_be_appended()
    {
        var message = new AssistantMessage { Content = new MessageContent([ContentPart.FromRefusal("no")]), Refusal = "no" };

        var body = Base().Message(message).Body();

        Json.SameJson("""{"role":"assistant","content":[{"type":"refusal","refusal":"no"}],"refusal":"no"}""", body["messages"]![1]).Should().BeTrue();
    }

    [Test]
    public void Extra_members_are_written_after_the_known_ones()
    {
        var json = Base().Extra("top_k", 40).Extra("repetition_penalty", 1.1).Extra("safe_mode", true).Extra("provider", "x")
            .Extra("options", new JsonObject { ["a"] = 1 }).Build().ToJson();

        json.Should().EndWith(""","top_k":40,"repetition_penalty":1.1,"safe_mode":true,"provider":"x","options":{"a":1}}""");
    }

    [TestCase("temperature")]
    [TestCase("messages")]
    [TestCase("tool_choice")]
    [TestCase("")]
    public void Extra_refuses_a_known_member_or_an_empty_name(string name)
    {
        var act = () => Base().Extra(name, 1.0);

        act.Should().Throw<ArgumentException>().WithParameterName("name");
    }

    [Test]
    public void Null_arguments_are_rejected_at_the_call_with_their_name()
    {
        FluentActions.Invoking(() => Chat.With(null!)).Should().Throw<ArgumentNullException>().WithParameterName("model");
        FluentActions.Invoking(() => Base().User((string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("content");
        FluentActions.Invoking(() => Base().Stop(null!)).Should().Throw<ArgumentNullException>().WithParameterName("sequences");
        FluentActions.Invoking(() => Base().Stop("a", null!)).Should().Throw<ArgumentException>().WithParameterName("sequences");
        FluentActions.Invoking(() => Base().Tool((string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => Base().Metadata("k", null!)).Should().Throw<ArgumentNullException>().WithParameterName("value");
    }

    [Test]
    public void Undefined_enum_values_are_rejected_at_the_call()
    {
        var act = () => Base().ReasoningEffort((ReasoningEffort)99);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*99*ReasoningEffort*");
    }

    [Test]
    public void Non_ascii_text_is_written_as_is_and_control_characters_escaped()
    {
        var json = Chat.With("gpt-4o").User("Grüße, 東京 \"quoted\"\t<b>").Build().ToJson();

        json.Should().Contain("Grüße, 東京 \\\"quoted\\\"\\t<b>");
        CreateChatCompletionRequest.FromJson(json).Messages![0].Content!.Text.Should().Be("Grüße, 東京 \"quoted\"\t<b>");
    }
}

/// <summary>Shortcuts added after documenting the API.</summary>
public class BuilderShortcutTests
{
    private static ChatRequestBuilder Base() => Chat.With("gpt-4o").User("Hi");

    [Test]
    public void ForceCustomTool_and_AllowedTools()
    {
        Json.SameJson("""{"type":"custom","custom":{"name":"c"}}""", Base().CustomTool("c").ForceCustomTool("c").Body()["tool_choice"]).Should().BeTrue();
        Json.SameJson(
            """{"type":"allowed_tools","allowed_tools":{"mode":"required","tools":[{"type":"function","function":{"name":"a"}},{"type":"function","function":{"name":"b"}}]}}""",
            Base().Tool("a").Tool("b").AllowedTools(ToolChoiceMode.Required, "a", "b").Body()["tool_choice"]).Should().BeTrue();
        Base().Tool("a").AllowedTools(ToolChoiceMode.None, "a").Validate().Should().Contain(p => p.RuleId == "CHAT107" && p.Path == "tool_choice.allowed_tools.mode");
    }

    [Test]
    public void Named_user_message_with_parts()
    {
        var message = Chat.With("gpt-4o").User([ContentPart.FromText("a")], name: "alice").Body()["messages"]![0]!;

        Json.SameJson("""{"role":"user","name":"alice","content":[{"type":"text","text":"a"}]}""", message).Should().BeTrue(message.ToJsonString());
    }

    [Test]
    public void Extra_integers_keep_full_precision()
    {
        Base().Extra("big", long.MaxValue).Build().ToJson().Should().EndWith("\"big\":9223372036854775807}");
        Base().Extra("small", 40).Build().ToJson().Should().EndWith("\"small\":40}");
    }
}
