using System;

namespace ChatRequest;

/// <summary><c>reasoning_effort</c> values (reasoning models only; not every model accepts every value).</summary>
public enum ReasoningEffort
{
    /// <summary><c>none</c></summary>
    None,

    /// <summary><c>minimal</c></summary>
    Minimal,

    /// <summary><c>low</c></summary>
    Low,

    /// <summary><c>medium</c> (the API's default)</summary>
    Medium,

    /// <summary><c>high</c></summary>
    High,

    /// <summary><c>xhigh</c></summary>
    XHigh,

    /// <summary><c>max</c></summary>
    Max,
}

/// <summary><c>service_tier</c> values.</summary>
public enum ServiceTier
{
    /// <summary><c>auto</c>: the project's configured tier (the API's default).</summary>
    Auto,

    /// <summary><c>default</c>: standard pricing and performance.</summary>
    Default,

    /// <summary><c>flex</c>: Flex Processing.</summary>
    Flex,

    /// <summary><c>scale</c></summary>
    Scale,

    /// <summary><c>priority</c>: Fast mode.</summary>
    Priority,

    /// <summary><c>fast</c>: Fast mode.</summary>
    Fast,
}

/// <summary><c>verbosity</c> values.</summary>
public enum Verbosity
{
    /// <summary><c>low</c></summary>
    Low,

    /// <summary><c>medium</c> (the API's default)</summary>
    Medium,

    /// <summary><c>high</c></summary>
    High,
}

/// <summary>Output kinds for <c>modalities</c>.</summary>
public enum Modality
{
    /// <summary><c>text</c></summary>
    Text,

    /// <summary><c>audio</c> (needs audio settings)</summary>
    Audio,
}

/// <summary>Image detail level of an image part.</summary>
public enum ImageDetail
{
    /// <summary><c>auto</c> (the API's default)</summary>
    Auto,

    /// <summary><c>low</c></summary>
    Low,

    /// <summary><c>high</c></summary>
    High,
}

/// <summary>Format of audio input parts.</summary>
public enum InputAudioFormat
{
    /// <summary><c>wav</c></summary>
    Wav,

    /// <summary><c>mp3</c></summary>
    Mp3,
}

/// <summary>Format of spoken output (<c>audio.format</c>).</summary>
public enum AudioFormat
{
    /// <summary><c>wav</c></summary>
    Wav,

    /// <summary><c>aac</c></summary>
    Aac,

    /// <summary><c>mp3</c></summary>
    Mp3,

    /// <summary><c>flac</c></summary>
    Flac,

    /// <summary><c>opus</c></summary>
    Opus,

    /// <summary><c>pcm16</c></summary>
    Pcm16,
}

/// <summary><c>tool_choice</c> modes.</summary>
public enum ToolChoiceMode
{
    /// <summary><c>none</c>: call no tool.</summary>
    None,

    /// <summary><c>auto</c>: the model decides.</summary>
    Auto,

    /// <summary><c>required</c>: call at least one tool.</summary>
    Required,
}

/// <summary>Modes of the deprecated <c>function_call</c>.</summary>
public enum FunctionCallMode
{
    /// <summary><c>none</c>: call no function.</summary>
    None,

    /// <summary><c>auto</c>: the model decides.</summary>
    Auto,
}

/// <summary><c>web_search_options.search_context_size</c> values.</summary>
public enum SearchContextSize
{
    /// <summary><c>low</c></summary>
    Low,

    /// <summary><c>medium</c> (the API's default)</summary>
    Medium,

    /// <summary><c>high</c></summary>
    High,
}

/// <summary>Moderation modes.</summary>
public enum ModerationMode
{
    /// <summary><c>score</c>: report scores only.</summary>
    Score,

    /// <summary><c>block</c>: block flagged content.</summary>
    Block,
}

/// <summary><c>prompt_cache_options.mode</c> values.</summary>
public enum PromptCacheMode
{
    /// <summary><c>implicit</c>: an automatic breakpoint plus up to 3 explicit ones (the API's default).</summary>
    Implicit,

    /// <summary><c>explicit</c>: explicit breakpoints only.</summary>
    Explicit,
}

/// <summary>Values of the deprecated <c>prompt_cache_retention</c>.</summary>
public enum PromptCacheRetention
{
    /// <summary><c>in_memory</c></summary>
    InMemory,

    /// <summary><c>24h</c></summary>
    Hours24,
}

/// <summary>Grammar syntax of a custom tool's input format.</summary>
public enum GrammarSyntax
{
    /// <summary><c>lark</c></summary>
    Lark,

    /// <summary><c>regex</c></summary>
    Regex,
}

/// <summary>The wire strings of the enums above; tests check each against the allowed values in the rules table.</summary>
internal static class Wire
{
    public static string Of(ReasoningEffort value) => value switch
    {
        ReasoningEffort.None => "none",
        ReasoningEffort.Minimal => "minimal",
        ReasoningEffort.Low => "low",
        ReasoningEffort.Medium => "medium",
        ReasoningEffort.High => "high",
        ReasoningEffort.XHigh => "xhigh",
        ReasoningEffort.Max => "max",
        _ => throw Undefined(value),
    };

    public static string Of(ServiceTier value) => value switch
    {
        ServiceTier.Auto => "auto",
        ServiceTier.Default => "default",
        ServiceTier.Flex => "flex",
        ServiceTier.Scale => "scale",
        ServiceTier.Priority => "priority",
        ServiceTier.Fast => "fast",
        _ => throw Undefined(value),
    };

    public static string Of(Verbosity value) => value switch
    {
        Verbosity.Low => "low",
        Verbosity.Medium => "medium",
        Verbosity.High => "high",
        _ => throw Undefined(value),
    };

    public static string Of(Modality value) => value switch
    {
        Modality.Text => "text",
        Modality.Audio => "audio",
        _ => throw Undefined(value),
    };

    public static string Of(ImageDetail value) => value switch
    {
        ImageDetail.Auto => "auto",
        ImageDetail.Low => "low",
        ImageDetail.High => "high",
        _ => throw Undefined(value),
    };

    public static string Of(InputAudioFormat value) => value switch
    {
        InputAudioFormat.Wav => "wav",
        InputAudioFormat.Mp3 => "mp3",
        _ => throw Undefined(value),
    };

    public static string Of(AudioFormat value) => value switch
    {
        AudioFormat.Wav => "wav",
        AudioFormat.Aac => "aac",
        AudioFormat.Mp3 => "mp3",
        AudioFormat.Flac => "flac",
        AudioFormat.Opus => "opus",
        AudioFormat.Pcm16 => "pcm16",
        _ => throw Undefined(value),
    };

    public static string Of(ToolChoiceMode value) => value switch
    {
        ToolChoiceMode.None => "none",
        ToolChoiceMode.Auto => "auto",
        ToolChoiceMode.Required => "required",
        _ => throw Undefined(value),
    };

    public static string Of(FunctionCallMode value) => value switch
    {
        FunctionCallMode.None => "none",
        FunctionCallMode.Auto => "auto",
        _ => throw Undefined(value),
    };

    public static string Of(SearchContextSize value) => value switch
    {
        SearchContextSize.Low => "low",
        SearchContextSize.Medium => "medium",
        SearchContextSize.High => "high",
        _ => throw Undefined(value),
    };

    public static string Of(ModerationMode value) => value switch
    {
        ModerationMode.Score => "score",
        ModerationMode.Block => "block",
        _ => throw Undefined(value),
    };

    public static string Of(PromptCacheMode value) => value switch
    {
        PromptCacheMode.Implicit => "implicit",
        PromptCacheMode.Explicit => "explicit",
        _ => throw Undefined(value),
    };

    public static string Of(PromptCacheRetention value) => value switch
    {
        PromptCacheRetention.InMemory => "in_memory",
        PromptCacheRetention.Hours24 => "24h",
        _ => throw Undefined(value),
    };

    public static string Of(GrammarSyntax value) => value switch
    {
        GrammarSyntax.Lark => "lark",
        GrammarSyntax.Regex => "regex",
        _ => throw Undefined(value),
    };

    private static ArgumentOutOfRangeException Undefined<T>(T value)
        where T : struct, Enum =>
        new(typeof(T).Name, value, "'" + value + "' is not a defined " + typeof(T).Name + " value.");
}
