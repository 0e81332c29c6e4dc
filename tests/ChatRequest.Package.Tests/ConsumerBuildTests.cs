using ChatRequest.Package.Tests.Infrastructure;

namespace ChatRequest.Package.Tests;

/// <summary>
/// Builds small projects against the packed library, as a user would get it from a feed: the analyzer inside the
/// package fails the build on an invalid constant, warns on a doubtful one, follows .editorconfig severities and the
/// opt-out property, and still loads under an older compiler. All projects restore once; builds run one at a time.
/// </summary>
[NonParallelizable]
public sealed class ConsumerBuildTests
{
    private const string OutOfRangeTemperature = """
        using ChatRequest;

        var request = Chat.With("gpt-4o").User("x").Temperature(3).Build();
        System.Console.WriteLine(request.ToJson());

        """;

    private const string SamplingConflict = """
        using ChatRequest;

        var request = Chat.With("gpt-4o").User("x").Temperature(0.2).TopP(0.9).Build();
        System.Console.WriteLine(request.ToJson());

        """;

    private const string Clean = """
        using ChatRequest;

        var request = Chat.With("gpt-4o")
            .System("You are a terse assistant.")
            .User("What is the capital of France?")
            .Temperature(0.2)
            .MaxCompletionTokens(256)
            .Stop("\n")
            .Build();
        System.Console.WriteLine(request.ToJson());

        """;

    /// <summary>The older compiler: a 4.x Microsoft.Net.Compilers.Toolset that the mirror serves (4.8 is the floor).</summary>
    private const string OlderCompilerVersion = "4.14.0";

    private ConsumerWorkspace workspace = null!;

    [OneTimeSetUp]
    public void CreateAndRestoreConsumers()
    {
        workspace = new ConsumerWorkspace(
            Path.Combine(PackedLibrary.WorkRoot, "consumers"),
            PackedLibrary.PackageFolder,
            PackedLibrary.Version);

        workspace.Add(new ConsumerProject("OutOfRange", OutOfRangeTemperature));
        workspace.Add(new ConsumerProject("Clean", Clean));
        workspace.Add(new ConsumerProject("SamplingConflict", SamplingConflict));
        workspace.Add(new ConsumerProject("SamplingConflictStrict", SamplingConflict));
        workspace.Add(new ConsumerProject("OptedOut", OutOfRangeTemperature)
        {
            Properties = "    <DisableChatRequestAnalyzers>true</DisableChatRequestAnalyzers>",
        });
        workspace.Add(new ConsumerProject("SeverityLowered", OutOfRangeTemperature)
        {
            EditorConfig = """
                [*.cs]
                dotnet_diagnostic.CHAT101.severity = warning

                """,
        });
        workspace.Add(new ConsumerProject("OlderCompiler", OutOfRangeTemperature)
        {
            // SDK 10 runs a compiler package's csc only when RoslynCompilerType is neither Core nor Framework.
            // C# 12 is what a 4.8 to 4.14 compiler understands.
            Properties = """
                    <RoslynCompilerType>Custom</RoslynCompilerType>
                    <LangVersion>12</LangVersion>
                """,
            Items = $"""    <PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="{OlderCompilerVersion}" PrivateAssets="all" />""",
        });

        // A library with the package, and applications that only reference that library.
        workspace.Add(new ConsumerProject("SharedRequests", """
            using ChatRequest;

            namespace SharedRequests;

            public static class Requests
            {
                public static ChatRequestBuilder Terse(string model) => Chat.With(model).System("Be terse.");
            }

            """)
        {
            OutputType = "Library",
        });
        var transitiveItems = """    <ProjectReference Include="../SharedRequests/SharedRequests.csproj" />""";
        workspace.Add(new ConsumerProject("Transitive", OutOfRangeTemperature)
        {
            ReferencesPackage = false,
            Items = transitiveItems,
        });
        workspace.Add(new ConsumerProject("TransitiveOptedOut", OutOfRangeTemperature)
        {
            ReferencesPackage = false,
            Items = transitiveItems,
            Properties = "    <DisableChatRequestAnalyzers>true</DisableChatRequestAnalyzers>",
        });

        var restore = workspace.RestoreAll();
        restore.Succeeded.Should().BeTrue("the consumers must restore from the packed folder; {0}", restore);
        restore.Output.Should().NotContain("warning NU", "a restore warning would hide a wrong package source; {0}", restore);
    }

    [Test]
    public void Out_of_range_constant_fails_the_build_with_CHAT101()
    {
        var result = workspace.Build("OutOfRange");

        result.Succeeded.Should().BeFalse("CHAT101 is an error; {0}", result);
        result.Output.Should().MatchRegex(@"Program\.cs\(3,\d+\): error CHAT101: ", "{0}", result);
        ShouldHaveLoadedTheAnalyzer(result);
    }

    [Test]
    public void Clean_consumer_builds_with_warnaserror()
    {
        var result = workspace.Build("Clean", "-warnaserror");

        result.Succeeded.Should().BeTrue("a valid request raises nothing; {0}", result);
        result.Output.Should().NotContain("CHAT");
        ShouldHaveLoadedTheAnalyzer(result);
    }

    [Test]
    public void Sampling_conflict_builds_with_a_CHAT201_warning()
    {
        var result = workspace.Build("SamplingConflict");

        result.Succeeded.Should().BeTrue("CHAT201 is a warning; {0}", result);
        result.Output.Should().MatchRegex(@"Program\.cs\(3,\d+\): warning CHAT201: ", "{0}", result);
        ShouldHaveLoadedTheAnalyzer(result);
    }

    [Test]
    public void Sampling_conflict_fails_with_warnaserror()
    {
        var result = workspace.Build("SamplingConflictStrict", "-warnaserror");

        result.Succeeded.Should().BeFalse("-warnaserror makes the CHAT201 warning fail the build; {0}", result);
        result.Output.Should().MatchRegex(@"Program\.cs\(3,\d+\): error CHAT201: ", "{0}", result);
        ShouldHaveLoadedTheAnalyzer(result);
    }

    [Test]
    public void DisableChatRequestAnalyzers_removes_the_analyzer()
    {
        var result = workspace.Build("OptedOut");

        result.Succeeded.Should().BeTrue("the opt-out property removes the analyzer; {0}", result);
        result.Output.Should().NotContain("CHAT101");
    }

    [Test]
    public void Editorconfig_severity_turns_CHAT101_into_a_warning()
    {
        var result = workspace.Build("SeverityLowered");

        result.Succeeded.Should().BeTrue("dotnet_diagnostic.CHAT101.severity = warning; {0}", result);
        result.Output.Should().MatchRegex(@"Program\.cs\(3,\d+\): warning CHAT101: ", "{0}", result);
        result.Output.Should().NotContain("error CHAT101");
        ShouldHaveLoadedTheAnalyzer(result);
    }

    [Test]
    public void Older_compiler_still_reports_CHAT101_as_an_error()
    {
        // Normal verbosity prints the compiler's command line, which shows which csc ran.
        var result = workspace.Build("OlderCompiler", "-v:n");

        result.Output.Should().Contain(
            $"microsoft.net.compilers.toolset/{OlderCompilerVersion}/",
            "the build must run the {0} compiler from the package, not the SDK's own", OlderCompilerVersion);
        result.Succeeded.Should().BeFalse("CHAT101 is an error under the older compiler too; {0}", result);
        result.Output.Should().MatchRegex(@"Program\.cs\(3,\d+\): error CHAT101: ", "{0}", result);
        ShouldHaveLoadedTheAnalyzer(result);
    }

    [Test]
    public void Analyzer_reaches_a_project_that_gets_the_package_through_a_project_reference()
    {
        var result = workspace.Build("Transitive");

        result.Succeeded.Should().BeFalse("the analyzer flows with the package to referencing projects; {0}", result);
        result.Output.Should().MatchRegex(@"Program\.cs\(3,\d+\): error CHAT101: ", "{0}", result);
        ShouldHaveLoadedTheAnalyzer(result);
    }

    [Test]
    public void DisableChatRequestAnalyzers_works_in_a_project_that_gets_the_package_through_a_project_reference()
    {
        var result = workspace.Build("TransitiveOptedOut");

        result.Succeeded.Should().BeTrue("buildTransitive/ carries the opt-out to referencing projects; {0}", result);
        result.Output.Should().NotContain("CHAT101");
    }

    /// <summary>
    /// An analyzer that the compiler refuses (CS9057: built against a newer Roslyn), cannot instantiate (CS8032) or
    /// that throws (AD0001) reports nothing, so a passing build would prove nothing.
    /// </summary>
    private static void ShouldHaveLoadedTheAnalyzer(CommandResult result) =>
        result.Output.Should().NotContainAny(["CS9057", "CS8032", "AD0001"], "the analyzer must load and run; {0}", result);
}
