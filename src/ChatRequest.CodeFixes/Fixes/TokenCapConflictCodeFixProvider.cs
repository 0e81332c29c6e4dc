using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using ChatRequest.CodeFixes.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatRequest.CodeFixes.Fixes;

/// <summary>
/// CHAT210: max_tokens and max_completion_tokens both set. "Remove MaxTokens" keeps the MaxCompletionTokens value
/// (moving MaxTokens to MaxCompletionTokens when that is already set means removing it); "Use the MaxTokens value
/// as MaxCompletionTokens" removes the MaxCompletionTokens calls and renames MaxTokens.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenCapConflictCodeFixProvider))]
[Shared]
public sealed class TokenCapConflictCodeFixProvider : ChatCodeFixProvider
{
    /// <summary>Equivalence key of "Remove MaxTokens (keep MaxCompletionTokens)".</summary>
    public const string RemoveMaxTokensKey = "CHAT210_RemoveMaxTokens";

    /// <summary>Equivalence key of "Use the MaxTokens value as MaxCompletionTokens".</summary>
    public const string MoveMaxTokensKey = "CHAT210_MoveMaxTokensToMaxCompletionTokens";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ChatRules.BothTokenCaps);

    private protected override IEnumerable<ChainFix> GetFixes(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var syntax = document.CallNamedAt(diagnostic.Location.SourceSpan);
        if (syntax is null)
        {
            yield break;
        }

        if (CommonFixes.RemoveCall(syntax, RemoveMaxTokensKey, "Remove MaxTokens (keep MaxCompletionTokens)") is { } remove)
        {
            yield return remove;
        }

        if (document.BuilderCallOf(syntax, cancellationToken) is not { } maxTokens)
        {
            yield break;
        }

        var others = document.ChainOf(maxTokens).All(ChatRules.Fields.MaxCompletionTokens)
            .Select(c => c.Invocation.Syntax as InvocationExpressionSyntax)
            .ToList();
        if (others.Count == 0 || others.Any(c => c is null || !ChainEditor.CanRemove(c)))
        {
            yield break;
        }

        var rename = CommonFixes.RenameCall(
            document,
            syntax,
            "Use the MaxTokens value as MaxCompletionTokens",
            MoveMaxTokensKey,
            BuilderMethodNames.MaxCompletionTokens,
            cancellationToken,
            (BuilderMethodNames.MaxTokensParameter, BuilderMethodNames.MaxCompletionTokensParameter));
        if (rename is not null)
        {
            yield return new ChainFix(rename.Title, rename.EquivalenceKey, editor =>
            {
                foreach (var other in others)
                {
                    editor.RemoveCall(other!);
                }

                rename.Apply(editor);
            });
        }
    }
}
