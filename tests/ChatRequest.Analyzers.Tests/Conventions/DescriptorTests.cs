using System.Reflection;
using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Tests.Conventions;

/// <summary>Descriptors, analyzers, the rule table and the release-tracking file agree.</summary>
public class DescriptorTests
{
    [Test]
    public void There_is_one_descriptor_per_analyzer_rule_of_the_table() =>
        Descriptors.All.Select(d => d.Id).Should().Equal(ChatRules.AnalyzerRuleIds);

    [Test]
    public void Each_descriptor_takes_id_title_severity_category_and_help_link_from_the_table()
    {
        foreach (var descriptor in Descriptors.All)
        {
            var rule = ChatRules.Get(descriptor.Id);
            descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(rule.Title);
            descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(rule.Checks);
            descriptor.DefaultSeverity.Should().Be(Descriptors.ToSeverity(rule.AnalyzerLevel!.Value));
            descriptor.Category.Should().Be(ChatRules.CategoryOf(rule.Id));
            descriptor.HelpLinkUri.Should().Be("https://github.com/chatrequest/chatrequest/blob/main/docs/rules/" + rule.Id + ".md");
            descriptor.IsEnabledByDefault.Should().BeTrue();
            descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().NotEndWith(".").And.NotContain("\n");
        }
    }

    [Test]
    public void Severities_follow_the_issue()
    {
        var severities = Descriptors.All.ToDictionary(d => d.Id, d => d.DefaultSeverity);
        severities.Where(p => p.Value == DiagnosticSeverity.Error).Select(p => p.Key).Should().BeEquivalentTo(
            "CHAT101", "CHAT102", "CHAT103", "CHAT104", "CHAT105", "CHAT207");
        severities["CHAT401"].Should().Be(DiagnosticSeverity.Info);
    }

    [Test]
    public void Every_descriptor_is_supported_by_exactly_one_rule_family()
    {
        var supported = CompilerHarness.RuleAnalyzers.SelectMany(a => a.SupportedDiagnostics).ToList();
        supported.Select(d => d.Id).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Descriptors.All.Select(d => d.Id));
    }

    [Test]
    public void Rule_families_are_sealed_and_named_for_their_intent()
    {
        CompilerHarness.RuleAnalyzers.Should().HaveCount(14);
        foreach (var analyzer in CompilerHarness.RuleAnalyzers)
        {
            var type = analyzer.GetType();
            type.IsSealed.Should().BeTrue();
            type.Name.Should().EndWith("Analyzer");
            type.GetCustomAttribute<DiagnosticAnalyzerAttribute>().Should().BeNull("only ChatRequestAnalyzer is loaded by the compiler; a second copy of a rule would report twice");
        }
    }

    [Test]
    public void The_compiler_loads_one_csharp_analyzer_that_composes_every_rule_family()
    {
        var shipped = CompilerHarness.AllAnalyzers.Should().ContainSingle().Subject;
        shipped.Should().BeOfType<ChatRequestAnalyzer>();
        shipped.GetType().GetCustomAttribute<DiagnosticAnalyzerAttribute>()!.Languages.Should().Equal(LanguageNames.CSharp);
        shipped.SupportedDiagnostics.Select(d => d.Id).Should().Equal(Descriptors.All.Select(d => d.Id));
        ChatRequestAnalyzer.Rules.Select(r => r.GetType()).Should().BeEquivalentTo(CompilerHarness.RuleAnalyzers.Select(r => r.GetType()));
    }

    [Test]
    public void The_unshipped_release_file_lists_every_rule_with_its_category_and_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "ChatRequest.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("CHAT", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToList();

        rows.Select(r => r[0]).Should().Equal(Descriptors.All.Select(d => d.Id));
        foreach (var row in rows)
        {
            var descriptor = Descriptors.All.Single(d => d.Id == row[0]);
            row[1].Should().Be(descriptor.Category, row[0]);
            row[2].Should().Be(descriptor.DefaultSeverity.ToString(), row[0]);
            row[3].Should().Contain(Descriptors.HelpLink(row[0]));
            CompilerHarness.RuleAnalyzers.Single(a => a.SupportedDiagnostics.Any(d => d.Id == row[0])).GetType().Name
                .Should().Be(row[3].Split(',')[0], "the notes name the analyzer of " + row[0]);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatRequest.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatRequest.slnx not found above " + AppContext.BaseDirectory);
    }
}
