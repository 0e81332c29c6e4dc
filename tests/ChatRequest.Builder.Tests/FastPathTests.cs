namespace ChatRequest.Tests;

/// <summary>
/// Build() has a fast path that checks and writes a request straight from its chain. These tests prove it agrees with
/// the object model and the full validator on many random chains, valid and invalid.
/// </summary>
public class FastPathTests
{
    private static readonly double[] Doubles = [0, 0.2, 1, 2, -2, 2.5, -0.1, 1.0000001, double.NaN, double.PositiveInfinity, -3];
    private static readonly int[] Ints = [0, 1, 5, 20, 21, 128, 129, -1, 256, int.MaxValue];
    private static readonly string[] Names = ["get_weather", "f", "bad name", "", new string('a', 64), new string('a', 65), "dup"];
    private static readonly string[] Texts = ["Hi", "Answer in JSON", "", "plain", "json please"];

    private static ChatRequestBuilder RandomChain(Random random)
    {
        var b = Chat.With(random.Next(20) switch { 0 => " ", 1 => "o3-mini", _ => "gpt-4o" });
        var steps = random.Next(0, 14);
        for (var i = 0; i < steps; i++)
        {
            T Pick<T>(T[] items) => items[random.Next(items.Length)];
            b = random.Next(43) switch
            {
                34 => b.Prediction("The answer is 4."),
                35 => b.Verbosity(Pick([Verbosity.Low, Verbosity.High])),
                36 => b.ReasoningEffort(Pick([ReasoningEffort.Minimal, ReasoningEffort.XHigh])),
                37 => b.ServiceTier(Pick([ServiceTier.Flex, ServiceTier.Priority])),
                38 => b.PromptCacheKey("cache-" + random.Next(3)),
                39 => b.PromptCacheRetention(Pick([PromptCacheRetention.InMemory, PromptCacheRetention.Hours24])),
                40 => b.Store(random.Next(2) == 0),
                41 => b.ForceCustomTool(Pick(Names)),
                42 => b.Metadata(Pick(["a", "b"]), "v" + random.Next(3)).LogitBias(7, random.Next(-5, 5)).Extra("top_k", random.Next(3)),
                0 => b.System(Pick(Texts)),
                1 => b.User(Pick(Texts), random.Next(3) == 0 ? "alice" : null),
                2 => b.Assistant(Pick(Texts)),
                3 => b.Developer(Pick(Texts)),
                4 => b.ToolResult(random.Next(4) == 0 ? "" : "call_1", Pick(Texts)),
                5 => b.FunctionResult(random.Next(4) == 0 ? "" : "f", "r"),
                6 => b.Temperature(Pick(Doubles)),
                7 => b.TopP(Pick(Doubles)),
                8 => b.FrequencyPenalty(Pick(Doubles)),
                9 => b.PresencePenalty(Pick(Doubles)),
                10 => b.LogitBias(Pick(Ints) * (random.Next(4) == 0 ? -1 : 1), Pick([0, 100, -100, 101, -101, 5])),
                11 => b.MaxTokens(Pick(Ints)),
                12 => b.MaxCompletionTokens(Pick(Ints)),
                13 => b.N(Pick(Ints)),
                14 => b.Stop(Enumerable.Range(0, random.Next(0, 6)).Select(k => "s" + k).ToArray()),
                15 => b.Stream(random.Next(2) == 0),
                16 => b.StreamOptions(random.Next(3) == 0 ? null : random.Next(2) == 0, random.Next(3) == 0 ? null : random.Next(2) == 0),
                17 => b.EndUser("u"),
                18 => b.Seed(random.Next()),
                19 => b.Logprobs(random.Next(3) != 0),
                20 => b.TopLogprobs(Pick(Ints)),
                21 => b.Tool(Pick(Names), random.Next(2) == 0 ? "d" : null, random.Next(2) == 0 ? """{ "type": "object" }""" : null, random.Next(3) == 0 ? true : null),
                22 => b.ToolChoice(Pick([ToolChoiceMode.None, ToolChoiceMode.Auto, ToolChoiceMode.Required])),
                23 => b.ForceFunction(Pick(Names)),
                24 => b.ParallelToolCalls(random.Next(2) == 0),
                25 => b.Function(Pick(Names)),
                26 => random.Next(2) == 0 ? b.FunctionCall(Pick(Names)) : b.FunctionCall(FunctionCallMode.Auto),
                27 => Pick([0, 1, 2]) switch { 0 => b.TextFormat(), 1 => b.JsonObjectFormat(), _ => b.JsonSchemaFormat(Pick(Names), """{"type":"object"}""") },
                28 => b.Modalities(random.Next(2) == 0 ? [Modality.Text] : [Modality.Text, Modality.Audio]),
                29 => b.Audio(random.Next(4) == 0 ? AudioVoice.Custom("") : "alloy", AudioFormat.Wav),
                30 => b.Metadata(Pick(["k", "k2", new string('k', 65)]), Pick(["v", new string('v', 513)])),
                31 => b.SafetyIdentifier(random.Next(4) == 0 ? new string('s', 65) : "s"),
                32 => b.PromptCacheOptions(PromptCacheMode.Explicit, random.Next(3) == 0 ? "1h" : "30m"),
                _ => b.Extra(Pick(["top_k", "min_p"]), random.Next(100)),
            };
        }

        return b;
    }

    [Test]
    public void Fast_path_agrees_with_the_object_model_and_the_full_validator()
    {
        var random = new Random(1125);
        var fast = 0;
        var rejected = 0;
        var undecided = 0;
        for (var run = 0; run < 20_000; run++)
        {
            var builder = RandomChain(random);
            var problems = builder.Validate();
            var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
            CreateChatCompletionRequest built;
            try
            {
                built = builder.Build();
            }
            catch (ChatRequestValidationException ex)
            {
                errors.Should().NotBeEmpty("Build threw although the validator finds no error");
                ex.Problems.Should().Equal(problems);
                rejected++;
                continue;
            }

            errors.Should().BeEmpty("Build returned a request the validator rejects: " + string.Join("; ", errors));
            if (built.PendingChain is not null)
            {
                fast++;
                var materialized = builder.ToBuilder_ForTests();
                built.ToJson().Should().Be(materialized.ToJson(), "the chain writer and the object-model writer must give the same bytes");
                var fromChain = ChatRequestBuilder.ValidateCheckedChain(built.PendingChain);
                if (fromChain is null)
                {
                    undecided++;
                }
                else
                {
                    fromChain.Should().Equal(problems, "Validate() of a built request, from its chain, must equal the full validator's");
                    built.Validate().Should().Equal(problems);
                    built.PendingChain.Should().NotBeNull("Validate() of a built request reads its chain, not an object model");
                }

                built.Validate().Should().Equal(problems);
                _ = built.Model;
                built.PendingChain.Should().BeNull("reading the request makes its object model");
                built.ToJson().Should().Be(materialized.ToJson());
            }
        }

        fast.Should().BeGreaterThan(1_000, "the generator must exercise the fast path");
        rejected.Should().BeGreaterThan(2_000, "the generator must exercise invalid chains");
        undecided.Should().BeInRange(1, fast / 5, "reasoning models leave Validate() to the object model; most chains do not");
    }

    [Test]
    public void Every_plain_step_is_written_by_the_chain_writer_as_the_object_model_writes_it()
    {
        var builder = Chat.With("gpt-4o")
            .System("Reply in JSON.", name: "rules").Developer("d").User("u", name: "alice").Assistant("a").ToolResult("call_1", "r").FunctionResult("legacy", "42")
            .Temperature(0.7).TopP(0.9).FrequencyPenalty(-1.5).PresencePenalty(1.5)
            .LogitBias(1, 2).LogitBias(3, -4).LogitBias(1, 5)
            .MaxTokens(10).MaxCompletionTokens(20).N(3).Stop("a", "b").Stream().StreamOptions(includeUsage: true, includeObfuscation: false)
            .EndUser("u-1").Seed(-7).Logprobs().TopLogprobs(2)
            .Tool("get_weather", "w", """{"type":"object"}""", strict: true).Tool("now")
            .ForceFunction("get_weather").ParallelToolCalls(false)
            .Function("legacy", "l", """{"type":"object"}""").FunctionCall("legacy")
            .JsonSchemaFormat("answer", """{"type":"object"}""", strict: false, description: "x")
            .Modalities(Modality.Text, Modality.Audio).Audio(AudioVoice.Custom("v1"), AudioFormat.Opus)
            .Prediction("p").Verbosity(Verbosity.High).ReasoningEffort(ReasoningEffort.Low).ServiceTier(ServiceTier.Flex)
            .Metadata("k", "v").Metadata("k2", "v2").Metadata("k", "v3")
            .SafetyIdentifier("s").PromptCacheKey("c").PromptCacheOptions(PromptCacheMode.Explicit, "30m").PromptCacheRetention(PromptCacheRetention.Hours24)
            .Store().Extra("top_k", 4).Extra("min_p", 0.5).Extra("top_k", 5);

        var built = builder.Build();

        built.PendingChain.Should().NotBeNull("every step here is a plain one");
        var fromChain = built.ToJson();
        fromChain.Should().Be(builder.ToBuilder_ForTests().ToJson());
        var body = System.Text.Json.Nodes.JsonNode.Parse(fromChain)!.AsObject();
        body.Select(p => p.Key).Where(k => k is not "top_k" and not "min_p").Should().HaveCount(35, "every field but moderation and web_search_options");
        body["logit_bias"]!.ToJsonString().Should().Be("""{"1":5,"3":-4}""");
        body["metadata"]!.ToJsonString().Should().Be("""{"k":"v3","k2":"v2"}""");
        body["top_k"]!.GetValue<int>().Should().Be(5);

        var alternatives = new[]
        {
            Chat.With("m").User("JSON").JsonObjectFormat().ToolChoice(ToolChoiceMode.None).FunctionCall(FunctionCallMode.None).StreamOptions(includeObfuscation: true).Stream(),
            Chat.With("m").User("x").TextFormat().PromptCacheOptions().Audio("alloy", AudioFormat.Wav).Modalities(Modality.Text),
        };
        foreach (var alternative in alternatives)
        {
            var request = alternative.Build();
            request.PendingChain.Should().NotBeNull();
            request.ToJson().Should().Be(alternative.ToBuilder_ForTests().ToJson());
        }
    }

    [Test]
    public void Typical_request_takes_the_fast_path_and_materializes_on_first_read()
    {
        var request = RichRequests.Typical().Build();

        request.PendingChain.Should().NotBeNull();
        var json = request.ToJson();
        request.PendingChain.Should().NotBeNull("writing does not need the object model");
        request.Temperature.Should().Be(0.2);
        request.PendingChain.Should().BeNull();
        request.ToJson().Should().Be(json);
    }

    [Test]
    public void Chains_with_copied_objects_take_the_object_model_path()
    {
        Chat.With("m").Message(new UserMessage { Content = "x" }).Build().PendingChain.Should().BeNull();
        Chat.With("m").User("x").WebSearchOptions(SearchContextSize.Low).Build().PendingChain.Should().BeNull();
        CreateChatCompletionRequest.FromJson("""{"model":"m","messages":[{"role":"user","content":"x"}]}""").ToBuilder().Build().PendingChain.Should().BeNull();
    }

    [Test]
    public void A_lazily_built_request_can_be_read_from_many_threads_at_once()
    {
        for (var run = 0; run < 200; run++)
        {
            var request = RichRequests.Typical().Build();
            var counts = new int[8];
            Parallel.For(0, 8, i => counts[i] = request.Messages!.Count + request.Tools!.Count + (request.LogitBias!.Count * 10));
            counts.Should().OnlyContain(c => c == 4 + 1 + 20);
        }
    }

    [Test]
    public void Schema_text_is_kept_compact()
    {
        var json = Chat.With("m").User("x").Tool("f", null, "{ \"type\" : \"object\",\n  \"properties\": { \"a b\": {\"type\":\"string\"} } }").Build().ToJson();

        json.Should().Contain("""
            "parameters":{"type":"object","properties":{"a b":{"type":"string"}}}
            """.Trim());
    }
}
