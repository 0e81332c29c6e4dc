using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>
/// Decides from syntax alone whether a file can hold a call of the builder, so a CHAT diagnostic anywhere else is
/// false. The analyzer only reports at invocations of <c>Chat.With</c> and of <c>ChatRequestBuilder</c> methods, and
/// code reaches a builder in four ways only; a file uses the builder when it has one of them:
/// <list type="number">
/// <item>it names the type: an identifier <c>ChatRequestBuilder</c> (a parameter, field, local, return type...);</item>
/// <item>it calls the entry point: a member access <c>….Chat.With</c> (<c>Chat.With</c>,
/// <c>ChatRequest.Chat.With</c>, <c>global::ChatRequest.Chat.With</c>);</item>
/// <item>it imports the entry point: <c>using static …Chat;</c> (then <c>With(...)</c> starts a chain), or an alias
/// <c>using X = …Chat;</c> or <c>using X = …ChatRequestBuilder;</c>;</item>
/// <item>it uses by name a member that another file hands builders out through: a method, property or field declared,
/// outside the types <c>Chat</c> and <c>ChatRequestBuilder</c> (and the types nested in them), with a type that names
/// <c>ChatRequestBuilder</c>
/// (<c>var b = Defaults.Base();</c> holds a builder without naming its type).</item>
/// </list>
/// The rule over-approximates (a look-alike class called <c>Chat</c> with a <c>With</c> method counts as using the
/// builder; the concurrency test checks its own look-alike files separately), which is the safe side for a check
/// that no diagnostic appears outside these files.
/// </summary>
internal sealed class BuilderUse
{
    private const string BuilderType = "ChatRequestBuilder";
    private const string EntryType = "Chat";

    private readonly HashSet<string> _handOuts;

    private BuilderUse(HashSet<string> handOuts) => _handOuts = handOuts;

    /// <summary>The names of rule 4's members (for the report).</summary>
    public IReadOnlyCollection<string> HandOutMembers => _handOuts;

    /// <summary>Reads rule 4's members from every tree of the compilation.</summary>
    public static BuilderUse Of(IEnumerable<SyntaxTree> trees)
    {
        var handOuts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in trees.Select(tree => tree.GetRoot()))
        {
            foreach (var member in root.DescendantNodes().OfType<MemberDeclarationSyntax>())
            {
                if (member.Ancestors().OfType<BaseTypeDeclarationSyntax>().Any(type => type.Identifier.ValueText is BuilderType or EntryType))
                {
                    continue;
                }

                var (type, names) = member switch
                {
                    MethodDeclarationSyntax method => (method.ReturnType, new[] { method.Identifier.ValueText }),
                    PropertyDeclarationSyntax property => (property.Type, new[] { property.Identifier.ValueText }),
                    FieldDeclarationSyntax field => (field.Declaration.Type, field.Declaration.Variables.Select(v => v.Identifier.ValueText).ToArray()),
                    _ => ((TypeSyntax?)null, Array.Empty<string>()),
                };
                if (type is not null && NamesBuilderType(type))
                {
                    handOuts.UnionWith(names);
                }
            }
        }

        return new BuilderUse(handOuts);
    }

    /// <summary>Which of the four ways <paramref name="tree"/> uses the builder (0 when it does not).</summary>
    public int WayOf(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        if (root.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == BuilderType))
        {
            return 1;
        }

        if (root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Any(access => access.Name.Identifier.ValueText == "With" && RightmostName(access.Expression) == EntryType))
        {
            return 2;
        }

        if (root.DescendantNodes().OfType<UsingDirectiveSyntax>().Any(u => (!u.StaticKeyword.IsKind(SyntaxKind.None) || u.Alias is not null) && RightmostName(u.Name) is EntryType or BuilderType))
        {
            return 3;
        }

        if (_handOuts.Count > 0 && root.DescendantNodes().OfType<SimpleNameSyntax>().Any(name => _handOuts.Contains(name.Identifier.ValueText)))
        {
            return 4;
        }

        return 0;
    }

    private static bool NamesBuilderType(TypeSyntax type) =>
        type.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == BuilderType);

    private static string? RightmostName(SyntaxNode? node) => node switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };
}
