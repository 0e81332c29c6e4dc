using System.Collections.Immutable;
using ChatRequest.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.CodeFixes.Tests.Verifiers;

/// <summary>
/// The code actions a fix provider offers for the diagnostics of one source, as the light bulb would list them
/// (Microsoft.CodeAnalysis.Testing applies fixes but does not show their titles).
/// </summary>
internal static class CodeActions
{
    public static async Task<IReadOnlyList<CodeAction>> OfferedAsync(DiagnosticAnalyzer analyzer, CodeFixProvider provider, string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithMetadataReferences(TestReferences.All);
        var document = project.AddDocument("Test.cs", source);
        var compilation = await document.Project.GetCompilationAsync();
        var diagnostics = await compilation!.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        var actions = new List<CodeAction>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }

        return actions;
    }
}
