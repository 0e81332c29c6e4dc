using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ChatRequest.Tests;

/// <summary>
/// Every request the builder produces validates against OpenAI's request schema
/// (../shared/openai-spec/create-chat-completion-request.schema.json, present in CI).
/// </summary>
public class SchemaConformanceTests
{
    private static readonly Lazy<JsonSchema?> Schema = new(() =>
        SpecFiles.SchemaPath is { } path && File.Exists(path) ? JsonSchema.FromText(File.ReadAllText(path)) : null);

    private static JsonSchema RequireSchema()
    {
        SpecFiles.RequireDirectory();
        return Schema.Value ?? throw new AssertionException("The schema file is missing from " + SpecFiles.Directory);
    }

    private static EvaluationResults Evaluate(string json)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        using var document = JsonDocument.Parse(json);
        return RequireSchema().Evaluate(document.RootElement, options);
    }

    private static string Errors(EvaluationResults results) =>
        string.Join(Environment.NewLine, (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value)).Take(20));

    [TestCaseSource(typeof(RichRequests), nameof(RichRequests.All))]
    public void Built_request_is_schema_valid(ChatRequestBuilder builder)
    {
        var json = builder.Build().ToJson();

        var results = Evaluate(json);

        results.IsValid.Should().BeTrue(Errors(results) + Environment.NewLine + json);
    }

    [Test]
    public void The_validator_rejects_what_the_schema_forbids()
    {
        // Guards the test above against a validator that accepts everything.
        Evaluate("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"temperature":3}""").IsValid.Should().BeFalse();
        Evaluate("""{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"not a url"}}]}]}""").IsValid.Should().BeFalse();
        Evaluate("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""").IsValid.Should().BeTrue();
    }

    [Test]
    public void Quickstart_request_is_schema_valid()
    {
        var json = Chat.With("gpt-4o").System("You are a terse assistant.").User("What is the capital of France?")
            .Temperature(0.2).MaxCompletionTokens(256).Stop("\n", "END").Build().ToJson();

        Evaluate(json).IsValid.Should().BeTrue();
    }

    [Test]
    public void Random_valid_builder_requests_are_schema_valid()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 200; i++)
        {
            var b = Chat.With("gpt-4o").User("q" + i);
            if (random.Next(2) == 0) b = b.Temperature(Math.Round(random.NextDouble() * 2, 3));
            if (random.Next(2) == 0) b = b.FrequencyPenalty(Math.Round((random.NextDouble() * 4) - 2, 3));
            if (random.Next(2) == 0) b = b.PresencePenalty(Math.Round((random.NextDouble() * 4) - 2, 3));
            if (random.Next(2) == 0) b = b.N(random.Next(1, 129));
            if (random.Next(2) == 0) b = b.Logprobs().TopLogprobs(random.Next(0, 21));
            if (random.Next(2) == 0) b = b.LogitBias(random.Next(0, 100_000), random.Next(-100, 101));
            if (random.Next(2) == 0) b = b.Stop(Enumerable.Range(0, random.Next(1, 5)).Select(k => "s" + k).ToArray());
            if (random.Next(2) == 0) b = b.MaxCompletionTokens(random.Next(1, 100_000));
            if (random.Next(2) == 0) b = b.SafetyIdentifier(new string('a', random.Next(0, 65)));
            if (random.Next(3) == 0) b = b.Tool("t" + i, "d", """{"type":"object"}""").ToolChoice(ToolChoiceMode.Auto).ParallelToolCalls(random.Next(2) == 0);

            var request = b.Build();
            var results = Evaluate(request.ToJson());
            results.IsValid.Should().BeTrue(Errors(results) + Environment.NewLine + request.ToJson());
        }
    }
}
