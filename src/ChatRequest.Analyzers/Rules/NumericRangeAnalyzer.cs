using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>CHAT101: a constant numeric argument outside the range its JSON field accepts.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NumericRangeAnalyzer : ChatAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT101_NumericRange);

    private protected override void AnalyzeCall(in RuleContext context, BuilderCall call)
    {
        var method = call.Method;
        if (method is null)
        {
            return;
        }

        foreach (var parameter in method.NumericParameters)
        {
            var argument = call.Argument(parameter.ParameterName);
            if (!BuilderCall.IsExplicit(argument) || !ConstantReader.TryGetNumber(argument!.Value, out var value))
            {
                continue;
            }

            var limit = parameter.Limit;
            if (!limit.Allows(value))
            {
                context.Report(
                    Descriptors.CHAT101_NumericRange,
                    BuilderCall.ValueLocation(argument),
                    limit.JsonName,
                    limit.Describe(),
                    ConstantReader.Format(value));
            }
        }
    }
}
