using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using ChatRequest.Analyzers.Internal;
using ChatRequest.CodeFixes.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ChatRequest.CodeFixes.Fixes;

/// <summary>
/// CHAT401: migrates deprecated calls where the replacement means the same:
/// <list type="bullet">
/// <item><c>MaxTokens(n)</c> → <c>MaxCompletionTokens(n)</c> (or removed when the chain already sets it);</item>
/// <item><c>EndUser(id)</c> → <c>SafetyIdentifier(id)</c> (not for a constant id longer than safety_identifier's 64 characters);</item>
/// <item><c>Function(name, ...)</c> → <c>Tool(name, ...)</c> (a function tool with the same arguments);</item>
/// <item><c>FunctionCall("name")</c> → <c>ForceFunction("name")</c>;</item>
/// <item><c>FunctionCall(FunctionCallMode.X)</c> → <c>ToolChoice(ToolChoiceMode.X)</c> (constant modes only).</item>
/// </list>
/// A migration is offered only when the new call binds to the intended overload. Seed, PromptCacheRetention and
/// the function role have no mechanical replacement and get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeprecatedFieldCodeFixProvider))]
[Shared]
public sealed class DeprecatedFieldCodeFixProvider : ChatCodeFixProvider
{
    /// <summary>Equivalence key of MaxTokens → MaxCompletionTokens.</summary>
    public const string UseMaxCompletionTokensKey = "CHAT401_UseMaxCompletionTokens";

    /// <summary>Equivalence key of EndUser → SafetyIdentifier.</summary>
    public const string UseSafetyIdentifierKey = "CHAT401_UseSafetyIdentifier";

    /// <summary>Equivalence key of Function → Tool.</summary>
    public const string UseToolKey = "CHAT401_UseTool";

    /// <summary>Equivalence key of FunctionCall(name) → ForceFunction(name).</summary>
    public const string UseForceFunctionKey = "CHAT401_UseForceFunction";

    /// <summary>Equivalence key of FunctionCall(FunctionCallMode.X) → ToolChoice(ToolChoiceMode.X).</summary>
    public const string UseToolChoiceKey = "CHAT401_UseToolChoice";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ChatRules.Deprecated);

    private protected override IEnumerable<ChainFix> GetFixes(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var syntax = document.CallNamedAt(diagnostic.Location.SourceSpan);
        var call = document.BuilderCallOf(syntax, cancellationToken);
        if (syntax is null || call is null)
        {
            yield break;
        }

        var fix = call.Name switch
        {
            BuilderMethodNames.MaxTokens => CommonFixes.MoveToMaxCompletionTokens(document, call, UseMaxCompletionTokensKey, cancellationToken),
            BuilderMethodNames.EndUser => UseSafetyIdentifier(document, call, syntax, cancellationToken),
            BuilderMethodNames.Function => CommonFixes.RenameCall(document, syntax, "Use Tool (a function tool)", UseToolKey, BuilderMethodNames.Tool, cancellationToken),
            BuilderMethodNames.FunctionCall => FunctionCallToToolChoice(document, call, syntax, cancellationToken),
            _ => null,
        };
        if (fix is not null)
        {
            yield return fix;
        }
    }

    private static ChainFix? UseSafetyIdentifier(FixDocument document, BuilderCall call, InvocationExpressionSyntax syntax, CancellationToken cancellationToken)
    {
        if (ConstantReader.TryGetString(call.Argument(BuilderMethodNames.EndUserParameter)?.Value, out var user)
            && user is not null
            && user.Length > ChatRules.MaxSafetyIdentifierLength)
        {
            return null;
        }

        return CommonFixes.RenameCall(
            document,
            syntax,
            "Use SafetyIdentifier",
            UseSafetyIdentifierKey,
            BuilderMethodNames.SafetyIdentifier,
            cancellationToken,
            (BuilderMethodNames.EndUserParameter, BuilderMethodNames.SafetyIdentifierParameter));
    }

    private static ChainFix? FunctionCallToToolChoice(FixDocument document, BuilderCall call, InvocationExpressionSyntax syntax, CancellationToken cancellationToken)
    {
        var parameter = call.Invocation.TargetMethod.Parameters.Length == 1 ? call.Invocation.TargetMethod.Parameters[0] : null;
        if (parameter?.Type.SpecialType == SpecialType.System_String)
        {
            return CommonFixes.RenameCall(document, syntax, "Use ForceFunction", UseForceFunctionKey, BuilderMethodNames.ForceFunction, cancellationToken);
        }

        // FunctionCall(FunctionCallMode.X): the mode must be a constant naming a member that ToolChoiceMode also has.
        var argument = call.Argument(BuilderMethodNames.ModeParameter);
        var expression = CommonFixes.ArgumentExpression(argument);
        var member = parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } modeType && argument is not null
            ? MemberOf(modeType, argument.Value.ConstantValue)
            : null;
        var toolChoiceMode = document.Model.Compilation.GetTypeByMetadataName(BuilderMethodNames.ToolChoiceModeType);
        if (expression is null || member is null || toolChoiceMode is null || toolChoiceMode.GetMembers(member).IsEmpty)
        {
            return null;
        }

        var typeName = toolChoiceMode.Name;
        return new ChainFix(
            "Use ToolChoice(" + typeName + "." + member + ")",
            UseToolChoiceKey,
            editor =>
            {
                editor.RenameCall(syntax, BuilderMethodNames.ToolChoice);
                editor.Replace(expression, current => SyntaxFactory
                    .ParseExpression("global::" + BuilderMethodNames.ToolChoiceModeType + "." + member)
                    .WithTriviaFrom(current)
                    .WithAdditionalAnnotations(Simplifier.Annotation));
            });
    }

    private static string? MemberOf(INamedTypeSymbol enumType, Optional<object?> constant)
    {
        if (!constant.HasValue || constant.Value is null)
        {
            return null;
        }

        foreach (var candidate in enumType.GetMembers())
        {
            if (candidate is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant.Value))
            {
                return field.Name;
            }
        }

        return null;
    }
}
