using System;

namespace ChatRequest;

/// <summary>
/// The entry point: <c>Chat.With("gpt-4o").User("Hi").Build()</c> builds a validated
/// <see cref="CreateChatCompletionRequest"/>.
/// </summary>
public static class Chat
{
    /// <summary>Starts a request for <paramref name="model"/>.</summary>
    /// <param name="model">The model id, e.g. <c>gpt-4o</c>. An empty id is reported by <see cref="ChatRequestBuilder.Build"/> (CHAT103).</param>
    /// <returns>A builder; every call on it returns a new builder, so partial chains can be reused and shared.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static ChatRequestBuilder With(string model)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        return ChatRequestBuilder.Start(model);
    }
}
