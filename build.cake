// Build script: `dotnet tool restore && dotnet cake` runs Build, Test and Pack (the Default target).
// Run one target with `dotnet cake --target=Test`; choose the configuration with `--configuration=Debug`.

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");

var solution = File("./ChatRequest.slnx");
var artifacts = Directory("./artifacts");
var packages = artifacts + Directory("packages");

Task("Clean")
    .Description("Removes build output of every project and the artifacts folder.")
    .Does(() =>
{
    DotNetClean(solution, new DotNetCleanSettings
    {
        Configuration = configuration,
    });

    if (DirectoryExists(artifacts))
    {
        DeleteDirectory(artifacts, new DeleteDirectorySettings { Recursive = true, Force = true });
    }
});

Task("Build")
    .Description("Restores and builds the solution (warnings are errors).")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings
    {
        Configuration = configuration,
    });
});

Task("Test")
    .Description("Runs every test project of the solution against the build output.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
    });
});

Task("Pack")
    .Description("Packs the library (with symbols) into artifacts/packages.")
    .IsDependentOn("Build")
    .Does(() =>
{
    EnsureDirectoryExists(packages);
    DotNetPack(solution, new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        OutputDirectory = packages,
    });

    var produced = GetFiles(packages.Path.FullPath + "/*.nupkg");
    if (produced.Count == 0)
    {
        throw new CakeException("Pack produced no .nupkg in " + packages.Path.FullPath + ".");
    }

    foreach (var package in produced)
    {
        Information("Packed {0}", package.GetFilename());
    }
});

Task("PackageSmoke")
    .Description("Runs only the package tests: packs the library into a temporary folder and builds consumer projects from it.")
    .Does(() =>
{
    DotNetTest("./tests/ChatRequest.Package.Tests/ChatRequest.Package.Tests.csproj", new DotNetTestSettings
    {
        Configuration = configuration,
    });
});

Task("AotSmoke")
    .Description("Publishes samples/AotSmoke with Native AOT (trim and AOT warnings are errors) and runs it.")
    .Does(() =>
{
    var output = artifacts + Directory("aot-smoke");
    DotNetPublish("./samples/AotSmoke/AotSmoke.csproj", new DotNetPublishSettings
    {
        Configuration = configuration,
        OutputDirectory = output,
    });

    var exitCode = StartProcess(output.Path.CombineWithFilePath("AotSmoke").FullPath);
    if (exitCode != 0)
    {
        throw new Exception("The Native AOT smoke test failed with exit code " + exitCode + ".");
    }
});

Task("Bench")
    .Description("docs/performance.md: --check, every BenchmarkDotNet class, then the analyzer's cost (in-process, and one real build). Narrow with --benchFilter='*Parse*'.")
    .Does(() =>
{
    var bench = "./benchmarks/ChatRequest.Benchmarks/ChatRequest.Benchmarks.csproj";
    var cost = "./benchmarks/ChatRequest.AnalyzerCost/ChatRequest.AnalyzerCost.csproj";
    var run = new DotNetRunSettings { Configuration = "Release" };
    var filter = Argument("benchFilter", "*");
    DotNetRun(bench, "--check", run);
    DotNetRun(bench, $"--filter \"{filter}\" --launchCount 1 --warmupCount 3 --iterationCount 15 --iterationTime 250", run);
    if (filter == "*")
    {
        DotNetRun(cost, "in-process --sizes 1000,10000,50000 --no-builder 10000 --repeats 3 --sequential", run);
        DotNetRun(cost, "real-build --chains 10000", run);
    }
});

Task("Default")
    .Description("Build, Test and Pack.")
    .IsDependentOn("Build")
    .IsDependentOn("Test")
    .IsDependentOn("Pack");

RunTarget(target);
