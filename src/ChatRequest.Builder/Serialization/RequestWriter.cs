using System.Collections.Generic;
using System.Text.Json;

namespace ChatRequest.Serialization;

/// <summary>
/// Writes the request model as JSON by hand, with pre-encoded member names: the fast path behind
/// <see cref="CreateChatCompletionRequest.ToJson"/> and <c>WriteTo</c>. Its counterpart for reading is
/// <see cref="RequestReader"/>; tests prove both agree with the source-generated contract (<see cref="ChatJsonContext"/>)
/// for every kind of member.
/// </summary>
/// <remarks>
/// Every object: known members in a fixed order, unset members skipped unless they were an explicit JSON null in a
/// parsed body, then the members the model does not know (<see cref="JsonModel.AdditionalProperties"/>).
/// </remarks>
internal static class RequestWriter
{
    public static void Write(Utf8JsonWriter w, CreateChatCompletionRequest r)
    {
        if (r.PendingChain is { } chain)
        {
            chain.WriteChain(w);
            return;
        }

        w.WriteStartObject();
        String(w, r, Names.Model, "model", r.Model);
        if (r.Messages is { } messages)
        {
            w.WriteStartArray(Names.Messages);
            foreach (var message in messages)
            {
                Message(w, message);
            }

            w.WriteEndArray();
        }
        else
        {
            Null(w, r, Names.Messages, "messages");
        }

        if (r.Audio is { } audio)
        {
            w.WritePropertyName(Names.Audio);
            Audio(w, audio);
        }
        else
        {
            Null(w, r, Names.Audio, "audio");
        }

        Number(w, r, Names.FrequencyPenalty, "frequency_penalty", r.FrequencyPenalty);
        if (r.FunctionCall is { } functionCall)
        {
            w.WritePropertyName(Names.FunctionCall);
            FunctionCallOption(w, functionCall);
        }
        else
        {
            Null(w, r, Names.FunctionCall, "function_call");
        }

        if (r.Functions is { } functions)
        {
            w.WriteStartArray(Names.Functions);
            foreach (var function in functions)
            {
                FunctionDefinition(w, function);
            }

            w.WriteEndArray();
        }
        else
        {
            Null(w, r, Names.Functions, "functions");
        }

        if (r.LogitBias is { } bias)
        {
            w.WriteStartObject(Names.LogitBias);
            foreach (var pair in bias)
            {
                w.WriteNumber(pair.Key, pair.Value);
            }

            w.WriteEndObject();
        }
        else
        {
            Null(w, r, Names.LogitBias, "logit_bias");
        }

        Bool(w, r, Names.Logprobs, "logprobs", r.Logprobs);
        Int(w, r, Names.MaxCompletionTokens, "max_completion_tokens", r.MaxCompletionTokens);
        Int(w, r, Names.MaxTokens, "max_tokens", r.MaxTokens);
        if (r.Metadata is { } metadata)
        {
            w.WriteStartObject(Names.Metadata);
            foreach (var pair in metadata)
            {
                w.WriteString(pair.Key, pair.Value);
            }

            w.WriteEndObject();
        }
        else
        {
            Null(w, r, Names.Metadata, "metadata");
        }

        Strings(w, r, Names.Modalities, "modalities", r.Modalities);
        if (r.Moderation is { } moderation)
        {
            w.WritePropertyName(Names.Moderation);
            Moderation(w, moderation);
        }
        else
        {
            Null(w, r, Names.Moderation, "moderation");
        }

        Int(w, r, Names.N, "n", r.N);
        Bool(w, r, Names.ParallelToolCalls, "parallel_tool_calls", r.ParallelToolCalls);
        if (r.Prediction is { } prediction)
        {
            w.WritePropertyName(Names.Prediction);
            w.WriteStartObject();
            String(w, prediction, Names.Type, "type", prediction.Type);
            Content(w, prediction, prediction.Content);
            End(w, prediction);
        }
        else
        {
            Null(w, r, Names.Prediction, "prediction");
        }

        Number(w, r, Names.PresencePenalty, "presence_penalty", r.PresencePenalty);
        String(w, r, Names.PromptCacheKey, "prompt_cache_key", r.PromptCacheKey);
        if (r.PromptCacheOptions is { } cache)
        {
            w.WritePropertyName(Names.PromptCacheOptions);
            w.WriteStartObject();
            String(w, cache, Names.Ttl, "ttl", cache.Ttl);
            String(w, cache, Names.Mode, "mode", cache.Mode);
            End(w, cache);
        }
        else
        {
            Null(w, r, Names.PromptCacheOptions, "prompt_cache_options");
        }

        String(w, r, Names.PromptCacheRetention, "prompt_cache_retention", r.PromptCacheRetention);
        String(w, r, Names.ReasoningEffort, "reasoning_effort", r.ReasoningEffort);
        if (r.ResponseFormat is { } format)
        {
            w.WritePropertyName(Names.ResponseFormat);
            ResponseFormat(w, format);
        }
        else
        {
            Null(w, r, Names.ResponseFormat, "response_format");
        }

        String(w, r, Names.SafetyIdentifier, "safety_identifier", r.SafetyIdentifier);
        if (r.Seed is { } seed)
        {
            w.WriteNumber(Names.Seed, seed);
        }
        else
        {
            Null(w, r, Names.Seed, "seed");
        }

        String(w, r, Names.ServiceTier, "service_tier", r.ServiceTier);
        if (r.Stop is { } stop)
        {
            w.WritePropertyName(Names.Stop);
            Stop(w, stop);
        }
        else
        {
            Null(w, r, Names.Stop, "stop");
        }

        Bool(w, r, Names.Store, "store", r.Store);
        Bool(w, r, Names.Stream, "stream", r.Stream);
        if (r.StreamOptions is { } streamOptions)
        {
            w.WritePropertyName(Names.StreamOptions);
            w.WriteStartObject();
            Bool(w, streamOptions, Names.IncludeUsage, "include_usage", streamOptions.IncludeUsage);
            Bool(w, streamOptions, Names.IncludeObfuscation, "include_obfuscation", streamOptions.IncludeObfuscation);
            End(w, streamOptions);
        }
        else
        {
            Null(w, r, Names.StreamOptions, "stream_options");
        }

        Number(w, r, Names.Temperature, "temperature", r.Temperature);
        if (r.ToolChoice is { } toolChoice)
        {
            w.WritePropertyName(Names.ToolChoice);
            ToolChoice(w, toolChoice);
        }
        else
        {
            Null(w, r, Names.ToolChoice, "tool_choice");
        }

        if (r.Tools is { } tools)
        {
            w.WriteStartArray(Names.Tools);
            foreach (var tool in tools)
            {
                Tool(w, tool);
            }

            w.WriteEndArray();
        }
        else
        {
            Null(w, r, Names.Tools, "tools");
        }

        Int(w, r, Names.TopLogprobs, "top_logprobs", r.TopLogprobs);
        Number(w, r, Names.TopP, "top_p", r.TopP);
        String(w, r, Names.User, "user", r.User);
        String(w, r, Names.Verbosity, "verbosity", r.Verbosity);
        if (r.WebSearchOptions is { } web)
        {
            w.WritePropertyName(Names.WebSearchOptions);
            WebSearchOptions(w, web);
        }
        else
        {
            Null(w, r, Names.WebSearchOptions, "web_search_options");
        }

        End(w, r);
    }

    // ---- Messages and content --------------------------------------------------------------------------------

    private static void Message(Utf8JsonWriter w, ChatMessage? message)
    {
        if (message is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString(Names.Role, message.Role);
        switch (message)
        {
            case NamedChatMessage named:
                String(w, named, Names.Name, "name", named.Name);
                Content(w, message, message.Content);
                if (message is AssistantMessage assistant)
                {
                    String(w, assistant, Names.Refusal, "refusal", assistant.Refusal);
                    if (assistant.Audio is { } audio)
                    {
                        w.WritePropertyName(Names.Audio);
                        w.WriteStartObject();
                        String(w, audio, Names.Id, "id", audio.Id);
                        End(w, audio);
                    }
                    else
                    {
                        Null(w, assistant, Names.Audio, "audio");
                    }

                    if (assistant.ToolCalls is { } calls)
                    {
                        w.WriteStartArray(Names.ToolCalls);
                        foreach (var call in calls)
                        {
                            ToolCall(w, call);
                        }

                        w.WriteEndArray();
                    }
                    else
                    {
                        Null(w, assistant, Names.ToolCalls, "tool_calls");
                    }

                    if (assistant.FunctionCall is { } functionCall)
                    {
                        w.WritePropertyName(Names.FunctionCall);
                        FunctionCall(w, functionCall);
                    }
                    else
                    {
                        Null(w, assistant, Names.FunctionCall, "function_call");
                    }
                }

                break;
            case ToolMessage tool:
                String(w, tool, Names.ToolCallId, "tool_call_id", tool.ToolCallId);
                Content(w, message, message.Content);
                break;
            case FunctionMessage function:
                String(w, function, Names.Name, "name", function.Name);
                Content(w, message, message.Content);
                break;
        }

        End(w, message);
    }

    private static void Content(Utf8JsonWriter w, JsonModel owner, MessageContent? content)
    {
        if (content is null)
        {
            Null(w, owner, Names.Content, "content");
            return;
        }

        w.WritePropertyName(Names.Content);
        ContentValue(w, content);
    }

    /// <summary>Writes a <see cref="MessageContent"/> value: a string or an array of parts.</summary>
    public static void ContentValue(Utf8JsonWriter w, MessageContent content)
    {
        if (content.Text is { } text)
        {
            w.WriteStringValue(text);
            return;
        }

        w.WriteStartArray();
        foreach (var part in content.Parts!)
        {
            Part(w, part);
        }

        w.WriteEndArray();
    }

    private static void Part(Utf8JsonWriter w, ContentPart? part)
    {
        if (part is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString(Names.Type, part.Type);
        switch (part)
        {
            case TextContentPart text:
                String(w, text, Names.Text, "text", text.Text);
                break;
            case ImageContentPart image:
                if (image.ImageUrl is { } url)
                {
                    w.WritePropertyName(Names.ImageUrl);
                    w.WriteStartObject();
                    String(w, url, Names.Url, "url", url.Url);
                    String(w, url, Names.Detail, "detail", url.Detail);
                    End(w, url);
                }
                else
                {
                    Null(w, image, Names.ImageUrl, "image_url");
                }

                break;
            case AudioContentPart audio:
                if (audio.InputAudio is { } input)
                {
                    w.WritePropertyName(Names.InputAudio);
                    w.WriteStartObject();
                    String(w, input, Names.Data, "data", input.Data);
                    String(w, input, Names.Format, "format", input.Format);
                    End(w, input);
                }
                else
                {
                    Null(w, audio, Names.InputAudio, "input_audio");
                }

                break;
            case FileContentPart file:
                if (file.File is { } data)
                {
                    w.WritePropertyName(Names.File);
                    w.WriteStartObject();
                    String(w, data, Names.Filename, "filename", data.Filename);
                    String(w, data, Names.FileData, "file_data", data.FileData);
                    String(w, data, Names.FileId, "file_id", data.FileId);
                    End(w, data);
                }
                else
                {
                    Null(w, file, Names.File, "file");
                }

                break;
            case RefusalContentPart refusal:
                String(w, refusal, Names.Refusal, "refusal", refusal.Refusal);
                break;
        }

        if (part is CacheableContentPart cacheable)
        {
            if (cacheable.PromptCacheBreakpoint is { } breakpoint)
            {
                w.WritePropertyName(Names.PromptCacheBreakpoint);
                w.WriteStartObject();
                String(w, breakpoint, Names.Mode, "mode", breakpoint.Mode);
                End(w, breakpoint);
            }
            else
            {
                Null(w, cacheable, Names.PromptCacheBreakpoint, "prompt_cache_breakpoint");
            }
        }

        End(w, part);
    }

    private static void ToolCall(Utf8JsonWriter w, ToolCall? call)
    {
        if (call is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        switch (call)
        {
            case FunctionToolCall function:
                w.WriteString(Names.Type, "function");
                String(w, call, Names.Id, "id", call.Id);
                if (function.Function is { } f)
                {
                    w.WritePropertyName(Names.Function);
                    FunctionCall(w, f);
                }
                else
                {
                    Null(w, call, Names.Function, "function");
                }

                break;
            case CustomToolCall custom:
                w.WriteString(Names.Type, "custom");
                String(w, call, Names.Id, "id", call.Id);
                if (custom.Custom is { } c)
                {
                    w.WritePropertyName(Names.Custom);
                    w.WriteStartObject();
                    String(w, c, Names.Name, "name", c.Name);
                    String(w, c, Names.Input, "input", c.Input);
                    End(w, c);
                }
                else
                {
                    Null(w, call, Names.Custom, "custom");
                }

                break;
        }

        End(w, call);
    }

    private static void FunctionCall(Utf8JsonWriter w, FunctionCall call)
    {
        w.WriteStartObject();
        String(w, call, Names.Name, "name", call.Name);
        String(w, call, Names.Arguments, "arguments", call.Arguments);
        End(w, call);
    }

    // ---- Tools -----------------------------------------------------------------------------------------------

    private static void Tool(Utf8JsonWriter w, ChatTool? tool)
    {
        if (tool is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString(Names.Type, tool.Type);
        switch (tool)
        {
            case FunctionTool function:
                if (function.Function is { } definition)
                {
                    w.WritePropertyName(Names.Function);
                    FunctionDefinition(w, definition);
                }
                else
                {
                    Null(w, function, Names.Function, "function");
                }

                break;
            case CustomTool custom:
                if (custom.Custom is { } c)
                {
                    w.WritePropertyName(Names.Custom);
                    w.WriteStartObject();
                    String(w, c, Names.Name, "name", c.Name);
                    String(w, c, Names.Description, "description", c.Description);
                    if (c.Format is { } format)
                    {
                        w.WritePropertyName(Names.Format);
                        w.WriteStartObject();
                        if (format is GrammarToolFormat grammar)
                        {
                            w.WriteString(Names.Type, "grammar");
                            if (grammar.Grammar is { } g)
                            {
                                w.WritePropertyName(Names.Grammar);
                                w.WriteStartObject();
                                String(w, g, Names.Definition, "definition", g.Definition);
                                String(w, g, Names.Syntax, "syntax", g.Syntax);
                                End(w, g);
                            }
                            else
                            {
                                Null(w, grammar, Names.Grammar, "grammar");
                            }
                        }
                        else
                        {
                            w.WriteString(Names.Type, "text");
                        }

                        End(w, format);
                    }
                    else
                    {
                        Null(w, c, Names.Format, "format");
                    }

                    End(w, c);
                }
                else
                {
                    Null(w, custom, Names.Custom, "custom");
                }

                break;
        }

        End(w, tool);
    }

    private static void FunctionDefinition(Utf8JsonWriter w, FunctionDefinition? function)
    {
        if (function is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        String(w, function, Names.Name, "name", function.Name);
        String(w, function, Names.Description, "description", function.Description);
        Element(w, function, Names.Parameters, "parameters", function.Parameters);
        Bool(w, function, Names.Strict, "strict", function.Strict);
        End(w, function);
    }

    /// <summary>Writes a <see cref="ChatRequest.ToolChoice"/> value: a mode string or an object.</summary>
    public static void ToolChoice(Utf8JsonWriter w, ToolChoice choice)
    {
        if (choice.Mode is { } mode)
        {
            w.WriteStringValue(mode);
            return;
        }

        w.WriteStartObject();
        String(w, choice, Names.Type, "type", choice.Type);
        if (choice.Function is { } function)
        {
            w.WritePropertyName(Names.Function);
            NamedTool(w, function);
        }
        else
        {
            Null(w, choice, Names.Function, "function");
        }

        if (choice.Custom is { } custom)
        {
            w.WritePropertyName(Names.Custom);
            NamedTool(w, custom);
        }
        else
        {
            Null(w, choice, Names.Custom, "custom");
        }

        if (choice.AllowedTools is { } allowed)
        {
            w.WritePropertyName(Names.AllowedTools);
            w.WriteStartObject();
            String(w, allowed, Names.Mode, "mode", allowed.Mode);
            if (allowed.Tools is { } tools)
            {
                w.WriteStartArray(Names.Tools);
                foreach (var tool in tools)
                {
                    tool.WriteTo(w);
                }

                w.WriteEndArray();
            }
            else
            {
                Null(w, allowed, Names.Tools, "tools");
            }

            End(w, allowed);
        }
        else
        {
            Null(w, choice, Names.AllowedTools, "allowed_tools");
        }

        End(w, choice);
    }

    private static void NamedTool(Utf8JsonWriter w, NamedTool tool)
    {
        w.WriteStartObject();
        String(w, tool, Names.Name, "name", tool.Name);
        End(w, tool);
    }

    /// <summary>Writes a <see cref="ChatRequest.FunctionCallOption"/> value: a mode string or <c>{"name":...}</c>.</summary>
    public static void FunctionCallOption(Utf8JsonWriter w, FunctionCallOption option)
    {
        if (option.Mode is { } mode)
        {
            w.WriteStringValue(mode);
            return;
        }

        w.WriteStartObject();
        if (option.Name is { } name)
        {
            w.WriteString(Names.Name, name);
        }

        End(w, option);
    }

    // ---- Option objects --------------------------------------------------------------------------------------

    private static void ResponseFormat(Utf8JsonWriter w, ResponseFormat format)
    {
        w.WriteStartObject();
        w.WriteString(Names.Type, format.Type);
        if (format is JsonSchemaResponseFormat schema)
        {
            if (schema.JsonSchema is { } definition)
            {
                w.WritePropertyName(Names.JsonSchema);
                w.WriteStartObject();
                String(w, definition, Names.Name, "name", definition.Name);
                String(w, definition, Names.Description, "description", definition.Description);
                Element(w, definition, Names.Schema, "schema", definition.Schema);
                Bool(w, definition, Names.Strict, "strict", definition.Strict);
                End(w, definition);
            }
            else
            {
                Null(w, schema, Names.JsonSchema, "json_schema");
            }
        }

        End(w, format);
    }

    private static void Audio(Utf8JsonWriter w, AudioOutputOptions audio)
    {
        w.WriteStartObject();
        if (audio.Voice is { } voice)
        {
            w.WritePropertyName(Names.Voice);
            VoiceValue(w, voice);
        }
        else
        {
            Null(w, audio, Names.Voice, "voice");
        }

        String(w, audio, Names.Format, "format", audio.Format);
        End(w, audio);
    }

    /// <summary>Writes an <see cref="AudioVoice"/> value: a name string or <c>{"id":...}</c>.</summary>
    public static void VoiceValue(Utf8JsonWriter w, AudioVoice voice)
    {
        if (voice.Name is { } name)
        {
            w.WriteStringValue(name);
            return;
        }

        w.WriteStartObject();
        w.WriteString(Names.Id, voice.Id);
        w.WriteEndObject();
    }

    /// <summary>Writes a <see cref="StopSequences"/> value: one string, or an array.</summary>
    public static void Stop(Utf8JsonWriter w, StopSequences stop)
    {
        if (stop.IsSingleString && stop.Sequences.Count == 1)
        {
            w.WriteStringValue(stop.Sequences[0]);
            return;
        }

        w.WriteStartArray();
        foreach (var sequence in stop.Sequences)
        {
            w.WriteStringValue(sequence);
        }

        w.WriteEndArray();
    }

    private static void Moderation(Utf8JsonWriter w, ModerationOptions moderation)
    {
        w.WriteStartObject();
        String(w, moderation, Names.Model, "model", moderation.Model);
        if (moderation.Policy is { } policy)
        {
            w.WritePropertyName(Names.Policy);
            w.WriteStartObject();
            ModerationConfig(w, policy, Names.Input, "input", policy.Input);
            ModerationConfig(w, policy, Names.Output, "output", policy.Output);
            End(w, policy);
        }
        else
        {
            Null(w, moderation, Names.Policy, "policy");
        }

        End(w, moderation);
    }

    private static void ModerationConfig(Utf8JsonWriter w, JsonModel owner, JsonEncodedText name, string jsonName, ModerationConfig? config)
    {
        if (config is null)
        {
            Null(w, owner, name, jsonName);
            return;
        }

        w.WritePropertyName(name);
        w.WriteStartObject();
        String(w, config, Names.Mode, "mode", config.Mode);
        End(w, config);
    }

    private static void WebSearchOptions(Utf8JsonWriter w, WebSearchOptions web)
    {
        w.WriteStartObject();
        if (web.UserLocation is { } location)
        {
            w.WritePropertyName(Names.UserLocation);
            w.WriteStartObject();
            String(w, location, Names.Type, "type", location.Type);
            if (location.Approximate is { } approximate)
            {
                w.WritePropertyName(Names.Approximate);
                w.WriteStartObject();
                String(w, approximate, Names.Country, "country", approximate.Country);
                String(w, approximate, Names.Region, "region", approximate.Region);
                String(w, approximate, Names.City, "city", approximate.City);
                String(w, approximate, Names.Timezone, "timezone", approximate.Timezone);
                End(w, approximate);
            }
            else
            {
                Null(w, location, Names.Approximate, "approximate");
            }

            End(w, location);
        }
        else
        {
            Null(w, web, Names.UserLocation, "user_location");
        }

        String(w, web, Names.SearchContextSize, "search_context_size", web.SearchContextSize);
        End(w, web);
    }

    // ---- Members ---------------------------------------------------------------------------------------------

    private static void Null(Utf8JsonWriter w, JsonModel owner, JsonEncodedText name, string jsonName)
    {
        if (owner.HasExplicitNulls && owner.IsExplicitNull(jsonName))
        {
            w.WriteNull(name);
        }
    }

    private static void String(Utf8JsonWriter w, JsonModel owner, JsonEncodedText name, string jsonName, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
        else
        {
            Null(w, owner, name, jsonName);
        }
    }

    private static void Strings(Utf8JsonWriter w, JsonModel owner, JsonEncodedText name, string jsonName, IList<string>? values)
    {
        if (values is null)
        {
            Null(w, owner, name, jsonName);
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, JsonModel owner, JsonEncodedText name, string jsonName, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            Null(w, owner, name, jsonName);
        }
    }

    private static void Int(Utf8JsonWriter w, JsonModel owner, JsonEncodedText name, string jsonName, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            Null(w, owner, name, jsonName);
        }
    }

    private static void Bool(Utf8JsonWriter w, JsonModel owner, JsonEncodedText name, string jsonName, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
        else
        {
            Null(w, owner, name, jsonName);
        }
    }

    private static void Element(Utf8JsonWriter w, JsonModel owner, JsonEncodedText name, string jsonName, JsonElement? value)
    {
        if (value is { } v)
        {
            w.WritePropertyName(name);
            v.WriteTo(w);
        }
        else
        {
            Null(w, owner, name, jsonName);
        }
    }

    /// <summary>Writes the members the model does not know, then closes the object.</summary>
    private static void End(Utf8JsonWriter w, JsonModel model)
    {
        if (model.AdditionalProperties is { } extras)
        {
            foreach (var pair in extras)
            {
                w.WritePropertyName(pair.Key);
                pair.Value.WriteTo(w);
            }
        }

        w.WriteEndObject();
    }

    /// <summary>Pre-encoded member names.</summary>
    internal static class Names
    {
        public static readonly JsonEncodedText AllowedTools = JsonEncodedText.Encode("allowed_tools");
        public static readonly JsonEncodedText Approximate = JsonEncodedText.Encode("approximate");
        public static readonly JsonEncodedText Arguments = JsonEncodedText.Encode("arguments");
        public static readonly JsonEncodedText Audio = JsonEncodedText.Encode("audio");
        public static readonly JsonEncodedText City = JsonEncodedText.Encode("city");
        public static readonly JsonEncodedText Content = JsonEncodedText.Encode("content");
        public static readonly JsonEncodedText Country = JsonEncodedText.Encode("country");
        public static readonly JsonEncodedText Custom = JsonEncodedText.Encode("custom");
        public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
        public static readonly JsonEncodedText Definition = JsonEncodedText.Encode("definition");
        public static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
        public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
        public static readonly JsonEncodedText File = JsonEncodedText.Encode("file");
        public static readonly JsonEncodedText FileData = JsonEncodedText.Encode("file_data");
        public static readonly JsonEncodedText FileId = JsonEncodedText.Encode("file_id");
        public static readonly JsonEncodedText Filename = JsonEncodedText.Encode("filename");
        public static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
        public static readonly JsonEncodedText FrequencyPenalty = JsonEncodedText.Encode("frequency_penalty");
        public static readonly JsonEncodedText Function = JsonEncodedText.Encode("function");
        public static readonly JsonEncodedText FunctionCall = JsonEncodedText.Encode("function_call");
        public static readonly JsonEncodedText Functions = JsonEncodedText.Encode("functions");
        public static readonly JsonEncodedText Grammar = JsonEncodedText.Encode("grammar");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText ImageUrl = JsonEncodedText.Encode("image_url");
        public static readonly JsonEncodedText IncludeObfuscation = JsonEncodedText.Encode("include_obfuscation");
        public static readonly JsonEncodedText IncludeUsage = JsonEncodedText.Encode("include_usage");
        public static readonly JsonEncodedText Input = JsonEncodedText.Encode("input");
        public static readonly JsonEncodedText InputAudio = JsonEncodedText.Encode("input_audio");
        public static readonly JsonEncodedText JsonSchema = JsonEncodedText.Encode("json_schema");
        public static readonly JsonEncodedText LogitBias = JsonEncodedText.Encode("logit_bias");
        public static readonly JsonEncodedText Logprobs = JsonEncodedText.Encode("logprobs");
        public static readonly JsonEncodedText MaxCompletionTokens = JsonEncodedText.Encode("max_completion_tokens");
        public static readonly JsonEncodedText MaxTokens = JsonEncodedText.Encode("max_tokens");
        public static readonly JsonEncodedText Messages = JsonEncodedText.Encode("messages");
        public static readonly JsonEncodedText Metadata = JsonEncodedText.Encode("metadata");
        public static readonly JsonEncodedText Modalities = JsonEncodedText.Encode("modalities");
        public static readonly JsonEncodedText Mode = JsonEncodedText.Encode("mode");
        public static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
        public static readonly JsonEncodedText Moderation = JsonEncodedText.Encode("moderation");
        public static readonly JsonEncodedText N = JsonEncodedText.Encode("n");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Output = JsonEncodedText.Encode("output");
        public static readonly JsonEncodedText ParallelToolCalls = JsonEncodedText.Encode("parallel_tool_calls");
        public static readonly JsonEncodedText Parameters = JsonEncodedText.Encode("parameters");
        public static readonly JsonEncodedText Policy = JsonEncodedText.Encode("policy");
        public static readonly JsonEncodedText Prediction = JsonEncodedText.Encode("prediction");
        public static readonly JsonEncodedText PresencePenalty = JsonEncodedText.Encode("presence_penalty");
        public static readonly JsonEncodedText PromptCacheBreakpoint = JsonEncodedText.Encode("prompt_cache_breakpoint");
        public static readonly JsonEncodedText PromptCacheKey = JsonEncodedText.Encode("prompt_cache_key");
        public static readonly JsonEncodedText PromptCacheOptions = JsonEncodedText.Encode("prompt_cache_options");
        public static readonly JsonEncodedText PromptCacheRetention = JsonEncodedText.Encode("prompt_cache_retention");
        public static readonly JsonEncodedText ReasoningEffort = JsonEncodedText.Encode("reasoning_effort");
        public static readonly JsonEncodedText Refusal = JsonEncodedText.Encode("refusal");
        public static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
        public static readonly JsonEncodedText ResponseFormat = JsonEncodedText.Encode("response_format");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        public static readonly JsonEncodedText SafetyIdentifier = JsonEncodedText.Encode("safety_identifier");
        public static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
        public static readonly JsonEncodedText SearchContextSize = JsonEncodedText.Encode("search_context_size");
        public static readonly JsonEncodedText Seed = JsonEncodedText.Encode("seed");
        public static readonly JsonEncodedText ServiceTier = JsonEncodedText.Encode("service_tier");
        public static readonly JsonEncodedText Stop = JsonEncodedText.Encode("stop");
        public static readonly JsonEncodedText Store = JsonEncodedText.Encode("store");
        public static readonly JsonEncodedText Stream = JsonEncodedText.Encode("stream");
        public static readonly JsonEncodedText StreamOptions = JsonEncodedText.Encode("stream_options");
        public static readonly JsonEncodedText Strict = JsonEncodedText.Encode("strict");
        public static readonly JsonEncodedText Syntax = JsonEncodedText.Encode("syntax");
        public static readonly JsonEncodedText Temperature = JsonEncodedText.Encode("temperature");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Timezone = JsonEncodedText.Encode("timezone");
        public static readonly JsonEncodedText ToolCallId = JsonEncodedText.Encode("tool_call_id");
        public static readonly JsonEncodedText ToolCalls = JsonEncodedText.Encode("tool_calls");
        public static readonly JsonEncodedText ToolChoice = JsonEncodedText.Encode("tool_choice");
        public static readonly JsonEncodedText Tools = JsonEncodedText.Encode("tools");
        public static readonly JsonEncodedText TopLogprobs = JsonEncodedText.Encode("top_logprobs");
        public static readonly JsonEncodedText TopP = JsonEncodedText.Encode("top_p");
        public static readonly JsonEncodedText Ttl = JsonEncodedText.Encode("ttl");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText User = JsonEncodedText.Encode("user");
        public static readonly JsonEncodedText UserLocation = JsonEncodedText.Encode("user_location");
        public static readonly JsonEncodedText Verbosity = JsonEncodedText.Encode("verbosity");
        public static readonly JsonEncodedText Voice = JsonEncodedText.Encode("voice");
        public static readonly JsonEncodedText WebSearchOptions = JsonEncodedText.Encode("web_search_options");
    }
}
