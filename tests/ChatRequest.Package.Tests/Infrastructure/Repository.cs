namespace ChatRequest.Package.Tests.Infrastructure;

/// <summary>Paths in the repository these tests were built from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string LibraryProject { get; } =
        Path.Combine(Root, "src", "ChatRequest.Builder", "ChatRequest.Builder.csproj");

    /// <summary>
    /// The Roslyn components the package must carry under <c>analyzers/dotnet/cs/</c>: the analyzer, and the code
    /// fixes once their project exists (the library's csproj picks it up the same way).
    /// </summary>
    public static IReadOnlyList<string> RoslynComponents { get; } =
        File.Exists(Path.Combine(Root, "src", "ChatRequest.CodeFixes", "ChatRequest.CodeFixes.csproj"))
            ? ["ChatRequest.Analyzers", "ChatRequest.CodeFixes"]
            : ["ChatRequest.Analyzers"];

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatRequest.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ChatRequest.slnx above {AppContext.BaseDirectory}.");
    }
}
