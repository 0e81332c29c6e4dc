using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT101: a constant numeric argument outside the range its JSON field accepts. The diagnostic carries the
/// nearest allowed value for the code fix (<see cref="ClampedValueProperty"/>, <see cref="BoundProperty"/>),
/// except for NaN, which has no nearest allowed value.
/// </summary>
public sealed class NumericRangeAnalyzer : ChatAnalyzer
{
    /// <summary>Diagnostic property: the nearest allowed value, formatted invariantly (e.g. <c>2</c>, <c>-100</c>).</summary>
    internal const string ClampedValueProperty = "ChatRequest.ClampedValue";

    /// <summary>Diagnostic property: which end of the range the clamped value is, <c>minimum</c> or <c>maximum</c>.</summary>
    internal const string BoundProperty = "ChatRequest.Bound";

    internal const string Minimum = "minimum";
    internal const string Maximum = "maximum";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT101_NumericRange);

    internal override void AnalyzeCall(in RuleContext context, BuilderCall call)
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
                context.Operation.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.CHAT101_NumericRange,
                    BuilderCall.ValueLocation(argument),
                    ClampProperties(limit, value),
                    limit.JsonName,
                    limit.Describe(),
                    ConstantReader.Format(value)));
            }
        }
    }

    /// <summary>The nearest allowed value as diagnostic properties; empty for NaN (no value is nearest).</summary>
    private static ImmutableDictionary<string, string?> ClampProperties(NumericLimit limit, double value)
    {
        if (double.IsNaN(value))
        {
            return ImmutableDictionary<string, string?>.Empty;
        }

        var toMinimum = value < limit.Min;
        return ImmutableDictionary<string, string?>.Empty
            .Add(ClampedValueProperty, ConstantReader.Format(toMinimum ? limit.Min : limit.Max))
            .Add(BoundProperty, toMinimum ? Minimum : Maximum);
    }
}
