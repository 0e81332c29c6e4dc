using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ChatRequest.Serialization;

/// <summary>Tools, functions, the tool and function choices, and response formats.</summary>
internal ref partial struct RequestReader
{
    // ---- Tools -------------------------------------------------------------------------------------------------

    /// <summary><c>tools</c>: an array of tools and nulls, or null.</summary>
    private List<ChatTool>? ToolList(JsonModel owner)
    {
        if (!ArrayOrNull(owner, "tools"))
        {
            return null;
        }

        var list = new List<ChatTool>();
        PushIndex();
        while (NextElement())
        {
            list.Add(Tool()!);
            SetIndex(list.Count);
        }

        Pop();
        return list;
    }

    private ChatTool? Tool()
    {
        var start = (int)_r.TokenStartIndex;
        var level = _depth;
        try
        {
            return ToolObject();
        }
        catch (Exception ex) when (MetadataError(ex, start, level, "type") is { } first)
        {
            throw first;
        }
    }

    private ChatTool? ToolObject()
    {
        if (_r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (_r.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch("a tool (an object with a 'type') or null");
        }

        ulong seen = 0;
        var place = FindDiscriminator("type"u8, out var value);
        if (place == Place.Missing)
        {
            throw NoKind("type", "a tool", ToolKinds);
        }

        var kind = place == Place.First ? DiscriminatorText(ref _r, "type", ToolKinds) : DiscriminatorText(ref value, "type", ToolKinds);
        ChatTool tool;
        if (kind.SequenceEqual("function"u8))
        {
            tool = new FunctionTool();
        }
        else if (kind.SequenceEqual("custom"u8))
        {
            tool = new CustomTool();
        }
        else
        {
            throw place == Place.First ? UnknownKind(ref _r, "type", ToolKinds) : UnknownKind(ref value, "type", ToolKinds);
        }

        if (place == Place.First)
        {
            seen = 1;
        }

        var function = tool as FunctionTool;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("type"u8) ? 0
                : function is not null ? (n.SequenceEqual("function"u8) ? 1 : -1)
                : n.SequenceEqual("custom"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(tool, polymorphic: true);
                continue;
            }

            PushMember();
            Next();
            if (id == 1)
            {
                if (function is not null)
                {
                    function.Function = ObjectOrNull(function, "function") ? FunctionDefinitionValue() : null;
                }
                else
                {
                    var custom = (CustomTool)tool;
                    custom.Custom = ObjectOrNull(custom, "custom") ? CustomToolValue() : null;
                }
            }

            Once(ref seen, id);
            Pop();
        }

        return tool;
    }

    /// <summary>The deprecated <c>functions</c>: an array of function definitions and nulls, or null.</summary>
    private List<FunctionDefinition>? FunctionList(JsonModel owner)
    {
        if (!ArrayOrNull(owner, "functions"))
        {
            return null;
        }

        var list = new List<FunctionDefinition>();
        PushIndex();
        while (NextElement())
        {
            if (_r.TokenType == JsonTokenType.Null)
            {
                list.Add(null!);
            }
            else if (_r.TokenType == JsonTokenType.StartObject)
            {
                list.Add(FunctionDefinitionValue());
            }
            else
            {
                throw Mismatch("a function definition (an object) or null");
            }

            SetIndex(list.Count);
        }

        Pop();
        return list;
    }

    private FunctionDefinition FunctionDefinitionValue()
    {
        var function = new FunctionDefinition();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("name"u8) ? 0 : n.SequenceEqual("description"u8) ? 1 : n.SequenceEqual("parameters"u8) ? 2 : n.SequenceEqual("strict"u8) ? 3 : -1;
            if (id < 0)
            {
                AddExtra(function, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            switch (id)
            {
                case 0:
                    function.Name = String(function, "name");
                    break;
                case 1:
                    function.Description = String(function, "description");
                    break;
                case 2:
                    function.Parameters = Element(function, "parameters");
                    break;
                default:
                    function.Strict = Bool(function, "strict");
                    break;
            }

            Once(ref seen, id);
            Pop();
        }

        return function;
    }

    private CustomToolDefinition CustomToolValue()
    {
        var custom = new CustomToolDefinition();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("name"u8) ? 0 : n.SequenceEqual("description"u8) ? 1 : n.SequenceEqual("format"u8) ? 2 : -1;
            if (id < 0)
            {
                AddExtra(custom, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            switch (id)
            {
                case 0:
                    custom.Name = String(custom, "name");
                    break;
                case 1:
                    custom.Description = String(custom, "description");
                    break;
                default:
                    custom.Format = ObjectOrNull(custom, "format") ? CustomFormat() : null;
                    break;
            }

            Once(ref seen, id);
            Pop();
        }

        return custom;
    }

    private const string FormatKinds = "text, grammar";

    /// <summary>A custom tool's input format: the reader is at the object's start.</summary>
    private CustomToolFormat CustomFormat()
    {
        var start = (int)_r.TokenStartIndex;
        var level = _depth;
        try
        {
            return CustomFormatObject();
        }
        catch (Exception ex) when (MetadataError(ex, start, level, "type") is { } first)
        {
            throw first;
        }
    }

    private CustomToolFormat CustomFormatObject()
    {
        ulong seen = 0;
        var place = FindDiscriminator("type"u8, out var value);
        if (place == Place.Missing)
        {
            throw NoKind("type", "a custom tool format", FormatKinds);
        }

        var kind = place == Place.First ? DiscriminatorText(ref _r, "type", FormatKinds) : DiscriminatorText(ref value, "type", FormatKinds);
        CustomToolFormat format;
        if (kind.SequenceEqual("text"u8))
        {
            format = new TextToolFormat();
        }
        else if (kind.SequenceEqual("grammar"u8))
        {
            format = new GrammarToolFormat();
        }
        else
        {
            throw place == Place.First ? UnknownKind(ref _r, "type", FormatKinds) : UnknownKind(ref value, "type", FormatKinds);
        }

        if (place == Place.First)
        {
            seen = 1;
        }

        var grammar = format as GrammarToolFormat;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("type"u8) ? 0 : grammar is not null && n.SequenceEqual("grammar"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(format, polymorphic: true);
                continue;
            }

            PushMember();
            Next();
            if (id == 1)
            {
                grammar!.Grammar = ObjectOrNull(grammar, "grammar") ? GrammarValue() : null;
            }

            Once(ref seen, id);
            Pop();
        }

        return format;
    }

    private GrammarDefinition GrammarValue()
    {
        var grammar = new GrammarDefinition();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("definition"u8) ? 0 : n.SequenceEqual("syntax"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(grammar, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                grammar.Definition = String(grammar, "definition");
            }
            else
            {
                grammar.Syntax = String(grammar, "syntax");
            }

            Once(ref seen, id);
            Pop();
        }

        return grammar;
    }

    // ---- Choices -------------------------------------------------------------------------------------------------

    /// <summary><c>tool_choice</c>: a mode string, or an object whose members may be null (recorded, as everywhere).</summary>
    private ToolChoice? ToolChoiceValue(JsonModel owner)
    {
        switch (_r.TokenType)
        {
            case JsonTokenType.String:
                return new ToolChoice { Mode = StringValue() };
            case JsonTokenType.Null:
                owner.MarkExplicitNull("tool_choice");
                return null;
            case JsonTokenType.StartObject:
                break;
            default:
                throw Mismatch("a mode (none, auto or required), an object, or null");
        }

        var choice = new ToolChoice();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("type"u8) ? 0 : n.SequenceEqual("function"u8) ? 1 : n.SequenceEqual("custom"u8) ? 2 : n.SequenceEqual("allowed_tools"u8) ? 3 : -1;
            if (id < 0)
            {
                AddExtra(choice, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            switch (id)
            {
                case 0:
                    choice.Type = String(choice, "type");
                    break;
                case 1:
                    choice.Function = ObjectOrNull(choice, "function") ? NamedToolValue() : null;
                    break;
                case 2:
                    choice.Custom = ObjectOrNull(choice, "custom") ? NamedToolValue() : null;
                    break;
                default:
                    choice.AllowedTools = ObjectOrNull(choice, "allowed_tools") ? AllowedToolsValue() : null;
                    break;
            }

            Once(ref seen, id);
            Pop();
        }

        return choice;
    }

    private NamedTool NamedToolValue()
    {
        var tool = new NamedTool();
        var seen = false;
        while (NextMember())
        {
            if (!Name().SequenceEqual("name"u8))
            {
                AddExtra(tool, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            tool.Name = String(tool, "name");
            if (seen)
            {
                throw Duplicate();
            }

            seen = true;
            Pop();
        }

        return tool;
    }

    private AllowedTools AllowedToolsValue()
    {
        var allowed = new AllowedTools();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("mode"u8) ? 0 : n.SequenceEqual("tools"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(allowed, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                allowed.Mode = String(allowed, "mode");
            }
            else if (ArrayOrNull(allowed, "tools"))
            {
                var tools = new List<JsonElement>();
                PushIndex();
                while (NextElement())
                {
                    tools.Add(Capture());
                    SetIndex(tools.Count);
                }

                Pop();
                allowed.Tools = tools;
            }
            else
            {
                allowed.Tools = null;
            }

            Once(ref seen, id);
            Pop();
        }

        return allowed;
    }

    /// <summary>The deprecated <c>function_call</c>: a mode string, or an object whose <c>name</c> is a string.</summary>
    private FunctionCallOption? FunctionCallOption(JsonModel owner)
    {
        switch (_r.TokenType)
        {
            case JsonTokenType.String:
                return new FunctionCallOption { Mode = StringValue() };
            case JsonTokenType.Null:
                owner.MarkExplicitNull("function_call");
                return null;
            case JsonTokenType.StartObject:
                break;
            default:
                throw Mismatch("a mode (none or auto), an object with 'name', or null");
        }

        var option = new FunctionCallOption();
        var seen = false;
        while (NextMember())
        {
            if (!Name().SequenceEqual("name"u8))
            {
                AddExtra(option, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            option.Name = RequiredString();
            if (seen)
            {
                throw Duplicate();
            }

            seen = true;
            Pop();
        }

        return option;
    }

    // ---- Response format -----------------------------------------------------------------------------------------

    private const string ResponseKinds = "text, json_object, json_schema";

    /// <summary><c>response_format</c>: the reader is at the object's start.</summary>
    private ResponseFormat ResponseFormatValue()
    {
        var start = (int)_r.TokenStartIndex;
        var level = _depth;
        try
        {
            return ResponseFormatObject();
        }
        catch (Exception ex) when (MetadataError(ex, start, level, "type") is { } first)
        {
            throw first;
        }
    }

    private ResponseFormat ResponseFormatObject()
    {
        ulong seen = 0;
        var place = FindDiscriminator("type"u8, out var value);
        if (place == Place.Missing)
        {
            throw NoKind("type", "a response format", ResponseKinds);
        }

        var kind = place == Place.First ? DiscriminatorText(ref _r, "type", ResponseKinds) : DiscriminatorText(ref value, "type", ResponseKinds);
        ResponseFormat format;
        if (kind.SequenceEqual("json_schema"u8))
        {
            format = new JsonSchemaResponseFormat();
        }
        else if (kind.SequenceEqual("json_object"u8))
        {
            format = new JsonObjectResponseFormat();
        }
        else if (kind.SequenceEqual("text"u8))
        {
            format = new TextResponseFormat();
        }
        else
        {
            throw place == Place.First ? UnknownKind(ref _r, "type", ResponseKinds) : UnknownKind(ref value, "type", ResponseKinds);
        }

        if (place == Place.First)
        {
            seen = 1;
        }

        var schema = format as JsonSchemaResponseFormat;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("type"u8) ? 0 : schema is not null && n.SequenceEqual("json_schema"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(format, polymorphic: true);
                continue;
            }

            PushMember();
            Next();
            if (id == 1)
            {
                schema!.JsonSchema = ObjectOrNull(schema, "json_schema") ? SchemaDefinition() : null;
            }

            Once(ref seen, id);
            Pop();
        }

        return format;
    }

    private JsonSchemaDefinition SchemaDefinition()
    {
        var definition = new JsonSchemaDefinition();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("name"u8) ? 0 : n.SequenceEqual("description"u8) ? 1 : n.SequenceEqual("schema"u8) ? 2 : n.SequenceEqual("strict"u8) ? 3 : -1;
            if (id < 0)
            {
                AddExtra(definition, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            switch (id)
            {
                case 0:
                    definition.Name = String(definition, "name");
                    break;
                case 1:
                    definition.Description = String(definition, "description");
                    break;
                case 2:
                    definition.Schema = Element(definition, "schema");
                    break;
                default:
                    definition.Strict = Bool(definition, "strict");
                    break;
            }

            Once(ref seen, id);
            Pop();
        }

        return definition;
    }
}
