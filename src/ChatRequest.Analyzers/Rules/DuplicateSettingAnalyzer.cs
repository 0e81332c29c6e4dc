using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT206: a single-valued setting set twice in one chain (any chain). The earlier call has no effect; it is
/// reported, with the later call that overrides it as additional location.
/// </summary>
public sealed class DuplicateSettingAnalyzer : ChatAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT206_DuplicateSetting);

    internal override bool AnalyzesChains => true;

    internal override void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
        var calls = chain.Calls;
        for (var i = 0; i < calls.Count; i++)
        {
            var method = calls[i].Method;
            if (method is null || !method.IsSingleValued || method.JsonField is null)
            {
                continue;
            }

            for (var j = i + 1; j < calls.Count; j++)
            {
                if (calls[j].Sets(method.JsonField))
                {
                    context.ReportWithAdditional(Descriptors.CHAT206_DuplicateSetting, calls[i].NameLocation, calls[j].NameLocation, method.JsonField);
                    break;
                }
            }
        }
    }
}
