using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChatRequest.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>
/// Finds the C# inputs of a test file by parsing it with Roslyn and reading its string literals (regular, verbatim,
/// raw, and interpolated ones):
/// <list type="bullet">
/// <item>a concatenation is read as one text, its operands that are not literals or string constants left out;</item>
/// <item>interpolation holes are filled from the test: a hole naming a parameter of a method with <c>[TestCase]</c>
/// attributes gives one input per test case (that case's argument); a hole naming a string constant of the file gets
/// its value; any other hole becomes <c>0</c>;</item>
/// <item><c>$NAME$</c> placeholders (templates filled by the test) give one input per single-line string constant of
/// the file that mentions <c>Chat.</c> (the chains the test puts there);</item>
/// <item>test markup (<c>[|..|]</c>, <c>{|#0:..|}</c>, <c>{|CHAT101:..|}</c>) is removed;</item>
/// <item>the argument of <c>Code.InMethod</c> or <c>Sources.InClass</c> is wrapped by <see cref="Code.InMethod"/>
/// as the tests do;</item>
/// <item>what is left is a test input when it parses as a C# file without syntax errors, and has a type or namespace
/// declaration or at least one statement ending with <c>;</c>. That keeps every source the verifiers take (they
/// reject code with syntax errors) and drops messages, model names, JSON, chain fragments and .editorconfig text.</item>
/// </list>
/// </summary>
internal static partial class TestInputExtractor
{
    public sealed record Input(string Origin, string Text);

    public static IEnumerable<Input> Extract(string relativePath, string fileText)
    {
        var root = CSharpSyntaxTree.ParseText(fileText).GetCompilationUnitRoot();
        var constants = StringConstants(root);
        var chains = constants.Values
            .Select(StripMarkup)
            .Where(value => value.Contains("Chat.", StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal))
            .ToList();

        var wrapped = NamesPassedToWrappers(root);
        foreach (var literal in root.DescendantNodes().Where(IsOutermostStringLiteral))
        {
            var line = literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            var wrap = IsWrapperArgument(literal) || FlowsIntoWrapper(literal, wrapped, root);
            var index = 0;
            foreach (var text in Resolve(literal, constants))
            {
                foreach (var filled in FillPlaceholders(StripMarkup(text), chains))
                {
                    var program = wrap ? Code.InMethod(filled) : filled;
                    if (IsProgram(program))
                    {
                        var origin = relativePath + ":" + line.ToString(CultureInfo.InvariantCulture) + (index == 0 ? string.Empty : " #" + index.ToString(CultureInfo.InvariantCulture));
                        index++;
                        yield return new Input(origin, program);
                    }
                }
            }
        }
    }

    /// <summary>Removes the markup of Microsoft.CodeAnalysis.Testing: <c>[|</c>, <c>|]</c>, <c>{|name:</c> and <c>|}</c>.</summary>
    public static string StripMarkup(string text) => Markup().Replace(text, string.Empty);

    /// <summary>Parses without a syntax error and declares a type or namespace, or holds a statement ending with a semicolon.</summary>
    public static bool IsProgram(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetCompilationUnitRoot();
        if (root.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return false;
        }

        return root.Members.Any(member => member is BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or DelegateDeclarationSyntax)
            || root.DescendantTokens().Any(token => token.IsKind(SyntaxKind.SemicolonToken));
    }

    /// <summary>
    /// A string literal, or a concatenation (<c>+</c>) holding one, that is not part of a larger one: the unit a test
    /// passes as a source.
    /// </summary>
    private static bool IsOutermostStringLiteral(SyntaxNode node)
    {
        if (IsString(node))
        {
            return !IsConcatenationOperand(node) && !node.Ancestors().Any(IsString);
        }

        return node.IsKind(SyntaxKind.AddExpression)
            && !IsConcatenationOperand(node)
            && !node.Ancestors().Any(IsString)
            && ConcatenationOperands(node).Any(IsString);
    }

    private static bool IsString(SyntaxNode node) =>
        node.IsKind(SyntaxKind.StringLiteralExpression) || node is InterpolatedStringExpressionSyntax;

    private static bool IsConcatenationOperand(SyntaxNode node) =>
        node.Parent is not null && node.Parent.IsKind(SyntaxKind.AddExpression);

    private static IEnumerable<ExpressionSyntax> ConcatenationOperands(SyntaxNode node) =>
        node is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression)
            ? ConcatenationOperands(binary.Left).Concat(ConcatenationOperands(binary.Right))
            : new[] { (ExpressionSyntax)node };

    private static readonly string[] Wrappers = { "InMethod", "InClass" };

    private static bool IsWrapperArgument(SyntaxNode node) =>
        node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
        && Wrappers.Contains(CalledName(invocation), StringComparer.Ordinal);

    private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The constants and parameters the file passes to <c>Code.InMethod</c> or <c>Sources.InClass</c> by name.</summary>
    private static HashSet<string> NamesPassedToWrappers(CompilationUnitSyntax root) =>
        root.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(IsWrapperArgument)
            .Select(name => name.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// True for the value of a constant the file passes to a wrapper (<c>Code.InMethod(OneLine)</c>), and for an
    /// argument given, in this file, to a parameter the file passes to a wrapper (<c>Case(..., "statements", ...)</c>
    /// with <c>Code.InMethod(statements)</c> in the test method).
    /// </summary>
    private static bool FlowsIntoWrapper(SyntaxNode literal, HashSet<string> wrapped, CompilationUnitSyntax root)
    {
        if (wrapped.Count == 0)
        {
            return false;
        }

        if (literal.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable })
        {
            return wrapped.Contains(variable.Identifier.ValueText);
        }

        if (literal.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } argument)
        {
            return false;
        }

        if (argument.NameColon is { } nameColon)
        {
            return wrapped.Contains(nameColon.Name.Identifier.ValueText);
        }

        var position = list.Arguments.IndexOf(argument);
        return root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(method => string.Equals(method.Identifier.ValueText, CalledName(invocation), StringComparison.Ordinal))
            .Any(method => position < method.ParameterList.Parameters.Count
                && wrapped.Contains(method.ParameterList.Parameters[position].Identifier.ValueText));
    }

    /// <summary>The <c>const string</c> fields and locals of the file whose value is one literal.</summary>
    private static Dictionary<string, string> StringConstants(CompilationUnitSyntax root)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in root.DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            var isConst = declaration.Parent switch
            {
                FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                LocalDeclarationStatementSyntax local => local.IsConst,
                _ => false,
            };
            if (!isConst)
            {
                continue;
            }

            foreach (var variable in declaration.Variables)
            {
                if (variable.Initializer?.Value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    constants[variable.Identifier.ValueText] = literal.Token.ValueText;
                }
            }
        }

        return constants;
    }

    /// <summary>
    /// The literal's value, once per test case when its holes name test-case parameters. In a concatenation, the
    /// operands that are neither literals nor string constants (calls that repeat a piece of code) are left out.
    /// </summary>
    private static IEnumerable<string> Resolve(SyntaxNode literal, Dictionary<string, string> constants)
    {
        var cases = TestCaseArguments(literal);
        if (cases.Count == 0)
        {
            cases.Add(new Dictionary<string, string>(StringComparer.Ordinal));
        }

        foreach (var arguments in cases)
        {
            var text = new StringBuilder();
            foreach (var operand in ConcatenationOperands(literal))
            {
                switch (operand)
                {
                    case LiteralExpressionSyntax plain when plain.IsKind(SyntaxKind.StringLiteralExpression):
                        text.Append(plain.Token.ValueText);
                        break;
                    case InterpolatedStringExpressionSyntax interpolated:
                        AppendInterpolated(text, interpolated, arguments, constants);
                        break;
                    case IdentifierNameSyntax name when constants.TryGetValue(name.Identifier.ValueText, out var constant):
                        text.Append(constant);
                        break;
                }
            }

            yield return text.ToString();
        }
    }

    private static void AppendInterpolated(StringBuilder text, InterpolatedStringExpressionSyntax interpolated, Dictionary<string, string> arguments, Dictionary<string, string> constants)
    {
        foreach (var content in interpolated.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax part:
                    text.Append(part.TextToken.ValueText);
                    break;
                case InterpolationSyntax { Expression: IdentifierNameSyntax name } when arguments.TryGetValue(name.Identifier.ValueText, out var argument):
                    text.Append(argument);
                    break;
                case InterpolationSyntax { Expression: IdentifierNameSyntax name } when constants.TryGetValue(name.Identifier.ValueText, out var constant):
                    text.Append(constant);
                    break;
                default:
                    text.Append('0');
                    break;
            }
        }
    }

    /// <summary>For the method around <paramref name="node"/>: one parameter-name-to-argument-text map per <c>[TestCase]</c>.</summary>
    private static List<Dictionary<string, string>> TestCaseArguments(SyntaxNode node)
    {
        var cases = new List<Dictionary<string, string>>();
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return cases;
        }

        var parameters = method.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToList();
        foreach (var attribute in method.AttributeLists.SelectMany(list => list.Attributes))
        {
            var name = attribute.Name.ToString();
            if (name is not ("TestCase" or "TestCaseAttribute" or "NUnit.Framework.TestCase") || attribute.ArgumentList is null)
            {
                continue;
            }

            var positional = attribute.ArgumentList.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < positional.Count && i < parameters.Count; i++)
            {
                map[parameters[i]] = ArgumentText(positional[i].Expression);
            }

            cases.Add(map);
        }

        return cases;
    }

    private static string ArgumentText(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        LiteralExpressionSyntax literal => literal.Token.Text,
        _ => expression.ToString(),
    };

    /// <summary>One text per chain for each <c>$NAME$</c> placeholder (all placeholders get the same chain).</summary>
    private static IEnumerable<string> FillPlaceholders(string text, List<string> chains)
    {
        if (!Placeholder().IsMatch(text))
        {
            yield return text;
            yield break;
        }

        foreach (var chain in chains.DefaultIfEmpty("""Chat.With("gpt-4o").Build()"""))
        {
            yield return Placeholder().Replace(text, chain);
        }
    }

    [GeneratedRegex(@"\[\||\|\]|\{\|[^:|{}\s]{1,40}:|\|\}")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\$[A-Z][A-Z0-9_]*\$")]
    private static partial Regex Placeholder();
}
