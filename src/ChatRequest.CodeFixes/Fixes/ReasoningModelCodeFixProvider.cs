using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using ChatRequest.CodeFixes.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ChatRequest.CodeFixes.Fixes;

/// <summary>
/// CHAT301: a reasoning model rejects the call's setting. Removes the call; for MaxTokens it also offers
/// "Use MaxCompletionTokens" (the cap reasoning models take), which removes MaxTokens instead when the chain
/// already sets max_completion_tokens.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReasoningModelCodeFixProvider))]
[Shared]
public sealed class ReasoningModelCodeFixProvider : ChatCodeFixProvider
{
    /// <summary>Equivalence key of "Remove the X call".</summary>
    public const string RemoveCallKey = "CHAT301_RemoveUnsupportedCall";

    /// <summary>Equivalence key of "Use MaxCompletionTokens".</summary>
    public const string UseMaxCompletionTokensKey = "CHAT301_UseMaxCompletionTokens";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ChatRules.ReasoningModelUnsupported);

    private protected override IEnumerable<ChainFix> GetFixes(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var syntax = document.CallNamedAt(diagnostic.Location.SourceSpan);
        if (syntax is null)
        {
            yield break;
        }

        if (CommonFixes.RemoveCall(syntax, RemoveCallKey) is { } remove)
        {
            yield return remove;
        }

        if (document.BuilderCallOf(syntax, cancellationToken) is { } call
            && call.Sets(ChatRules.Fields.MaxTokens)
            && CommonFixes.MoveToMaxCompletionTokens(document, call, UseMaxCompletionTokensKey, cancellationToken) is { } move)
        {
            yield return move;
        }
    }
}
