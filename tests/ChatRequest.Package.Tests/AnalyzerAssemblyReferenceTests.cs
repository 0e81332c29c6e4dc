using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ChatRequest.Package.Tests.Infrastructure;

namespace ChatRequest.Package.Tests;

/// <summary>
/// The packed Roslyn components reference no newer compiler than 4.8 (an analyzer built against a newer Roslyn than
/// the user's compiler is not loaded, CS9057, and its checks silently vanish), and the analyzer references no
/// Workspaces (command-line builds do not have it; code fixes live in their own assembly).
/// </summary>
public sealed class AnalyzerAssemblyReferenceTests
{
    private static readonly Version RoslynFloor = new(4, 8, 0, 0);

    private static IEnumerable<string> Components() => Repository.RoslynComponents;

    private static List<(string Name, Version Version)> ReferencesOf(string component)
    {
        using var package = ZipFile.OpenRead(PackedLibrary.PackageFile);
        var entry = package.GetEntry($"analyzers/dotnet/cs/{component}.dll");
        entry.Should().NotBeNull("{0} must be packed", component);

        // PEReader needs a seekable stream; zip entries are not.
        using var image = new MemoryStream();
        using (var stream = entry!.Open())
        {
            stream.CopyTo(image);
        }

        image.Position = 0;
        using var peReader = new PEReader(image);
        var metadata = peReader.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .Select(reference => (metadata.GetString(reference.Name), reference.Version))
            .ToList();
    }

    [TestCaseSource(nameof(Components))]
    public void References_no_Roslyn_newer_than_4_8(string component)
    {
        var roslyn = ReferencesOf(component)
            .Where(reference => reference.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToList();

        roslyn.Should().NotBeEmpty("a Roslyn component references the compiler API");
        roslyn.Should().OnlyContain(
            reference => reference.Version <= RoslynFloor,
            "the floor is Microsoft.CodeAnalysis {0}; found {1}",
            RoslynFloor,
            string.Join(", ", roslyn.Select(reference => $"{reference.Name} {reference.Version}")));
    }

    [TestCaseSource(nameof(Components))]
    public void Targets_netstandard_2_0(string component)
    {
        var references = ReferencesOf(component);

        references.Should().Contain(reference => reference.Name == "netstandard" && reference.Version == new Version(2, 0, 0, 0));
        references.Should().NotContain(reference => reference.Name == "System.Runtime", "a .NET (Core) build would not load in Visual Studio's compiler");
    }

    [Test]
    public void Analyzer_does_not_reference_Workspaces()
    {
        ReferencesOf("ChatRequest.Analyzers")
            .Should().NotContain(reference => reference.Name.Contains("Workspaces", StringComparison.Ordinal));
    }
}
