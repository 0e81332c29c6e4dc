namespace ChatRequest.Tests;

/// <summary>Validate() on bodies parsed from JSON (a gateway checking incoming requests): required members and allowed values.</summary>
public class ParsedBodyValidationTests
{
    private static IReadOnlyList<ValidationProblem> Problems(string extraMembers, string messages = """[{"role":"user","content":"hi"}]""") =>
        CreateChatCompletionRequest.FromJson("{\"model\":\"m\",\"messages\":" + messages + (extraMembers.Length > 0 ? "," + extraMembers : string.Empty) + "}").Validate();

    [TestCase("""[{"role":"user"}]""", "messages[0].content")]
    [TestCase("""[{"role":"system"}]""", "messages[0].content")]
    [TestCase("""[{"role":"developer","content":null}]""", "messages[0].content")]
    [TestCase("""[{"role":"tool","content":"x"}]""", "messages[0].tool_call_id")]
    [TestCase("""[{"role":"function","content":"x"}]""", "messages[0].name")]
    [TestCase("""[{"role":"function","name":"f"}]""", "messages[0].content")]
    [TestCase("""[{"role":"assistant"}]""", "messages[0].content")]
    [TestCase("""[{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f","arguments":"{}"}}]}]""", "messages[0].tool_calls[0].id")]
    [TestCase("""[{"role":"assistant","tool_calls":[{"type":"function","id":"c"}]}]""", "messages[0].tool_calls[0].function")]
    [TestCase("""[{"role":"assistant","tool_calls":[{"type":"function","id":"c","function":{"arguments":"{}"}}]}]""", "messages[0].tool_calls[0].function.name")]
    [TestCase("""[{"role":"assistant","tool_calls":[{"type":"custom","id":"c","custom":{"name":"x"}}]}]""", "messages[0].tool_calls[0].custom.input")]
    [TestCase("""[{"role":"assistant","function_call":{"name":"f"}}]""", "messages[0].function_call.arguments")]
    [TestCase("""[{"role":"assistant","audio":{}}]""", "messages[0].audio.id")]
    [TestCase("""[{"role":"user","content":[{"type":"text"}]}]""", "messages[0].content[0].text")]
    [TestCase("""[{"role":"user","content":[{"type":"image_url"}]}]""", "messages[0].content[0].image_url")]
    [TestCase("""[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]""", "messages[0].content[0].image_url.url")]
    [TestCase("""[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AA=="}}]}]""", "messages[0].content[0].input_audio.format")]
    [TestCase("""[{"role":"user","content":[{"type":"file"}]}]""", "messages[0].content[0].file")]
    [TestCase("""[{"role":"user","content":[{"type":"text","text":"x","prompt_cache_breakpoint":{}}]}]""", "messages[0].content[0].prompt_cache_breakpoint.mode")]
    public void Missing_required_member_is_CHAT106(string messages, string path)
    {
        Problems(string.Empty, messages).Should().Contain(p => p.RuleId == "CHAT106" && p.Path == path && p.Severity == ProblemSeverity.Error);
    }

    // Found by the schema property (Properties/SchemaProperties.cs): Build() accepted a function message with text
    // parts or with no content, which the API's schema rejects (its content is a string or null, and required).
    [Test]
    public void Function_message_content_is_a_string_or_an_explicit_null()
    {
        Problems(string.Empty, """[{"role":"function","name":"f","content":null}]""").Should().NotContain(p => p.Severity == ProblemSeverity.Error);
        Problems(string.Empty, """[{"role":"function","name":"f","content":"42"}]""").Should().NotContain(p => p.Severity == ProblemSeverity.Error);

        FluentActions.Invoking(() => Chat.With("m").Message(new FunctionMessage { Name = "f" }).Build())
            .Should().Throw<ChatRequestValidationException>().Which.Problems.Should().ContainSingle(p => p.Severity == ProblemSeverity.Error)
            .Which.Should().Match<ValidationProblem>(p => p.RuleId == "CHAT106" && p.Path == "messages[0].content");
        FluentActions.Invoking(() => Chat.With("m").Message(new FunctionMessage { Name = "f", Content = new MessageContent([ContentPart.FromText("42")]) }).Build())
            .Should().Throw<ChatRequestValidationException>().Which.Problems.Should().ContainSingle(p => p.Severity == ProblemSeverity.Error)
            .Which.Should().Match<ValidationProblem>(p => p.RuleId == "CHAT107" && p.Path == "messages[0].content");
        Chat.With("m").FunctionResult("f", "42").Build().Messages.Should().ContainSingle();
    }

    [Test]
    public void Assistant_with_only_tool_calls_needs_no_content()
    {
        Problems(string.Empty, """[{"role":"user","content":"x"},{"role":"assistant","content":null,"tool_calls":[{"type":"function","id":"c","function":{"name":"f","arguments":"{}"}}]}]""")
            .Should().BeEmpty();
    }

    [TestCase("""[{"role":"system","content":[{"type":"image_url","image_url":{"url":"https://x/a.png"}}]}]""", "messages[0].content[0].type")]
    [TestCase("""[{"role":"developer","content":[{"type":"file","file":{"file_id":"f"}}]}]""", "messages[0].content[0].type")]
    [TestCase("""[{"role":"tool","tool_call_id":"c","content":[{"type":"refusal","refusal":"no"}]}]""", "messages[0].content[0].type")]
    [TestCase("""[{"role":"user","content":[{"type":"refusal","refusal":"no"}]}]""", "messages[0].content[0].type")]
    [TestCase("""[{"role":"assistant","content":[{"type":"input_audio","input_audio":{"data":"AA==","format":"wav"}}]}]""", "messages[0].content[0].type")]
    [TestCase("""[{"role":"assistant","content":[{"type":"text","text":"a"},{"type":"refusal","refusal":"no"}]}]""", "messages[0].content")]
    [TestCase("""[{"role":"function","name":"f","content":[{"type":"text","text":"42"}]}]""", "messages[0].content")]
    [TestCase("""[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/a.png","detail":"ultra"}}]}]""", "messages[0].content[0].image_url.detail")]
    [TestCase("""[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AA==","format":"ogg"}}]}]""", "messages[0].content[0].input_audio.format")]
    public void Part_not_allowed_in_role_or_bad_value_is_CHAT107(string messages, string path)
    {
        Problems(string.Empty, messages).Should().Contain(p => p.RuleId == "CHAT107" && p.Path == path);
    }

    [Test]
    public void Empty_part_list_is_CHAT105()
    {
        Problems(string.Empty, """[{"role":"user","content":[]}]""").Should().Contain(p => p.RuleId == "CHAT105" && p.Path == "messages[0].content");
    }

    [TestCase("\"reasoning_effort\":\"extreme\"", "reasoning_effort")]
    [TestCase("\"service_tier\":\"gold\"", "service_tier")]
    [TestCase("\"verbosity\":\"loud\"", "verbosity")]
    [TestCase("\"modalities\":[\"text\",\"video\"]", "modalities[1]")]
    [TestCase("\"prompt_cache_retention\":\"1h\"", "prompt_cache_retention")]
    [TestCase("\"prompt_cache_options\":{\"ttl\":\"1h\"}", "prompt_cache_options.ttl")]
    [TestCase("\"prompt_cache_options\":{\"mode\":\"lazy\"}", "prompt_cache_options.mode")]
    [TestCase("\"tool_choice\":\"always\"", "tool_choice")]
    [TestCase("\"tool_choice\":{\"type\":\"magic\"}", "tool_choice.type")]
    [TestCase("\"function_call\":\"required\"", "function_call")]
    [TestCase("\"audio\":{\"voice\":\"alloy\",\"format\":\"ogg\"}", "audio.format")]
    [TestCase("\"web_search_options\":{\"search_context_size\":\"huge\"}", "web_search_options.search_context_size")]
    [TestCase("\"web_search_options\":{\"user_location\":{\"type\":\"exact\",\"approximate\":{}}}", "web_search_options.user_location.type")]
    [TestCase("\"moderation\":{\"model\":\"m\",\"policy\":{\"input\":{\"mode\":\"warn\"}}}", "moderation.policy.input.mode")]
    [TestCase("\"prediction\":{\"type\":\"guess\",\"content\":\"x\"}", "prediction.type")]
    [TestCase("\"tools\":[{\"type\":\"custom\",\"custom\":{\"name\":\"c\",\"format\":{\"type\":\"grammar\",\"grammar\":{\"definition\":\"x\",\"syntax\":\"peg\"}}}}]", "tools[0].custom.format.grammar.syntax")]
    [TestCase("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"a\",\"schema\":[1]}}", "response_format.json_schema.schema")]
    public void Value_outside_its_set_is_CHAT107(string member, string path)
    {
        Problems(member).Should().Contain(p => p.RuleId == "CHAT107" && p.Path == path && p.Severity == ProblemSeverity.Error);
    }

    [TestCase("\"audio\":{\"format\":\"wav\"}", "audio.voice")]
    [TestCase("\"prediction\":{\"type\":\"content\"}", "prediction.content")]
    [TestCase("\"moderation\":{}", "moderation.model")]
    [TestCase("\"web_search_options\":{\"user_location\":{\"type\":\"approximate\"}}", "web_search_options.user_location.approximate")]
    [TestCase("\"tools\":[{\"type\":\"function\"}]", "tools[0].function")]
    [TestCase("\"tools\":[{\"type\":\"function\",\"function\":{}}]", "tools[0].function.name")]
    [TestCase("\"tools\":[{\"type\":\"custom\",\"custom\":{}}]", "tools[0].custom.name")]
    [TestCase("\"response_format\":{\"type\":\"json_schema\"}", "response_format.json_schema")]
    [TestCase("\"tool_choice\":{\"type\":\"function\"}", "tool_choice.function.name")]
    [TestCase("\"tool_choice\":{\"type\":\"allowed_tools\",\"allowed_tools\":{\"mode\":\"auto\"}}", "tool_choice.allowed_tools.tools")]
    [TestCase("\"function_call\":{}", "function_call.name")]
    public void Missing_member_of_an_option_object_is_CHAT106(string member, string path)
    {
        Problems(member).Should().Contain(p => p.RuleId == "CHAT106" && p.Path == path);
    }

    [Test]
    public void Every_allowed_value_of_every_enum_passes()
    {
        foreach (var effort in new[] { "none", "minimal", "low", "medium", "high", "xhigh", "max" })
        {
            Problems($"\"reasoning_effort\":\"{effort}\"").Should().BeEmpty(effort);
        }

        foreach (var tier in new[] { "auto", "default", "flex", "scale", "priority", "fast" })
        {
            Problems($"\"service_tier\":\"{tier}\"").Should().BeEmpty(tier);
        }

        foreach (var format in new[] { "wav", "aac", "mp3", "flac", "opus", "pcm16" })
        {
            Problems($"\"modalities\":[\"text\",\"audio\"],\"audio\":{{\"voice\":\"alloy\",\"format\":\"{format}\"}}").Should().BeEmpty(format);
        }
    }
}
