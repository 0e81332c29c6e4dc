using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// A setting whose prerequisite the chain does not set: CHAT202 top_logprobs without logprobs, CHAT203
/// stream_options without stream, CHAT204 parallel_tool_calls without tools, CHAT208 audio output without audio
/// settings. Only chains that start at <c>Chat.With</c> in the same expression are judged: a builder held in a
/// variable may already carry the prerequisite. A prerequisite set with a non-constant flag counts as set.
/// </summary>
public sealed class MissingPrerequisiteAnalyzer : ChatAnalyzer
{
    private const string LogprobsParameter = "logprobs";
    private const string StreamParameter = "stream";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.CHAT202_TopLogprobsWithoutLogprobs,
        Descriptors.CHAT203_StreamOptionsWithoutStream,
        Descriptors.CHAT204_ParallelToolCallsWithoutTools,
        Descriptors.CHAT208_AudioWithoutSettings);

    internal override bool AnalyzesChains => true;

    internal override void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
        if (!chain.IsWholeRequest)
        {
            return;
        }

        var topLogprobs = chain.Last(ChatRules.Fields.TopLogprobs);
        if (topLogprobs is not null && !IsTrue(chain.Last(ChatRules.Fields.Logprobs), LogprobsParameter))
        {
            context.Report(Descriptors.CHAT202_TopLogprobsWithoutLogprobs, topLogprobs.NameLocation);
        }

        var streamOptions = chain.Last(ChatRules.Fields.StreamOptions);
        if (streamOptions is not null && !IsTrue(chain.Last(ChatRules.Fields.Stream), StreamParameter))
        {
            context.Report(Descriptors.CHAT203_StreamOptionsWithoutStream, streamOptions.NameLocation);
        }

        var parallelToolCalls = chain.Last(ChatRules.Fields.ParallelToolCalls);
        if (parallelToolCalls is not null && !chain.Sets(ChatRules.Fields.Tools))
        {
            context.Report(Descriptors.CHAT204_ParallelToolCallsWithoutTools, parallelToolCalls.NameLocation);
        }

        var modalities = chain.Last(ChatRules.Fields.Modalities);
        if (modalities is not null && AsksForAudio(modalities, context.Symbols) && !chain.Sets(ChatRules.Fields.Audio))
        {
            context.Report(Descriptors.CHAT208_AudioWithoutSettings, modalities.NameLocation);
        }
    }

    /// <summary>
    /// False only when the flag is known to be off: the call is absent or passes a constant false. A non-constant
    /// flag may be true, so it does not count as missing.
    /// </summary>
    private static bool IsTrue(BuilderCall? call, string parameter)
    {
        if (call is null)
        {
            return false;
        }

        return !ConstantReader.TryGetBool(call.Argument(parameter)?.Value, out var value) || value;
    }

    private static bool AsksForAudio(BuilderCall modalities, KnownSymbols symbols)
    {
        var elements = ConstantReader.ArrayElements(modalities.ArrayArgument());
        if (elements is null)
        {
            return false;
        }

        foreach (var element in elements)
        {
            if (ConstantReader.SameConstant(element, symbols.AudioModality))
            {
                return true;
            }
        }

        return false;
    }
}
