using System.Text.Json.Nodes;

namespace ChatRequest.Tests;

/// <summary>Small helpers to look at a request's JSON body.</summary>
internal static class Json
{
    public static JsonObject Body(this CreateChatCompletionRequest request) => JsonNode.Parse(request.ToJson())!.AsObject();

    public static JsonObject Body(this ChatRequestBuilder builder) => builder.Build().Body();

    /// <summary>The body without model and messages: just what the settings wrote.</summary>
    public static JsonObject Settings(this ChatRequestBuilder builder)
    {
        var body = builder.Body();
        body.Remove("model");
        body.Remove("messages");
        return body;
    }

    public static bool SameJson(string expected, JsonNode? actual) => JsonNode.DeepEquals(JsonNode.Parse(expected), actual);
}
