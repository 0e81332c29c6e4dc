using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequest;

/// <summary>A tool the model may call; the JSON member <c>type</c> tells which kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FunctionTool), "function")]
[JsonDerivedType(typeof(CustomTool), "custom")]
public abstract class ChatTool : JsonModel
{
    private protected ChatTool(string type)
    {
        Type = type;
    }

    /// <summary>The tool's JSON <c>type</c>: <c>function</c> or <c>custom</c>.</summary>
    [JsonIgnore]
    public string Type { get; }

    /// <summary>The tool's name, whatever its kind (the function's or the custom tool's name).</summary>
    [JsonIgnore]
    public string? ToolName => this switch
    {
        FunctionTool function => function.Function?.Name,
        CustomTool custom => custom.Custom?.Name,
        _ => null,
    };
}

/// <summary>A function tool: <c>{"type":"function","function":{...}}</c>.</summary>
public sealed class FunctionTool : ChatTool
{
    /// <summary>Creates an empty instance.</summary>
    public FunctionTool()
        : base("function")
    {
    }

    /// <summary>The function (required).</summary>
    public FunctionDefinition? Function { get; set; }
}

/// <summary>A function the model may call: in a <see cref="FunctionTool"/>, or in the deprecated <c>functions</c> list.</summary>
public sealed class FunctionDefinition : JsonModel
{
    /// <summary>The name (required): a-z, A-Z, 0-9, underscores and dashes, at most 64 characters.</summary>
    public string? Name { get; set; }

    /// <summary>What the function does; the model reads it to decide when to call it.</summary>
    public string? Description { get; set; }

    /// <summary>The parameters as a JSON Schema object; leave unset for a function without parameters.</summary>
    public JsonElement? Parameters { get; set; }

    /// <summary>Whether the model must follow <see cref="Parameters"/> exactly (function tools only).</summary>
    public bool? Strict { get; set; }
}

/// <summary>A custom tool: <c>{"type":"custom","custom":{...}}</c>, called with free text or a grammar.</summary>
public sealed class CustomTool : ChatTool
{
    /// <summary>Creates an empty instance.</summary>
    public CustomTool()
        : base("custom")
    {
    }

    /// <summary>The custom tool (required).</summary>
    public CustomToolDefinition? Custom { get; set; }
}

/// <summary>The definition of a <see cref="CustomTool"/>.</summary>
public sealed class CustomToolDefinition : JsonModel
{
    /// <summary>The name (required).</summary>
    public string? Name { get; set; }

    /// <summary>What the tool does.</summary>
    public string? Description { get; set; }

    /// <summary>The input format: free text (the default) or a grammar.</summary>
    public CustomToolFormat? Format { get; set; }
}

/// <summary>The input format of a custom tool; the JSON member <c>type</c> tells which.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextToolFormat), "text")]
[JsonDerivedType(typeof(GrammarToolFormat), "grammar")]
public abstract class CustomToolFormat : JsonModel
{
    private protected CustomToolFormat()
    {
    }
}

/// <summary>Free-text input: <c>{"type":"text"}</c>.</summary>
public sealed class TextToolFormat : CustomToolFormat
{
}

/// <summary>Input constrained by a grammar: <c>{"type":"grammar","grammar":{...}}</c>.</summary>
public sealed class GrammarToolFormat : CustomToolFormat
{
    /// <summary>The grammar (required).</summary>
    public GrammarDefinition? Grammar { get; set; }
}

/// <summary>A grammar for a custom tool's input.</summary>
public sealed class GrammarDefinition : JsonModel
{
    /// <summary>The grammar text (required).</summary>
    public string? Definition { get; set; }

    /// <summary>The grammar syntax: <c>lark</c> or <c>regex</c> (required).</summary>
    public string? Syntax { get; set; }
}

/// <summary>A tool call made by the model; the JSON member <c>type</c> tells which kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FunctionToolCall), "function")]
[JsonDerivedType(typeof(CustomToolCall), "custom")]
public abstract partial class ToolCall : JsonModel
{
    private protected ToolCall()
    {
    }

    /// <summary>The call's id (required); a tool message answers it by this id.</summary>
    public string? Id { get; set; }
}

/// <summary>A call of a function tool.</summary>
public sealed class FunctionToolCall : ToolCall
{
    /// <summary>The function and its arguments (required).</summary>
    public FunctionCall? Function { get; set; }
}

/// <summary>A function name with JSON-encoded arguments, as produced by the model.</summary>
public sealed class FunctionCall : JsonModel
{
    /// <summary>The function's name (required).</summary>
    public string? Name { get; set; }

    /// <summary>The arguments as a JSON-encoded string (required).</summary>
    public string? Arguments { get; set; }
}

/// <summary>A call of a custom tool.</summary>
public sealed class CustomToolCall : ToolCall
{
    /// <summary>The tool and its input (required).</summary>
    public CustomToolCallInput? Custom { get; set; }
}

/// <summary>The tool name and input of a <see cref="CustomToolCall"/>.</summary>
public sealed class CustomToolCallInput : JsonModel
{
    /// <summary>The tool's name (required).</summary>
    public string? Name { get; set; }

    /// <summary>The input the model produced (required).</summary>
    public string? Input { get; set; }
}

/// <summary>
/// <c>tool_choice</c>: a mode (<c>none</c>, <c>auto</c>, <c>required</c>, written as a JSON string) or an object
/// that forces one function or custom tool, or limits the model to a set of allowed tools.
/// </summary>
[JsonConverter(typeof(Serialization.ToolChoiceConverter))]
public sealed class ToolChoice : JsonModel
{
    /// <summary>The mode when the choice is a JSON string (<c>none</c>, <c>auto</c>, <c>required</c>); otherwise null.</summary>
    [JsonIgnore]
    public string? Mode { get; set; }

    /// <summary>The object's <c>type</c> (<c>function</c>, <c>custom</c>, <c>allowed_tools</c>) when the choice is an object.</summary>
    public string? Type { get; set; }

    /// <summary>The forced function, for <c>type: function</c>.</summary>
    public NamedTool? Function { get; set; }

    /// <summary>The forced custom tool, for <c>type: custom</c>.</summary>
    public NamedTool? Custom { get; set; }

    /// <summary>The allowed tools, for <c>type: allowed_tools</c>.</summary>
    public AllowedTools? AllowedTools { get; set; }

    /// <summary>The model may not call any tool.</summary>
    public static ToolChoice None => new() { Mode = "none" };

    /// <summary>The model decides whether to call tools.</summary>
    public static ToolChoice Auto => new() { Mode = "auto" };

    /// <summary>The model must call at least one tool.</summary>
    public static ToolChoice Required => new() { Mode = "required" };

    /// <summary>Forces a call of the named function tool.</summary>
    /// <param name="name">The function's name.</param>
    /// <returns>The choice.</returns>
    public static ToolChoice ForFunction(string name) => new() { Type = "function", Function = new NamedTool { Name = name } };

    /// <summary>Forces a call of the named custom tool.</summary>
    /// <param name="name">The custom tool's name.</param>
    /// <returns>The choice.</returns>
    public static ToolChoice ForCustomTool(string name) => new() { Type = "custom", Custom = new NamedTool { Name = name } };

    /// <summary>The name of the forced function or custom tool, if any.</summary>
    [JsonIgnore]
    public string? ForcedToolName => Function?.Name ?? Custom?.Name;
}

/// <summary>A tool named in a <see cref="ToolChoice"/>: <c>{"name":...}</c>.</summary>
public sealed class NamedTool : JsonModel
{
    /// <summary>The tool's name (required).</summary>
    public string? Name { get; set; }
}

/// <summary>The set of tools the model may use, for a <c>tool_choice</c> of type <c>allowed_tools</c>.</summary>
public sealed class AllowedTools : JsonModel
{
    /// <summary><c>auto</c> (the model may answer in text) or <c>required</c> (it must call one of the tools).</summary>
    public string? Mode { get; set; }

    /// <summary>The allowed tools, each a tool definition such as <c>{"type":"function","function":{"name":"x"}}</c>.</summary>
    public IList<JsonElement>? Tools { get; set; }
}

/// <summary>
/// The deprecated <c>function_call</c>: a mode (<c>none</c> or <c>auto</c>, written as a JSON string) or
/// <c>{"name":...}</c> to force one function. Use <see cref="ToolChoice"/> instead.
/// </summary>
[JsonConverter(typeof(Serialization.FunctionCallOptionConverter))]
public sealed class FunctionCallOption : JsonModel
{
    /// <summary>The mode when the option is a JSON string (<c>none</c> or <c>auto</c>); otherwise null.</summary>
    [JsonIgnore]
    public string? Mode { get; set; }

    /// <summary>The forced function's name when the option is an object.</summary>
    public string? Name { get; set; }
}
