using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>CHAT103: <c>Chat.With(model)</c> with a constant model id that is null, empty or only whitespace.</summary>
public sealed class ModelIdAnalyzer : ChatAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT103_EmptyModel);

    internal override void AnalyzeCall(in RuleContext context, BuilderCall call)
    {
        if (!call.IsEntry)
        {
            return;
        }

        foreach (var argument in call.Invocation.Arguments)
        {
            if (BuilderCall.IsExplicit(argument)
                && ConstantReader.TryGetString(argument.Value, out var model)
                && !ChatRules.IsValidModel(model))
            {
                context.Report(Descriptors.CHAT103_EmptyModel, BuilderCall.ValueLocation(argument), ChatRules.Quote(model));
            }
        }
    }
}
