using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ChatRequest.Validation;

/// <summary>Checks a <see cref="CreateChatCompletionRequest"/> against <see cref="ChatRules"/>.</summary>
/// <remarks>Null-safe throughout: a parsed body may hold nulls anywhere.</remarks>
internal sealed class RequestValidator
{
    private List<ValidationProblem>? _problems;

    public static IReadOnlyList<ValidationProblem> Validate(CreateChatCompletionRequest request)
    {
        var validator = new RequestValidator();
        validator.Check(request);
        return validator._problems ?? (IReadOnlyList<ValidationProblem>)Array.Empty<ValidationProblem>();
    }

    private void Report(string ruleId, in JPath path, string message) =>
        (_problems ??= new List<ValidationProblem>()).Add(Problem(ruleId, path.ToString(), message));

    /// <summary>A problem with the rule's runtime severity (shared with the chain validation of a built request).</summary>
    internal static ValidationProblem Problem(string ruleId, string path, string message) => new(ruleId, path, Severities[ruleId], message);

    // Messages also written by ChatRequestBuilder's chain validation; kept here so both say the same.
    internal const string FunctionRoleDeprecatedMessage = "The function role is deprecated; answer tool calls with a tool message (role \"tool\").";
    internal const string TemperatureWithTopPMessage = "temperature and top_p are both set; the API recommends changing one of them, not both.";
    internal const string BothTokenCapsMessage = "max_tokens and max_completion_tokens are both set; use max_completion_tokens only.";

    /// <summary>The CHAT401 message for <see cref="ChatRules.DeprecatedFields"/>[<paramref name="index"/>].</summary>
    internal static string DeprecationMessage(int index) => DeprecationMessages[index];

    /// <summary>Each rule's runtime severity, from the table, looked up once.</summary>
    private static readonly Dictionary<string, ProblemSeverity> Severities = MakeSeverities();

    private static Dictionary<string, ProblemSeverity> MakeSeverities()
    {
        var severities = new Dictionary<string, ProblemSeverity>(StringComparer.Ordinal);
        foreach (var rule in ChatRules.All)
        {
            severities[rule.Id] = rule.RuntimeLevel switch
            {
                RuleLevel.Error => ProblemSeverity.Error,
                RuleLevel.Warning => ProblemSeverity.Warning,
                _ => ProblemSeverity.Info,
            };
        }

        return severities;
    }

    private static string Number(double value) => NumericLimit.Format(value);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Check(CreateChatCompletionRequest r)
    {
        if (!ChatRules.IsValidModel(r.Model))
        {
            Report(ChatRules.EmptyModel, "model", "model must be a non-empty model id such as \"gpt-4o\", but is " + ChatRules.Quote(r.Model) + ".");
        }

        CheckMessages(r.Messages);

        CheckRange(ChatRules.Temperature, r.Temperature);
        CheckRange(ChatRules.TopP, r.TopP);
        CheckRange(ChatRules.FrequencyPenalty, r.FrequencyPenalty);
        CheckRange(ChatRules.PresencePenalty, r.PresencePenalty);
        CheckRange(ChatRules.N, r.N);
        CheckRange(ChatRules.MaxTokens, r.MaxTokens);
        CheckRange(ChatRules.MaxCompletionTokens, r.MaxCompletionTokens);
        CheckRange(ChatRules.TopLogprobs, r.TopLogprobs);
        CheckLogitBias(r.LogitBias);
        CheckStop(r.Stop);
        CheckTools(r);
        CheckFunctions(r.Functions);
        CheckToolChoice(r);
        CheckResponseFormat(r.ResponseFormat);
        CheckLimits(r);
        CheckEnums(r);
        CheckOptions(r);
        CheckCrossField(r);
        CheckReasoningModel(r);
        CheckDeprecated(r);
    }

    // ---- Messages --------------------------------------------------------------------------------------------

    private void CheckMessages(IList<ChatMessage>? messages)
    {
        if (messages is null || messages.Count == 0)
        {
            Report(ChatRules.NoMessages, "messages", "messages must hold at least one message, but " + (messages is null ? "is missing." : "is empty."));
            return;
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var path = new JPath("messages").Index(i);
            var message = messages[i];
            switch (message)
            {
                case null:
                    Report(ChatRules.MissingMember, path, path.ToString() + " must be a message object, but is null.");
                    break;
                case AssistantMessage assistant:
                    CheckAssistant(assistant, path);
                    break;
                case ToolMessage tool:
                    RequireContent(tool, path);
                    if (string.IsNullOrEmpty(tool.ToolCallId))
                    {
                        Report(ChatRules.MissingMember, path + ".tool_call_id", "tool_call_id is required on a tool message: the id of the tool call it answers.");
                    }

                    break;
                case FunctionMessage function:
                    if (string.IsNullOrEmpty(function.Name))
                    {
                        Report(ChatRules.MissingMember, path + ".name", "name is required on a function message: the function that was called.");
                    }

                    // The API's function message takes content as a string or null (present, even when null), never parts.
                    if (function.Content is null && !function.IsExplicitNull("content"))
                    {
                        Report(ChatRules.MissingMember, path + ".content", "content is required on a function message: the function's result as a string (or null).");
                    }
                    else if (function.Content?.Parts is not null)
                    {
                        Report(ChatRules.UnknownValue, path + ".content", "A function message's content must be a string (or null), not content parts.");
                    }

                    Report(ChatRules.Deprecated, path + ".role", FunctionRoleDeprecatedMessage);
                    break;
                default:
                    RequireContent(message, path);
                    break;
            }
        }
    }

    private void RequireContent(ChatMessage message, in JPath path)
    {
        if (message.Content is null)
        {
            Report(ChatRules.MissingMember, path + ".content", "content is required on a " + message.Role + " message.");
            return;
        }

        CheckParts(message, path);
    }

    private void CheckAssistant(AssistantMessage message, in JPath path)
    {
        var hasCalls = (message.ToolCalls is not null && message.ToolCalls.Count > 0) || message.FunctionCall is not null;
        if (message.Content is null && !hasCalls && message.Audio is null)
        {
            Report(ChatRules.MissingMember, path + ".content", "content is required on an assistant message without tool_calls or function_call.");
        }

        CheckParts(message, path);
        var parts = message.Content?.Parts;
        if (parts is not null && parts.Count > 0)
        {
            var refusals = 0;
            foreach (var part in parts)
            {
                if (part is RefusalContentPart)
                {
                    refusals++;
                }
            }

            if (refusals > 0 && parts.Count > 1)
            {
                Report(ChatRules.UnknownValue, path + ".content", "An assistant message's content parts must be text parts, or exactly one refusal part; it has " + Count(refusals) + " refusal part(s) among " + Count(parts.Count) + " parts.");
            }
        }

        if (message.Audio is not null && string.IsNullOrEmpty(message.Audio.Id))
        {
            Report(ChatRules.MissingMember, path + ".audio.id", "audio.id is required: the id of an earlier audio answer.");
        }

        if (message.ToolCalls is not null)
        {
            for (var i = 0; i < message.ToolCalls.Count; i++)
            {
                CheckToolCall(message.ToolCalls[i], (path + ".tool_calls").Index(i));
            }
        }

        if (message.FunctionCall is not null)
        {
            CheckFunctionCall(message.FunctionCall, path + ".function_call");
        }
    }

    private void CheckToolCall(ToolCall? call, in JPath path)
    {
        if (call is null)
        {
            Report(ChatRules.MissingMember, path, path.ToString() + " must be a tool call object, but is null.");
            return;
        }

        if (string.IsNullOrEmpty(call.Id))
        {
            Report(ChatRules.MissingMember, path + ".id", "id is required on a tool call.");
        }

        switch (call)
        {
            case FunctionToolCall { Function: { } function }:
                CheckFunctionCall(function, path + ".function");
                break;
            case FunctionToolCall:
                Report(ChatRules.MissingMember, path + ".function", "function (name and arguments) is required on a function tool call.");
                break;
            case CustomToolCall { Custom: { } custom }:
                RequireString(custom.Name, path + ".custom.name", "name is required on a custom tool call.");
                RequireString(custom.Input, path + ".custom.input", "input is required on a custom tool call.", allowEmpty: true);
                break;
            case CustomToolCall:
                Report(ChatRules.MissingMember, path + ".custom", "custom (name and input) is required on a custom tool call.");
                break;
        }
    }

    private void CheckFunctionCall(FunctionCall call, in JPath path)
    {
        RequireString(call.Name, path + ".name", "name is required on a function call.");
        RequireString(call.Arguments, path + ".arguments", "arguments (a JSON-encoded string) is required on a function call.", allowEmpty: true);
    }

    private void CheckParts(ChatMessage message, in JPath path)
    {
        var parts = message.Content?.Parts;
        if (parts is null)
        {
            return;
        }

        var contentPath = path + ".content";
        if (parts.Count == 0)
        {
            Report(ChatRules.StringOrCollectionLimit, contentPath, "content as an array must hold at least one part, but is empty.");
            return;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var partPath = contentPath.Index(i);
            var part = parts[i];
            if (part is null)
            {
                Report(ChatRules.MissingMember, partPath, partPath.ToString() + " must be a content part object, but is null.");
                continue;
            }

            if (!RoleAccepts(message.Role, part))
            {
                Report(ChatRules.UnknownValue, partPath + ".type", "A " + message.Role + " message does not accept \"" + part.Type + "\" parts; it accepts " + AcceptedParts(message.Role) + ".");
            }

            CheckPart(part, partPath);
        }
    }

    private static bool RoleAccepts(string role, ContentPart part) => role switch
    {
        "user" => part is TextContentPart or ImageContentPart or AudioContentPart or FileContentPart,
        "assistant" => part is TextContentPart or RefusalContentPart,
        _ => part is TextContentPart,
    };

    private static string AcceptedParts(string role) => role switch
    {
        "user" => "text, image_url, input_audio and file parts",
        "assistant" => "text and refusal parts",
        _ => "text parts only",
    };

    private void CheckPart(ContentPart part, in JPath path)
    {
        switch (part)
        {
            case TextContentPart text:
                RequireString(text.Text, path + ".text", "text is required on a text part.", allowEmpty: true);
                break;
            case ImageContentPart { ImageUrl: { } image }:
                RequireString(image.Url, path + ".image_url.url", "image_url.url is required: an image URL or a data: URL.");
                if (!string.IsNullOrEmpty(image.Url) && !ChatRules.IsAbsoluteUri(image.Url!))
                {
                    Report(ChatRules.UnknownValue, path + ".image_url.url", "image_url.url must be an absolute URI (an https:// URL or a data: URL), but is " + ChatRules.Quote(image.Url) + ".");
                }

                CheckEnum(image.Detail, ChatRules.ImageDetailValues, path + ".image_url.detail", "image_url.detail");
                break;
            case ImageContentPart:
                Report(ChatRules.MissingMember, path + ".image_url", "image_url (with url) is required on an image part.");
                break;
            case AudioContentPart { InputAudio: { } audio }:
                RequireString(audio.Data, path + ".input_audio.data", "input_audio.data (base64 audio) is required.");
                if (RequireString(audio.Format, path + ".input_audio.format", "input_audio.format (wav or mp3) is required."))
                {
                    CheckEnum(audio.Format, ChatRules.InputAudioFormatValues, path + ".input_audio.format", "input_audio.format");
                }

                break;
            case AudioContentPart:
                Report(ChatRules.MissingMember, path + ".input_audio", "input_audio (data and format) is required on an audio part.");
                break;
            case FileContentPart file when file.File is null:
                Report(ChatRules.MissingMember, path + ".file", "file (file_id, or file_data with filename) is required on a file part.");
                break;
            case RefusalContentPart refusal:
                RequireString(refusal.Refusal, path + ".refusal", "refusal is required on a refusal part.", allowEmpty: true);
                break;
        }

        if (part is CacheableContentPart { PromptCacheBreakpoint: { } breakpoint })
        {
            if (RequireString(breakpoint.Mode, path + ".prompt_cache_breakpoint.mode", "prompt_cache_breakpoint.mode is required and must be \"explicit\"."))
            {
                CheckEnum(breakpoint.Mode, ChatRules.PromptCacheBreakpointModeValues, path + ".prompt_cache_breakpoint.mode", "prompt_cache_breakpoint.mode");
            }
        }
    }

    // ---- Numbers ---------------------------------------------------------------------------------------------

    private void CheckRange(NumericLimit limit, double? value)
    {
        if (value is { } v && !limit.Allows(v))
        {
            Report(ChatRules.NumericRange, limit.JsonName, limit.JsonName + " must be " + limit.Describe() + ", but is " + Number(v) + ".");
        }
    }

    private void CheckRange(NumericLimit limit, int? value)
    {
        if (value is { } v && !limit.Allows(v))
        {
            Report(ChatRules.NumericRange, limit.JsonName, limit.JsonName + " must be " + limit.Describe() + ", but is " + Count(v) + ".");
        }
    }

    private void CheckLogitBias(IDictionary<string, int>? bias)
    {
        if (bias is null)
        {
            return;
        }

        if (bias is Dictionary<string, int> concrete)
        {
            foreach (var pair in concrete)
            {
                CheckLogitBiasEntry(pair);
            }

            return;
        }

        foreach (var pair in bias)
        {
            CheckLogitBiasEntry(pair);
        }
    }

    private void CheckLogitBiasEntry(KeyValuePair<string, int> pair)
    {
        var path = JPath.Key("logit_bias", Cut(pair.Key));
        if (!IsTokenId(pair.Key))
        {
            Report(ChatRules.NumericRange, path, "logit_bias keys must be token ids (integers " + ChatRules.LogitBiasTokenId.Describe() + "), but one is " + ChatRules.Quote(pair.Key) + ".");
        }

        if (!ChatRules.LogitBiasValue.Allows(pair.Value))
        {
            Report(ChatRules.NumericRange, path, "logit_bias values must be " + ChatRules.LogitBiasValue.Describe() + ", but token " + ChatRules.Quote(pair.Key) + " has " + Count(pair.Value) + ".");
        }
    }

    private static bool IsTokenId(string key)
    {
        if (key.Length == 0 || key.Length > 10)
        {
            return false;
        }

        long value = 0;
        foreach (var c in key)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return value <= ChatRules.LogitBiasTokenId.Max;
    }

    // ---- Stop, names, counts ---------------------------------------------------------------------------------

    private void CheckStop(StopSequences? stop)
    {
        if (stop is null)
        {
            return;
        }

        var count = stop.Sequences.Count;
        if (count < ChatRules.MinStopSequences || count > ChatRules.MaxStopSequences)
        {
            Report(ChatRules.StopCount, "stop", "stop must hold " + Count(ChatRules.MinStopSequences) + " to " + Count(ChatRules.MaxStopSequences) + " sequences, but holds " + Count(count) + ".");
        }

        for (var i = 0; i < count; i++)
        {
            if (stop.Sequences[i] is null)
            {
                Report(ChatRules.MissingMember, new JPath("stop").Index(i), "stop sequences must be strings, but stop[" + Count(i) + "] is null.");
            }
        }
    }

    private void CheckName(string? name, in JPath path, string what)
    {
        if (name is null)
        {
            Report(ChatRules.MissingMember, path, what + " name is required.");
        }
        else if (!ChatRules.IsValidName(name))
        {
            Report(ChatRules.InvalidName, path, what + " names must match ^[a-zA-Z0-9_-]{1,64}$ (letters, digits, '_' and '-', 1 to 64 characters), but one is " + ChatRules.Quote(name) + ".");
        }
    }

    private void CheckTools(CreateChatCompletionRequest r)
    {
        var tools = r.Tools;
        if (tools is null)
        {
            return;
        }

        HashSet<string>? seen = tools.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < tools.Count; i++)
        {
            var path = new JPath("tools").Index(i);
            switch (tools[i])
            {
                case null:
                    Report(ChatRules.MissingMember, path, path.ToString() + " must be a tool object, but is null.");
                    continue;
                case FunctionTool { Function: null }:
                    Report(ChatRules.MissingMember, path + ".function", "function (with name) is required on a function tool.");
                    continue;
                case FunctionTool function:
                    CheckName(function.Function.Name, path + ".function.name", "Function");
                    break;
                case CustomTool { Custom: null }:
                    Report(ChatRules.MissingMember, path + ".custom", "custom (with name) is required on a custom tool.");
                    continue;
                case CustomTool custom:
                    RequireString(custom.Custom.Name, path + ".custom.name", "name is required on a custom tool.");
                    CheckCustomFormat(custom.Custom.Format, path + ".custom.format");
                    break;
            }

            var name = tools[i].ToolName;
            if (name is not null && seen is not null && !seen.Add(name))
            {
                Report(ChatRules.InvalidName, path, "Tool names must be unique, but " + ChatRules.Quote(name) + " is declared more than once.");
            }
        }
    }

    private void CheckCustomFormat(CustomToolFormat? format, in JPath path)
    {
        if (format is GrammarToolFormat grammar)
        {
            if (grammar.Grammar is null)
            {
                Report(ChatRules.MissingMember, path + ".grammar", "grammar (definition and syntax) is required on a grammar format.");
                return;
            }

            RequireString(grammar.Grammar.Definition, path + ".grammar.definition", "grammar.definition is required.");
            if (RequireString(grammar.Grammar.Syntax, path + ".grammar.syntax", "grammar.syntax (lark or regex) is required."))
            {
                CheckEnum(grammar.Grammar.Syntax, ChatRules.GrammarSyntaxValues, path + ".grammar.syntax", "grammar.syntax");
            }
        }
    }

    private void CheckFunctions(IList<FunctionDefinition>? functions)
    {
        if (functions is null)
        {
            return;
        }

        if (functions.Count == 0 || functions.Count > ChatRules.MaxFunctions)
        {
            Report(ChatRules.StringOrCollectionLimit, "functions", "functions must hold 1 to " + Count(ChatRules.MaxFunctions) + " functions, but holds " + Count(functions.Count) + ".");
        }

        for (var i = 0; i < functions.Count; i++)
        {
            var path = new JPath("functions").Index(i);
            if (functions[i] is null)
            {
                Report(ChatRules.MissingMember, path, path.ToString() + " must be a function object, but is null.");
                continue;
            }

            CheckName(functions[i].Name, path + ".name", "Function");
        }
    }

    private void CheckToolChoice(CreateChatCompletionRequest r)
    {
        var choice = r.ToolChoice;
        if (choice is not null)
        {
            if (choice.Mode is not null)
            {
                CheckEnum(choice.Mode, ChatRules.ToolChoiceModeValues, "tool_choice", "tool_choice");
            }
            else
            {
                switch (choice.Type)
                {
                    case "function":
                        RequireString(choice.Function?.Name, "tool_choice.function.name", "tool_choice.function.name is required for a tool_choice of type function.");
                        break;
                    case "custom":
                        RequireString(choice.Custom?.Name, "tool_choice.custom.name", "tool_choice.custom.name is required for a tool_choice of type custom.");
                        break;
                    case "allowed_tools":
                        if (choice.AllowedTools is null)
                        {
                            Report(ChatRules.MissingMember, "tool_choice.allowed_tools", "allowed_tools (mode and tools) is required for a tool_choice of type allowed_tools.");
                        }
                        else
                        {
                            if (RequireString(choice.AllowedTools.Mode, "tool_choice.allowed_tools.mode", "allowed_tools.mode (auto or required) is required."))
                            {
                                CheckEnum(choice.AllowedTools.Mode, ChatRules.AllowedToolsModeValues, "tool_choice.allowed_tools.mode", "allowed_tools.mode");
                            }

                            if (choice.AllowedTools.Tools is null)
                            {
                                Report(ChatRules.MissingMember, "tool_choice.allowed_tools.tools", "allowed_tools.tools is required.");
                            }
                        }

                        break;
                    default:
                        Report(ChatRules.UnknownValue, "tool_choice.type", "tool_choice must be \"none\", \"auto\", \"required\" or an object of type function, custom or allowed_tools, but its type is " + ChatRules.Quote(choice.Type) + ".");
                        break;
                }

                var forced = choice.ForcedToolName;
                if (forced is not null && !DeclaresTool(r.Tools, forced))
                {
                    Report(ChatRules.UndeclaredToolChoice, "tool_choice", "tool_choice names " + ChatRules.Quote(forced) + ", but no tool of that name is declared in tools.");
                }
            }
        }

        var functionCall = r.FunctionCall;
        if (functionCall is not null)
        {
            if (functionCall.Mode is not null)
            {
                CheckEnum(functionCall.Mode, ChatRules.FunctionCallModeValues, "function_call", "function_call");
            }
            else if (RequireString(functionCall.Name, "function_call.name", "function_call.name is required when function_call is an object.")
                && !DeclaresFunction(r.Functions, functionCall.Name!))
            {
                Report(ChatRules.UndeclaredToolChoice, "function_call", "function_call names " + ChatRules.Quote(functionCall.Name) + ", but no function of that name is declared in functions.");
            }
        }
    }

    private static bool DeclaresTool(IList<ChatTool>? tools, string name)
    {
        if (tools is null)
        {
            return false;
        }

        foreach (var tool in tools)
        {
            if (tool?.ToolName == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaresFunction(IList<FunctionDefinition>? functions, string name)
    {
        if (functions is null)
        {
            return false;
        }

        foreach (var function in functions)
        {
            if (function?.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private void CheckResponseFormat(ResponseFormat? format)
    {
        if (format is JsonSchemaResponseFormat schema)
        {
            if (schema.JsonSchema is null)
            {
                Report(ChatRules.MissingMember, "response_format.json_schema", "json_schema (with name) is required for a response_format of type json_schema.");
                return;
            }

            CheckName(schema.JsonSchema.Name, "response_format.json_schema.name", "json_schema");
            if (schema.JsonSchema.Schema is { } element && element.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                Report(ChatRules.UnknownValue, "response_format.json_schema.schema", "json_schema.schema must be a JSON object, but is " + element.ValueKind.ToString().ToLowerInvariant() + ".");
            }
        }
    }

    private void CheckLimits(CreateChatCompletionRequest r)
    {
        if (r.SafetyIdentifier is { } id && id.Length > ChatRules.MaxSafetyIdentifierLength)
        {
            Report(ChatRules.StringOrCollectionLimit, "safety_identifier", "safety_identifier must be at most " + Count(ChatRules.MaxSafetyIdentifierLength) + " characters, but has " + Count(id.Length) + ".");
        }

        var metadata = r.Metadata;
        if (metadata is null)
        {
            return;
        }

        if (metadata.Count > ChatRules.MaxMetadataPairs)
        {
            Report(ChatRules.StringOrCollectionLimit, "metadata", "metadata must hold at most " + Count(ChatRules.MaxMetadataPairs) + " pairs, but holds " + Count(metadata.Count) + ".");
        }

        foreach (var pair in metadata)
        {
            var path = JPath.Key("metadata", Cut(pair.Key));
            if (pair.Key.Length > ChatRules.MaxMetadataKeyLength)
            {
                Report(ChatRules.StringOrCollectionLimit, path, "metadata keys must be at most " + Count(ChatRules.MaxMetadataKeyLength) + " characters, but " + ChatRules.Quote(pair.Key) + " has " + Count(pair.Key.Length) + ".");
            }

            if (pair.Value is null)
            {
                Report(ChatRules.MissingMember, path, "metadata values must be strings, but the value of " + ChatRules.Quote(pair.Key) + " is null.");
            }
            else if (pair.Value.Length > ChatRules.MaxMetadataValueLength)
            {
                Report(ChatRules.StringOrCollectionLimit, path, "metadata values must be at most " + Count(ChatRules.MaxMetadataValueLength) + " characters, but the value of " + ChatRules.Quote(pair.Key) + " has " + Count(pair.Value.Length) + ".");
            }
        }
    }

    private static string Cut(string value) =>
        value.Length <= ChatRules.MaxQuotedLength ? value : value.Substring(0, ChatRules.MaxQuotedLength) + "…";

    // ---- Enumerations and option objects ---------------------------------------------------------------------

    private void CheckEnums(CreateChatCompletionRequest r)
    {
        CheckEnum(r.ReasoningEffort, ChatRules.ReasoningEffortValues, "reasoning_effort", "reasoning_effort");
        CheckEnum(r.ServiceTier, ChatRules.ServiceTierValues, "service_tier", "service_tier");
        CheckEnum(r.Verbosity, ChatRules.VerbosityValues, "verbosity", "verbosity");
        CheckEnum(r.PromptCacheRetention, ChatRules.PromptCacheRetentionValues, "prompt_cache_retention", "prompt_cache_retention");
        if (r.Modalities is not null)
        {
            for (var i = 0; i < r.Modalities.Count; i++)
            {
                CheckEnum(r.Modalities[i] ?? "null", ChatRules.ModalityValues, new JPath("modalities").Index(i), "modalities");
            }
        }
    }

    private void CheckOptions(CreateChatCompletionRequest r)
    {
        if (r.Audio is { } audio)
        {
            if (audio.Voice is null || (audio.Voice.Name is null && string.IsNullOrEmpty(audio.Voice.Id)))
            {
                Report(ChatRules.MissingMember, "audio.voice", "audio.voice is required: a voice name such as \"alloy\", or {\"id\": ...}.");
            }

            if (RequireString(audio.Format, "audio.format", "audio.format is required: wav, aac, mp3, flac, opus or pcm16."))
            {
                CheckEnum(audio.Format, ChatRules.OutputAudioFormatValues, "audio.format", "audio.format");
            }
        }

        if (r.Prediction is { } prediction)
        {
            if (RequireString(prediction.Type, "prediction.type", "prediction.type is required and must be \"content\"."))
            {
                CheckEnum(prediction.Type, ChatRules.PredictionTypeValues, "prediction.type", "prediction.type");
            }

            if (prediction.Content is null)
            {
                Report(ChatRules.MissingMember, "prediction.content", "prediction.content is required: the predicted text.");
            }
            else if (prediction.Content.Parts is { } parts)
            {
                if (parts.Count == 0)
                {
                    Report(ChatRules.StringOrCollectionLimit, "prediction.content", "prediction.content as an array must hold at least one text part, but is empty.");
                }

                for (var i = 0; i < parts.Count; i++)
                {
                    if (parts[i] is not TextContentPart)
                    {
                        Report(ChatRules.UnknownValue, "prediction.content[" + Count(i) + "]", "prediction.content accepts text parts only.");
                    }
                }
            }
        }

        if (r.WebSearchOptions is { } web)
        {
            CheckEnum(web.SearchContextSize, ChatRules.SearchContextSizeValues, "web_search_options.search_context_size", "web_search_options.search_context_size");
            if (web.UserLocation is { } location)
            {
                if (RequireString(location.Type, "web_search_options.user_location.type", "user_location.type is required and must be \"approximate\"."))
                {
                    CheckEnum(location.Type, ChatRules.UserLocationTypeValues, "web_search_options.user_location.type", "user_location.type");
                }

                if (location.Approximate is null)
                {
                    Report(ChatRules.MissingMember, "web_search_options.user_location.approximate", "user_location.approximate is required.");
                }
            }
        }

        if (r.Moderation is { } moderation)
        {
            RequireString(moderation.Model, "moderation.model", "moderation.model is required, e.g. \"omni-moderation-latest\".");
            CheckModerationConfig(moderation.Policy?.Input, "moderation.policy.input");
            CheckModerationConfig(moderation.Policy?.Output, "moderation.policy.output");
        }

        if (r.PromptCacheOptions is { } cache)
        {
            CheckEnum(cache.Ttl, ChatRules.PromptCacheTtlValues, "prompt_cache_options.ttl", "prompt_cache_options.ttl");
            CheckEnum(cache.Mode, ChatRules.PromptCacheModeValues, "prompt_cache_options.mode", "prompt_cache_options.mode");
        }
    }

    private void CheckModerationConfig(ModerationConfig? config, in JPath path)
    {
        if (config is not null && RequireString(config.Mode, path + ".mode", path.ToString() + ".mode is required: score or block."))
        {
            CheckEnum(config.Mode, ChatRules.ModerationModeValues, path + ".mode", path.ToString().Substring("moderation.".Length) + ".mode");
        }
    }

    private void CheckEnum(string? value, string[] allowed, in JPath path, string field)
    {
        if (value is not null && !ChatRules.IsOneOf(value, allowed))
        {
            Report(ChatRules.UnknownValue, path, field + " must be one of " + string.Join(", ", allowed) + ", but is " + ChatRules.Quote(value) + ".");
        }
    }

    private bool RequireString(string? value, in JPath path, string message, bool allowEmpty = false)
    {
        if (value is null || (!allowEmpty && value.Length == 0))
        {
            Report(ChatRules.MissingMember, path, message);
            return false;
        }

        return true;
    }

    // ---- Cross-field rules -----------------------------------------------------------------------------------

    private void CheckCrossField(CreateChatCompletionRequest r)
    {
        if (r.Temperature is not null && r.TopP is not null)
        {
            Report(ChatRules.TemperatureWithTopP, "top_p", TemperatureWithTopPMessage);
        }

        if (r.TopLogprobs is not null && r.Logprobs != true)
        {
            Report(ChatRules.TopLogprobsWithoutLogprobs, "top_logprobs", "top_logprobs is set, but logprobs is not true; the API requires logprobs: true for top_logprobs.");
        }

        if (r.StreamOptions is not null && r.Stream != true)
        {
            Report(ChatRules.StreamOptionsWithoutStream, "stream_options", "stream_options is set, but stream is not true; stream_options is only allowed when streaming.");
        }

        if (r.ParallelToolCalls is not null && (r.Tools is null || r.Tools.Count == 0))
        {
            Report(ChatRules.ParallelToolCallsWithoutTools, "parallel_tool_calls", "parallel_tool_calls is set, but no tool is declared; it is only allowed together with tools.");
        }

        if (r.ResponseFormat is JsonObjectResponseFormat && !MentionsJson(r.Messages))
        {
            Report(ChatRules.JsonModeWithoutInstruction, "response_format", "response_format is json_object, but no message mentions JSON; the API requires the word JSON in the messages for JSON mode.");
        }

        if (r.Modalities is not null && r.Modalities.Contains(Wire.Of(Modality.Audio)) && r.Audio is null)
        {
            Report(ChatRules.AudioWithoutSettings, "audio", "modalities asks for audio output, but audio (voice and format) is not set.");
        }

        if (r.MaxTokens is not null && r.MaxCompletionTokens is not null)
        {
            Report(ChatRules.BothTokenCaps, "max_tokens", BothTokenCapsMessage);
        }
    }

    private static bool MentionsJson(IList<ChatMessage>? messages)
    {
        if (messages is null)
        {
            return false;
        }

        foreach (var message in messages)
        {
            var content = message?.Content;
            if (content is null)
            {
                continue;
            }

            if (content.Text is not null)
            {
                if (ContainsJson(content.Text))
                {
                    return true;
                }

                continue;
            }

            foreach (var part in content.Parts!)
            {
                if (part is TextContentPart { Text: { } text } && ContainsJson(text))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool ContainsJson(string text) => ChatRules.MentionsJson(text);

    /// <summary>CHAT301: settings a reasoning family rejects, from the same family table the analyzer reads.</summary>
    private void CheckReasoningModel(CreateChatCompletionRequest r)
    {
        var family = ChatRules.MatchReasoningFamily(ChatRules.ReasoningFamilies, r.Model);
        if (family is null)
        {
            return;
        }

        if (r.Temperature is { } temperature && temperature != ChatRules.ReasoningTemperature && family.Rejects(ChatRules.Fields.Temperature))
        {
            Report(ChatRules.ReasoningModelUnsupported, ChatRules.Fields.Temperature, "temperature must be 1 (the default) for model " + ChatRules.Quote(r.Model) + " of the " + family.Prefix + " reasoning family, but is " + Number(temperature) + ".");
        }

        Unsupported(r.TopP is not null, ChatRules.Fields.TopP);
        Unsupported(r.FrequencyPenalty is not null, ChatRules.Fields.FrequencyPenalty);
        Unsupported(r.PresencePenalty is not null, ChatRules.Fields.PresencePenalty);
        Unsupported(r.Logprobs is not null, ChatRules.Fields.Logprobs);
        Unsupported(r.TopLogprobs is not null, ChatRules.Fields.TopLogprobs);
        Unsupported(r.LogitBias is not null, ChatRules.Fields.LogitBias);
        Unsupported(r.MaxTokens is not null, ChatRules.Fields.MaxTokens);
        Unsupported(r.Stop is not null, ChatRules.Fields.Stop);

        void Unsupported(bool isSet, string field)
        {
            if (isSet && family.Rejects(field))
            {
                Report(ChatRules.ReasoningModelUnsupported, field, field + " is not supported by model " + ChatRules.Quote(r.Model) + " of the " + family.Prefix + " reasoning family; remove it" + (field == ChatRules.Fields.MaxTokens ? " (use max_completion_tokens)." : "."));
            }
        }
    }

    private void CheckDeprecated(CreateChatCompletionRequest r)
    {
        var fields = ChatRules.DeprecatedFields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (IsSet(r, fields[i].Key))
            {
                Report(ChatRules.Deprecated, fields[i].Key, DeprecationMessages[i]);
            }
        }
    }

    // The messages are the same every time: made once.
    private static readonly string[] DeprecationMessages = MakeDeprecationMessages();

    private static string[] MakeDeprecationMessages()
    {
        var messages = new string[ChatRules.DeprecatedFields.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            var pair = ChatRules.DeprecatedFields[i];
            messages[i] = pair.Key + " is deprecated; " + pair.Value + ".";
        }

        return messages;
    }

    private static bool IsSet(CreateChatCompletionRequest r, string jsonName) => jsonName switch
    {
        "functions" => r.Functions is not null,
        "function_call" => r.FunctionCall is not null,
        "max_tokens" => r.MaxTokens is not null,
        "user" => r.User is not null,
        "seed" => r.Seed is not null,
        "prompt_cache_retention" => r.PromptCacheRetention is not null,
        _ => throw new InvalidOperationException("No accessor for deprecated field '" + jsonName + "'."),
    };

    /// <summary>
    /// A JSON path such as <c>messages[2].content[0].image_url.url</c>, kept in parts and turned into a string only when
    /// a problem is reported, so that validating a request with no problem allocates nothing for paths.
    /// </summary>
    private readonly struct JPath
    {
        private readonly string _head;
        private readonly int _index;
        private readonly string? _key;
        private readonly string? _middle;
        private readonly int _index2;
        private readonly string? _tail;
        private readonly string? _tail2;

        public JPath(string head)
            : this(head, -1, null, null, -1, null, null)
        {
        }

        private JPath(string head, int index, string? key, string? middle, int index2, string? tail, string? tail2)
        {
            _head = head;
            _index = index;
            _key = key;
            _middle = middle;
            _index2 = index2;
            _tail = tail;
            _tail2 = tail2;
        }

        /// <summary>A map entry: <c>head["key"]</c>.</summary>
        public static JPath Key(string head, string key) => new(head, -1, key, null, -1, null, null);

        public static implicit operator JPath(string path) => new(path);

        /// <summary>Appends a member (<c>.name</c>).</summary>
        public static JPath operator +(JPath path, string member)
        {
            if (path._index < 0 && path._key is null)
            {
                return new JPath(path._head + member);
            }

            if (path._index2 < 0)
            {
                return path._middle is null
                    ? new JPath(path._head, path._index, path._key, member, -1, null, null)
                    : new JPath(path._head, path._index, path._key, path._middle + member, -1, null, null);
            }

            if (path._tail is null)
            {
                return new JPath(path._head, path._index, path._key, path._middle, path._index2, member, null);
            }

            return path._tail2 is null
                ? new JPath(path._head, path._index, path._key, path._middle, path._index2, path._tail, member)
                : new JPath(path._head, path._index, path._key, path._middle, path._index2, path._tail, path._tail2 + member);
        }

        /// <summary>Appends an array index (<c>[i]</c>).</summary>
        public JPath Index(int index) => _index < 0 && _key is null
            ? new JPath(_head, index, null, null, -1, null, null)
            : new JPath(_head, _index, _key, _middle, index, null, null);

        public override string ToString()
        {
            if (_index < 0 && _key is null && _middle is null)
            {
                return _head;
            }

            var text = new StringBuilder(_head);
            if (_key is not null)
            {
                text.Append("[\"").Append(_key).Append("\"]");
            }
            else if (_index >= 0)
            {
                text.Append('[').Append(_index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }

            text.Append(_middle);
            if (_index2 >= 0)
            {
                text.Append('[').Append(_index2.ToString(CultureInfo.InvariantCulture)).Append(']');
            }

            return text.Append(_tail).Append(_tail2).ToString();
        }
    }
}
