using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ChatRequest.Analyzers.Tests.Verifiers;

/// <summary>
/// The references test sources compile against, with no download at test time: the .NET reference assemblies
/// of the SDK that runs the tests (its packs folder; the runtime's own assemblies when the pack is not there)
/// and the real ChatRequest.Builder assembly.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(Load);

    /// <summary>Framework and ChatRequest.Builder references, created once per test run (metadata is shared).</summary>
    public static ImmutableArray<MetadataReference> All => Lazy.Value;

    /// <summary>For Microsoft.CodeAnalysis.Testing: no packages (so nothing is resolved from a feed).</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>The path of the ChatRequest.Builder assembly the tests reference.</summary>
    public static string LibraryPath => typeof(Chat).Assembly.Location;

    private static ImmutableArray<MetadataReference> Load()
    {
        var files = FrameworkReferencePaths();
        var builder = ImmutableArray.CreateBuilder<MetadataReference>(files.Count + 1);
        foreach (var file in files)
        {
            builder.Add(MetadataReference.CreateFromFile(file));
        }

        builder.Add(MetadataReference.CreateFromFile(LibraryPath));
        return builder.ToImmutable();
    }

    private static IReadOnlyList<string> FrameworkReferencePaths()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ -> <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.<minor>/
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var version = Environment.Version;
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var tfm = "net" + version.Major + "." + version.Minor;
        if (Directory.Exists(packs))
        {
            var candidates = Directory.GetDirectories(packs)
                .Select(dir => Path.Combine(dir, "ref", tfm))
                .Where(Directory.Exists)
                .OrderByDescending(dir => dir, StringComparer.Ordinal)
                .ToList();
            var exact = Path.Combine(packs, version.ToString(3), "ref", tfm);
            var chosen = Directory.Exists(exact) ? exact : candidates.FirstOrDefault();
            if (chosen is not null)
            {
                return Directory.GetFiles(chosen, "*.dll");
            }
        }

        // No targeting pack: the running runtime's own assemblies (implementation, not reference, assemblies).
        var trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .ToList();
    }
}
