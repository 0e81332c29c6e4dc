namespace ChatRequest.Tests;

/// <summary>Finds the shared OpenAI spec folder next to the checkout (../shared/openai-spec), when present.</summary>
internal static class SpecFiles
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static string? Directory => Root.Value;

    public static string? SchemaPath => Directory is { } d ? Path.Combine(d, "create-chat-completion-request.schema.json") : null;

    public static string? ValidationCases => Directory is { } d ? Path.Combine(d, "validation-cases") : null;

    /// <summary>Stops the test as Inconclusive-free "ignored" only when the files are absent; CI has them.</summary>
    public static string RequireDirectory()
    {
        if (Directory is null)
        {
            Assert.Ignore("../shared/openai-spec is not next to this checkout.");
        }

        return Directory!;
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("CHATREQUEST_SPEC_DIR");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatRequest.slnx")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "openai-spec"));
                return System.IO.Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
