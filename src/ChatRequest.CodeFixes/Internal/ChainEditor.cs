using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Host;

namespace ChatRequest.CodeFixes.Internal;

/// <summary>
/// Collects the edits of one or many fixes on one document. Every edit is computed from the node as it is when
/// the edit is applied (<see cref="SyntaxEditor"/>'s callback form), so edits nest: Fix All can remove two calls
/// of one chain, or rename a call whose receiver loses another call. An edit asked for twice is done once.
/// </summary>
internal sealed class ChainEditor
{
    private readonly SyntaxEditor _editor;
    private readonly HashSet<SyntaxNode> _touched = new();

    public ChainEditor(SyntaxNode root, SolutionServices services)
    {
        _editor = new SyntaxEditor(root, services);
    }

    public bool HasChanges { get; private set; }

    public SyntaxNode GetChangedRoot() => _editor.GetChangedRoot();

    /// <summary>True when <paramref name="call"/> has the shape <c>recv.Method(args)</c>, so it can be removed or preceded.</summary>
    public static bool IsMemberCall(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression);

    /// <summary>
    /// True when <c>recv.Method(args)</c> can become <c>recv</c>: it has that shape, and the result is still valid
    /// where it stands. <c>builder.Stop();</c> as a statement (or a lambda or arrow body) cannot become
    /// <c>builder;</c>; a chain whose receiver is itself a call can.
    /// </summary>
    public static bool CanRemove(InvocationExpressionSyntax call)
    {
        if (!IsMemberCall(call))
        {
            return false;
        }

        if (((MemberAccessExpressionSyntax)call.Expression).Expression is InvocationExpressionSyntax)
        {
            return true;
        }

        return call.Parent switch
        {
            ExpressionStatementSyntax => false,
            ArrowExpressionClauseSyntax => false,
            LambdaExpressionSyntax lambda when lambda.ExpressionBody == call => false,
            _ => true,
        };
    }

    /// <summary>Replaces <c>recv.Method(args)</c> by <c>recv</c> (see <see cref="ChainSyntax.WithoutCall"/>).</summary>
    public void RemoveCall(InvocationExpressionSyntax call)
    {
        if (IsMemberCall(call) && _touched.Add(call))
        {
            _editor.ReplaceNode(call, (current, _) => ChainSyntax.WithoutCall((InvocationExpressionSyntax)current));
            HasChanges = true;
        }
    }

    /// <summary>Renames the called method, and named arguments whose parameter is renamed with it.</summary>
    public void RenameCall(InvocationExpressionSyntax call, string newName, params (string From, string To)[] parameterRenames)
    {
        SimpleNameSyntax? name = call.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            _ => null,
        };
        if (name is null || !_touched.Add(name))
        {
            return;
        }

        _editor.ReplaceNode(name, (current, _) => ChainSyntax.Name(newName, current.GetLeadingTrivia(), current.GetTrailingTrivia()));
        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (argument.NameColon is not { } nameColon)
            {
                continue;
            }

            foreach (var (from, to) in parameterRenames)
            {
                if (nameColon.Name.Identifier.ValueText == from)
                {
                    _editor.ReplaceNode(nameColon.Name, (current, _) => ChainSyntax.Name(to, current.GetLeadingTrivia(), current.GetTrailingTrivia()));
                }
            }
        }

        HasChanges = true;
    }

    /// <summary>Adds <c>.Method()</c> right before <paramref name="call"/> in its chain.</summary>
    public void InsertCallBefore(InvocationExpressionSyntax call, string methodName)
    {
        if (IsMemberCall(call) && _touched.Add(call.Expression))
        {
            _editor.ReplaceNode(call.Expression, (current, _) => ChainSyntax.WithCallBefore((MemberAccessExpressionSyntax)current, methodName));
            HasChanges = true;
        }
    }

    /// <summary>Replaces a node, computing the replacement from its current form.</summary>
    public void Replace<TNode>(TNode node, Func<TNode, SyntaxNode> replacement)
        where TNode : SyntaxNode
    {
        if (_touched.Add(node))
        {
            _editor.ReplaceNode(node, (current, _) => replacement((TNode)current));
            HasChanges = true;
        }
    }
}
