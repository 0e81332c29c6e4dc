using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequest.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for the request model: snake_case names, unset members omitted.
/// Use it to (de)serialize model types with <see cref="JsonSerializer"/> without reflection.
/// </summary>
/// <remarks>
/// <see cref="CreateChatCompletionRequest.ToJson"/> and <see cref="CreateChatCompletionRequest.FromJson(string)"/>
/// use this context with one addition: explicit JSON <c>null</c>s of a parsed body are kept and written back.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    MaxDepth = ChatJson.MaxDepth)]
[JsonSerializable(typeof(CreateChatCompletionRequest))]
[JsonSerializable(typeof(ChatMessage))]
[JsonSerializable(typeof(DeveloperMessage))]
[JsonSerializable(typeof(SystemMessage))]
[JsonSerializable(typeof(UserMessage))]
[JsonSerializable(typeof(AssistantMessage))]
[JsonSerializable(typeof(ToolMessage))]
[JsonSerializable(typeof(FunctionMessage))]
[JsonSerializable(typeof(List<ContentPart>))]
[JsonSerializable(typeof(ContentPart))]
[JsonSerializable(typeof(ChatTool))]
[JsonSerializable(typeof(ToolCall))]
[JsonSerializable(typeof(ResponseFormat))]
[JsonSerializable(typeof(NamedTool))]
[JsonSerializable(typeof(AllowedTools))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class ChatJsonContext : JsonSerializerContext
{
}
