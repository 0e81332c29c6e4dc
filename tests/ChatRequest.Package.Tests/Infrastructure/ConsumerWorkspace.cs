using System.Globalization;
using System.Security;
using System.Text;

namespace ChatRequest.Package.Tests.Infrastructure;

/// <summary>A small project that uses the packed library from a package source.</summary>
/// <param name="Name">Folder and project name.</param>
/// <param name="Program">The whole Program.cs (top-level statements in an Exe).</param>
internal sealed record ConsumerProject(string Name, string Program)
{
    /// <summary>Exe or Library.</summary>
    public string OutputType { get; init; } = "Exe";

    /// <summary>False for a project that gets ChatRequest.Builder only through a project it references.</summary>
    public bool ReferencesPackage { get; init; } = true;

    /// <summary>Extra XML inside the project's PropertyGroup.</summary>
    public string Properties { get; init; } = "";

    /// <summary>Extra XML inside the project's ItemGroup, beside the ChatRequest.Builder PackageReference.</summary>
    public string Items { get; init; } = "";

    /// <summary>The project folder's .editorconfig, if any.</summary>
    public string? EditorConfig { get; init; }
}

/// <summary>
/// A folder of consumer projects that restore ChatRequest.Builder from the folder the test packed it into, and
/// everything else from this machine's own package sources, into a package cache of their own: nothing cached
/// elsewhere on the machine can stand in for the package under test. The folder is sealed off from anything above
/// it (Directory.Build.*, Directory.Packages.props, .editorconfig) and uses the repository's global.json.
/// All projects restore in one command; each build then runs with --no-restore.
/// </summary>
internal sealed class ConsumerWorkspace
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);

    private readonly string root;
    private readonly string packageVersion;
    private readonly Dictionary<string, string> environment;
    private readonly List<ConsumerProject> projects = [];

    public ConsumerWorkspace(string root, string packageFolder, string packageVersion)
    {
        this.root = root;
        this.packageVersion = packageVersion;
        var packagesCache = Path.Combine(root, ".packages");
        environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["NUGET_PACKAGES"] = packagesCache };

        Directory.CreateDirectory(root);
        File.Copy(Path.Combine(Repository.Root, "global.json"), Path.Combine(root, "global.json"));
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig(packageFolder, packagesCache, MachinePackageSources()));
    }

    public void Add(ConsumerProject project)
    {
        var folder = Path.Combine(root, project.Name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, project.Name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{project.OutputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
            {project.Properties}
              </PropertyGroup>
              <ItemGroup>
            {(project.ReferencesPackage ? $"    <PackageReference Include=\"ChatRequest.Builder\" Version=\"{packageVersion}\" />" : "")}
            {project.Items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), project.Program);
        if (project.EditorConfig is not null)
        {
            File.WriteAllText(Path.Combine(folder, ".editorconfig"), project.EditorConfig);
        }

        projects.Add(project);
    }

    /// <summary>Restores every added project in one command.</summary>
    public CommandResult RestoreAll()
    {
        var solution = new StringBuilder("<Solution>\n");
        foreach (var project in projects)
        {
            solution.Append(CultureInfo.InvariantCulture, $"  <Project Path=\"{project.Name}/{project.Name}.csproj\" />\n");
        }

        solution.Append("</Solution>\n");
        File.WriteAllText(Path.Combine(root, "Consumers.slnx"), solution.ToString());
        return DotNet.Run(root, RestoreTimeout, environment, "restore", "Consumers.slnx", "-tl:off", "-nodeReuse:false");
    }

    /// <summary><c>dotnet build</c> of one restored project, with the terminal logger off so the output is plain.</summary>
    public CommandResult Build(string name, params string[] arguments) =>
        DotNet.Run(
            root,
            BuildTimeout,
            environment,
            ["build", Path.Combine(name, name + ".csproj"), "--no-restore", "-tl:off", "-nodeReuse:false", .. arguments]);

    /// <summary>The enabled package sources of this machine's NuGet configuration (the mirror, here).</summary>
    private static List<string> MachinePackageSources()
    {
        var result = DotNet.Run(Repository.Root, TimeSpan.FromMinutes(1), null, "nuget", "list", "source", "--format", "short");
        result.Succeeded.Should().BeTrue("the machine's package sources must be readable; {0}", result);

        // One source a line: "E <url or path>" when enabled, "D ..." when disabled.
        var sources = result.Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
        sources.Should().NotBeEmpty("the consumers need this machine's package source for everything but ChatRequest.Builder; {0}", result);
        return sources;
    }

    private static string NuGetConfig(string packageFolder, string packagesCache, List<string> machineSources)
    {
        var sources = new StringBuilder();
        var mapping = new StringBuilder();
        for (var i = 0; i < machineSources.Count; i++)
        {
            sources.Append(CultureInfo.InvariantCulture, $"    <add key=\"machine{i}\" value=\"{SecurityElement.Escape(machineSources[i])}\" />\n");
            mapping.Append(CultureInfo.InvariantCulture, $"    <packageSource key=\"machine{i}\"><package pattern=\"*\" /></packageSource>\n");
        }

        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(packagesCache)}" />
              </config>
              <fallbackPackageFolders>
                <clear />
              </fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="under-test" value="{SecurityElement.Escape(packageFolder)}" />
            {sources}  </packageSources>
              <packageSourceMapping>
                <clear />
                <packageSource key="under-test"><package pattern="ChatRequest.Builder" /></packageSource>
            {mapping}  </packageSourceMapping>
            </configuration>
            """;
    }
}
