using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT209: tool_choice (<c>ForceFunction(name)</c>, <c>ToolChoice(ToolChoice.ForFunction(name))</c>) or the
/// deprecated function_call (<c>FunctionCall(name)</c>) names a function the chain does not declare. Judged only
/// when the chain starts at <c>Chat.With</c> and every declaration in it has a constant name.
/// </summary>
public sealed class UndeclaredToolChoiceAnalyzer : ChatAnalyzer
{
    private const string ChoiceParameter = "choice";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT209_UndeclaredToolChoice);

    internal override bool AnalyzesChains => true;

    internal override void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
        if (!chain.IsWholeRequest)
        {
            return;
        }

        var toolChoice = chain.Last(ChatRules.Fields.ToolChoice);
        if (toolChoice is not null && ForcedName(toolChoice, context.Symbols) is { } forced)
        {
            Check(context, chain, forced, ChatRules.Fields.ToolChoice, ChatRules.Fields.Tools);
        }

        var functionCall = chain.Last(ChatRules.Fields.FunctionCall);
        if (functionCall?.Argument(ChatRules.NameParameter)?.Value is { } name)
        {
            Check(context, chain, name, ChatRules.Fields.FunctionCall, ChatRules.Fields.Functions);
        }
    }

    private static void Check(in RuleContext context, BuilderChain chain, IOperation nameOperation, string field, string declarations)
    {
        if (!ConstantReader.TryGetString(nameOperation, out var name) || name is null)
        {
            return;
        }

        var declared = DeclaredNames(chain, declarations);
        if (declared is not null && !declared.Contains(name))
        {
            var location = nameOperation.Syntax.GetLocation();
            context.Report(Descriptors.CHAT209_UndeclaredToolChoice, location, field, ChatRules.Quote(name), declarations);
        }
    }

    /// <summary>The name operand: ForceFunction's argument or ToolChoice.ForFunction's argument; null otherwise.</summary>
    private static IOperation? ForcedName(BuilderCall call, KnownSymbols symbols)
    {
        if (call.Is(ChatRules.ForceFunctionMethod))
        {
            return call.Argument(ChatRules.NameParameter)?.Value;
        }

        var choice = call.Argument(ChoiceParameter)?.Value;
        while (choice is IConversionOperation { IsImplicit: true } conversion)
        {
            choice = conversion.Operand;
        }

        if (choice is IInvocationOperation factory && symbols.IsToolChoiceForFunction(factory.TargetMethod))
        {
            foreach (var argument in factory.Arguments)
            {
                if (argument.Parameter?.Name == ChatRules.NameParameter)
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The constant names the chain declares in <paramref name="field"/>; null when one is not constant.</summary>
    private static HashSet<string>? DeclaredNames(BuilderChain chain, string field)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in chain.All(field))
        {
            var argument = call.Argument(ChatRules.NameParameter);
            if (argument is null || !ConstantReader.TryGetString(argument.Value, out var name))
            {
                return null;
            }

            if (name is not null)
            {
                names.Add(name);
            }
        }

        return names;
    }
}
