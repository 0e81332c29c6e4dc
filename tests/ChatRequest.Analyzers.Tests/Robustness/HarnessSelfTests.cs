using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Two analyzers that exist only to be run by these tests: never shipped, never loaded by a compiler, so the rules for
// analyzer projects (extended analyzer rules, release tracking) do not apply.
#pragma warning disable RS1036, RS2008

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>
/// The fuzz harness notices what it is there to notice: an analyzer that throws on one variant among many, and a
/// diagnostic placed outside the variant's tree. Without these, "no problem found" could mean "not looked".
/// </summary>
public class HarnessSelfTests
{
    private static readonly CorpusProgram Program = new(CorpusSource.TestInput, "self-test", "class C\n{\n    void M() { N(); }\n    void N() { }\n    void Boom() { }\n}\n");

    [Test]
    public async Task An_analyzer_that_throws_on_one_variant_is_caught_and_the_variant_named()
    {
        var variants = Enumerable.Range(0, 30)
            .Select(i => i == 17
                ? new Variant(Program, "the throwing one", Program.Text.Replace("N();", "Boom();", StringComparison.Ordinal))
                : new Variant(Program, "harmless " + i.ToString(CultureInfo.InvariantCulture), Program.Text + "// " + i.ToString(CultureInfo.InvariantCulture) + "\n"))
            .ToList();

        var summary = await BatchAnalysis.RunAllAsync(variants, batchSize: 500, ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowsOnBoom()));

        summary.Variants.Should().Be(30);
        summary.Problems.Should().ContainSingle()
            .Which.Should().Contain("self-test, the throwing one").And.Contain(nameof(ThrowsOnBoom) + " met Boom");
    }

    [Test]
    public async Task A_diagnostic_outside_its_tree_is_caught()
    {
        var variants = new[] { new Variant(Program, "only", Program.Text) };

        var summary = await BatchAnalysis.RunAllAsync(variants, batchSize: 500, ImmutableArray.Create<DiagnosticAnalyzer>(new ReportsElsewhere()));

        summary.Problems.Should().NotBeEmpty();
        summary.Problems[0].Should().Contain("self-test, only");
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowsOnBoom : DiagnosticAnalyzer
    {
        // An analyzer with no diagnostic is never run: the driver treats it as switched off.
        private static readonly DiagnosticDescriptor Rule = new("TEST002", "Boom", "Boom", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                node =>
                {
                    if (node.Node.ToString() == "Boom()")
                    {
                        throw new InvalidOperationException(nameof(ThrowsOnBoom) + " met Boom");
                    }
                },
                SyntaxKind.InvocationExpression);
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ReportsElsewhere : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST001", "Elsewhere", "Elsewhere", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        private static readonly SyntaxTree Foreign = CSharpSyntaxTree.ParseText("class Foreign { }", path: "/elsewhere/Foreign.cs");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxTreeAction(tree => tree.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(Foreign, new TextSpan(0, 5)))));
        }
    }
}
