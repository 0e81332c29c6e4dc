using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatRequest.CodeFixes.Internal;

/// <summary>
/// Syntax rewrites of one fluent chain that keep the user's layout: line breaks, indentation and comments. New
/// tokens get exact trivia (no elastic trivia), because the formatter does not re-indent fluent chains the way
/// people write them; the result is what a careful person would type.
/// </summary>
internal static class ChainSyntax
{
    /// <summary>
    /// <c>recv.Method(args)</c> → <c>recv</c>. The removed call takes its own line with it when it had one
    /// (including a comment at the end of that line); comment lines above it stay where they are. A call that
    /// shares its line with other code leaves the rest of the line, with any end-of-line comment, intact.
    /// </summary>
    public static ExpressionSyntax WithoutCall(InvocationExpressionSyntax call)
    {
        var access = (MemberAccessExpressionSyntax)call.Expression;
        var receiver = access.Expression;
        var before = receiver.GetTrailingTrivia();
        var leading = access.OperatorToken.LeadingTrivia;
        var after = call.GetTrailingTrivia();

        SyntaxTriviaList trailing;
        if (!HasEndOfLine(before) && !HasEndOfLine(leading))
        {
            // On the line of its receiver: `a.B().Remove(1) // c` -> `a.B() // c`.
            trailing = before.AddRange(after);
        }
        else if (HasEndOfLine(after))
        {
            // On a line of its own: the line goes; comment lines above it stay.
            trailing = before.AddRange(UpToLastEndOfLine(leading));
        }
        else
        {
            var next = call.GetLastToken().GetNextToken();
            if (next.IsKind(SyntaxKind.DotToken) && next.Parent is MemberAccessExpressionSyntax)
            {
                // `    .Remove(1).Build();` -> `    .Build();` (the next call takes the line).
                trailing = before.AddRange(leading);
            }
            else if (IsWhitespace(before) && IsWhitespace(leading))
            {
                // `builder\n    .Remove(1);` -> `builder;`
                trailing = SyntaxTriviaList.Empty;
            }
            else
            {
                // A comment is in the way: keep the lines, the `;` or `)` stays on the removed call's line.
                trailing = before.AddRange(leading);
            }
        }

        return receiver.WithTrailingTrivia(trailing);
    }

    /// <summary>
    /// <c>recv.Method</c> → <c>recv.Added().Method</c>; on its own line (indented like the call) when the call
    /// starts a line.
    /// </summary>
    public static MemberAccessExpressionSyntax WithCallBefore(MemberAccessExpressionSyntax access, string methodName)
    {
        var receiver = access.Expression;
        var before = receiver.GetTrailingTrivia();
        var leading = access.OperatorToken.LeadingTrivia;

        InvocationExpressionSyntax added;
        if (FirstEndOfLine(before) is { } endOfLine)
        {
            added = Invocation(receiver, Indentation(leading), methodName, SyntaxFactory.TriviaList(endOfLine));
        }
        else
        {
            added = Invocation(receiver, SyntaxTriviaList.Empty, methodName, SyntaxTriviaList.Empty);
        }

        return access.WithExpression(added);
    }

    /// <summary>The first <paramref name="count"/> elements of a list, with the list's closing layout kept.</summary>
    public static SeparatedSyntaxList<T> KeepFirst<T>(SeparatedSyntaxList<T> list, int count)
        where T : SyntaxNode
    {
        if (list.Count <= count)
        {
            return list;
        }

        var hasTrailingSeparator = list.SeparatorCount == list.Count;
        var nodes = list.Take(count).ToList();
        var separators = list.GetSeparators().Take(hasTrailingSeparator ? count : count - 1).ToList();
        if (!hasTrailingSeparator)
        {
            // `"d", "e")` -> `"d")`; a line break before the closing token stays.
            nodes[count - 1] = nodes[count - 1].WithTrailingTrivia(list[list.Count - 1].GetTrailingTrivia());
        }

        return SyntaxFactory.SeparatedList(nodes, separators);
    }

    /// <summary>An identifier with exactly the given trivia (no elastic trivia).</summary>
    public static IdentifierNameSyntax Name(string name, SyntaxTriviaList leading, SyntaxTriviaList trailing) =>
        SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(leading, name, trailing));

    private static InvocationExpressionSyntax Invocation(ExpressionSyntax receiver, SyntaxTriviaList dotLeading, string methodName, SyntaxTriviaList trailing) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                receiver,
                SyntaxFactory.Token(dotLeading, SyntaxKind.DotToken, SyntaxTriviaList.Empty),
                Name(methodName, SyntaxTriviaList.Empty, SyntaxTriviaList.Empty)),
            SyntaxFactory.ArgumentList(
                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenParenToken, SyntaxTriviaList.Empty),
                default,
                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseParenToken, trailing)));

    private static bool HasEndOfLine(SyntaxTriviaList trivia) => trivia.Any(SyntaxKind.EndOfLineTrivia);

    private static SyntaxTrivia? FirstEndOfLine(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return item;
            }
        }

        return null;
    }

    private static bool IsWhitespace(SyntaxTriviaList trivia) =>
        trivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));

    /// <summary>The trivia up to and including the last line break (whole comment lines), without the indentation after it.</summary>
    private static IEnumerable<SyntaxTrivia> UpToLastEndOfLine(SyntaxTriviaList trivia)
    {
        var last = -1;
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                last = i;
            }
        }

        return trivia.Take(last + 1);
    }

    /// <summary>
    /// The whitespace that starts the last line of <paramref name="trivia"/>: the indentation of the token that owns
    /// the trivia (or of a comment before it on its line).
    /// </summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList trivia)
    {
        var result = new List<SyntaxTrivia>();
        var atLineStart = true;
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                result.Clear();
                atLineStart = true;
            }
            else if (atLineStart && item.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                result.Add(item);
            }
            else
            {
                atLineStart = false;
            }
        }

        return SyntaxFactory.TriviaList(result);
    }
}
