using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>Where a program of the corpus comes from.</summary>
internal enum CorpusSource
{
    /// <summary>A .cs file under samples/.</summary>
    Sample,

    /// <summary>A C# code block of docs/**/*.md or README.md.</summary>
    Docs,

    /// <summary>A C# input of an analyzer or code-fix test.</summary>
    TestInput,
}

/// <summary>One complete C# program the mutations start from.</summary>
/// <param name="Source">Which kind of file it was found in.</param>
/// <param name="Origin">File and position (or test case) it was taken from, for failure messages.</param>
/// <param name="Text">The program as the compiler would see it (markup removed, wrappers applied).</param>
internal sealed record CorpusProgram(CorpusSource Source, string Origin, string Text)
{
    /// <summary>True when the complete program has top-level statements (it is then compiled as an application).</summary>
    public bool HasTopLevelStatements { get; } =
        CSharpSyntaxTree.ParseText(Text).GetCompilationUnitRoot().Members.Any(member => member is GlobalStatementSyntax);

    public override string ToString() => Origin;
}
