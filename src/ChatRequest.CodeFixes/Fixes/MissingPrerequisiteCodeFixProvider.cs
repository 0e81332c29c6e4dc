using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using ChatRequest.CodeFixes.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatRequest.CodeFixes.Fixes;

/// <summary>
/// Adds the missing prerequisite: CHAT202 <c>Logprobs()</c> before <c>TopLogprobs(n)</c>, CHAT203 <c>Stream()</c>
/// before <c>StreamOptions(...)</c>. When the chain turns the flag off (<c>Logprobs(false)</c>), that call becomes
/// <c>Logprobs()</c> instead of adding a second one. CHAT204 and CHAT208 get no fix: which tool or which voice is
/// the user's choice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingPrerequisiteCodeFixProvider))]
[Shared]
public sealed class MissingPrerequisiteCodeFixProvider : ChatCodeFixProvider
{
    /// <summary>Equivalence key of "Add Logprobs()".</summary>
    public const string AddLogprobsKey = "CHAT202_AddLogprobs";

    /// <summary>Equivalence key of "Add Stream()".</summary>
    public const string AddStreamKey = "CHAT203_AddStream";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(ChatRules.TopLogprobsWithoutLogprobs, ChatRules.StreamOptionsWithoutStream);

    private protected override IEnumerable<ChainFix> GetFixes(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        string method, field, key;
        switch (diagnostic.Id)
        {
            case ChatRules.TopLogprobsWithoutLogprobs:
                (method, field, key) = (BuilderMethodNames.Logprobs, ChatRules.Fields.Logprobs, AddLogprobsKey);
                break;
            case ChatRules.StreamOptionsWithoutStream:
                (method, field, key) = (BuilderMethodNames.Stream, ChatRules.Fields.Stream, AddStreamKey);
                break;
            default:
                yield break;
        }

        var syntax = document.CallNamedAt(diagnostic.Location.SourceSpan);
        var call = document.BuilderCallOf(syntax, cancellationToken);
        if (syntax is null || call is null)
        {
            yield break;
        }

        // The analyzer reports only when the flag is absent or a constant false; the last such call wins.
        if (document.ChainOf(call).Last(field)?.Invocation.Syntax is InvocationExpressionSyntax off)
        {
            yield return new ChainFix("Change to " + method + "()", key, editor =>
                editor.Replace(off.ArgumentList, current => current.WithArguments(default)));
        }
        else if (ChainEditor.IsMemberCall(syntax))
        {
            yield return new ChainFix("Add " + method + "()", key, editor => editor.InsertCallBefore(syntax, method));
        }
    }
}
