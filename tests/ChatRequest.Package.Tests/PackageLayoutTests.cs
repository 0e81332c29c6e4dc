using System.IO.Compression;
using System.Xml.Linq;
using ChatRequest.Package.Tests.Infrastructure;

namespace ChatRequest.Package.Tests;

/// <summary>What the packed .nupkg holds: the library per target framework, the Roslyn components once, the opt-out.</summary>
public sealed class PackageLayoutTests
{
    private static List<string> Entries()
    {
        using var package = ZipFile.OpenRead(PackedLibrary.PackageFile);
        return package.Entries.Select(entry => entry.FullName).ToList();
    }

    [Test]
    public void Pack_reports_no_warning()
    {
        // NU5118 (a file added once per target framework), NETSDK1005 (the library's target framework leaking into
        // the analyzer build) and the like are errors under TreatWarningsAsErrors; none may appear even as warnings.
        PackedLibrary.PackResult.Output.Should().NotContainAny(["warning ", "NU5118", "NETSDK1005"]);
    }

    [Test]
    public void Roslyn_components_are_packed_once_under_analyzers_dotnet_cs()
    {
        var analyzerEntries = Entries().Where(entry => entry.StartsWith("analyzers/", StringComparison.Ordinal));

        analyzerEntries.Should().BeEquivalentTo(
            Repository.RoslynComponents.Select(component => $"analyzers/dotnet/cs/{component}.dll"),
            "each Roslyn component is packed exactly once, for C#, and nothing else is");
    }

    [TestCase("lib/netstandard2.0/")]
    [TestCase("lib/net10.0/")]
    public void Lib_folder_holds_only_the_library_and_its_documentation(string folder)
    {
        Entries().Where(entry => entry.StartsWith(folder, StringComparison.Ordinal))
            .Should().BeEquivalentTo([folder + "ChatRequest.Builder.dll", folder + "ChatRequest.Builder.xml"]);
    }

    [Test]
    public void Lib_has_exactly_the_two_target_frameworks()
    {
        Entries().Where(entry => entry.StartsWith("lib/", StringComparison.Ordinal))
            .Select(entry => entry.Split('/')[1])
            .Distinct()
            .Should().BeEquivalentTo(["netstandard2.0", "net10.0"]);
    }

    [TestCase("build/ChatRequest.Builder.targets")]
    [TestCase("buildTransitive/ChatRequest.Builder.targets")]
    public void Opt_out_targets_are_packed_for_direct_and_transitive_consumers(string path)
    {
        using var package = ZipFile.OpenRead(PackedLibrary.PackageFile);
        var entry = package.GetEntry(path);
        entry.Should().NotBeNull();

        using var reader = new StreamReader(entry!.Open());
        reader.ReadToEnd().Should().Contain("'$(DisableChatRequestAnalyzers)' == 'true'");
    }

    [Test]
    public void Nuspec_has_no_dependency_on_a_Roslyn_component_and_is_not_a_development_dependency()
    {
        using var package = ZipFile.OpenRead(PackedLibrary.PackageFile);
        var nuspecEntry = package.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var nuspec = XDocument.Load(stream);

        var dependencyIds = nuspec.Descendants()
            .Where(element => element.Name.LocalName == "dependency")
            .Select(element => (string?)element.Attribute("id"))
            .ToList();
        dependencyIds.Should().NotContain(id => id != null && id.StartsWith("ChatRequest", StringComparison.Ordinal));
        dependencyIds.Should().NotContain(id => id != null && id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        // The package carries the runtime library: a developmentDependency would keep it out of consumers' outputs.
        nuspec.Descendants().Should().NotContain(element => element.Name.LocalName == "developmentDependency");
        nuspec.Descendants().Single(element => element.Name.LocalName == "version").Value.Should().Be(PackedLibrary.Version);
    }
}
