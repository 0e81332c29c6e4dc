using ChatRequest.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace ChatRequest.Analyzers.Tests.Behaviour;

/// <summary>
/// Users change a rule's severity in .editorconfig, per rule or per category. Run through the compiler's own
/// handling of .editorconfig (tree options and analyzer config options), with every analyzer.
/// </summary>
public class EditorConfigSeverityTests
{
    private static readonly string Source = Code.InMethod("""
        _ = Chat.With("gpt-4o").User("Hi").Temperature(0.2).TopP(0.5).Build();
        _ = Chat.With("gpt-4o").User("Hi").Temperature(3).Build();
        _ = Chat.With("gpt-4o").User("Hi").MaxTokens(10).Build();
        """);

    [Test]
    public async Task Defaults_come_from_the_rule_table()
    {
        var severities = await SeveritiesAsync(editorConfig: null);

        severities.Should().Equal(new Dictionary<string, DiagnosticSeverity>
        {
            ["CHAT101"] = DiagnosticSeverity.Error,
            ["CHAT201"] = DiagnosticSeverity.Warning,
            ["CHAT401"] = DiagnosticSeverity.Info,
        });
    }

    [Test]
    public async Task Each_rule_can_be_raised_lowered_or_turned_off()
    {
        var severities = await SeveritiesAsync("""
            root = true

            [*.cs]
            dotnet_diagnostic.CHAT201.severity = error
            dotnet_diagnostic.CHAT101.severity = warning
            dotnet_diagnostic.CHAT401.severity = none
            """);

        severities.Should().Equal(new Dictionary<string, DiagnosticSeverity>
        {
            ["CHAT101"] = DiagnosticSeverity.Warning,
            ["CHAT201"] = DiagnosticSeverity.Error,
        });
    }

    [Test]
    public async Task A_whole_category_can_be_changed()
    {
        var severities = await SeveritiesAsync("""
            root = true

            [*.cs]
            dotnet_analyzer_diagnostic.category-ChatRequest.Usage.severity = error
            dotnet_analyzer_diagnostic.category-ChatRequest.Deprecation.severity = warning
            """);

        severities.Should().Equal(new Dictionary<string, DiagnosticSeverity>
        {
            ["CHAT101"] = DiagnosticSeverity.Error,
            ["CHAT201"] = DiagnosticSeverity.Error,
            ["CHAT401"] = DiagnosticSeverity.Warning,
        });
    }

    private static async Task<Dictionary<string, DiagnosticSeverity>> SeveritiesAsync(string? editorConfig)
    {
        var compilation = CompilerHarness.Empty.AddSyntaxTrees(CompilerHarness.Parse(Source));
        var result = await CompilerHarness.AnalyzeAsync(compilation, CompilerHarness.AllAnalyzers, editorConfig);
        result.Exceptions.Should().BeEmpty();
        return result.Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Single().Severity);
    }
}
