using System.Diagnostics;
using System.Globalization;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>
/// The analyzer under attack: every program of the repository (samples, docs code blocks, analyzer and code-fix test
/// inputs), cut after each of its tokens, and with random tokens deleted and inserted. Whatever the damage, no analyzer
/// may throw (neither the analyzer-exception callback nor AD0001), the driver must not fail, and every diagnostic
/// must point into its own tree. Counts are set by <see cref="FuzzSettings"/>: in CI a seeded quarter of the distinct
/// prefixes and 8 deletions and 8 insertions per program, with <c>CHATREQUEST_ANALYZER_FUZZ=long</c> every prefix and
/// 250 of each.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class MutatedProgramTests
{
    public enum Damage
    {
        Prefixes,
        Deletions,
        Insertions,
    }

    /// <summary>The samples are valid programs: they draw diagnostics only together with the docs' violating examples.</summary>
    public enum ProgramGroup
    {
        SamplesAndDocs,
        TestInputs,
    }

    public static IEnumerable<TestCaseData> Cases() =>
        from damage in Enum.GetValues<Damage>()
        from programs in Enum.GetValues<ProgramGroup>()
        select new TestCaseData(damage, programs).SetArgDisplayNames(damage.ToString(), programs.ToString());

    [Test]
    public async Task Batching_changes_no_diagnostic_of_a_complete_program()
    {
        // Alone: one compilation per program. Batched: the libraries all in one compilation, each top-level program
        // three times in one. A variant must get the same CHAT diagnostics either way, or batching would hide findings.
        var corpus = ProgramCorpus.All;
        var alone = new Dictionary<CorpusProgram, string[]>();
        foreach (var program in corpus)
        {
            var result = await BatchAnalysis.RunAsync(new[] { Complete(program) });
            result.Problems.Should().BeEmpty();
            alone[program] = Describe(result, 0);
        }

        var libraries = corpus.Where(p => !p.HasTopLevelStatements).Select(Complete).ToList();
        var batched = await BatchAnalysis.RunAsync(libraries);
        batched.Problems.Should().BeEmpty();
        for (var i = 0; i < libraries.Count; i++)
        {
            Describe(batched, i).Should().Equal(alone[libraries[i].Program], libraries[i].Program.Origin);
        }

        foreach (var program in corpus.Where(p => p.HasTopLevelStatements))
        {
            var copies = await BatchAnalysis.RunAsync(Enumerable.Repeat(Complete(program), 3).ToList());
            copies.Problems.Should().BeEmpty();
            for (var i = 0; i < 3; i++)
            {
                Describe(copies, i).Should().Equal(alone[program], program.Origin + ", copy " + i.ToString(CultureInfo.InvariantCulture));
            }
        }

        var ids = alone.Values.SelectMany(d => d).Select(d => d.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        TestContext.Out.WriteLine(alone.Values.Sum(d => d.Length).ToString(CultureInfo.InvariantCulture) + " CHAT diagnostics on the complete programs, ids " + string.Join(", ", ids.Order(StringComparer.Ordinal)));
        ids.Should().HaveCountGreaterThanOrEqualTo(16, "the corpus breaks most rules, so the comparison covers them");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task No_analyzer_fails_on_damaged_programs(Damage damage, ProgramGroup group)
    {
        var settings = FuzzSettings.Current;
        var programs = (group == ProgramGroup.TestInputs
            ? ProgramCorpus.Of(CorpusSource.TestInput)
            : ProgramCorpus.Of(CorpusSource.Sample).Concat(ProgramCorpus.Of(CorpusSource.Docs))).ToList();
        var expected = damage switch
        {
            Damage.Prefixes => programs.Sum(p => Mutations.PrefixCuts(p).Count),
            Damage.Deletions => programs.Count * settings.DeletionsPerProgram,
            _ => programs.Count * settings.InsertionsPerProgram,
        };
        var variants = programs.SelectMany(program => damage switch
        {
            Damage.Prefixes => Mutations.AllPrefixes(program),
            Damage.Deletions => Mutations.Deletions(program, settings.DeletionsPerProgram, settings.Seed),
            _ => Mutations.Insertions(program, settings.InsertionsPerProgram, settings.Seed),
        }).ToList();
        variants.Should().HaveCount(expected);

        // Many programs start alike (the docs' usings, the tests' Code.InMethod wrapper): each text is analyzed once.
        // In CI, a seeded share of the distinct prefixes (in order, so a program's variants stay together).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = variants.Where(variant => seen.Add(variant.Text)).ToList();
        var sample = new Random(settings.Seed);
        var analyzed = damage == Damage.Prefixes && settings.PrefixShare < 1
            ? distinct.Where(_ => sample.NextDouble() < settings.PrefixShare).ToList()
            : distinct;

        var stopwatch = Stopwatch.StartNew();
        var summary = await BatchAnalysis.RunAllAsync(analyzed, FuzzSettings.BatchSize);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{damage} of {programs.Count} programs ({group}): {variants.Count} variants, {distinct.Count} distinct, {summary.Variants} analyzed in {summary.Batches} compilations, {seconds:F1} s ({summary.Variants / seconds:F0} variants/s), {summary.ChatDiagnostics} CHAT diagnostics ({settings})"));

        summary.Problems.Should().BeEmpty("the analyzer must survive any damage; first problems:\n" + string.Join("\n\n", summary.Problems.Take(5)));
        summary.Variants.Should().Be(analyzed.Count);
        summary.ChatDiagnostics.Should().BePositive("damaged programs still break rules, so the analyzer did run on them");
    }

    private static Variant Complete(CorpusProgram program) => new(program, "complete", program.Text);

    /// <summary>The CHAT diagnostics of one tree as text: id, span (the same in every batch: the namespace prefix has a fixed width), message.</summary>
    private static string[] Describe(BatchResult result, int index) =>
        result.ChatDiagnosticsOf(index)
            .Select(d => d.Id + " " + d.Location.SourceSpan + " " + d.GetMessage(CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
