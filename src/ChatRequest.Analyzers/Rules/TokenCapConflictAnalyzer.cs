using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT210: max_tokens and max_completion_tokens both set in one chain (any chain). Reported on the MaxTokens
/// call, with the MaxCompletionTokens call as additional location.
/// </summary>
public sealed class TokenCapConflictAnalyzer : ChatAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT210_BothTokenCaps);

    internal override bool AnalyzesChains => true;

    internal override void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
        var maxTokens = chain.Last(ChatRules.Fields.MaxTokens);
        var maxCompletionTokens = maxTokens is null ? null : chain.Last(ChatRules.Fields.MaxCompletionTokens);
        if (maxTokens is not null && maxCompletionTokens is not null)
        {
            context.ReportWithAdditional(Descriptors.CHAT210_BothTokenCaps, maxTokens.NameLocation, maxCompletionTokens.NameLocation);
        }
    }
}
