using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT401: a call that writes a deprecated field (<see cref="ChatRules.DeprecatedFields"/>: functions,
/// function_call, max_tokens, user, seed, prompt_cache_retention) or adds a message of the deprecated function role.
/// </summary>
public sealed class DeprecatedFieldAnalyzer : ChatAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT401_Deprecated);

    internal override void AnalyzeCall(in RuleContext context, BuilderCall call)
    {
        if (call.Is(ChatRules.FunctionResultMethod))
        {
            context.Report(Descriptors.CHAT401_Deprecated, call.NameLocation, "the function role", ChatRules.FunctionRoleAdvice);
            return;
        }

        var advice = ChatRules.DeprecationAdvice(call.JsonField);
        if (advice is not null)
        {
            context.Report(Descriptors.CHAT401_Deprecated, call.NameLocation, call.JsonField, advice);
        }
    }
}
