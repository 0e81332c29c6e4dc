using System.Globalization;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>What the fuzz tests start from: the programs found, and how test inputs are read out of test files.</summary>
public class ProgramCorpusTests
{
    [Test]
    public void The_corpus_holds_the_samples_the_docs_and_every_test_file_s_inputs()
    {
        var corpus = ProgramCorpus.All;
        var bySource = corpus.GroupBy(p => p.Source).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine(string.Join(", ", bySource.Select(pair => pair.Key + ": " + pair.Value.ToString(CultureInfo.InvariantCulture))));

        bySource.GetValueOrDefault(CorpusSource.Sample).Should().BeGreaterThanOrEqualTo(2, "samples/Quickstart and samples/AotSmoke");
        bySource.GetValueOrDefault(CorpusSource.Docs).Should().BeGreaterThanOrEqualTo(50, "every rule page has a violating and a compliant example, and the guide has more");
        bySource.GetValueOrDefault(CorpusSource.TestInput).Should().BeGreaterThanOrEqualTo(250, "the analyzer and code-fix tests hold about 290 distinct sources");
        corpus.Count(p => p.HasTopLevelStatements).Should().BeGreaterThan(50);
        corpus.Count(p => !p.HasTopLevelStatements).Should().BeGreaterThan(200);

        // Each rule's tests and each fix's tests give inputs: a test file whose sources the extractor cannot read is noticed.
        var testFiles = RepositoryFiles.Under("tests/ChatRequest.Analyzers.Tests/Rules", ".cs")
            .Concat(RepositoryFiles.Under("tests/ChatRequest.CodeFixes.Tests/Fixes", ".cs"))
            .Select(RepositoryFiles.Relative)
            .ToList();
        testFiles.Should().HaveCountGreaterThanOrEqualTo(23);
        var origins = corpus.Where(p => p.Source == CorpusSource.TestInput).Select(p => p.Origin.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        testFiles.Where(file => !origins.Contains(file)).Should().BeEmpty("every test file of a rule or a fix passes C# sources to a verifier");
    }

    [Test]
    public void Test_inputs_are_read_with_their_test_cases_wrappers_and_templates_and_without_markup()
    {
        const string testFile = """"
            class SomeTests
            {
                private const string Chain = """Chat.With("m").Temperature([|3|])""";

                [TestCase("TopP(2)")]
                [TestCase("N(0)")]
                public Task Cases(string call) =>
                    Verify.VerifyAsync(Code.InMethod($"""_ = builder.{call};"""));

                [Test]
                public Task Markup_and_editorconfig() =>
                    Verify.VerifyWithEditorConfigAsync(
                        """
                        class C { void M() => {|#0:Chat.With|}(""); }
                        """,
                        """
                        root = true
                        [*.cs]
                        dotnet_diagnostic.CHAT101.severity = none
                        """);

                [Test]
                public Task Template() => Run("class D { object M() => $CHAIN$; }", "not code, a message");
            }
            """";

        var inputs = TestInputExtractor.Extract("SomeTests.cs", testFile).ToList();

        inputs.Select(i => i.Text).Should().Equal(
            Verifiers.Code.InMethod("_ = builder.TopP(2);"),
            Verifiers.Code.InMethod("_ = builder.N(0);"),
            "class C { void M() => Chat.With(\"\"); }",
            "class D { object M() => Chat.With(\"m\").Temperature(3); }");
        inputs.Select(i => i.Origin).Should().Equal("SomeTests.cs:8", "SomeTests.cs:8 #1", "SomeTests.cs:13", "SomeTests.cs:23");
    }
}
