using ChatRequest.Validation;

namespace ChatRequest.Tests;

/// <summary>Every runtime rule: accepted at its edge, rejected just past it (NaN and infinities rejected).</summary>
public class RuleBoundaryTests
{
    private static ChatRequestBuilder Base() => Chat.With("gpt-4o").User("Hi");

    private static IEnumerable<ValidationProblem> Problems(ChatRequestBuilder builder, string ruleId) =>
        builder.Validate().Where(p => p.RuleId == ruleId);

    public static IEnumerable<TestCaseData> DoubleSetters()
    {
        yield return new TestCaseData("temperature", (Func<ChatRequestBuilder, double, ChatRequestBuilder>)((b, v) => b.Temperature(v)), 0.0, 2.0).SetArgDisplayNames("temperature");
        yield return new TestCaseData("top_p", (Func<ChatRequestBuilder, double, ChatRequestBuilder>)((b, v) => b.TopP(v)), 0.0, 1.0).SetArgDisplayNames("top_p");
        yield return new TestCaseData("frequency_penalty", (Func<ChatRequestBuilder, double, ChatRequestBuilder>)((b, v) => b.FrequencyPenalty(v)), -2.0, 2.0).SetArgDisplayNames("frequency_penalty");
        yield return new TestCaseData("presence_penalty", (Func<ChatRequestBuilder, double, ChatRequestBuilder>)((b, v) => b.PresencePenalty(v)), -2.0, 2.0).SetArgDisplayNames("presence_penalty");
    }

    [TestCaseSource(nameof(DoubleSetters))]
    public void Double_setting_is_accepted_at_both_edges_and_rejected_just_past_them(string field, Func<ChatRequestBuilder, double, ChatRequestBuilder> set, double min, double max)
    {
        foreach (var ok in new[] { min, max, (min + max) / 2 })
        {
            Problems(set(Base(), ok), "CHAT101").Should().BeEmpty($"{ok} is inside {field}'s range");
            FluentActions.Invoking(() => set(Base(), ok).Build()).Should().NotThrow();
        }

        foreach (var bad in new[] { Math.BitDecrement(min), Math.BitIncrement(max), min - 1, max + 0.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue })
        {
            var problem = Problems(set(Base(), bad), "CHAT101").Should().ContainSingle($"{bad} is outside {field}'s range").Subject;
            problem.Path.Should().Be(field);
            problem.Severity.Should().Be(ProblemSeverity.Error);
            problem.Message.Should().StartWith(field + " must be from ").And.Contain(", but is ");
            FluentActions.Invoking(() => set(Base(), bad).Build()).Should().Throw<ChatRequestValidationException>()
                .Which.Problems.Should().Contain(p => p.RuleId == "CHAT101" && p.Path == field);
        }
    }

    [Test]
    public void Out_of_range_message_names_field_value_and_range()
    {
        Problems(Base().Temperature(2.5), "CHAT101").Single().Message.Should().Be("temperature must be from 0 to 2, but is 2.5.");
        Problems(Base().TopP(double.NaN), "CHAT101").Single().Message.Should().Be("top_p must be from 0 to 1, but is NaN.");
        Problems(Base().PresencePenalty(double.NegativeInfinity), "CHAT101").Single().Message.Should().Be("presence_penalty must be from -2 to 2, but is -Infinity.");
        Problems(Base().N(0), "CHAT101").Single().Message.Should().Be("n must be from 1 to 128, but is 0.");
        Problems(Base().MaxCompletionTokens(0), "CHAT101").Single().Message.Should().Be("max_completion_tokens must be at least 1, but is 0.");
    }

    public static IEnumerable<TestCaseData> IntSetters()
    {
        yield return new TestCaseData("n", (Func<ChatRequestBuilder, int, ChatRequestBuilder>)((b, v) => b.N(v)), 1, 128).SetArgDisplayNames("n");
        yield return new TestCaseData("max_tokens", (Func<ChatRequestBuilder, int, ChatRequestBuilder>)((b, v) => b.MaxTokens(v)), 1, int.MaxValue).SetArgDisplayNames("max_tokens");
        yield return new TestCaseData("max_completion_tokens", (Func<ChatRequestBuilder, int, ChatRequestBuilder>)((b, v) => b.MaxCompletionTokens(v)), 1, int.MaxValue).SetArgDisplayNames("max_completion_tokens");
        yield return new TestCaseData("top_logprobs", (Func<ChatRequestBuilder, int, ChatRequestBuilder>)((b, v) => b.Logprobs().TopLogprobs(v)), 0, 20).SetArgDisplayNames("top_logprobs");
    }

    [TestCaseSource(nameof(IntSetters))]
    public void Integer_setting_is_accepted_at_both_edges_and_rejected_just_past_them(string field, Func<ChatRequestBuilder, int, ChatRequestBuilder> set, int min, int max)
    {
        Problems(set(Base(), min), "CHAT101").Should().BeEmpty();
        Problems(set(Base(), max), "CHAT101").Should().BeEmpty();
        Problems(set(Base(), min - 1), "CHAT101").Should().ContainSingle().Which.Path.Should().Be(field);
        Problems(set(Base(), int.MinValue), "CHAT101").Should().ContainSingle().Which.Path.Should().Be(field);
        if (max < int.MaxValue)
        {
            Problems(set(Base(), max + 1), "CHAT101").Should().ContainSingle().Which.Path.Should().Be(field);
        }
    }

    [TestCase(0, -100, true)]
    [TestCase(0, 100, true)]
    [TestCase(int.MaxValue, 0, true)]
    [TestCase(50256, -101, false)]
    [TestCase(50256, 101, false)]
    [TestCase(-1, 0, false)]
    [TestCase(int.MinValue, 0, false)]
    public void LogitBias_token_id_and_bias_limits(int tokenId, int bias, bool accepted)
    {
        var problems = Problems(Base().LogitBias(tokenId, bias), "CHAT101").ToList();

        if (accepted)
        {
            problems.Should().BeEmpty();
        }
        else
        {
            problems.Should().ContainSingle().Which.Path.Should().StartWith("logit_bias[");
        }
    }

    [TestCase("abc")]
    [TestCase("")]
    [TestCase("-5")]
    [TestCase("1.5")]
    [TestCase("99999999999")]
    public void LogitBias_key_that_is_not_a_token_id_is_reported(string key)
    {
        var request = Base().Build();
        request.LogitBias = new Dictionary<string, int> { [key] = 1 };

        request.Validate().Should().Contain(p => p.RuleId == "CHAT101" && p.Message.Contains("token ids"));
    }

    [Test]
    public void Stop_holds_one_to_four_sequences()
    {
        Problems(Base().Stop("a"), "CHAT102").Should().BeEmpty();
        Problems(Base().Stop("a", "b", "c", "d"), "CHAT102").Should().BeEmpty();
        Problems(Base().Stop("a", "b", "c", "d", "e"), "CHAT102").Should().ContainSingle().Which.Message.Should().Be("stop must hold 1 to 4 sequences, but holds 5.");
        Problems(Base().Stop(), "CHAT102").Should().ContainSingle().Which.Message.Should().Contain("holds 0");
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\t\n")]
    public void Empty_or_whitespace_model_is_CHAT103(string model)
    {
        Problems(Chat.With(model).User("x"), "CHAT103").Should().ContainSingle().Which.Path.Should().Be("model");
    }

    [TestCase("a", true)]
    [TestCase("get_weather-2", true)]
    [TestCase("", false)]
    [TestCase("bad name", false)]
    [TestCase("dot.name", false)]
    [TestCase("ünïcode", false)]
    public void Tool_function_and_schema_names_follow_the_pattern(string name, bool accepted)
    {
        var builders = new[]
        {
            Base().Tool(name),
            Base().Function(name),
            Base().JsonSchemaFormat(name, """{"type":"object"}"""),
        };

        foreach (var builder in builders)
        {
            Problems(builder, "CHAT104").Should().HaveCount(accepted ? 0 : 1, $"name {name}");
        }
    }

    [Test]
    public void Name_length_limit_is_64()
    {
        Problems(Base().Tool(new string('a', 64)), "CHAT104").Should().BeEmpty();
        Problems(Base().Tool(new string('a', 65)), "CHAT104").Should().ContainSingle();
    }

    [Test]
    public void Duplicate_tool_names_are_CHAT104()
    {
        Problems(Base().Tool("f").CustomTool("f"), "CHAT104").Should().ContainSingle().Which.Message.Should().Contain("more than once");
        Problems(Base().Tool("f").Tool("g"), "CHAT104").Should().BeEmpty();
    }

    [Test]
    public void Safety_identifier_at_most_64()
    {
        Problems(Base().SafetyIdentifier(new string('x', 64)), "CHAT105").Should().BeEmpty();
        Problems(Base().SafetyIdentifier(new string('x', 65)), "CHAT105").Should().ContainSingle().Which.Path.Should().Be("safety_identifier");
    }

    [Test]
    public void Metadata_limits()
    {
        var sixteen = Enumerable.Range(0, 16).Aggregate(Base(), (b, i) => b.Metadata("k" + i, "v"));
        Problems(sixteen, "CHAT105").Should().BeEmpty();
        Problems(sixteen.Metadata("k16", "v"), "CHAT105").Should().ContainSingle().Which.Path.Should().Be("metadata");

        Problems(Base().Metadata(new string('k', 64), new string('v', 512)), "CHAT105").Should().BeEmpty();
        Problems(Base().Metadata(new string('k', 65), "v"), "CHAT105").Should().ContainSingle().Which.Message.Should().Contain("keys must be at most 64");
        Problems(Base().Metadata("k", new string('v', 513)), "CHAT105").Should().ContainSingle().Which.Message.Should().Contain("values must be at most 512");
    }

    [Test]
    public void Functions_hold_at_most_128()
    {
        var many = Enumerable.Range(0, 128).Aggregate(Base(), (b, i) => b.Function("f" + i));
        Problems(many, "CHAT105").Should().BeEmpty();
        Problems(many.Function("f128"), "CHAT105").Should().ContainSingle().Which.Path.Should().Be("functions");
    }

    [Test]
    public void No_messages_is_CHAT207()
    {
        var act = () => Chat.With("gpt-4o").Temperature(1).Build();

        act.Should().Throw<ChatRequestValidationException>().Which.Problems.Should().ContainSingle(p => p.RuleId == "CHAT207");
    }

    [Test]
    public void Temperature_with_top_p_is_a_warning_that_does_not_fail_the_build()
    {
        var builder = Base().Temperature(0.2).TopP(0.9);

        Problems(builder, "CHAT201").Should().ContainSingle().Which.Severity.Should().Be(ProblemSeverity.Warning);
        builder.Build().IsValid().Should().BeTrue();
    }

    [Test]
    public void Top_logprobs_needs_logprobs()
    {
        Problems(Base().TopLogprobs(3), "CHAT202").Should().ContainSingle().Which.Severity.Should().Be(ProblemSeverity.Error);
        Problems(Base().Logprobs(false).TopLogprobs(3), "CHAT202").Should().ContainSingle();
        Problems(Base().Logprobs().TopLogprobs(3), "CHAT202").Should().BeEmpty();
    }

    [Test]
    public void Stream_options_need_stream()
    {
        Problems(Base().StreamOptions(includeUsage: true), "CHAT203").Should().ContainSingle();
        Problems(Base().Stream(false).StreamOptions(includeUsage: true), "CHAT203").Should().ContainSingle();
        Problems(Base().Stream().StreamOptions(includeUsage: true), "CHAT203").Should().BeEmpty();
    }

    [Test]
    public void Parallel_tool_calls_need_tools()
    {
        Problems(Base().ParallelToolCalls(), "CHAT204").Should().ContainSingle();
        Problems(Base().Tool("f").ParallelToolCalls(), "CHAT204").Should().BeEmpty();
    }

    [Test]
    public void Json_mode_needs_a_message_that_mentions_json()
    {
        Problems(Base().JsonObjectFormat(), "CHAT205").Should().ContainSingle();
        Problems(Chat.With("gpt-4o").System("Reply in json.").User("Hi").JsonObjectFormat(), "CHAT205").Should().BeEmpty();
        Problems(Chat.With("gpt-4o").User(ContentPart.FromText("as JSON please")).JsonObjectFormat(), "CHAT205").Should().BeEmpty();
        Problems(Base().JsonSchemaFormat("a", """{"type":"object"}"""), "CHAT205").Should().BeEmpty();
    }

    [Test]
    public void Audio_output_needs_audio_settings()
    {
        Problems(Base().Modalities(Modality.Text, Modality.Audio), "CHAT208").Should().ContainSingle();
        Problems(Base().Modalities(Modality.Text, Modality.Audio).Audio("alloy", AudioFormat.Wav), "CHAT208").Should().BeEmpty();
        Problems(Base().Modalities(Modality.Text), "CHAT208").Should().BeEmpty();
    }

    [Test]
    public void Tool_choice_must_name_a_declared_tool()
    {
        Problems(Base().Tool("f").ForceFunction("g"), "CHAT209").Should().ContainSingle().Which.Message.Should().Contain("\"g\"");
        Problems(Base().ForceFunction("g"), "CHAT209").Should().ContainSingle();
        Problems(Base().Tool("f").ForceFunction("f"), "CHAT209").Should().BeEmpty();
        Problems(Base().Function("f").FunctionCall("g"), "CHAT209").Should().ContainSingle();
        Problems(Base().Function("f").FunctionCall("f"), "CHAT209").Should().BeEmpty();
    }

    [Test]
    public void Both_token_caps_is_a_warning()
    {
        Problems(Base().MaxTokens(10).MaxCompletionTokens(10), "CHAT210").Should().ContainSingle().Which.Severity.Should().Be(ProblemSeverity.Warning);
        Problems(Base().MaxCompletionTokens(10), "CHAT210").Should().BeEmpty();
    }

    [Test]
    public void Deprecated_fields_are_information()
    {
        var problems = Problems(
            Base().Function("f").FunctionCall("f").MaxTokens(5).EndUser("u").Seed(1).PromptCacheRetention(PromptCacheRetention.InMemory).FunctionResult("f", "r"),
            "CHAT401").ToList();

        problems.Select(p => p.Path).Should().BeEquivalentTo("functions", "function_call", "max_tokens", "user", "seed", "prompt_cache_retention", "messages[1].role");
        problems.Should().OnlyContain(p => p.Severity == ProblemSeverity.Info);
        Problems(Base().MaxCompletionTokens(5).SafetyIdentifier("s"), "CHAT401").Should().BeEmpty();
    }

    [Test]
    public void Every_problem_uses_a_rule_id_of_the_table_with_its_runtime_severity()
    {
        var everything = Chat.With(" ").Temperature(9).TopP(9).Stop().Function("bad name").SafetyIdentifier(new string('x', 70))
            .TopLogprobs(3).StreamOptions(true).ParallelToolCalls().JsonObjectFormat().Modalities(Modality.Audio).ForceFunction("zzz")
            .MaxTokens(1).MaxCompletionTokens(1).Seed(3);

        var problems = everything.Validate();

        problems.Select(p => p.RuleId).Distinct().Should().BeEquivalentTo(
            "CHAT101", "CHAT102", "CHAT103", "CHAT104", "CHAT105", "CHAT201", "CHAT202", "CHAT203", "CHAT204", "CHAT205", "CHAT207", "CHAT208", "CHAT209", "CHAT210", "CHAT401");
        foreach (var problem in problems)
        {
            var level = ChatRules.Get(problem.RuleId).RuntimeLevel;
            problem.Severity.ToString().Should().Be(level.ToString(), problem.ToString());
        }
    }

    [Test]
    public void Build_lists_every_error_in_one_exception()
    {
        var act = () => Chat.With("").User("x").Temperature(3).N(0).Stop("1", "2", "3", "4", "5").Build();

        var exception = act.Should().Throw<ChatRequestValidationException>().Which;
        exception.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Path).Should().BeEquivalentTo("model", "temperature", "n", "stop");
        exception.Message.Should().Contain("4 errors").And.Contain("CHAT101 error at temperature").And.Contain("CHAT103").And.Contain("CHAT102");
    }

    [Test]
    public void Paths_never_echo_a_long_key()
    {
        var secret = "sk-" + new string('s', 500);
        var request = Chat.With("m").User("x").Build();
        request.LogitBias = new Dictionary<string, int> { [secret] = 1 };
        request.Metadata = new Dictionary<string, string> { [secret] = "v" };

        var problems = request.Validate();

        problems.Should().HaveCountGreaterThanOrEqualTo(2);
        problems.Should().OnlyContain(p => p.Path.Length < 60 && !p.Message.Contains(secret.Substring(0, 100)), "paths and messages cut long keys");
    }

    [Test]
    public void Messages_never_echo_a_long_value()
    {
        var secret = "sk-" + new string('s', 500);
        var problems = Base().SafetyIdentifier(secret).Metadata("k", secret).Tool("x" + secret).Validate();

        problems.Should().NotBeEmpty();
        foreach (var problem in problems)
        {
            problem.Message.Should().NotContain(secret.Substring(0, 100), problem.ToString());
            problem.Message.Length.Should().BeLessThan(300);
        }
    }
}
