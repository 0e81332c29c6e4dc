// The one table of limits and rule ids. This file is compiled into ChatRequest.Builder (runtime validation)
// and linked into ChatRequest.Analyzers (compile-time checks); docs/rules is tested against it.
// Keep it dependency-free: netstandard2.0, no System.Text.Json, no Roslyn.
#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;

namespace ChatRequest.Validation;

/// <summary>How serious a rule's finding is.</summary>
internal enum RuleLevel
{
    /// <summary>The API rejects the request.</summary>
    Error,

    /// <summary>The API accepts the request, but it is very likely not what was meant.</summary>
    Warning,

    /// <summary>Advice only (for example a deprecated field).</summary>
    Info,
}

/// <summary>One rule: its stable id, short title, default level and what it checks.</summary>
internal sealed class RuleDefinition
{
    public RuleDefinition(string id, string title, RuleLevel? analyzerLevel, RuleLevel runtimeLevel, string checks)
    {
        Id = id;
        Title = title;
        AnalyzerLevel = analyzerLevel;
        RuntimeLevel = runtimeLevel;
        Checks = checks;
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>
    /// Default severity of the analyzer's diagnostic (it sees one chain, which may not hold everything), or null for
    /// a rule only the runtime checks (its subject cannot be written wrong with the builder's typed methods).
    /// </summary>
    public RuleLevel? AnalyzerLevel { get; }

    /// <summary>Severity of the runtime problem: what the API rejects is an error.</summary>
    public RuleLevel RuntimeLevel { get; }

    public string Checks { get; }
}

/// <summary>An inclusive numeric range of one JSON field.</summary>
internal sealed class NumericLimit
{
    public NumericLimit(string jsonName, double min, double max, bool isInteger)
    {
        JsonName = jsonName;
        Min = min;
        Max = max;
        IsInteger = isInteger;
    }

    /// <summary>The field's JSON name, as the API spells it.</summary>
    public string JsonName { get; }

    public double Min { get; }

    public double Max { get; }

    public bool IsInteger { get; }

    /// <summary>True when <paramref name="value"/> is inside the range. NaN and infinities are outside.</summary>
    public bool Allows(double value) => value >= Min && value <= Max && !double.IsInfinity(value);

    /// <summary>The allowed range in words, e.g. "from 0 to 2" or "at least 1".</summary>
    public string Describe()
    {
        if (Max >= int.MaxValue)
        {
            return "at least " + Format(Min);
        }

        return "from " + Format(Min) + " to " + Format(Max);
    }

    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Infinity";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}

/// <summary>Rule ids, limits and allowed values of OpenAI's Chat Completions request.</summary>
/// <remarks>Source: OpenAI's public OpenAPI spec (CreateChatCompletionRequest), see docs/rules.</remarks>
internal static partial class ChatRules
{
    // ---- Rule ids -------------------------------------------------------------------------------------------
    public const string NumericRange = "CHAT101";
    public const string StopCount = "CHAT102";
    public const string EmptyModel = "CHAT103";
    public const string InvalidName = "CHAT104";
    public const string StringOrCollectionLimit = "CHAT105";
    public const string MissingMember = "CHAT106";
    public const string UnknownValue = "CHAT107";
    public const string TemperatureWithTopP = "CHAT201";
    public const string TopLogprobsWithoutLogprobs = "CHAT202";
    public const string StreamOptionsWithoutStream = "CHAT203";
    public const string ParallelToolCallsWithoutTools = "CHAT204";
    public const string JsonModeWithoutInstruction = "CHAT205";
    public const string DuplicateSetting = "CHAT206";
    public const string NoMessages = "CHAT207";
    public const string AudioWithoutSettings = "CHAT208";
    public const string UndeclaredToolChoice = "CHAT209";
    public const string BothTokenCaps = "CHAT210";
    public const string ReasoningModelUnsupported = "CHAT301";
    public const string Deprecated = "CHAT401";

    /// <summary>Every rule, in id order. Docs pages and the analyzer's descriptors are checked against this list.</summary>
    public static readonly IReadOnlyList<RuleDefinition> All = new[]
    {
        new RuleDefinition(NumericRange, "Numeric value out of range", RuleLevel.Error, RuleLevel.Error,
            "A number outside what the API accepts: temperature 0..2, top_p 0..1, frequency_penalty and presence_penalty -2..2, logit_bias values -100..100 with token ids >= 0, n 1..128, max_tokens and max_completion_tokens >= 1, top_logprobs 0..20. NaN and infinities are outside every range."),
        new RuleDefinition(StopCount, "Too many or no stop sequences", RuleLevel.Error, RuleLevel.Error,
            "stop holds more than 4 sequences, or a list with none."),
        new RuleDefinition(EmptyModel, "Model id is empty", RuleLevel.Error, RuleLevel.Error,
            "model is missing, empty or only whitespace."),
        new RuleDefinition(InvalidName, "Invalid or duplicate function name", RuleLevel.Error, RuleLevel.Error,
            "A function, tool or json_schema name does not match ^[a-zA-Z0-9_-]{1,64}$, or two tools share a name."),
        new RuleDefinition(StringOrCollectionLimit, "String or collection too long", RuleLevel.Error, RuleLevel.Error,
            "safety_identifier longer than 64 characters; metadata with more than 16 pairs, a key longer than 64 or a value longer than 512 characters; more than 128 functions; an empty content-part list."),
        new RuleDefinition(MissingMember, "Required member missing", null, RuleLevel.Error,
            "A member the API requires is missing: a message's content, a tool message's tool_call_id, a function message's name, a tool call's id, an image part's url, audio voice and format, and the like."),
        new RuleDefinition(UnknownValue, "Value not allowed", null, RuleLevel.Error,
            "A string field holds a value outside its fixed set (reasoning_effort, service_tier, verbosity, modalities, tool_choice, image detail, audio formats, ...), or a content part is used in a role that does not accept it."),
        new RuleDefinition(TemperatureWithTopP, "Temperature and top_p both set", RuleLevel.Warning, RuleLevel.Warning,
            "temperature and top_p are both set; the API recommends changing one of them, not both."),
        new RuleDefinition(TopLogprobsWithoutLogprobs, "top_logprobs without logprobs", RuleLevel.Warning, RuleLevel.Error,
            "top_logprobs is set while logprobs is not true; the API requires logprobs: true for top_logprobs."),
        new RuleDefinition(StreamOptionsWithoutStream, "stream_options without stream", RuleLevel.Warning, RuleLevel.Error,
            "stream_options is set while stream is not true; the options only apply to streamed responses."),
        new RuleDefinition(ParallelToolCallsWithoutTools, "parallel_tool_calls without tools", RuleLevel.Warning, RuleLevel.Error,
            "parallel_tool_calls is set while no tool is declared."),
        new RuleDefinition(JsonModeWithoutInstruction, "JSON mode without a JSON instruction", RuleLevel.Warning, RuleLevel.Error,
            "response_format is json_object while no message mentions JSON; the API then refuses the request (the model would not produce JSON)."),
        new RuleDefinition(DuplicateSetting, "Setting set twice", RuleLevel.Warning, RuleLevel.Warning,
            "The same single-valued setting is set twice in one builder chain; the later value silently wins."),
        new RuleDefinition(NoMessages, "No messages", RuleLevel.Error, RuleLevel.Error,
            "The request has no messages; the API requires at least one."),
        new RuleDefinition(AudioWithoutSettings, "Audio output without audio settings", RuleLevel.Warning, RuleLevel.Error,
            "modalities contains audio but audio (voice and format) is not set."),
        new RuleDefinition(UndeclaredToolChoice, "tool_choice names an undeclared function", RuleLevel.Warning, RuleLevel.Error,
            "tool_choice or function_call names a function that is not among the declared tools or functions."),
        new RuleDefinition(BothTokenCaps, "max_tokens and max_completion_tokens both set", RuleLevel.Warning, RuleLevel.Warning,
            "max_tokens and max_completion_tokens are both set; use max_completion_tokens only."),
        new RuleDefinition(ReasoningModelUnsupported, "Setting unsupported by a reasoning model", RuleLevel.Warning, RuleLevel.Warning,
            "The model is of a reasoning family (o1, o3, o4-mini, gpt-5 and later) and the request sets what that family rejects."),
        new RuleDefinition(Deprecated, "Deprecated field", RuleLevel.Info, RuleLevel.Info,
            "A deprecated field is used: functions, function_call, max_tokens, user, seed, prompt_cache_retention, or the function role."),
    };

    /// <summary>Looks a rule up by id.</summary>
    public static RuleDefinition Get(string id)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Id == id)
            {
                return All[i];
            }
        }

        throw new ArgumentException("Unknown rule id '" + id + "'.", nameof(id));
    }

    // ---- Numeric ranges (CHAT101) ---------------------------------------------------------------------------
    public static readonly NumericLimit Temperature = new("temperature", 0, 2, isInteger: false);
    public static readonly NumericLimit TopP = new("top_p", 0, 1, isInteger: false);
    public static readonly NumericLimit FrequencyPenalty = new("frequency_penalty", -2, 2, isInteger: false);
    public static readonly NumericLimit PresencePenalty = new("presence_penalty", -2, 2, isInteger: false);
    public static readonly NumericLimit LogitBiasValue = new("logit_bias", -100, 100, isInteger: true);
    public static readonly NumericLimit LogitBiasTokenId = new("logit_bias token id", 0, int.MaxValue, isInteger: true);
    public static readonly NumericLimit N = new("n", 1, 128, isInteger: true);
    public static readonly NumericLimit MaxTokens = new("max_tokens", 1, int.MaxValue, isInteger: true);
    public static readonly NumericLimit MaxCompletionTokens = new("max_completion_tokens", 1, int.MaxValue, isInteger: true);
    public static readonly NumericLimit TopLogprobs = new("top_logprobs", 0, 20, isInteger: true);

    /// <summary>Every numeric limit, for docs and agreement tests.</summary>
    public static readonly IReadOnlyList<NumericLimit> NumericLimits = new[]
    {
        Temperature, TopP, FrequencyPenalty, PresencePenalty, LogitBiasValue, LogitBiasTokenId, N, MaxTokens,
        MaxCompletionTokens, TopLogprobs,
    };

    // ---- Counts and lengths (CHAT102, CHAT104, CHAT105) -----------------------------------------------------
    public const int MinStopSequences = 1;
    public const int MaxStopSequences = 4;
    public const int MaxNameLength = 64;
    public const int MaxSafetyIdentifierLength = 64;
    public const int MaxMetadataPairs = 16;
    public const int MaxMetadataKeyLength = 64;
    public const int MaxMetadataValueLength = 512;
    public const int MaxFunctions = 128;

    /// <summary>Longest excerpt of a user-supplied string quoted in a message (prompts can hold secrets).</summary>
    public const int MaxQuotedLength = 32;

    /// <summary>
    /// True when <paramref name="value"/> is an absolute URI as RFC 3986 writes it: a scheme (a letter, then letters,
    /// digits, '+', '-' or '.'), a colon, at least one more character, only URI characters (no spaces, no control or
    /// non-ASCII characters) and well-formed %HH escapes. <c>https://...</c> and <c>data:image/png;base64,...</c>
    /// qualify; <c>example.com/a.png</c>, <c>https://</c> and <c>not a url</c> do not. This is what the schema's
    /// <c>format: uri</c> on <c>image_url.url</c> asks for.
    /// </summary>
    public static bool IsAbsoluteUri(string value)
    {
        if (value.Length == 0 || !IsAsciiLetter(value[0]))
        {
            return false;
        }

        var colon = 1;
        while (colon < value.Length && (IsAsciiLetter(value[colon]) || (value[colon] >= '0' && value[colon] <= '9') || value[colon] is '+' or '-' or '.'))
        {
            colon++;
        }

        if (colon >= value.Length - 1 || value[colon] != ':' || string.CompareOrdinal(value, colon + 1, "//", 0, int.MaxValue) == 0)
        {
            return false;
        }

        for (var i = colon + 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !IsHexDigit(value[i + 1]) || !IsHexDigit(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!IsUriCharacter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    // RFC 3986 unreserved, gen-delims and sub-delims ('%' is handled by the caller).
    private static bool IsUriCharacter(char c) =>
        IsAsciiLetter(c) || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~' or ':' or '/' or '?' or '#' or '[' or ']' or '@'
            or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    /// <summary>True when <paramref name="name"/> matches ^[a-zA-Z0-9_-]{1,64}$.</summary>
    public static bool IsValidName(string? name)
    {
        if (name is null || name.Length == 0 || name.Length > MaxNameLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the model id is usable (not empty, not only whitespace).</summary>
    public static bool IsValidModel(string? model) => !string.IsNullOrWhiteSpace(model);

    // ---- Allowed values (CHAT107) ---------------------------------------------------------------------------
    public static readonly string[] ReasoningEffortValues = { "none", "minimal", "low", "medium", "high", "xhigh", "max" };
    public static readonly string[] ServiceTierValues = { "auto", "default", "flex", "scale", "priority", "fast" };
    public static readonly string[] VerbosityValues = { "low", "medium", "high" };
    public static readonly string[] ModalityValues = { "text", "audio" };
    public static readonly string[] PromptCacheRetentionValues = { "in_memory", "24h" };
    public static readonly string[] PromptCacheTtlValues = { "30m" };
    public static readonly string[] PromptCacheModeValues = { "implicit", "explicit" };
    public static readonly string[] PromptCacheBreakpointModeValues = { "explicit" };
    public static readonly string[] ImageDetailValues = { "auto", "low", "high" };
    public static readonly string[] InputAudioFormatValues = { "wav", "mp3" };
    public static readonly string[] OutputAudioFormatValues = { "wav", "aac", "mp3", "flac", "opus", "pcm16" };
    public static readonly string[] SearchContextSizeValues = { "low", "medium", "high" };
    public static readonly string[] UserLocationTypeValues = { "approximate" };
    public static readonly string[] ToolChoiceModeValues = { "none", "auto", "required" };
    public static readonly string[] AllowedToolsModeValues = { "auto", "required" };
    public static readonly string[] FunctionCallModeValues = { "none", "auto" };
    public static readonly string[] ModerationModeValues = { "score", "block" };
    public static readonly string[] GrammarSyntaxValues = { "lark", "regex" };
    public static readonly string[] PredictionTypeValues = { "content" };

    /// <summary>True when <paramref name="value"/> is one of <paramref name="allowed"/> (ordinal).</summary>
    public static bool IsOneOf(string? value, string[] allowed)
    {
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Deprecated top-level fields (CHAT401), by JSON name, with advice on what to use instead.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> DeprecatedFields = new[]
    {
        new KeyValuePair<string, string>("functions", "use tools"),
        new KeyValuePair<string, string>("function_call", "use tool_choice"),
        new KeyValuePair<string, string>("max_tokens", "use max_completion_tokens"),
        new KeyValuePair<string, string>("user", "use safety_identifier and prompt_cache_key"),
        new KeyValuePair<string, string>("seed", "it has no replacement and repeatability was never guaranteed"),
        new KeyValuePair<string, string>("prompt_cache_retention", "use prompt_cache_options.ttl"),
    };

    /// <summary>Quotes a user string for a message, cut to <see cref="MaxQuotedLength"/> characters.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (value.Length <= MaxQuotedLength)
        {
            return "\"" + value + "\"";
        }

        return "\"" + value.Substring(0, MaxQuotedLength) + "…\" (" + value.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
    }
}
