using System.Text.Json.Nodes;

namespace ChatRequest.Tests;

/// <summary>Continuing an existing (e.g. parsed) request with the builder.</summary>
public class ToBuilderTests
{
    [Test]
    public void ToBuilder_then_Build_gives_an_equal_request_with_unknown_members_and_nulls()
    {
        const string json = """{"model":"m","messages":[{"role":"user","content":"hi"}],"reasoning_effort":null,"top_k":40}""";
        var parsed = CreateChatCompletionRequest.FromJson(json);

        var rebuilt = parsed.ToBuilder().Build();

        JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(rebuilt.ToJson())).Should().BeTrue(rebuilt.ToJson());
        rebuilt.Should().NotBeSameAs(parsed);
    }

    [Test]
    public void Later_calls_append_messages_and_override_settings()
    {
        var parsed = CreateChatCompletionRequest.FromJson("""{"model":"m","messages":[{"role":"user","content":"a"}],"temperature":0.5,"logit_bias":{"1":2}}""");

        var next = parsed.ToBuilder().Assistant("b").User("c").Temperature(1).LogitBias(3, 4).Build();

        next.Messages!.Select(m => m.Content!.Text).Should().Equal("a", "b", "c");
        next.Temperature.Should().Be(1);
        next.LogitBias.Should().BeEquivalentTo(new Dictionary<string, int> { ["1"] = 2, ["3"] = 4 });
        parsed.Messages.Should().ContainSingle("the source request is not changed");
    }

    [Test]
    public void Changing_the_source_request_later_does_not_change_the_builder()
    {
        var source = Chat.With("m").User("a").Build();
        var builder = source.ToBuilder();

        source.Messages!.Add(new UserMessage { Content = "b" });
        source.Model = "other";

        var built = builder.Build();
        built.Model.Should().Be("m");
        built.Messages.Should().ContainSingle();
    }

    [Test]
    public void An_invalid_source_is_reported_at_Build()
    {
        var parsed = CreateChatCompletionRequest.FromJson("""{"model":"m","messages":[{"role":"user","content":"a"}],"temperature":5}""");

        var act = () => parsed.ToBuilder().Build();
        act.Should().Throw<ChatRequestValidationException>().Which.Problems.Should().Contain(p => p.Path == "temperature");
        parsed.ToBuilder().Temperature(1).Build().Temperature.Should().Be(1);
    }

    [Test]
    public void A_source_without_messages_gets_a_list_when_messages_are_added()
    {
        var parsed = CreateChatCompletionRequest.FromJson("""{"model":"m"}""");

        parsed.ToBuilder().User("x").Build().Messages.Should().ContainSingle();
    }
}
