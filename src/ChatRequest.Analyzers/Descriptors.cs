using System.Collections.Immutable;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;

namespace ChatRequest.Analyzers;

/// <summary>
/// Every diagnostic descriptor, made in one factory from the shared rule table (<see cref="ChatRules.All"/>):
/// id, title, description and default severity come from the table, the category from the id
/// (<see cref="ChatRules.CategoryOf"/>), the help link from the id (<see cref="HelpLink"/>). Only the message
/// formats live here, because only the analyzer words its findings this way.
/// </summary>
internal static class Descriptors
{
    /// <summary>Where the rule pages live; a rule's page is <c>{HelpLinkBase}{id}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/chatrequest/chatrequest/blob/main/docs/rules/";

    /// <summary>The help link of a rule.</summary>
    /// <param name="id">The rule id, e.g. CHAT101.</param>
    /// <returns>The link to the rule's page.</returns>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    /// <summary>CHAT101: {0} field, {1} allowed range, {2} value.</summary>
    public static readonly DiagnosticDescriptor CHAT101_NumericRange =
        Create(ChatRules.NumericRange, "{0} must be {1}, but is {2}");

    /// <summary>CHAT102: {0} minimum, {1} maximum, {2} count.</summary>
    public static readonly DiagnosticDescriptor CHAT102_StopCount =
        Create(ChatRules.StopCount, "stop must hold {0} to {1} sequences, but holds {2}");

    /// <summary>CHAT103: {0} the quoted model id.</summary>
    public static readonly DiagnosticDescriptor CHAT103_EmptyModel =
        Create(ChatRules.EmptyModel, "model must be a non-empty model id such as \"gpt-4o\", but is {0}");

    /// <summary>CHAT104: {0} the whole message (an invalid name, or a tool name declared twice).</summary>
    public static readonly DiagnosticDescriptor CHAT104_InvalidName =
        Create(ChatRules.InvalidName, "{0}");

    /// <summary>CHAT105: {0} the whole message (which string or collection, its size and the limit).</summary>
    public static readonly DiagnosticDescriptor CHAT105_StringOrCollectionLimit =
        Create(ChatRules.StringOrCollectionLimit, "{0}");

    /// <summary>CHAT201: no arguments.</summary>
    public static readonly DiagnosticDescriptor CHAT201_TemperatureWithTopP =
        Create(ChatRules.TemperatureWithTopP, "temperature and top_p are both set in this chain; the API recommends setting one of them, not both");

    /// <summary>CHAT202: no arguments.</summary>
    public static readonly DiagnosticDescriptor CHAT202_TopLogprobsWithoutLogprobs =
        Create(ChatRules.TopLogprobsWithoutLogprobs, "top_logprobs is set, but this chain does not set logprobs to true; the API requires logprobs: true for top_logprobs");

    /// <summary>CHAT203: no arguments.</summary>
    public static readonly DiagnosticDescriptor CHAT203_StreamOptionsWithoutStream =
        Create(ChatRules.StreamOptionsWithoutStream, "stream_options is set, but this chain does not set stream to true; stream_options is only allowed when streaming");

    /// <summary>CHAT204: no arguments.</summary>
    public static readonly DiagnosticDescriptor CHAT204_ParallelToolCallsWithoutTools =
        Create(ChatRules.ParallelToolCallsWithoutTools, "parallel_tool_calls is set, but this chain declares no tool; it is only allowed together with tools");

    /// <summary>CHAT205: no arguments.</summary>
    public static readonly DiagnosticDescriptor CHAT205_JsonModeWithoutInstruction =
        Create(ChatRules.JsonModeWithoutInstruction, "response_format is json_object, but no message of this chain mentions JSON; the API requires the word JSON in the messages for JSON mode");

    /// <summary>CHAT206: {0} the JSON field.</summary>
    public static readonly DiagnosticDescriptor CHAT206_DuplicateSetting =
        Create(ChatRules.DuplicateSetting, "{0} is set again later in this chain; the later value wins, so this call has no effect");

    /// <summary>CHAT207: no arguments.</summary>
    public static readonly DiagnosticDescriptor CHAT207_NoMessages =
        Create(ChatRules.NoMessages, "This chain builds a request without messages; the API requires at least one message");

    /// <summary>CHAT208: no arguments.</summary>
    public static readonly DiagnosticDescriptor CHAT208_AudioWithoutSettings =
        Create(ChatRules.AudioWithoutSettings, "modalities asks for audio output, but this chain does not set audio (voice and format)");

    /// <summary>CHAT209: {0} tool_choice or function_call, {1} the quoted name, {2} tools or functions.</summary>
    public static readonly DiagnosticDescriptor CHAT209_UndeclaredToolChoice =
        Create(ChatRules.UndeclaredToolChoice, "{0} names {1}, but no entry of that name is declared in {2} in this chain");

    /// <summary>CHAT210: no arguments.</summary>
    public static readonly DiagnosticDescriptor CHAT210_BothTokenCaps =
        Create(ChatRules.BothTokenCaps, "max_tokens and max_completion_tokens are both set in this chain; use max_completion_tokens only");

    /// <summary>CHAT301: {0} the model id, {1} the family's prefix, {2} what is rejected.</summary>
    public static readonly DiagnosticDescriptor CHAT301_ReasoningModelUnsupported =
        Create(ChatRules.ReasoningModelUnsupported, "{0} is a reasoning model ({1} family), which does not support {2}");

    /// <summary>CHAT401: {0} the deprecated field or role, {1} what to use instead.</summary>
    public static readonly DiagnosticDescriptor CHAT401_Deprecated =
        Create(ChatRules.Deprecated, "{0} is deprecated; {1}");

    /// <summary>Every descriptor, in id order.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        CHAT101_NumericRange,
        CHAT102_StopCount,
        CHAT103_EmptyModel,
        CHAT104_InvalidName,
        CHAT105_StringOrCollectionLimit,
        CHAT201_TemperatureWithTopP,
        CHAT202_TopLogprobsWithoutLogprobs,
        CHAT203_StreamOptionsWithoutStream,
        CHAT204_ParallelToolCallsWithoutTools,
        CHAT205_JsonModeWithoutInstruction,
        CHAT206_DuplicateSetting,
        CHAT207_NoMessages,
        CHAT208_AudioWithoutSettings,
        CHAT209_UndeclaredToolChoice,
        CHAT210_BothTokenCaps,
        CHAT301_ReasoningModelUnsupported,
        CHAT401_Deprecated);

    /// <summary>The default severity of a rule level.</summary>
    /// <param name="level">The level from the rule table.</param>
    /// <returns>The matching diagnostic severity.</returns>
    internal static DiagnosticSeverity ToSeverity(RuleLevel level) => level switch
    {
        RuleLevel.Error => DiagnosticSeverity.Error,
        RuleLevel.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static DiagnosticDescriptor Create(string id, string messageFormat)
    {
        var rule = ChatRules.Get(id);
        return new DiagnosticDescriptor(
            id,
            rule.Title,
            messageFormat,
            ChatRules.CategoryOf(id),
            ToSeverity(rule.AnalyzerLevel),
            isEnabledByDefault: true,
            description: rule.Checks,
            helpLinkUri: HelpLink(id));
    }
}
