using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ChatRequest.Tests;

/// <summary>Branching, immutability and thread-safety of builders and built requests.</summary>
public class BuilderSemanticsTests
{
    [Test]
    public void A_builder_in_a_variable_can_be_branched()
    {
        var b = Chat.With("gpt-4o").System("s");

        var first = b.User("a").Build();
        var second = b.User("b").Build();

        first.Messages.Should().HaveCount(2);
        second.Messages.Should().HaveCount(2);
        first.Messages![1].Content!.Text.Should().Be("a");
        second.Messages![1].Content!.Text.Should().Be("b");
        b.Build().Messages.Should().ContainSingle();
    }

    [Test]
    public void Settings_on_a_branch_do_not_leak_into_siblings()
    {
        var b = Chat.With("gpt-4o").User("u");

        var hot = b.Temperature(1.5).Build();
        var cold = b.Temperature(0.1).Build();
        var plain = b.Build();

        hot.Temperature.Should().Be(1.5);
        cold.Temperature.Should().Be(0.1);
        plain.Temperature.Should().BeNull();
    }

    [Test]
    public void Each_build_returns_a_fresh_independent_request()
    {
        var b = Chat.With("gpt-4o").User("u").Tool("f", null, """{"type":"object"}""").Metadata("k", "v").Stop("x");

        var one = b.Build();
        var two = b.Build();
        one.Should().NotBeSameAs(two);
        one.Should().Be(two);

        one.Messages!.Add(new UserMessage { Content = "extra" });
        ((UserMessage)one.Messages[0]).Content = "changed";
        one.Metadata!["k"] = "changed";
        one.Stop!.Sequences[0] = "changed";
        ((FunctionTool)one.Tools![0]).Function!.Name = "changed";

        var three = b.Build();
        three.Should().Be(two);
        two.Messages.Should().ContainSingle().Which.Content!.Text.Should().Be("u");
        two.Metadata!["k"].Should().Be("v");
        two.Stop!.Sequences.Should().Equal("x");
    }

    [Test]
    public void Changing_an_array_the_caller_passed_does_not_change_the_builder_or_the_request()
    {
        var stops = new[] { "a", "b" };
        var parts = new ContentPart[] { ContentPart.FromText("hello") };
        var calls = new ToolCall[] { ToolCall.ForFunction("c1", "f", "{}") };
        var modalities = new[] { Modality.Text };
        var schema = new JsonObject { ["type"] = "object" };
        var message = new UserMessage { Content = "original" };
        var b = Chat.With("gpt-4o").User(parts).Message(message).AssistantToolCalls(calls).ToolResult("c1", "r")
            .Stop(stops).Modalities(modalities).Tool("f", null, schema);
        var before = b.Build();

        stops[0] = "changed";
        parts[0] = ContentPart.FromText("changed");
        calls[0] = ToolCall.ForFunction("c2", "g", "{}");
        modalities[0] = Modality.Audio;
        schema["type"] = "array";
        message.Content = "changed";

        var after = b.Build();
        after.Should().Be(before);
        after.Stop!.Sequences.Should().Equal("a", "b");
        after.Messages![0].Content!.Parts![0].Should().BeOfType<TextContentPart>().Which.Text.Should().Be("hello");
        after.Messages[1].Content!.Text.Should().Be("original");
        after.Modalities.Should().Equal("text");
        ((FunctionTool)after.Tools![0]).Function!.Parameters!.Value.GetProperty("type").GetString().Should().Be("object");
    }

    [Test]
    public void A_part_object_mutated_after_the_call_does_not_change_the_request()
    {
        var part = ContentPart.FromText("hello");
        var b = Chat.With("gpt-4o").User(part);

        part.Text = "changed";

        b.Build().Messages![0].Content!.Parts![0].Should().BeOfType<TextContentPart>().Which.Text.Should().Be("hello");
    }

    [Test]
    public void One_builder_can_be_shared_across_threads()
    {
        var shared = Chat.With("gpt-4o").System("s").Temperature(0.5).Tool("f", null, """{"type":"object"}""");
        var bodies = new ConcurrentBag<string>();

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var request = shared.User("q" + i).MaxCompletionTokens(i + 1).Build();
            bodies.Add(request.ToJson());
        });

        bodies.Should().HaveCount(2_000);
        foreach (var json in bodies)
        {
            var request = CreateChatCompletionRequest.FromJson(json);
            request.Messages.Should().HaveCount(2);
            var i = int.Parse(request.Messages![1].Content!.Text!.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            request.MaxCompletionTokens.Should().Be(i + 1);
            request.Temperature.Should().Be(0.5);
            request.Tools.Should().ContainSingle();
        }

        bodies.Distinct().Should().HaveCount(2_000);
    }

    [Test]
    public void The_later_call_of_a_single_valued_setting_wins()
    {
        var request = Chat.With("a").Temperature(0.1).Temperature(0.9).User("x").Build();

        request.Temperature.Should().Be(0.9);
    }

    [Test]
    public void Long_chains_build_without_recursion()
    {
        var b = Chat.With("gpt-4o");
        for (var i = 0; i < 100_000; i++)
        {
            b = b.User("m");
        }

        b.Build().Messages.Should().HaveCount(100_000);
    }

    [Test]
    public void Issue_surface_chain_compiles_and_builds_with_only_warnings()
    {
        CreateChatCompletionRequest request = Chat.With("gpt-4o")
            .System("You are terse.").Developer("...").User("Hi").Assistant("Hello")
            .Temperature(0.2)
            .TopP(0.9)
            .FrequencyPenalty(0.5)
            .PresencePenalty(-0.5)
            .LogitBias(tokenId: 50256, bias: -100)
            .MaxTokens(256)
            .MaxCompletionTokens(256)
            .N(2)
            .Stop("\n", "END")
            .Stream()
            .EndUser("user-1234")
            .Seed(42)
            .Logprobs()
            .TopLogprobs(5)
            .Build();

        request.Messages!.Select(m => m.Role).Should().Equal("system", "developer", "user", "assistant");
        request.Validate().Where(p => p.Severity == ProblemSeverity.Warning).Select(p => p.RuleId).Should().BeEquivalentTo("CHAT201", "CHAT210");
        var body = request.Body();
        body["logit_bias"]!["50256"]!.GetValue<int>().Should().Be(-100);
        body.Select(p => p.Key).Should().BeEquivalentTo(
            "model", "messages", "temperature", "top_p", "frequency_penalty", "presence_penalty", "logit_bias", "max_tokens",
            "max_completion_tokens", "n", "stop", "stream", "user", "seed", "logprobs", "top_logprobs");
    }
}
