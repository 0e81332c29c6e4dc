using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ChatRequest;

/// <summary>One message of the conversation; the JSON member <c>role</c> tells which kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "role")]
[JsonDerivedType(typeof(DeveloperMessage), "developer")]
[JsonDerivedType(typeof(SystemMessage), "system")]
[JsonDerivedType(typeof(UserMessage), "user")]
[JsonDerivedType(typeof(AssistantMessage), "assistant")]
[JsonDerivedType(typeof(ToolMessage), "tool")]
[JsonDerivedType(typeof(FunctionMessage), "function")]
public abstract class ChatMessage : JsonModel
{
    private protected ChatMessage(string role)
    {
        Role = role;
    }

    /// <summary>The JSON <c>role</c>: developer, system, user, assistant, tool or function.</summary>
    [JsonIgnore]
    public string Role { get; }

    /// <summary>The content: text or parts. Which parts are allowed depends on the role.</summary>
    public MessageContent? Content { get; set; }
}

/// <summary>Base of the messages that may carry a participant <c>name</c>.</summary>
public abstract class NamedChatMessage : ChatMessage
{
    private protected NamedChatMessage(string role)
        : base(role)
    {
    }

    /// <summary>An optional participant name that tells apart speakers with the same role.</summary>
    public string? Name { get; set; }
}

/// <summary>A developer message: instructions that o1 and newer models follow (in place of system).</summary>
public sealed class DeveloperMessage : NamedChatMessage
{
    /// <summary>Creates an empty instance.</summary>
    public DeveloperMessage()
        : base("developer")
    {
    }
}

/// <summary>A system message: instructions for the model.</summary>
public sealed class SystemMessage : NamedChatMessage
{
    /// <summary>Creates an empty instance.</summary>
    public SystemMessage()
        : base("system")
    {
    }
}

/// <summary>A user message: text, images, audio or files from the end user.</summary>
public sealed class UserMessage : NamedChatMessage
{
    /// <summary>Creates an empty instance.</summary>
    public UserMessage()
        : base("user")
    {
    }
}

/// <summary>An assistant message: an earlier answer of the model, possibly with tool calls.</summary>
public sealed class AssistantMessage : NamedChatMessage
{
    /// <summary>Creates an empty instance.</summary>
    public AssistantMessage()
        : base("assistant")
    {
    }

    /// <summary>The refusal text, when the model refused.</summary>
    public string? Refusal { get; set; }

    /// <summary>A reference to an earlier audio answer (<c>{"id":...}</c>).</summary>
    public AssistantAudio? Audio { get; set; }

    /// <summary>The tool calls the model made.</summary>
    public IList<ToolCall>? ToolCalls { get; set; }

    /// <summary>The function call the model made (deprecated; use <see cref="ToolCalls"/>).</summary>
    public FunctionCall? FunctionCall { get; set; }
}

/// <summary>A reference to an earlier audio answer of the model.</summary>
public sealed class AssistantAudio : JsonModel
{
    /// <summary>The audio answer's id (required).</summary>
    public string? Id { get; set; }
}

/// <summary>A tool message: the result of a tool call.</summary>
public sealed class ToolMessage : ChatMessage
{
    /// <summary>Creates an empty instance.</summary>
    public ToolMessage()
        : base("tool")
    {
    }

    /// <summary>The id of the tool call this message answers (required).</summary>
    public string? ToolCallId { get; set; }
}

/// <summary>A function message: the result of a function call (deprecated; use <see cref="ToolMessage"/>).</summary>
public sealed class FunctionMessage : ChatMessage
{
    /// <summary>Creates an empty instance.</summary>
    public FunctionMessage()
        : base("function")
    {
    }

    /// <summary>The name of the function that was called (required).</summary>
    public string? Name { get; set; }
}
