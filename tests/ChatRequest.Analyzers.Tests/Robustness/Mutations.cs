using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>One mutated program: what the analyzer is run on.</summary>
/// <param name="Program">The program it comes from.</param>
/// <param name="Mutation">What was done, e.g. <c>prefix 120</c> or <c>insert "1e400" at 57</c> (for failure messages).</param>
/// <param name="Text">The mutated text.</param>
internal sealed record Variant(CorpusProgram Program, string Mutation, string Text);

/// <summary>
/// The three kinds of damage: a prefix cut after a token (what the editor sees while the program is typed), random
/// tokens deleted, random tokens inserted. Deletions and insertions are drawn from a <see cref="Random"/> seeded by
/// the run's seed and the program's origin, so a run is reproduced by its seed alone.
/// </summary>
internal static class Mutations
{
    /// <summary>
    /// Tokens that break code in interesting ways: unbalanced brackets and quotes, operators the analyzer's
    /// constant reader meets (<c>!</c>, <c>checked(</c>, <c>nameof(</c>, <c>default</c>), literals at the edge of
    /// their type (<c>1e400</c> does not fit a double, <c>0x80000000</c> does not fit an int), and directives.
    /// </summary>
    public static readonly IReadOnlyList<string> AwkwardTokens = new[]
    {
        "(", ")", ".", ",", "=>", "default", "null", "!", "?.", "await", "new()", "[", "]", "\"", "$\"", "{", "}", ";",
        "1e400", "-1e400", "1e-400", "0x7FFFFFFF", "0x80000000", "-2147483648", "9223372036854775808", "1.5m", "2.5f",
        "-0.0", "double.NaN", "checked(", "unchecked(", "nameof(", "typeof(", "sizeof(", "(double)", "(int)", "-", "+",
        "*", "/", "%", "^", "..", "?", ":", "??", "=", "==", "is", "as", "with", "switch", "out", "ref", "in", "params",
        "static", "const", "var", "this", "base", "Chat", "With", "ChatRequestBuilder", "\"\"\"", "@\"", "'", "'\\u0000'",
        "stackalloc", "__arglist", "/*", "*/", "//", "\n#if false\n", "\n#endif\n", "\n#nullable disable\n", "\n#line 1 \"x.cs\"\n",
    };

    /// <summary>Every prefix of <paramref name="program"/> that ends right after a token.</summary>
    public static IEnumerable<Variant> AllPrefixes(CorpusProgram program) =>
        PrefixCuts(program).Select(cut => Prefix(program, cut));

    /// <summary>The ends of the tokens of <paramref name="program"/>, in order.</summary>
    public static IReadOnlyList<int> PrefixCuts(CorpusProgram program) =>
        Parse(program.Text).GetRoot().DescendantTokens()
            .Where(token => !token.IsKind(SyntaxKind.EndOfFileToken))
            .Select(token => token.Span.End)
            .Distinct()
            .ToList();

    public static Variant Prefix(CorpusProgram program, int cut) =>
        new(program, "prefix " + cut.ToString(CultureInfo.InvariantCulture), program.Text[..cut]);

    /// <summary><paramref name="count"/> variants, each with one to three tokens (or one run of up to five) deleted.</summary>
    public static IEnumerable<Variant> Deletions(CorpusProgram program, int count, int seed)
    {
        var tokens = Tokens(program);
        if (tokens.Count == 0)
        {
            yield break;
        }

        var random = new Random(SeedFor(program, seed, "delete"));
        for (var i = 0; i < count; i++)
        {
            var spans = new List<(int Start, int End)>();
            if (random.Next(4) == 0)
            {
                var first = random.Next(tokens.Count);
                var last = Math.Min(tokens.Count - 1, first + random.Next(5));
                spans.Add((tokens[first].Start, tokens[last].End));
            }
            else
            {
                var deleted = 1 + random.Next(3);
                for (var d = 0; d < deleted; d++)
                {
                    var token = tokens[random.Next(tokens.Count)];
                    spans.Add((token.Start, token.End));
                }
            }

            var text = new StringBuilder(program.Text);
            var description = new StringBuilder("delete");
            foreach (var (start, end) in spans.Distinct().OrderByDescending(span => span.Start))
            {
                if (end <= text.Length && start < end)
                {
                    description.Append(CultureInfo.InvariantCulture, $" [{start}..{end}) \"{Escape(program.Text[start..end])}\"");
                    text.Remove(start, end - start);
                }
            }

            yield return new Variant(program, description.ToString(), text.ToString());
        }
    }

    /// <summary>
    /// <paramref name="count"/> variants, each with one or two tokens inserted at token boundaries: half the time an
    /// awkward token, otherwise a token of the program itself (an argument, a method name, a bracket from elsewhere).
    /// </summary>
    public static IEnumerable<Variant> Insertions(CorpusProgram program, int count, int seed)
    {
        var tokens = Tokens(program);
        if (tokens.Count == 0)
        {
            yield break;
        }

        var random = new Random(SeedFor(program, seed, "insert"));
        for (var i = 0; i < count; i++)
        {
            var inserts = new List<(int Position, string Token)>();
            var inserted = 1 + random.Next(2);
            for (var n = 0; n < inserted; n++)
            {
                var at = tokens[random.Next(tokens.Count)];
                var position = random.Next(2) == 0 ? at.Start : at.End;
                var token = random.Next(2) == 0
                    ? AwkwardTokens[random.Next(AwkwardTokens.Count)]
                    : tokens[random.Next(tokens.Count)].Text;
                inserts.Add((position, token));
            }

            var text = new StringBuilder(program.Text);
            var description = new StringBuilder("insert");
            foreach (var (position, token) in inserts.OrderByDescending(insert => insert.Position))
            {
                description.Append(CultureInfo.InvariantCulture, $" \"{Escape(token)}\" at {position}");
                text.Insert(position, token);
            }

            yield return new Variant(program, description.ToString(), text.ToString());
        }
    }

    /// <summary>A seed that depends on the run's seed, the program and the mutation kind only (not on the order of the corpus).</summary>
    private static int SeedFor(CorpusProgram program, int seed, string kind)
    {
        // FNV-1a: string.GetHashCode differs from process to process.
        var hash = 2166136261u;
        foreach (var c in kind + "|" + program.Origin)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (uint)seed);
    }

    private static List<(int Start, int End, string Text)> Tokens(CorpusProgram program) =>
        Parse(program.Text).GetRoot().DescendantTokens()
            .Where(token => !token.IsKind(SyntaxKind.EndOfFileToken) && token.Span.Length > 0)
            .Select(token => (token.Span.Start, token.Span.End, token.Text))
            .ToList();

    private static SyntaxTree Parse(string text) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);
}
