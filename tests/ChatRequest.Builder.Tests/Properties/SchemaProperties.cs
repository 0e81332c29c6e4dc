using Json.Schema;

namespace ChatRequest.Tests.Properties;

/// <summary>
/// Every generated valid request (every field, role, content part and union shape) validates against OpenAI's request
/// schema, ../shared/openai-spec/create-chat-completion-request.schema.json, with format assertion. Runs wherever
/// the spec folder is present (CI has it).
/// </summary>
public class SchemaProperties
{
    private const int CiCases = 800;

    [Test]
    public void Every_valid_request_is_valid_against_the_APIs_schema()
    {
        SpecFiles.RequireDirectory();
        SchemaConformanceTests.Evaluate("""{"model":"m","messages":[]}""", OutputFormat.Flag).IsValid.Should().BeFalse("the schema is loaded and checks something");
        SchemaConformanceTests.Evaluate("""{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"no uri"}}]}]}""", OutputFormat.Flag)
            .IsValid.Should().BeFalse("formats are asserted");

        PropertyRun.ForAll("schema", Generators.ValidRecipe, CiCases, seed: 6, recipe =>
        {
            var json = recipe.Builder().Build().ToJson();

            // The flag answer is quick; the list of errors is made only for a failure.
            if (!SchemaConformanceTests.Evaluate(json, OutputFormat.Flag).IsValid)
            {
                var results = SchemaConformanceTests.Evaluate(json);
                results.IsValid.Should().BeTrue(SchemaConformanceTests.Errors(results) + Environment.NewLine + json);
            }
        }, recipe => recipe.ToString(), recipe => recipe.Smaller());
    }
}
