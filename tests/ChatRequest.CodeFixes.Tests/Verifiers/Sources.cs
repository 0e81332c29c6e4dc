using ChatRequest.Analyzers.Tests.Verifiers;

namespace ChatRequest.CodeFixes.Tests.Verifiers;

/// <summary>Sources for tests with several documents: the analyzer tests' wrapper, with a class name of its own.</summary>
internal static class Sources
{
    /// <summary><see cref="Code.InMethod"/> in a class called <paramref name="className"/>.</summary>
    public static string InClass(string className, string statements) =>
        Code.InMethod(statements).Replace("\nclass C\n", "\nclass " + className + "\n", StringComparison.Ordinal);
}
