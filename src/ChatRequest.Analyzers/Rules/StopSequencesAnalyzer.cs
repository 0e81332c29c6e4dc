using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT102: a <c>Stop(...)</c> call whose sequences can be counted at compile time (a <c>params</c> list or an array
/// initializer) with none, or with more than the API accepts. The sequences beyond the limit are underlined.
/// </summary>
public sealed class StopSequencesAnalyzer : ChatAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT102_StopCount);

    internal override void AnalyzeCall(in RuleContext context, BuilderCall call)
    {
        if (!call.Sets(ChatRules.Fields.Stop))
        {
            return;
        }

        var elements = ConstantReader.ArrayElements(call.ArrayArgument());
        if (elements is null)
        {
            return;
        }

        var count = elements.Count;
        if (count < ChatRules.MinStopSequences)
        {
            Report(context, call.NameLocation, count);
        }
        else if (count > ChatRules.MaxStopSequences)
        {
            var first = elements[ChatRules.MaxStopSequences].Syntax;
            var last = elements[count - 1].Syntax;
            var location = first.SyntaxTree == last.SyntaxTree && first.SpanStart <= last.Span.End
                ? Location.Create(first.SyntaxTree, TextSpan.FromBounds(first.SpanStart, last.Span.End))
                : first.GetLocation();
            Report(context, location, count);
        }
    }

    private static void Report(in RuleContext context, Location location, int count) =>
        context.Report(
            Descriptors.CHAT102_StopCount,
            location,
            ConstantReader.Format(ChatRules.MinStopSequences),
            ConstantReader.Format(ChatRules.MaxStopSequences),
            ConstantReader.Format(count));
}
