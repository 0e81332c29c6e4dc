using System.Composition;
using System.Reflection;
using ChatRequest.Analyzers.Rules;
using ChatRequest.CodeFixes.Fixes;
using ChatRequest.CodeFixes.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.CodeFixes.Tests.Conventions;

/// <summary>
/// What every fix provider promises: it is exported for C#, named after the analyzer whose rules it fixes, fixes
/// only ids that analyzer reports, supports Fix All in document, project and solution, and exposes stable,
/// unique equivalence keys that start with the rule id.
/// </summary>
public class ProviderConventionTests
{
    private static readonly Type[] Providers = typeof(NumericRangeCodeFixProvider).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    private static Type[] ProviderTypes() => Providers;

    [Test]
    public void There_is_one_provider_per_fixable_rule_family() =>
        Providers.Select(t => t.Name).Should().BeEquivalentTo(
            "DeprecatedFieldCodeFixProvider",
            "DuplicateSettingCodeFixProvider",
            "MissingPrerequisiteCodeFixProvider",
            "NumericRangeCodeFixProvider",
            "ReasoningModelCodeFixProvider",
            "SamplingConflictCodeFixProvider",
            "StopSequencesCodeFixProvider",
            "TokenCapConflictCodeFixProvider");

    [TestCaseSource(nameof(ProviderTypes))]
    public void A_provider_is_exported_for_CSharp_and_shared(Type provider)
    {
        provider.IsPublic.Should().BeTrue();
        provider.IsSealed.Should().BeTrue();
        provider.GetCustomAttribute<ExportCodeFixProviderAttribute>()!.Languages.Should().Equal(LanguageNames.CSharp);
        provider.GetCustomAttribute<ExportCodeFixProviderAttribute>()!.Name.Should().Be(provider.Name);
        provider.GetCustomAttribute<SharedAttribute>().Should().NotBeNull();
    }

    [TestCaseSource(nameof(ProviderTypes))]
    public void A_provider_mirrors_its_analyzer_and_fixes_only_its_ids(Type provider)
    {
        var analyzerName = provider.Name.Replace("CodeFixProvider", "Analyzer", StringComparison.Ordinal);
        var analyzerType = typeof(NumericRangeAnalyzer).Assembly.GetType("ChatRequest.Analyzers.Rules." + analyzerName);
        analyzerType.Should().NotBeNull("the provider is named after the analyzer whose rules it fixes");

        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(analyzerType!)!;
        var fix = (CodeFixProvider)Activator.CreateInstance(provider)!;
        fix.FixableDiagnosticIds.Should().NotBeEmpty()
            .And.BeSubsetOf(analyzer.SupportedDiagnostics.Select(d => d.Id));
    }

    [TestCaseSource(nameof(ProviderTypes))]
    public void A_provider_fixes_all_in_document_project_and_solution(Type provider)
    {
        var fix = (CodeFixProvider)Activator.CreateInstance(provider)!;
        fix.GetFixAllProvider()!.GetSupportedFixAllScopes().Should()
            .Contain(new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution });
    }

    [TestCaseSource(nameof(ProviderTypes))]
    public void Equivalence_keys_are_public_constants_that_start_with_a_fixed_id(Type provider)
    {
        var fix = (CodeFixProvider)Activator.CreateInstance(provider)!;
        var keys = Keys(provider);
        keys.Should().NotBeEmpty();
        keys.Should().OnlyContain(key => fix.FixableDiagnosticIds.Any(id => key.StartsWith(id + "_", StringComparison.Ordinal)));
        fix.FixableDiagnosticIds.Should().OnlyContain(id => keys.Any(key => key.StartsWith(id + "_", StringComparison.Ordinal)), "every fixable id has a fix");
    }

    [Test]
    public void Equivalence_keys_are_unique() =>
        Providers.SelectMany(Keys).Should().OnlyHaveUniqueItems();

    [Test]
    public void The_methods_the_fixes_write_exist_on_the_builder_with_those_parameter_names()
    {
        var methods = typeof(ChatRequestBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance);
        foreach (var field in typeof(BuilderMethodNames).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (string)field.GetRawConstantValue()!;
            if (field.Name.EndsWith("Parameter", StringComparison.Ordinal))
            {
                var method = field.Name.Substring(0, field.Name.Length - "Parameter".Length);
                if (method == "Mode")
                {
                    methods.Where(m => m.Name is BuilderMethodNames.FunctionCall or BuilderMethodNames.ToolChoice)
                        .Should().Contain(m => m.GetParameters().Any(p => p.Name == value), field.Name);
                }
                else
                {
                    methods.Where(m => m.Name == method).SelectMany(m => m.GetParameters()).Select(p => p.Name)
                        .Should().Contain(value, field.Name);
                }
            }
            else if (field.Name.EndsWith("Type", StringComparison.Ordinal))
            {
                typeof(Chat).Assembly.GetType(value).Should().NotBeNull(field.Name);
            }
            else
            {
                methods.Select(m => m.Name).Should().Contain(value, field.Name);
            }
        }
    }

    private static List<string> Keys(Type provider) =>
        provider.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
}
