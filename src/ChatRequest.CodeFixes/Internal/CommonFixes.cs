using System.Threading;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatRequest.CodeFixes.Internal;

/// <summary>Fixes more than one rule family offers.</summary>
internal static class CommonFixes
{
    /// <summary>
    /// "Remove the Temperature call": <c>recv.Temperature(3)</c> → <c>recv</c>. Null when the call cannot be removed
    /// (<see cref="ChainEditor.CanRemove"/>).
    /// </summary>
    public static ChainFix? RemoveCall(InvocationExpressionSyntax call, string equivalenceKey, string? title = null) =>
        ChainEditor.CanRemove(call)
            ? new ChainFix(title ?? "Remove the " + MethodName(call) + " call", equivalenceKey, editor => editor.RemoveCall(call))
            : null;

    /// <summary>
    /// MaxTokens → MaxCompletionTokens: renames the call (and a named argument), or, when the chain already sets
    /// max_completion_tokens, removes the MaxTokens call instead of setting the field twice.
    /// </summary>
    public static ChainFix? MoveToMaxCompletionTokens(FixDocument document, BuilderCall maxTokens, string equivalenceKey, CancellationToken cancellationToken)
    {
        if (maxTokens.Invocation.Syntax is not InvocationExpressionSyntax call)
        {
            return null;
        }

        if (document.ChainOf(maxTokens).Sets(ChatRules.Fields.MaxCompletionTokens))
        {
            return RemoveCall(call, equivalenceKey, "Remove MaxTokens (MaxCompletionTokens is already set)");
        }

        return RenameCall(
            document,
            call,
            "Use MaxCompletionTokens",
            equivalenceKey,
            BuilderMethodNames.MaxCompletionTokens,
            cancellationToken,
            (BuilderMethodNames.MaxTokensParameter, BuilderMethodNames.MaxCompletionTokensParameter));
    }

    /// <summary>
    /// Renames a call when the renamed call binds to a builder method of the new name (checked by speculative
    /// binding: overloads of the new method may make some argument lists ambiguous). Null otherwise.
    /// </summary>
    public static ChainFix? RenameCall(
        FixDocument document,
        InvocationExpressionSyntax call,
        string title,
        string equivalenceKey,
        string newName,
        CancellationToken cancellationToken,
        params (string From, string To)[] parameterRenames)
    {
        var renamed = Renamed(call, newName, parameterRenames);
        var symbol = document.Model.GetSpeculativeSymbolInfo(call.SpanStart, renamed, SpeculativeBindingOption.BindAsExpression).Symbol as IMethodSymbol;
        cancellationToken.ThrowIfCancellationRequested();
        if (symbol is null || symbol.Name != newName || document.Symbols?.IsBuilderMethod(symbol) != true)
        {
            return null;
        }

        return new ChainFix(title, equivalenceKey, editor => editor.RenameCall(call, newName, parameterRenames));
    }

    /// <summary>The method name of a call (<c>Temperature</c> in <c>recv.Temperature(3)</c>).</summary>
    public static string MethodName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => call.Expression.ToString(),
    };

    /// <summary>The written expression of an argument (without <c>name:</c>).</summary>
    public static ExpressionSyntax? ArgumentExpression(Microsoft.CodeAnalysis.Operations.IArgumentOperation? argument) =>
        argument?.Syntax switch
        {
            ArgumentSyntax syntax => syntax.Expression,
            ExpressionSyntax expression => expression,
            _ => null,
        };

    private static InvocationExpressionSyntax Renamed(InvocationExpressionSyntax call, string newName, (string From, string To)[] parameterRenames)
    {
        var name = SyntaxFactory.IdentifierName(newName);
        ExpressionSyntax expression = call.Expression switch
        {
            MemberAccessExpressionSyntax access => access.WithName(name),
            _ => call.Expression,
        };
        var arguments = call.ArgumentList;
        foreach (var argument in call.ArgumentList.Arguments)
        {
            foreach (var (from, to) in parameterRenames)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == from)
                {
                    arguments = arguments.ReplaceNode(
                        arguments.Arguments[call.ArgumentList.Arguments.IndexOf(argument)],
                        argument.WithNameColon(argument.NameColon.WithName(SyntaxFactory.IdentifierName(to))));
                }
            }
        }

        return call.WithExpression(expression).WithArgumentList(arguments);
    }
}
