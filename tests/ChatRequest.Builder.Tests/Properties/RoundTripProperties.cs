using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequest.Serialization;

namespace ChatRequest.Tests.Properties;

/// <summary>Every valid request survives JSON: parsing its body gives an equal request that writes the same bytes.</summary>
public class RoundTripProperties
{
    private const int CiCases = 1_200;

    [Test]
    public void A_built_request_parses_back_to_an_equal_request_with_the_same_bytes()
    {
        PropertyRun.ForAll("round trip", Generators.ValidRecipe, CiCases, seed: 1, recipe =>
        {
            var built = recipe.Builder().Build();
            var json = built.ToJson();
            var bytes = built.ToUtf8Bytes();

            var parsed = CreateChatCompletionRequest.FromJson(json);
            parsed.Equals(built).Should().BeTrue("the parsed request equals the built one");
            built.Equals(parsed).Should().BeTrue("equality is symmetric");
            parsed.GetHashCode().Should().Be(built.GetHashCode());
            parsed.ToJson().Should().Be(json, "the parsed request writes the same JSON");

            var parsedFromBytes = CreateChatCompletionRequest.FromJson(bytes.AsSpan());
            parsedFromBytes.ToUtf8Bytes().Should().Equal(bytes, "the UTF-8 round trip gives the same bytes");
            System.Text.Encoding.UTF8.GetString(bytes).Should().Be(json);
        }, recipe => recipe.ToString(), recipe => recipe.Smaller());
    }

    [Test]
    public void The_chain_writer_the_object_model_writer_and_the_serializer_contract_agree()
    {
        PropertyRun.ForAll("writers agree", Generators.ValidRecipe, CiCases / 3, seed: 2, recipe =>
        {
            var builder = recipe.Builder();
            var fromChain = builder.Build().ToJson();
            var objectModel = builder.ToBuilder_ForTests();
            objectModel.ToJson().Should().Be(fromChain, "Build() and the object model write the same bytes");

            var contract = JsonSerializer.SerializeToNode(objectModel, ChatJson.RequestInfo);
            JsonNode.DeepEquals(JsonNode.Parse(fromChain), contract).Should().BeTrue("the source-generated contract writes the same JSON:\n" + contract);
        }, recipe => recipe.ToString(), recipe => recipe.Smaller());
    }
}
