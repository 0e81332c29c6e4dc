using System.Reflection;
using System.Text.RegularExpressions;
using ChatRequest.Validation;

namespace ChatRequest.Tests;

/// <summary>docs/rules agrees with the rule table in ChatRules: ids, titles, severities and limits.</summary>
public partial class RuleDocsTests
{
    public static IEnumerable<string> RuleIds() => ChatRules.All.Select(r => r.Id);

    private static string Level(RuleLevel level) => level switch
    {
        RuleLevel.Error => "error",
        RuleLevel.Warning => "warning",
        RuleLevel.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    private static string SeverityLine(RuleDefinition rule) => rule.AnalyzerLevel is { } analyzer
        ? $"Severity: analyzer {Level(analyzer)}, runtime {Level(rule.RuntimeLevel)}"
        : $"Severity: runtime {Level(rule.RuntimeLevel)} (the analyzer does not report this rule)";

    private static string[] PageLines(string ruleId)
    {
        var path = DocFiles.RulePage(ruleId);
        File.Exists(path).Should().BeTrue("every rule has a page, and {0} is missing", path);
        return DocFiles.Read(path).Split('\n');
    }

    [TestCaseSource(nameof(RuleIds))]
    public void Rule_page_has_the_title_and_severities_of_the_table(string ruleId)
    {
        var rule = ChatRules.Get(ruleId);
        var lines = PageLines(ruleId);

        lines[0].Should().Be($"# {rule.Id}: {rule.Title}");
        lines.Should().Contain(SeverityLine(rule));
        lines.Count(l => l.StartsWith("Severity:", StringComparison.Ordinal)).Should().Be(1);
    }

    [TestCaseSource(nameof(RuleIds))]
    public void Rule_page_has_every_section_and_both_examples(string ruleId)
    {
        var lines = PageLines(ruleId);

        lines.Should().ContainInOrder(
            "## Cause",
            "## Why it matters",
            "## How to fix",
            "## Examples",
            $"<!-- snippet: {ruleId}-violating -->",
            $"<!-- snippet: {ruleId}-compliant -->",
            "## How to change its severity");
        if (ChatRules.Get(ruleId).AnalyzerLevel is null)
        {
            // Nothing in .editorconfig reaches a runtime-only rule; the page must not suggest otherwise.
            lines.Should().NotContain(l => l.StartsWith($"dotnet_diagnostic.{ruleId}.severity = ", StringComparison.Ordinal));
            lines.Should().Contain(l => l.StartsWith($"The analyzer does not report {ruleId}", StringComparison.Ordinal));
        }
        else
        {
            lines.Should().Contain(l => l.StartsWith($"dotnet_diagnostic.{ruleId}.severity = ", StringComparison.Ordinal));
        }
    }

    [TestCaseSource(nameof(RuleIds))]
    public void Rules_index_has_a_row_with_the_id_title_and_severities(string ruleId)
    {
        var rule = ChatRules.Get(ruleId);
        var index = DocFiles.Read(Path.Combine(DocFiles.RulesDirectory, "README.md")).Split('\n');

        var row = $"| [{rule.Id}]({rule.Id}.md) | {rule.Title} | {(rule.AnalyzerLevel is { } a ? Level(a) : "runtime only")} | {Level(rule.RuntimeLevel)} | ";
        index.Count(l => l.StartsWith(row, StringComparison.Ordinal)).Should().Be(1, "docs/rules/README.md needs one row starting with\n{0}", row);
    }

    [Test]
    public void No_page_or_row_exists_for_an_unknown_rule_id()
    {
        var known = RuleIds().ToHashSet(StringComparer.Ordinal);

        var pages = Directory.GetFiles(DocFiles.RulesDirectory)
            .Select(Path.GetFileName)
            .Where(name => name != "README.md")
            .ToList();
        pages.Should().OnlyContain(name => known.Contains(Path.GetFileNameWithoutExtension(name!)) && name!.EndsWith(".md", StringComparison.Ordinal));
        pages.Should().HaveCount(known.Count);

        var index = DocFiles.Read(Path.Combine(DocFiles.RulesDirectory, "README.md"));
        var mentioned = RuleIdPattern().Matches(index).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        mentioned.Should().BeSubsetOf(known);
        index.Split('\n').Count(l => l.StartsWith("| [CHAT", StringComparison.Ordinal)).Should().Be(known.Count);
    }

    [Test]
    public void No_doc_links_to_a_missing_rule_page()
    {
        var known = RuleIds().ToHashSet(StringComparer.Ordinal);
        foreach (var markdown in DocFiles.MarkdownFiles())
        {
            foreach (Match link in RuleLinkPattern().Matches(DocFiles.Read(markdown)))
            {
                known.Should().Contain(link.Groups["id"].Value, "{0} links to {1}", markdown, link.Value);
            }
        }
    }

    [Test]
    public void CHAT101_page_lists_every_numeric_limit_with_its_range()
    {
        var lines = PageLines(ChatRules.NumericRange);

        foreach (var limit in ChatRules.NumericLimits)
        {
            var row = $"| `{limit.JsonName}` | {limit.Describe()} |";
            lines.Should().Contain(l => l.StartsWith(row, StringComparison.Ordinal), "the table of CHAT101 needs a row starting with {0}", row);
        }
    }

    [Test]
    public void CHAT102_page_states_the_stop_count()
    {
        PageLines(ChatRules.StopCount).Should().Contain($"| `stop` sequences | {ChatRules.MinStopSequences} to {ChatRules.MaxStopSequences} |");
    }

    [Test]
    public void CHAT104_page_states_the_name_pattern()
    {
        PageLines(ChatRules.InvalidName).Should().Contain(l => l.Contains($"`^[a-zA-Z0-9_-]{{1,{ChatRules.MaxNameLength}}}$`", StringComparison.Ordinal));
    }

    [Test]
    public void CHAT105_page_states_every_length_and_count_limit()
    {
        PageLines(ChatRules.StringOrCollectionLimit).Should().Contain(new[]
        {
            $"| `safety_identifier` length | at most {ChatRules.MaxSafetyIdentifierLength} characters |",
            $"| `metadata` pairs | at most {ChatRules.MaxMetadataPairs} |",
            $"| `metadata` key length | at most {ChatRules.MaxMetadataKeyLength} characters |",
            $"| `metadata` value length | at most {ChatRules.MaxMetadataValueLength} characters |",
            $"| `functions` entries | 1 to {ChatRules.MaxFunctions} |",
        });
    }

    [Test]
    public void CHAT107_page_lists_every_set_of_allowed_values()
    {
        var page = DocFiles.Read(DocFiles.RulePage(ChatRules.UnknownValue));
        var sets = typeof(ChatRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string[]) && f.Name.EndsWith("Values", StringComparison.Ordinal))
            .ToList();
        sets.Should().NotBeEmpty();

        foreach (var field in sets)
        {
            var cell = "| " + string.Join(", ", ((string[])field.GetValue(null)!).Select(v => "`" + v + "`")) + " |";
            page.Should().Contain(cell, "CHAT107 must list ChatRules.{0}", field.Name);
        }
    }

    [Test]
    public void CHAT401_page_lists_every_deprecated_field_with_its_advice()
    {
        var lines = PageLines(ChatRules.Deprecated);

        foreach (var pair in ChatRules.DeprecatedFields)
        {
            lines.Should().Contain(
                l => l.StartsWith($"| `{pair.Key}` |", StringComparison.Ordinal) && l.EndsWith($"| {pair.Value} |", StringComparison.Ordinal),
                "CHAT401 needs a row for {0} ending with its advice", pair.Key);
        }
    }

    [GeneratedRegex(@"CHAT\d{3}")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex(@"(?<id>CHAT\d{3})\.md")]
    private static partial Regex RuleLinkPattern();
}
