namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>The checkout the tests run from: its root (the folder of ChatRequest.slnx) and its C# and Markdown files.</summary>
internal static class RepositoryFiles
{
    /// <summary>Folders that hold build output or tool state, never sources of the repository.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules",
    };

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>Every file under <paramref name="relativeFolder"/> with the extension, build output and hidden folders left out, in ordinal path order.</summary>
    public static IReadOnlyList<string> Under(string relativeFolder, string extension)
    {
        var start = Path.Combine(Root, relativeFolder);
        var found = new List<string>();
        if (Directory.Exists(start))
        {
            Collect(new DirectoryInfo(start), extension, found);
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The path relative to the root, with forward slashes (for messages and for stable ordering).</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static void Collect(DirectoryInfo directory, string extension, List<string> found)
    {
        foreach (var file in directory.EnumerateFiles("*" + extension))
        {
            found.Add(file.FullName);
        }

        foreach (var child in directory.EnumerateDirectories())
        {
            if (!child.Name.StartsWith('.') && !SkippedFolders.Contains(child.Name))
            {
                Collect(child, extension, found);
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatRequest.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No folder above " + AppContext.BaseDirectory + " holds ChatRequest.slnx.");
    }
}
