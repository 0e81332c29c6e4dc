using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Versioning;
using ChatRequest.Analyzers.Rules;
using ChatRequest.CodeFixes.Fixes;

namespace ChatRequest.CodeFixes.Tests.Conventions;

/// <summary>
/// Reads the built assemblies' references. The analyzer must not reference Workspaces (the command-line compiler
/// loads analyzers without it, RS1038), and neither assembly may reference a Roslyn newer than the floor: an
/// analyzer built against a newer compiler than the user's is silently not loaded (CS9057).
/// </summary>
public class AssemblyReferenceTests
{
    private static readonly Version RoslynFloor = new(4, 8, 0, 0);

    private static string AnalyzerPath => typeof(NumericRangeAnalyzer).Assembly.Location;

    private static string CodeFixesPath => typeof(NumericRangeCodeFixProvider).Assembly.Location;

    [Test]
    public void The_analyzer_does_not_reference_Workspaces() =>
        References(AnalyzerPath).Select(r => r.Name).Should()
            .Contain("Microsoft.CodeAnalysis")
            .And.NotContain(name => name!.Contains("Workspaces", StringComparison.Ordinal));

    [Test]
    public void The_code_fixes_reference_Workspaces() =>
        References(CodeFixesPath).Select(r => r.Name).Should().Contain("Microsoft.CodeAnalysis.Workspaces");

    [TestCase("analyzer")]
    [TestCase("code fixes")]
    public void Roslyn_references_do_not_exceed_the_floor(string which)
    {
        var roslyn = References(which == "analyzer" ? AnalyzerPath : CodeFixesPath)
            .Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToList();

        roslyn.Should().NotBeEmpty();
        roslyn.Should().OnlyContain(r => r.Version! <= RoslynFloor, "Roslyn {0} is the oldest compiler we support", RoslynFloor);
    }

    [TestCase("analyzer")]
    [TestCase("code fixes")]
    public void Both_target_netstandard2_0(string which)
    {
        var assembly = which == "analyzer" ? typeof(NumericRangeAnalyzer).Assembly : typeof(NumericRangeCodeFixProvider).Assembly;
        assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName.Should().Be(".NETStandard,Version=v2.0");
    }

    private static List<AssemblyName> References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h).GetAssemblyName()).ToList();
    }
}
