using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT207: <c>Build()</c> on a chain that starts at <c>Chat.With</c> in the same expression and adds no message.
/// </summary>
public sealed class NoMessagesAnalyzer : ChatAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT207_NoMessages);

    internal override bool AnalyzesChains => true;

    internal override void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
        if (!chain.IsWholeRequest || !chain.Outermost.Is(ChatRules.BuildMethod))
        {
            return;
        }

        foreach (var call in chain.Calls)
        {
            if (call.Method?.Role == BuilderMethodRole.Message)
            {
                return;
            }
        }

        context.Report(Descriptors.CHAT207_NoMessages, chain.Outermost.NameLocation);
    }
}
