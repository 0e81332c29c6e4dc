using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT201: temperature and top_p both set in one chain (any chain: both are visible). Reported on the TopP call,
/// with the Temperature call as additional location, so a fix can remove either.
/// </summary>
public sealed class SamplingConflictAnalyzer : ChatAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT201_TemperatureWithTopP);

    internal override bool AnalyzesChains => true;

    internal override void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
        var topP = chain.Last(ChatRules.Fields.TopP);
        var temperature = topP is null ? null : chain.Last(ChatRules.Fields.Temperature);
        if (topP is not null && temperature is not null)
        {
            context.ReportWithAdditional(Descriptors.CHAT201_TemperatureWithTopP, topP.NameLocation, temperature.NameLocation);
        }
    }
}
