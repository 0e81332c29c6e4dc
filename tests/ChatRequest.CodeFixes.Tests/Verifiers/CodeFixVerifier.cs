using System.Diagnostics.CodeAnalysis;
using ChatRequest.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ChatRequest.CodeFixes.Tests.Verifiers;

/// <summary>
/// Runs an analyzer and one of its fixes over C# sources with markup (<c>{|CHAT101:2.5|}</c> where a diagnostic
/// is expected) and compares the fixed sources. Every run checks the fix one diagnostic at a time and Fix All in
/// document, project and solution (Microsoft.CodeAnalysis.Testing does all four). Sources compile against the
/// real ChatRequest.Builder assembly with nullable enabled; fixed code must compile.
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Checks that <paramref name="source"/> becomes <paramref name="fixedSource"/> with the fix of <paramref name="equivalenceKey"/>.</summary>
    public static Task VerifyAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource, string equivalenceKey) =>
        Create(source, fixedSource, equivalenceKey).RunAsync();

    /// <summary>Like <see cref="VerifyAsync"/> for a program with top-level statements.</summary>
    public static Task VerifyProgramAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource, string equivalenceKey)
    {
        var test = Create(source, fixedSource, equivalenceKey);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    /// <summary>Checks that the diagnostics in <paramref name="source"/> get no fix (the source stays as it is).</summary>
    public static Task VerifyNoFixAsync([StringSyntax("C#-test")] string source)
    {
        var test = Create(source, source, equivalenceKey: null);
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        test.NumberOfFixAllInDocumentIterations = 0;
        test.NumberOfFixAllInProjectIterations = 0;
        return test.RunAsync();
    }

    /// <summary>
    /// Fix All over two documents of one project and a document of a second project. The iteration counts pin
    /// each scope: in document, one run per document; in project, one per project; in solution, one run.
    /// </summary>
    public static Task VerifyFixAllAsync(
        string equivalenceKey,
        (string Source, string Fixed) first,
        (string Source, string Fixed) second,
        (string Source, string Fixed) otherProject)
    {
        var test = Create(first.Source, first.Fixed, equivalenceKey)
            .WithDocument(second.Source, second.Fixed)
            .WithProject("Other", otherProject.Source, otherProject.Fixed);
        test.NumberOfFixAllInDocumentIterations = 3;
        test.NumberOfFixAllInProjectIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

    /// <summary>A test of one document, to add documents or projects to.</summary>
    public static Test Create(string source, string fixedSource, string? equivalenceKey)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        return test;
    }

    /// <summary>The code-fix test with ChatRequest's references and nullable enabled, in every project.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);

            // Markup in fixed code declares diagnostics that stay (e.g. a CHAT401 another migration would fix).
            FixedState.MarkupHandling = MarkupMode.Allow;
            SolutionTransforms.Add((solution, projectId) =>
            {
                foreach (var project in solution.Projects)
                {
                    var options = (CSharpCompilationOptions)project.CompilationOptions!;
                    solution = solution.WithProjectCompilationOptions(project.Id, options.WithNullableContextOptions(NullableContextOptions.Enable));
                }

                return solution;
            });
        }

        /// <summary>Adds a second project that references ChatRequest, with its source before and after the fix.</summary>
        public Test WithProject(string name, string source, string fixedSource)
        {
            var project = new ProjectState(name, LanguageNames.CSharp, "/" + name + "/Test", "cs")
            {
                ReferenceAssemblies = TestReferences.None,
            };
            TestState.AdditionalProjects.Add(name, project);
            TestState.AdditionalProjects[name].AdditionalReferences.AddRange(TestReferences.All);
            TestState.AdditionalProjects[name].Sources.Add(source);
            FixedState.AdditionalProjects.Add(name, new ProjectState(name, LanguageNames.CSharp, "/" + name + "/Test", "cs"));
            FixedState.AdditionalProjects[name].AdditionalReferences.AddRange(TestReferences.All);
            FixedState.AdditionalProjects[name].Sources.Add(fixedSource);
            return this;
        }

        /// <summary>Adds a second document to the main project.</summary>
        public Test WithDocument(string source, string fixedSource)
        {
            TestState.Sources.Add(source);
            FixedState.Sources.Add(fixedSource);
            return this;
        }
    }
}
