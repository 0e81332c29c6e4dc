namespace ChatRequest.Tests;

internal static class TestHooks
{
    /// <summary>The same chain's request made through the object model (never the fast path).</summary>
    public static CreateChatCompletionRequest ToBuilder_ForTests(this ChatRequestBuilder builder)
    {
        var request = new CreateChatCompletionRequest();
        builder.ReplayInto(request);
        return request;
    }
}
