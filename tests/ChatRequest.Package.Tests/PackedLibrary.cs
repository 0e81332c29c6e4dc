using System.Diagnostics;
using System.Globalization;
using ChatRequest.Package.Tests.Infrastructure;

namespace ChatRequest.Package.Tests;

/// <summary>
/// Packs ChatRequest.Builder once per test run, with a version no earlier run used (NuGet caches packages by id and
/// version, so a reused version could test an old analyzer), into a temporary folder that is removed afterwards.
/// The build output goes to that folder too (<c>--artifacts-path</c>), so the repository's bin/ and obj/ are untouched.
/// Set CHATREQUEST_KEEP_PACKAGE_TEST_FILES=1 to keep the folder for a look.
/// </summary>
[SetUpFixture]
public sealed class PackedLibrary
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(4);
    private static readonly Stopwatch RunTime = new();
    private static string? workRoot;
    private static string? packageFile;
    private static CommandResult? packResult;

    public static string Version { get; } =
        "0.1.0-t" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    /// <summary>The temporary folder of this run: packages/, the pack's build output, the consumers.</summary>
    public static string WorkRoot => workRoot ?? throw new InvalidOperationException("The package was not set up.");

    /// <summary>The folder holding the packed .nupkg, used as a package source by the consumers.</summary>
    public static string PackageFolder => Path.Combine(WorkRoot, "packages");

    public static string PackageFile => packageFile ?? throw new InvalidOperationException("The package was not packed.");

    internal static CommandResult PackResult => packResult ?? throw new InvalidOperationException("The package was not packed.");

    [OneTimeSetUp]
    public void Pack()
    {
        RunTime.Start();
        workRoot = Path.Combine(Path.GetTempPath(), "chatrequest-package-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(workRoot);
        TestContext.Progress.WriteLine($"Package tests: packing ChatRequest.Builder {Version} in {workRoot}");

        packResult = DotNet.Run(
            Repository.Root,
            PackTimeout,
            environment: null,
            "pack", Repository.LibraryProject,
            "--configuration", "Release",
            "--output", PackageFolder,
            "--artifacts-path", Path.Combine(workRoot, "build"),
            "-p:Version=" + Version,
            "-tl:off",
            "-nodeReuse:false");
        packResult.Succeeded.Should().BeTrue("the library must pack; {0}", packResult);

        packageFile = Path.Combine(PackageFolder, $"ChatRequest.Builder.{Version}.nupkg");
        File.Exists(packageFile).Should().BeTrue("pack must produce {0}; {1}", packageFile, packResult);
    }

    [OneTimeTearDown]
    public void RemoveWorkRoot()
    {
        TestContext.Progress.WriteLine($"Package tests: {RunTime.Elapsed.TotalSeconds:F1} s from packing to the last consumer build");
        if (workRoot is null || !Directory.Exists(workRoot))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("CHATREQUEST_KEEP_PACKAGE_TEST_FILES") == "1")
        {
            TestContext.Progress.WriteLine($"Package tests: kept {workRoot}");
            return;
        }

        try
        {
            Directory.Delete(workRoot, recursive: true);
        }
        catch (IOException exception)
        {
            TestContext.Progress.WriteLine($"Package tests: could not remove {workRoot}: {exception.Message}");
        }
        catch (UnauthorizedAccessException exception)
        {
            TestContext.Progress.WriteLine($"Package tests: could not remove {workRoot}: {exception.Message}");
        }
    }
}
