using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using ChatRequest.CodeFixes.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatRequest.CodeFixes.Fixes;

/// <summary>
/// CHAT102: keeps the first four stop sequences of <c>Stop(a, b, c, d, e)</c> or <c>Stop(new[] { ... })</c>, and
/// removes a <c>Stop()</c> call that passes none (an empty list is rejected; no call means no stop sequences).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StopSequencesCodeFixProvider))]
[Shared]
public sealed class StopSequencesCodeFixProvider : ChatCodeFixProvider
{
    /// <summary>Equivalence key of "Keep the first 4 stop sequences".</summary>
    public const string KeepFirstKey = "CHAT102_KeepFirstStopSequences";

    /// <summary>Equivalence key of "Remove the empty Stop() call".</summary>
    public const string RemoveEmptyKey = "CHAT102_RemoveEmptyStop";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ChatRules.StopCount);

    private protected override IEnumerable<ChainFix> GetFixes(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var span = diagnostic.Location.SourceSpan;

        // No sequences: the analyzer reports on the method name.
        if (document.CallNamedAt(span) is { } empty)
        {
            if (CommonFixes.RemoveCall(empty, RemoveEmptyKey, "Remove the empty Stop() call") is { } remove)
            {
                yield return remove;
            }

            yield break;
        }

        // Too many: the analyzer reports from the first extra sequence to the last.
        var max = ChatRules.MaxStopSequences;
        var title = "Keep the first " + max.ToString(CultureInfo.InvariantCulture) + " stop sequences";
        for (var node = document.Root.FindToken(span.Start).Parent; node is not null && node.SpanStart == span.Start; node = node.Parent)
        {
            if (node is ExpressionSyntax && node.Parent is InitializerExpressionSyntax initializer)
            {
                yield return new ChainFix(title, KeepFirstKey, editor =>
                    editor.Replace(initializer, current => current.WithExpressions(ChainSyntax.KeepFirst(current.Expressions, max))));
                yield break;
            }

            if (node is ArgumentSyntax && node.Parent is ArgumentListSyntax arguments)
            {
                yield return new ChainFix(title, KeepFirstKey, editor =>
                    editor.Replace(arguments, current => current.WithArguments(ChainSyntax.KeepFirst(current.Arguments, max))));
                yield break;
            }
        }
    }
}
