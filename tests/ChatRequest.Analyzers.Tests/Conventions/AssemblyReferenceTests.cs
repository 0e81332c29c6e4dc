using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Versioning;
using ChatRequest.Analyzers.Rules;

namespace ChatRequest.Analyzers.Tests.Conventions;

/// <summary>
/// The built analyzer loads in every compiler we support: it references Microsoft.CodeAnalysis 4.8.0 at most (a
/// newer reference makes older compilers skip it silently, CS9057) and no Workspaces assembly (RS1038).
/// </summary>
public class AssemblyReferenceTests
{
    private static readonly Version Floor = new(4, 8, 0, 0);

    [Test]
    public void The_analyzer_references_roslyn_no_newer_than_the_floor_and_no_workspaces()
    {
        var references = ReadReferences(typeof(NumericRangeAnalyzer).Assembly.Location);

        references.Should().Contain(r => r.Name == "Microsoft.CodeAnalysis");
        references.Should().Contain(r => r.Name == "Microsoft.CodeAnalysis.CSharp");
        foreach (var (name, version) in references)
        {
            if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                version.Should().BeLessThanOrEqualTo(Floor, name + " must not be newer than the analyzer's floor");
            }

            name.Should().NotContain("Workspaces");
            name.Should().NotBe("ChatRequest.Builder", "the analyzer cannot load the runtime library");
        }
    }

    [Test]
    public void The_analyzer_targets_netstandard2_0() =>
        typeof(NumericRangeAnalyzer).Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false)
            .Cast<TargetFrameworkAttribute>().Single().FrameworkName.Should().Be(".NETStandard,Version=v2.0");

    private static List<(string Name, Version Version)> ReadReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => (metadata.GetString(reference.Name), reference.Version))
            .ToList();
    }
}
