using System;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ChatRequest.Analyzers.Internal;

/// <summary>One call of ours: <c>Chat.With(model)</c> or a method of <c>ChatRequestBuilder</c>.</summary>
internal sealed class BuilderCall
{
    private BuilderCall(IInvocationOperation invocation, BuilderMethod? method, bool isEntry)
    {
        Invocation = invocation;
        Method = method;
        IsEntry = isEntry;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The rule table's entry for the method; null for <c>Chat.With</c> and for methods the table does not know.</summary>
    public BuilderMethod? Method { get; }

    /// <summary>True for <c>Chat.With(model)</c>.</summary>
    public bool IsEntry { get; }

    /// <summary>The C# method name.</summary>
    public string Name => Invocation.TargetMethod.Name;

    /// <summary>The JSON field the call writes, or null.</summary>
    public string? JsonField => Method?.JsonField;

    /// <summary>True when the call is a builder method the rule table does not describe.</summary>
    public bool IsUnknown => !IsEntry && Method is null;

    /// <summary>Wraps <paramref name="invocation"/> when it calls one of our methods; null otherwise.</summary>
    public static BuilderCall? TryCreate(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var target = invocation.TargetMethod;
        if (target is null)
        {
            return null;
        }

        if (symbols.IsEntry(target))
        {
            return new BuilderCall(invocation, null, isEntry: true);
        }

        if (!symbols.IsBuilderMethod(target) || target.IsStatic)
        {
            return null;
        }

        return new BuilderCall(invocation, KnownSymbols.Describe(target), isEntry: false);
    }

    public bool Is(string methodName) => string.Equals(Name, methodName, StringComparison.Ordinal);

    public bool Sets(string jsonField) => string.Equals(JsonField, jsonField, StringComparison.Ordinal);

    /// <summary>The argument bound to the parameter called <paramref name="parameterName"/>, or null.</summary>
    public IArgumentOperation? Argument(string parameterName)
    {
        foreach (var argument in Invocation.Arguments)
        {
            if (argument?.Parameter is { } parameter && string.Equals(parameter.Name, parameterName, StringComparison.Ordinal))
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The single <c>params</c> or array argument of the call, or null.</summary>
    public IArgumentOperation? ArrayArgument()
    {
        foreach (var argument in Invocation.Arguments)
        {
            if (argument?.Parameter?.Type is IArrayTypeSymbol)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the argument was written by the user, not a default value filled in by the compiler. (Not
    /// <c>IsImplicit</c>: Roslyn marks some written arguments implicit, e.g. <c>unchecked(...)</c>.)
    /// </summary>
    public static bool IsExplicit(IArgumentOperation? argument) =>
        argument is not null && argument.ArgumentKind != ArgumentKind.DefaultValue;

    /// <summary>The location of the method's name (<c>Temperature</c> in <c>.Temperature(3)</c>), for chain rules.</summary>
    public Location NameLocation
    {
        get
        {
            var syntax = Invocation.Syntax;
            if (syntax is InvocationExpressionSyntax call)
            {
                switch (call.Expression)
                {
                    case MemberAccessExpressionSyntax member:
                        return member.Name.GetLocation();
                    case MemberBindingExpressionSyntax binding:
                        return binding.Name.GetLocation();
                    case SimpleNameSyntax name:
                        return name.GetLocation();
                }
            }

            return syntax.GetLocation();
        }
    }

    /// <summary>The location of an argument's value (without <c>name:</c>), for value rules.</summary>
    public static Location ValueLocation(IArgumentOperation argument)
    {
        // The argument's own syntax is the ArgumentSyntax, except where Roslyn marks the argument implicit
        // (e.g. unchecked(...)); then look up from the value to the argument that holds it.
        for (SyntaxNode? node = argument.Syntax; node is not null; node = node.Parent)
        {
            if (node is ArgumentSyntax argumentSyntax)
            {
                return argumentSyntax.Expression.GetLocation();
            }

            if (node is InvocationExpressionSyntax or StatementSyntax)
            {
                break;
            }
        }

        return (argument.Value?.Syntax ?? argument.Syntax).GetLocation();
    }
}
