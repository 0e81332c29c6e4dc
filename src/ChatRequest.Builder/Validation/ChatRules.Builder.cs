// What the analyzer needs to know about the fluent builder, next to the limits it checks. This file is compiled
// into ChatRequest.Builder and linked into ChatRequest.Analyzers (like ChatRules.cs), so the runtime, the analyzer
// and the docs read one table. Keep it dependency-free: netstandard2.0, no System.Text.Json, no Roslyn.
#nullable enable
using System;
using System.Collections.Generic;

namespace ChatRequest.Validation;

/// <summary>What a builder method does to the request it builds.</summary>
internal enum BuilderMethodRole
{
    /// <summary>Appends a message to <c>messages</c>.</summary>
    Message,

    /// <summary>Sets a single-valued field; calling it again replaces the earlier value.</summary>
    Setting,

    /// <summary>Adds an entry to a list or map (a tool, a function, a metadata pair, a logit bias).</summary>
    Accumulating,

    /// <summary>Ends the chain: builds or validates the request.</summary>
    Terminal,
}

/// <summary>A numeric parameter of a builder method and the range its JSON field accepts.</summary>
internal sealed class NumericParameter
{
    public NumericParameter(string parameterName, NumericLimit limit)
    {
        ParameterName = parameterName;
        Limit = limit;
    }

    /// <summary>The C# parameter name on <c>ChatRequestBuilder</c>.</summary>
    public string ParameterName { get; }

    public NumericLimit Limit { get; }
}

/// <summary>One public method of <c>ChatRequestBuilder</c> (all overloads of a name behave alike for the rules).</summary>
internal sealed class BuilderMethod
{
    public BuilderMethod(string name, BuilderMethodRole role, string? jsonField, params NumericParameter[] numericParameters)
    {
        Name = name;
        Role = role;
        JsonField = jsonField;
        NumericParameters = numericParameters;
    }

    /// <summary>The C# method name on <c>ChatRequestBuilder</c>.</summary>
    public string Name { get; }

    public BuilderMethodRole Role { get; }

    /// <summary>The top-level JSON field the method writes (e.g. <c>temperature</c>), or null for Build and Validate.</summary>
    public string? JsonField { get; }

    /// <summary>The parameters whose constant values CHAT101 checks.</summary>
    public IReadOnlyList<NumericParameter> NumericParameters { get; }

    /// <summary>Whether calling the method twice in one chain makes the first call pointless (CHAT206).</summary>
    public bool IsSingleValued => Role == BuilderMethodRole.Setting;
}

/// <summary>A family of reasoning models (by model-id prefix) and the request fields it rejects (CHAT301).</summary>
internal sealed class ReasoningFamily
{
    public ReasoningFamily(string prefix, IReadOnlyList<string> rejectedFields)
    {
        Prefix = prefix;
        RejectedFields = rejectedFields;
    }

    /// <summary>The model-id prefix, e.g. <c>o3</c> (matches o3, o3-mini, o3-2025-04-16, but not o30).</summary>
    public string Prefix { get; }

    /// <summary>
    /// JSON fields the family rejects. <c>temperature</c> stands for "temperature other than
    /// <see cref="ChatRules.ReasoningTemperature"/>".
    /// </summary>
    public IReadOnlyList<string> RejectedFields { get; }

    public bool Rejects(string jsonField)
    {
        foreach (var field in RejectedFields)
        {
            if (string.Equals(field, jsonField, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="model"/> belongs to the family: it equals the prefix or continues it with a
    /// character that is not a letter or digit (<c>-</c>, <c>.</c>, ...). A provider path such as
    /// <c>openai/o3-mini</c> is matched by its last segment. Case is ignored.
    /// </summary>
    public bool Matches(string? model)
    {
        if (model is null || Prefix.Length == 0)
        {
            return false;
        }

        var id = model.AsSpan().Trim();
        var slash = id.LastIndexOf('/');
        if (slash >= 0)
        {
            id = id.Slice(slash + 1);
        }

        // Cheap rejection first: most model ids do not even share the first letter.
        if (id.Length < Prefix.Length || char.ToLowerInvariant(id[0]) != char.ToLowerInvariant(Prefix[0])
            || !id.StartsWith(Prefix.AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return id.Length == Prefix.Length || !char.IsLetterOrDigit(id[Prefix.Length]);
    }
}

/// <content>What the analyzer reads about the builder: methods, fields, categories and reasoning families.</content>
internal static partial class ChatRules
{
    /// <summary>Top-level JSON field names that the builder's rules talk about.</summary>
    public static class Fields
    {
        public const string Model = "model";
        public const string Messages = "messages";
        public const string Temperature = "temperature";
        public const string TopP = "top_p";
        public const string FrequencyPenalty = "frequency_penalty";
        public const string PresencePenalty = "presence_penalty";
        public const string LogitBias = "logit_bias";
        public const string MaxTokens = "max_tokens";
        public const string MaxCompletionTokens = "max_completion_tokens";
        public const string N = "n";
        public const string Stop = "stop";
        public const string Stream = "stream";
        public const string StreamOptions = "stream_options";
        public const string User = "user";
        public const string Seed = "seed";
        public const string Logprobs = "logprobs";
        public const string TopLogprobs = "top_logprobs";
        public const string Tools = "tools";
        public const string ToolChoice = "tool_choice";
        public const string ParallelToolCalls = "parallel_tool_calls";
        public const string Functions = "functions";
        public const string FunctionCall = "function_call";
        public const string ResponseFormat = "response_format";
        public const string Modalities = "modalities";
        public const string Audio = "audio";
        public const string Prediction = "prediction";
        public const string Verbosity = "verbosity";
        public const string ReasoningEffort = "reasoning_effort";
        public const string Metadata = "metadata";
        public const string ServiceTier = "service_tier";
        public const string SafetyIdentifier = "safety_identifier";
        public const string PromptCacheKey = "prompt_cache_key";
        public const string PromptCacheOptions = "prompt_cache_options";
        public const string PromptCacheRetention = "prompt_cache_retention";
        public const string Store = "store";
        public const string WebSearchOptions = "web_search_options";
        public const string Moderation = "moderation";

        /// <summary>Members the model does not know (<c>Extra</c>); not a real field name.</summary>
        public const string Extra = "(extra)";
    }

    /// <summary>The pattern of function, tool and json_schema names, as the API documents it (see <see cref="IsValidName"/>).</summary>
    public const string NamePattern = "^[a-zA-Z0-9_-]{1,64}$";

    // ---- Builder methods -----------------------------------------------------------------------------------

    /// <summary>
    /// Every public method of <c>ChatRequestBuilder</c> that returns a builder or ends a chain, keyed by C# name.
    /// A test checks that the list and the builder agree.
    /// </summary>
    public static IReadOnlyList<BuilderMethod> BuilderMethods => BuilderTable.Methods;

    // A nested holder: the table reads the limits of ChatRules.cs, and static initializers of a partial class run
    // in file order, which the compiler does not promise. The holder is initialized on first use, after them.
    private static class BuilderTable
    {
        public static readonly IReadOnlyList<BuilderMethod> Methods = new[]
        {
            // Messages
            Message("System"),
            Message("Developer"),
            Message("User"),
            Message("Assistant"),
            Message("AssistantToolCalls"),
            Message("ToolResult"),
            Message("FunctionResult"),
            Message("Message"),

            // Sampling and output size
            Setting("Temperature", Fields.Temperature, new NumericParameter("temperature", Temperature)),
            Setting("TopP", Fields.TopP, new NumericParameter("topP", TopP)),
            Setting("FrequencyPenalty", Fields.FrequencyPenalty, new NumericParameter("frequencyPenalty", FrequencyPenalty)),
            Setting("PresencePenalty", Fields.PresencePenalty, new NumericParameter("presencePenalty", PresencePenalty)),
            new BuilderMethod("LogitBias", BuilderMethodRole.Accumulating, Fields.LogitBias, new NumericParameter("tokenId", LogitBiasTokenId), new NumericParameter("bias", LogitBiasValue)),
            Setting("MaxTokens", Fields.MaxTokens, new NumericParameter("maxTokens", MaxTokens)),
            Setting("MaxCompletionTokens", Fields.MaxCompletionTokens, new NumericParameter("maxCompletionTokens", MaxCompletionTokens)),
            Setting("N", Fields.N, new NumericParameter("n", N)),
            Setting("Stop", Fields.Stop),
            Setting("Stream", Fields.Stream),
            Setting("StreamOptions", Fields.StreamOptions),
            Setting("EndUser", Fields.User),
            Setting("Seed", Fields.Seed),
            Setting("Logprobs", Fields.Logprobs),
            Setting("TopLogprobs", Fields.TopLogprobs, new NumericParameter("topLogprobs", TopLogprobs)),

            // Tools
            Accumulating("Tool", Fields.Tools),
            Accumulating("CustomTool", Fields.Tools),
            Setting("ToolChoice", Fields.ToolChoice),
            Setting("ForceFunction", Fields.ToolChoice),
            Setting("ForceCustomTool", Fields.ToolChoice),
            Setting("AllowedTools", Fields.ToolChoice),
            Setting("ParallelToolCalls", Fields.ParallelToolCalls),
            Accumulating("Function", Fields.Functions),
            Setting("FunctionCall", Fields.FunctionCall),

            // Output format
            Setting("TextFormat", Fields.ResponseFormat),
            Setting("JsonObjectFormat", Fields.ResponseFormat),
            Setting("JsonSchemaFormat", Fields.ResponseFormat),
            Setting("ResponseFormat", Fields.ResponseFormat),
            Setting("Modalities", Fields.Modalities),
            Setting("Audio", Fields.Audio),
            Setting("Prediction", Fields.Prediction),
            Setting("Verbosity", Fields.Verbosity),
            Setting("ReasoningEffort", Fields.ReasoningEffort),

            // Account, caching, safety
            Accumulating("Metadata", Fields.Metadata),
            Setting("ServiceTier", Fields.ServiceTier),
            Setting("SafetyIdentifier", Fields.SafetyIdentifier),
            Setting("PromptCacheKey", Fields.PromptCacheKey),
            Setting("PromptCacheOptions", Fields.PromptCacheOptions),
            Setting("PromptCacheRetention", Fields.PromptCacheRetention),
            Setting("Store", Fields.Store),
            Setting("WebSearchOptions", Fields.WebSearchOptions),
            Setting("Moderation", Fields.Moderation),
            Accumulating("Extra", Fields.Extra),

            // End of a chain
            new BuilderMethod("Build", BuilderMethodRole.Terminal, null),
            new BuilderMethod("Validate", BuilderMethodRole.Terminal, null),
        };
    }

    private static BuilderMethod Message(string name) => new(name, BuilderMethodRole.Message, Fields.Messages);

    private static BuilderMethod Setting(string name, string jsonField, params NumericParameter[] numbers) =>
        new(name, BuilderMethodRole.Setting, jsonField, numbers);

    private static BuilderMethod Accumulating(string name, string jsonField) =>
        new(name, BuilderMethodRole.Accumulating, jsonField);

    /// <summary>The builder method called <paramref name="name"/>, or null when the table does not know it.</summary>
    public static BuilderMethod? FindBuilderMethod(string name)
    {
        foreach (var method in BuilderMethods)
        {
            if (string.Equals(method.Name, name, StringComparison.Ordinal))
            {
                return method;
            }
        }

        return null;
    }

    // Builder methods with a particular meaning for the rules.
    public const string EntryMethod = "With";
    public const string BuildMethod = "Build";
    public const string ValidateMethod = "Validate";
    public const string JsonObjectFormatMethod = "JsonObjectFormat";
    public const string ForceFunctionMethod = "ForceFunction";
    public const string ToolChoiceForFunctionFactory = "ForFunction";
    public const string FunctionResultMethod = "FunctionResult";

    /// <summary>Methods that declare a function tool whose name must match <see cref="NamePattern"/>, with the name's JSON path.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> NamedDeclarations = new[]
    {
        new KeyValuePair<string, string>("Tool", "tools[].function.name"),
        new KeyValuePair<string, string>("Function", "functions[].name"),
        new KeyValuePair<string, string>("JsonSchemaFormat", "response_format.json_schema.name"),
    };

    /// <summary>Methods that declare an entry of <c>tools</c> by name (their names must be unique).</summary>
    public static readonly IReadOnlyList<string> ToolDeclarations = new[] { "Tool", "CustomTool" };

    /// <summary>The parameter that holds a declared tool's, function's or json_schema's name.</summary>
    public const string NameParameter = "name";

    /// <summary>The parameter of a message method that holds the message's text.</summary>
    public const string ContentParameter = "content";

    /// <summary>Message methods that add a message without text content (so it cannot mention JSON).</summary>
    public static readonly IReadOnlyList<string> MessagesWithoutText = new[] { "AssistantToolCalls" };

    /// <summary>True when a message text asks for JSON, as JSON mode requires (CHAT205): it contains "json" in any case.</summary>
    public static bool MentionsJson(string? text) =>
        text is not null && text.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>The member of the <c>Modality</c> enum that asks for audio output (CHAT208).</summary>
    public const string AudioModalityMember = "Audio";

    /// <summary>What the deprecated function role is replaced by (CHAT401), in the words of the runtime message.</summary>
    public const string FunctionRoleAdvice = "answer tool calls with a tool message (role \"tool\")";

    /// <summary>The deprecation advice for a JSON field (CHAT401), or null when the field is not deprecated.</summary>
    public static string? DeprecationAdvice(string? jsonField)
    {
        foreach (var pair in DeprecatedFields)
        {
            if (string.Equals(pair.Key, jsonField, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    // ---- Categories ----------------------------------------------------------------------------------------

    /// <summary>The analyzer category of a rule, from its id's hundred: 1xx values, 2xx usage, 3xx models, 4xx deprecation.</summary>
    public static string CategoryOf(string id)
    {
        if (id is null || id.Length < 5)
        {
            throw new ArgumentException("Unknown rule id '" + id + "'.", nameof(id));
        }

        return id[4] switch
        {
            '1' => "ChatRequest.Values",
            '2' => "ChatRequest.Usage",
            '3' => "ChatRequest.Models",
            '4' => "ChatRequest.Deprecation",
            _ => throw new ArgumentException("Unknown rule id '" + id + "'.", nameof(id)),
        };
    }

    /// <summary>
    /// The rules the analyzer reports. CHAT106 and CHAT107 are runtime-only: the builder's typed parameters
    /// (enums, required arguments) already rule them out at compile time.
    /// </summary>
    public static IReadOnlyList<string> AnalyzerRuleIds => s_analyzerRuleIds ??= SelectAnalyzerRuleIds();

    // Computed on first use: static fields of the other part of this partial class may not be initialized yet here.
    private static string[]? s_analyzerRuleIds;

    private static string[] SelectAnalyzerRuleIds()
    {
        var ids = new List<string>();
        foreach (var rule in All)
        {
            if (rule.AnalyzerLevel is not null)
            {
                ids.Add(rule.Id);
            }
        }

        return ids.ToArray();
    }

    // ---- Reasoning models (CHAT301) ------------------------------------------------------------------------

    /// <summary>The only temperature reasoning models accept.</summary>
    public const double ReasoningTemperature = 1;

    /// <summary>What every reasoning family rejects.</summary>
    public static readonly IReadOnlyList<string> ReasoningRejectedFields = new[]
    {
        Fields.Temperature, Fields.TopP, Fields.FrequencyPenalty, Fields.PresencePenalty, Fields.Logprobs,
        Fields.TopLogprobs, Fields.LogitBias, Fields.MaxTokens,
    };

    /// <summary>What families that also reject <c>stop</c> (o3, o4-mini) reject.</summary>
    public static readonly IReadOnlyList<string> ReasoningRejectedFieldsWithStop = With(ReasoningRejectedFields, Fields.Stop);

    /// <summary>The built-in reasoning families.</summary>
    public static readonly IReadOnlyList<ReasoningFamily> ReasoningFamilies = new[]
    {
        new ReasoningFamily("o1", ReasoningRejectedFields),
        new ReasoningFamily("o3", ReasoningRejectedFieldsWithStop),
        new ReasoningFamily("o4-mini", ReasoningRejectedFieldsWithStop),
        new ReasoningFamily("gpt-5", ReasoningRejectedFields),
    };

    /// <summary>
    /// .editorconfig key: comma-separated model-id prefixes of reasoning models. It replaces the built-in list
    /// (list the built-in prefixes too to keep them), e.g. <c>o1,o3,o4-mini,gpt-5,my-reasoner</c>.
    /// </summary>
    public const string ReasoningModelPrefixesKey = "chatrequest.reasoning_model_prefixes";

    /// <summary>
    /// .editorconfig key: comma-separated prefixes (among the reasoning ones) that also reject <c>stop</c>.
    /// It replaces the built-in choice (o3, o4-mini).
    /// </summary>
    public const string ReasoningModelPrefixesRejectingStopKey = "chatrequest.reasoning_model_prefixes_rejecting_stop";

    /// <summary>
    /// The reasoning families from the two .editorconfig values; a null value keeps the built-in choice. A prefix
    /// rejects <c>stop</c> when the second list names it (or, without that list, when its built-in family does).
    /// </summary>
    public static IReadOnlyList<ReasoningFamily> ReasoningFamiliesFrom(string? prefixes, string? prefixesRejectingStop)
    {
        if (prefixes is null && prefixesRejectingStop is null)
        {
            return ReasoningFamilies;
        }

        var names = prefixes is null ? BuiltInPrefixes() : SplitList(prefixes);
        var stopNames = prefixesRejectingStop is null ? null : SplitList(prefixesRejectingStop);
        var families = new List<ReasoningFamily>(names.Count);
        foreach (var name in names)
        {
            bool rejectsStop;
            if (stopNames is not null)
            {
                rejectsStop = Contains(stopNames, name);
            }
            else
            {
                var builtIn = FindFamily(name);
                rejectsStop = builtIn is not null && builtIn.Rejects(Fields.Stop);
            }

            families.Add(new ReasoningFamily(name, rejectsStop ? ReasoningRejectedFieldsWithStop : ReasoningRejectedFields));
        }

        return families;
    }

    /// <summary>The first family whose prefix matches <paramref name="model"/>; the longest prefix wins.</summary>
    public static ReasoningFamily? MatchReasoningFamily(IReadOnlyList<ReasoningFamily> families, string? model)
    {
        ReasoningFamily? best = null;
        foreach (var family in families)
        {
            if (family.Matches(model) && (best is null || family.Prefix.Length > best.Prefix.Length))
            {
                best = family;
            }
        }

        return best;
    }

    private static ReasoningFamily? FindFamily(string prefix)
    {
        foreach (var family in ReasoningFamilies)
        {
            if (string.Equals(family.Prefix, prefix, StringComparison.OrdinalIgnoreCase))
            {
                return family;
            }
        }

        return null;
    }

    private static List<string> BuiltInPrefixes()
    {
        var list = new List<string>(ReasoningFamilies.Count);
        foreach (var family in ReasoningFamilies)
        {
            list.Add(family.Prefix);
        }

        return list;
    }

    private static List<string> SplitList(string value)
    {
        var list = new List<string>();
        foreach (var part in value.Split(','))
        {
            var item = part.Trim();
            if (item.Length > 0 && !Contains(list, item))
            {
                list.Add(item);
            }
        }

        return list;
    }

    private static bool Contains(List<string> list, string item)
    {
        foreach (var candidate in list)
        {
            if (string.Equals(candidate, item, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] With(IReadOnlyList<string> list, string item)
    {
        var result = new string[list.Count + 1];
        for (var i = 0; i < list.Count; i++)
        {
            result[i] = list[i];
        }

        result[list.Count] = item;
        return result;
    }
}
