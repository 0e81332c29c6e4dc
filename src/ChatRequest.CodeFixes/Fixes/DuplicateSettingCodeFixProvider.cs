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
/// CHAT206: removes the earlier of two calls that set the same field (the analyzer reports the earlier one; the
/// later value wins anyway, so the request does not change). Fix All removes every overridden call of a chain.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DuplicateSettingCodeFixProvider))]
[Shared]
public sealed class DuplicateSettingCodeFixProvider : ChatCodeFixProvider
{
    /// <summary>Equivalence key of "Remove the earlier X call".</summary>
    public const string RemoveEarlierKey = "CHAT206_RemoveEarlierCall";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ChatRules.DuplicateSetting);

    private protected override IEnumerable<ChainFix> GetFixes(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (document.CallNamedAt(diagnostic.Location.SourceSpan) is { } earlier
            && CommonFixes.RemoveCall(earlier, RemoveEarlierKey, "Remove the earlier " + CommonFixes.MethodName(earlier) + " call") is { } fix)
        {
            yield return fix;
        }
    }
}
