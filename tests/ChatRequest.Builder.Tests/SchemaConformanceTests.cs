using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ChatRequest.Tests;

/// <summary>
/// Every request the builder produces validates against OpenAI's request schema
/// (../shared/openai-spec/create-chat-completion-request.schema.json, present in CI). Random requests of every shape:
/// Properties/SchemaProperties.cs.
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

    /// <summary>Evaluates a body against the request schema, with format assertion (e.g. image URLs must be URIs).</summary>
    internal static EvaluationResults Evaluate(string json, OutputFormat format = OutputFormat.List)
    {
        var options = new EvaluationOptions { OutputFormat = format, RequireFormatValidation = true };
        using var document = JsonDocument.Parse(json);
        return RequireSchema().Evaluate(document.RootElement, options);
    }

    /// <summary>The first errors of a failed evaluation, one per line with the instance location.</summary>
    internal static string Errors(EvaluationResults results) =>
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
}
