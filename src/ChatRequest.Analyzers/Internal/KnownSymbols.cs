using System;
using System.Collections.Generic;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;

namespace ChatRequest.Analyzers.Internal;

/// <summary>
/// The library's types, looked up once per compilation by metadata name. <see cref="TryCreate"/> returns null when
/// the compilation does not reference ChatRequest, so every analyzer stops at once.
/// </summary>
internal sealed class KnownSymbols
{
    public const string BuilderTypeName = "ChatRequest.ChatRequestBuilder";
    public const string ChatTypeName = "ChatRequest.Chat";
    public const string ModalityTypeName = "ChatRequest.Modality";
    public const string ToolChoiceTypeName = "ChatRequest.ToolChoice";

    private static readonly Dictionary<string, BuilderMethod> MethodsByName = CreateMethodTable();

    private KnownSymbols(INamedTypeSymbol builder, INamedTypeSymbol chat, INamedTypeSymbol? modality, INamedTypeSymbol? toolChoice)
    {
        Builder = builder;
        Chat = chat;
        ToolChoice = toolChoice;
        AudioModality = FindEnumValue(modality, ChatRules.AudioModalityMember);
    }

    /// <summary><c>ChatRequest.ChatRequestBuilder</c>.</summary>
    public INamedTypeSymbol Builder { get; }

    /// <summary><c>ChatRequest.Chat</c> (the <c>Chat.With</c> entry point).</summary>
    public INamedTypeSymbol Chat { get; }

    /// <summary><c>ChatRequest.ToolChoice</c>, whose <c>ForFunction</c> factory names a function; may be absent.</summary>
    public INamedTypeSymbol? ToolChoice { get; }

    /// <summary>The constant value of <c>Modality.Audio</c>, or null when the enum is absent.</summary>
    public object? AudioModality { get; }

    public static KnownSymbols? TryCreate(Compilation compilation)
    {
        var builder = compilation.GetTypeByMetadataName(BuilderTypeName);
        var chat = compilation.GetTypeByMetadataName(ChatTypeName);
        if (builder is null || chat is null)
        {
            return null;
        }

        return new KnownSymbols(
            builder,
            chat,
            compilation.GetTypeByMetadataName(ModalityTypeName),
            compilation.GetTypeByMetadataName(ToolChoiceTypeName));
    }

    /// <summary>True when <paramref name="method"/> is declared by <c>ChatRequestBuilder</c>.</summary>
    public bool IsBuilderMethod(IMethodSymbol? method) =>
        method is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, Builder);

    /// <summary>True when <paramref name="method"/> is <c>Chat.With</c>.</summary>
    public bool IsEntry(IMethodSymbol? method) =>
        method is not null
        && method.IsStatic
        && string.Equals(method.Name, ChatRules.EntryMethod, StringComparison.Ordinal)
        && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, Chat);

    /// <summary>True when <paramref name="method"/> is the static <c>ToolChoice.ForFunction(name)</c> factory.</summary>
    public bool IsToolChoiceForFunction(IMethodSymbol? method) =>
        method is not null
        && ToolChoice is not null
        && method.IsStatic
        && string.Equals(method.Name, ChatRules.ToolChoiceForFunctionFactory, StringComparison.Ordinal)
        && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, ToolChoice);

    /// <summary>The table entry of a builder method, or null for a method the table does not know.</summary>
    public static BuilderMethod? Describe(IMethodSymbol method) =>
        MethodsByName.TryGetValue(method.Name, out var entry) ? entry : null;

    private static Dictionary<string, BuilderMethod> CreateMethodTable()
    {
        var table = new Dictionary<string, BuilderMethod>(StringComparer.Ordinal);
        foreach (var method in ChatRules.BuilderMethods)
        {
            table[method.Name] = method;
        }

        return table;
    }

    private static object? FindEnumValue(INamedTypeSymbol? enumType, string member)
    {
        if (enumType is null)
        {
            return null;
        }

        foreach (var candidate in enumType.GetMembers(member))
        {
            if (candidate is IFieldSymbol { HasConstantValue: true } field)
            {
                return field.ConstantValue;
            }
        }

        return null;
    }
}
