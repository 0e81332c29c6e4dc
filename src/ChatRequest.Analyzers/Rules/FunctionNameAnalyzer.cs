using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT104: a constant function, tool or json_schema name that breaks <c>^[a-zA-Z0-9_-]{1,64}$</c>, and a tool
/// name declared twice in one chain.
/// </summary>
public sealed class FunctionNameAnalyzer : ChatAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT104_InvalidName);

    internal override bool AnalyzesChains => true;

    internal override void AnalyzeCall(in RuleContext context, BuilderCall call)
    {
        foreach (var declaration in ChatRules.NamedDeclarations)
        {
            if (!call.Is(declaration.Key))
            {
                continue;
            }

            var argument = call.Argument(ChatRules.NameParameter);
            if (BuilderCall.IsExplicit(argument)
                && ConstantReader.TryGetString(argument!.Value, out var name)
                && !ChatRules.IsValidName(name))
            {
                context.Report(
                    Descriptors.CHAT104_InvalidName,
                    BuilderCall.ValueLocation(argument),
                    declaration.Value + " must match " + ChatRules.NamePattern + " (letters, digits, '_' and '-', 1 to "
                        + ConstantReader.Format(ChatRules.MaxNameLength) + " characters), but is " + ChatRules.Quote(name));
            }
        }
    }

    internal override void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
        HashSet<string>? seen = null;
        foreach (var call in chain.Calls)
        {
            if (!IsToolDeclaration(call))
            {
                continue;
            }

            var argument = call.Argument(ChatRules.NameParameter);
            if (argument is null || !ConstantReader.TryGetString(argument.Value, out var name) || name is null)
            {
                continue;
            }

            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(name))
            {
                context.Report(
                    Descriptors.CHAT104_InvalidName,
                    BuilderCall.ValueLocation(argument),
                    "tool name " + ChatRules.Quote(name) + " is declared more than once in this chain; tool names must be unique");
            }
        }
    }

    private static bool IsToolDeclaration(BuilderCall call)
    {
        foreach (var method in ChatRules.ToolDeclarations)
        {
            if (call.Is(method))
            {
                return true;
            }
        }

        return false;
    }
}
