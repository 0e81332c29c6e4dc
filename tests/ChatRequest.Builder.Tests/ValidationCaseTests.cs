using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequest.Tests;

/// <summary>The sample bodies in ../shared/openai-spec/validation-cases.</summary>
public class ValidationCaseTests
{
    private static IEnumerable<string> Cases(string prefix)
    {
        var dir = SpecFiles.ValidationCases;
        if (dir is null || !Directory.Exists(dir))
        {
            yield break;
        }

        foreach (var file in Directory.GetFiles(dir, prefix + "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return Path.GetFileName(file);
        }
    }

    private static string Read(string name) => File.ReadAllText(Path.Combine(SpecFiles.RequireDirectory(), "validation-cases", name));

    public static IEnumerable<string> ValidCases() => Cases("valid-");

    [Test]
    public void The_spec_folder_is_found_in_CI()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            SpecFiles.Directory.Should().NotBeNull("CI places ../shared next to the checkout");
        }

        if (SpecFiles.Directory is not null)
        {
            ValidCases().Should().NotBeEmpty();
        }
    }

    [TestCaseSource(nameof(ValidCases))]
    public void Valid_case_parses_and_round_trips_unchanged(string name)
    {
        var json = Read(name);

        var request = CreateChatCompletionRequest.FromJson(json);
        var written = request.ToJson();

        JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)).Should().BeTrue($"the body written back should equal the input\n{json}\n{written}");
        CreateChatCompletionRequest.FromJson(written).Should().Be(request);
        request.Validate().Where(p => p.Severity == ProblemSeverity.Error).Should().BeEmpty();
    }

    // The rule each invalid or probe body breaks, where it is a rule we enforce.
    [TestCase("invalid-empty-messages.json", "CHAT207", "messages")]
    [TestCase("invalid-missing-messages.json", "CHAT207", "messages")]
    [TestCase("invalid-n-0.json", "CHAT101", "n")]
    [TestCase("invalid-presence-penalty.json", "CHAT101", "presence_penalty")]
    [TestCase("invalid-temperature-3.json", "CHAT101", "temperature")]
    [TestCase("invalid-top-logprobs-25.json", "CHAT101", "top_logprobs")]
    [TestCase("invalid-stop-5.json", "CHAT102", "stop")]
    [TestCase("invalid-safety-identifier-65.json", "CHAT105", "safety_identifier")]
    [TestCase("invalid-reasoning-effort.json", "CHAT107", "reasoning_effort")]
    [TestCase("invalid-tool-choice.json", "CHAT107", "tool_choice")]
    [TestCase("format-image-url-not-uri.json", "CHAT107", "messages[0].content[0].image_url.url")]
    [TestCase("invalid-tool-missing-id.json", "CHAT106", "messages[0].tool_call_id")]
    [TestCase("invalid-audio-missing-format.json", "CHAT106", "audio.format")]
    [TestCase("probe-audio-modality-without-audio.json", "CHAT208", "audio")]
    [TestCase("probe-bad-function-name.json", "CHAT104", "tools[0].function.name")]
    [TestCase("probe-logit-bias-500.json", "CHAT101", "logit_bias[\"50256\"]")]
    [TestCase("probe-metadata-value-600.json", "CHAT105", "metadata[\"k\"]")]
    [TestCase("probe-top-logprobs-without-logprobs.json", "CHAT202", "top_logprobs")]
    public void Invalid_case_is_reported_with_its_rule(string name, string ruleId, string path)
    {
        var request = CreateChatCompletionRequest.FromJson(Read(name));

        var problems = request.Validate();

        problems.Should().Contain(p => p.RuleId == ruleId && p.Path == path && p.Severity == ProblemSeverity.Error);
        request.IsValid().Should().BeFalse();
    }

    [TestCase("invalid-role.json", "$.messages[0]")]
    [TestCase("invalid-logit-bias-float.json", "$.logit_bias.50256")]
    public void Invalid_case_that_does_not_fit_the_model_is_a_JsonException_naming_the_path(string name, string path)
    {
        var act = () => CreateChatCompletionRequest.FromJson(Read(name));

        act.Should().Throw<JsonException>().Which.Path.Should().Be(path);
    }

    [Test]
    public void Null_top_logprobs_round_trips_and_is_not_an_error()
    {
        // A spec quirk: the chat layer allows null, a strict validator of the whole schema does not.
        var request = CreateChatCompletionRequest.FromJson(Read("probe-top-logprobs-null.json"));

        request.TopLogprobs.Should().BeNull();
        JsonNode.Parse(request.ToJson())!["top_logprobs"].Should().BeNull();
        request.ToJson().Should().Contain("\"top_logprobs\":null");
    }
}
