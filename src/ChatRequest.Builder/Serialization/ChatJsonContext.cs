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
/// do not go through this context: they write and read the same JSON by hand, faster, and keep explicit JSON
/// <c>null</c>s of a parsed body so that it is written back unchanged. Tests hold both to the same results. With the
/// context's own options, duplicate members are allowed (the last wins), as is the serializer's default; <c>FromJson</c>
/// refuses them.
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
