namespace ChatRequest.Tests;

/// <summary>Makes sure each test project really runs against the library build it claims to.</summary>
public class TargetUnderTestTests
{
    [Test]
    public void Runs_against_the_expected_library_target()
    {
        var framework = typeof(Chat).Assembly.GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false)
            .Cast<System.Runtime.Versioning.TargetFrameworkAttribute>().Single().FrameworkName;
#if NETSTANDARD_BUILD_UNDER_TEST
        framework.Should().Be(".NETStandard,Version=v2.0");
#else
        framework.Should().Be(".NETCoreApp,Version=v10.0");
#endif
    }
}
