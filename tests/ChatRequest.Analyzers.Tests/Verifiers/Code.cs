namespace ChatRequest.Analyzers.Tests.Verifiers;

/// <summary>Wraps statements into a compilable source file that uses ChatRequest.</summary>
internal static class Code
{
    /// <summary>
    /// <paramref name="statements"/> inside <c>void M(...)</c> of a class; the method has non-constant parameters
    /// <c>runtime</c> (double), <c>count</c> (int), <c>text</c> (string), <c>flag</c> (bool) and <c>builder</c>.
    /// </summary>
    public static string InMethod(string statements) =>
        "using System;\nusing ChatRequest;\n\nclass C\n{\n    void M(double runtime, int count, string text, bool flag, ChatRequestBuilder builder)\n    {\n"
        + Indent(statements, 8)
        + "\n    }\n}\n";

    private static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : pad + line));
    }
}
