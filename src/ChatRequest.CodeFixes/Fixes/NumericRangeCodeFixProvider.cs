using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using ChatRequest.Analyzers.Rules;
using ChatRequest.CodeFixes.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatRequest.CodeFixes.Fixes;

/// <summary>
/// CHAT101: replaces an out-of-range constant by the nearest allowed value, e.g. <c>Temperature(2.5)</c> →
/// <c>Temperature(2)</c> ("Use 2 (the maximum)"); infinities go to the nearer end. NaN gets no fix: no value is
/// nearest to it, and guessing one would hide that the code computes NaN. The analyzer puts the clamped value
/// into the diagnostic (<see cref="NumericRangeAnalyzer.ClampedValueProperty"/>), so fix and rule cannot disagree.
/// A constant named at the call site (<c>Temperature(Hot)</c>) is replaced by the literal at that site.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NumericRangeCodeFixProvider))]
[Shared]
public sealed class NumericRangeCodeFixProvider : ChatCodeFixProvider
{
    /// <summary>Equivalence key of "Use N (the minimum/maximum)".</summary>
    public const string ClampKey = "CHAT101_ClampToRange";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ChatRules.NumericRange);

    private protected override IEnumerable<ChainFix> GetFixes(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(NumericRangeAnalyzer.ClampedValueProperty, out var value) || value is null
            || !diagnostic.Properties.TryGetValue(NumericRangeAnalyzer.BoundProperty, out var bound))
        {
            yield break;
        }

        var span = diagnostic.Location.SourceSpan;
        if (!document.Root.FullSpan.Contains(span)
            || document.Root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression
            || expression.Span != span)
        {
            yield break;
        }

        var replacement = SyntaxFactory.ParseExpression(value);
        yield return new ChainFix(
            "Use " + value + " (the " + bound + ")",
            ClampKey,
            editor => editor.Replace(expression, current => replacement.WithTriviaFrom(current)));
    }
}
