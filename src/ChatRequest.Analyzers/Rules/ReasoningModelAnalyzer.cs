using System.Collections.Generic;
using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT301: the chain starts at <c>Chat.With</c> with a constant model id of a reasoning family, and sets what
/// that family rejects. The families are data (<see cref="ChatRules.ReasoningFamilies"/>); .editorconfig can
/// replace them with <c>chatrequest.reasoning_model_prefixes</c> and
/// <c>chatrequest.reasoning_model_prefixes_rejecting_stop</c>.
/// </summary>
public sealed class ReasoningModelAnalyzer : ChatAnalyzer
{
    private const string TemperatureParameter = "temperature";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT301_ReasoningModelUnsupported);

    internal override bool AnalyzesChains => true;

    internal override void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
        if (chain.Calls.Count == 0 || !chain.TryGetModel(out var model) || model is null)
        {
            return;
        }

        var family = ChatRules.MatchReasoningFamily(Families(context), model);
        if (family is null)
        {
            return;
        }

        foreach (var call in chain.Calls)
        {
            var field = call.JsonField;
            if (field is null || !family.Rejects(field))
            {
                continue;
            }

            string what;
            if (field == ChatRules.Fields.Temperature)
            {
                if (!ConstantReader.TryGetNumber(call.Argument(TemperatureParameter)?.Value, out var temperature)
                    || temperature == ChatRules.ReasoningTemperature)
                {
                    continue;
                }

                what = "temperature other than " + ConstantReader.Format(ChatRules.ReasoningTemperature);
            }
            else
            {
                what = field;
            }

            context.Report(Descriptors.CHAT301_ReasoningModelUnsupported, call.NameLocation, ChatRules.Quote(model), family.Prefix, what);
        }
    }

    private static IReadOnlyList<ReasoningFamily> Families(in RuleContext context)
    {
        var tree = context.Operation.Operation.Syntax.SyntaxTree;
        var options = context.Operation.Options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        options.TryGetValue(ChatRules.ReasoningModelPrefixesKey, out var prefixes);
        options.TryGetValue(ChatRules.ReasoningModelPrefixesRejectingStopKey, out var rejectingStop);
        return ChatRules.ReasoningFamiliesFrom(prefixes, rejectingStop);
    }
}
