using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ChatRequest.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs one analyzer over C# sources with markup: <c>[|...|]</c> for "a diagnostic here", <c>{|#0:...|}</c> with
/// <c>Diagnostic(id).WithLocation(0).WithArguments(...)</c> when the message matters, <c>{|CHAT201:...|}</c> when
/// several rules report. Sources compile against the real ChatRequest.Builder assembly.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>A diagnostic of <paramref name="id"/> with its descriptor's default severity.</summary>
    public static DiagnosticResult Diagnostic(string id)
    {
        var descriptor = new TAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        return new DiagnosticResult(descriptor);
    }

    /// <summary>The analyzer's only diagnostic.</summary>
    public static DiagnosticResult Diagnostic() => new(new TAnalyzer().SupportedDiagnostics.Single());

    /// <summary>Analyzes a library source (no top-level statements).</summary>
    public static Task VerifyAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected) =>
        CreateTest(source, OutputKind.DynamicallyLinkedLibrary, expected).RunAsync();

    /// <summary>Analyzes a program with top-level statements.</summary>
    public static Task VerifyProgramAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected) =>
        CreateTest(source, OutputKind.ConsoleApplication, expected).RunAsync();

    /// <summary>Analyzes a library source with an .editorconfig at the project root.</summary>
    public static Task VerifyWithEditorConfigAsync([StringSyntax("C#-test")] string source, string editorConfig, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, OutputKind.DynamicallyLinkedLibrary, expected);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        return test.RunAsync();
    }

    private static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> CreateTest(string source, OutputKind outputKind, DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.OutputKind = outputKind;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Enable));
        });
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }
}
