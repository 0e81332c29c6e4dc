using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatRequest.Serialization;

/// <summary>Helpers shared by the converters of union-typed members (string or object/array).</summary>
internal static class UnionJson
{
    public static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    public static JsonException Unexpected(ref Utf8JsonReader reader, string member, string expected) =>
        new($"'{member}' must be {expected}, but the JSON holds {Describe(reader.TokenType)}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>
    /// Keeps an unknown member. Unless <paramref name="options"/> allow duplicate properties, a member given twice is an
    /// error, here and inside the value, as in every other object of the model.
    /// </summary>
    public static void AddExtra(JsonModel target, string owner, string name, ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var extras = target.AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!options.AllowDuplicateProperties && extras.ContainsKey(name))
        {
            throw Duplicate(owner, name);
        }

        var value = JsonSerializer.Deserialize(ref reader, Info<JsonElement>(options));
        CheckedElementConverter.RequireValidText(value);
        extras[name] = value;
    }

    /// <summary>Fails for a member seen before, unless <paramref name="options"/> allow duplicate properties.</summary>
    public static void Once(ref bool seen, string owner, string name, JsonSerializerOptions options)
    {
        if (seen && !options.AllowDuplicateProperties)
        {
            throw Duplicate(owner, name);
        }

        seen = true;
    }

    private static JsonException Duplicate(string owner, string name) =>
        new($"'{owner}.{name}' is given twice. A body must not give a member twice: a gateway would check one value while the server uses the other.");

    /// <summary>
    /// A nested deserialization reports paths relative to its own root ("$[0]"). This turns such an exception into
    /// one without a path, so the outer serializer fills in the full path of the member being read, and keeps the
    /// relative part (e.g. "[0]") in the message.
    /// </summary>
    public static JsonException Rebase(JsonException inner, string member)
    {
        var relative = inner.Path is { Length: > 1 } p && p.StartsWith("$", StringComparison.Ordinal) ? p.Substring(1) : string.Empty;
        var message = inner.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message.Substring(0, cut);
        }

        return new JsonException(member + relative + ": " + message, inner);
    }

    public static string ReadString(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, member, "a string");
        }

        return reader.GetString()!;
    }
}

/// <summary>Reads and writes <see cref="MessageContent"/>: a JSON string or an array of content parts.</summary>
internal sealed class MessageContentConverter : JsonConverter<MessageContent>
{
    public override MessageContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new MessageContent(reader.GetString()!);
            case JsonTokenType.StartArray:
                try
                {
                    var parts = JsonSerializer.Deserialize(ref reader, UnionJson.Info<List<ContentPart>>(options));
                    return new MessageContent(parts!);
                }
                catch (JsonException ex)
                {
                    throw UnionJson.Rebase(ex, "content");
                }
                catch (NotSupportedException ex)
                {
                    throw UnionJson.Rebase(new JsonException(ex.Message, ExtractPath(ex.Message), null, null, ex), "content");
                }
            default:
                throw UnionJson.Unexpected(ref reader, "content", "a string or an array of content parts");
        }
    }

    private static string? ExtractPath(string message)
    {
        var at = message.IndexOf("Path: ", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var end = message.IndexOf(' ', at + 6);
        return end < 0 ? message.Substring(at + 6) : message.Substring(at + 6, end - at - 6);
    }

    public override void Write(Utf8JsonWriter writer, MessageContent value, JsonSerializerOptions options) =>
        RequestWriter.ContentValue(writer, value);
}

/// <summary>Reads and writes <see cref="StopSequences"/>: a JSON string or an array of strings.</summary>
internal sealed class StopSequencesConverter : JsonConverter<StopSequences>
{
    public override StopSequences Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new StopSequences(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw UnionJson.Unexpected(ref reader, "stop", "a string or an array of strings");
        }

        var list = new List<string>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(UnionJson.ReadString(ref reader, "stop[]"));
        }

        return new StopSequences(list);
    }

    public override void Write(Utf8JsonWriter writer, StopSequences value, JsonSerializerOptions options) =>
        RequestWriter.Stop(writer, value);
}

/// <summary>Reads and writes <see cref="AudioVoice"/>: a voice name (JSON string) or <c>{"id":...}</c>.</summary>
internal sealed class AudioVoiceConverter : JsonConverter<AudioVoice>
{
    public override AudioVoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return AudioVoice.Named(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw UnionJson.Unexpected(ref reader, "voice", "a string or an object with 'id'");
        }

        string? id = null;
        var seenId = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "id")
            {
                UnionJson.Once(ref seenId, "voice", "id", options);
                id = UnionJson.ReadString(ref reader, "voice.id");
            }
            else
            {
                throw new JsonException($"'voice' accepts only the member 'id', not '{name}'.");
            }
        }

        return AudioVoice.Custom(id ?? throw new JsonException("'voice' as an object needs its member 'id'."));
    }

    public override void Write(Utf8JsonWriter writer, AudioVoice value, JsonSerializerOptions options) =>
        RequestWriter.VoiceValue(writer, value);
}

/// <summary>Reads and writes <see cref="ToolChoice"/>: a mode (JSON string) or an object.</summary>
internal sealed class ToolChoiceConverter : JsonConverter<ToolChoice>
{
    public override ToolChoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ToolChoice { Mode = reader.GetString() };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw UnionJson.Unexpected(ref reader, "tool_choice", "a string or an object");
        }

        var choice = new ToolChoice();
        bool seenType = false, seenFunction = false, seenCustom = false, seenAllowed = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "type":
                    UnionJson.Once(ref seenType, "tool_choice", name, options);
                    break;
                case "function":
                    UnionJson.Once(ref seenFunction, "tool_choice", name, options);
                    break;
                case "custom":
                    UnionJson.Once(ref seenCustom, "tool_choice", name, options);
                    break;
                case "allowed_tools":
                    UnionJson.Once(ref seenAllowed, "tool_choice", name, options);
                    break;
            }

            if (reader.TokenType == JsonTokenType.Null && name is "type" or "function" or "custom" or "allowed_tools")
            {
                // Kept and written back, as explicit nulls are everywhere else.
                choice.MarkExplicitNull(name);
                continue;
            }

            try
            {
                switch (name)
                {
                    case "type":
                        choice.Type = UnionJson.ReadString(ref reader, "tool_choice.type");
                        break;
                    case "function":
                        choice.Function = JsonSerializer.Deserialize(ref reader, UnionJson.Info<NamedTool>(options));
                        break;
                    case "custom":
                        choice.Custom = JsonSerializer.Deserialize(ref reader, UnionJson.Info<NamedTool>(options));
                        break;
                    case "allowed_tools":
                        choice.AllowedTools = JsonSerializer.Deserialize(ref reader, UnionJson.Info<AllowedTools>(options));
                        break;
                    default:
                        UnionJson.AddExtra(choice, "tool_choice", name, ref reader, options);
                        break;
                }
            }
            catch (JsonException ex) when (ex.Path is not null)
            {
                throw UnionJson.Rebase(ex, "tool_choice." + name);
            }
        }

        return choice;
    }

    public override void Write(Utf8JsonWriter writer, ToolChoice value, JsonSerializerOptions options) =>
        RequestWriter.ToolChoice(writer, value);
}

/// <summary>Reads and writes <see cref="FunctionCallOption"/>: a mode (JSON string) or <c>{"name":...}</c>.</summary>
internal sealed class FunctionCallOptionConverter : JsonConverter<FunctionCallOption>
{
    public override FunctionCallOption Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new FunctionCallOption { Mode = reader.GetString() };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw UnionJson.Unexpected(ref reader, "function_call", "a string or an object with 'name'");
        }

        var option = new FunctionCallOption();
        var seenName = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == "name")
            {
                UnionJson.Once(ref seenName, "function_call", name, options);
                option.Name = UnionJson.ReadString(ref reader, "function_call.name");
            }
            else
            {
                try
                {
                    UnionJson.AddExtra(option, "function_call", name, ref reader, options);
                }
                catch (JsonException ex) when (ex.Path is not null)
                {
                    throw UnionJson.Rebase(ex, "function_call." + name);
                }
            }
        }

        return option;
    }

    public override void Write(Utf8JsonWriter writer, FunctionCallOption value, JsonSerializerOptions options) =>
        RequestWriter.FunctionCallOption(writer, value);
}
