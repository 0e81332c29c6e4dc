namespace ChatRequest.Tests.Hostile;

/// <summary>
/// Seeded hostile bodies through every FromJson overload: a request or a JsonException, never another exception, a
/// crash or a hang; a parsed request writes, validates and round-trips. The long run is tests/ChatRequest.Fuzz.
/// </summary>
public class HostileBodyTests
{
    private const int Cases = 20_000;

    // Another seed than the fuzz command's default, so the two runs cover different cases.
    private const ulong RunSeed = 20_000;

    // Bodies up to 64 KiB here (room for 10,000 levels of nesting); the 10 MB extremes are named tests
    // (ExtremeBodyTests) and the fuzz command's default.
    private const int MaxSize = 64 * 1024;

    // Only a hang guard: a case takes milliseconds, and one that runs a minute is stuck, not slow.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(1);

    [Test]
    public void Twenty_thousand_hostile_bodies_are_a_request_or_a_JsonException_and_parsed_ones_round_trip()
    {
        var mutator = new JsonMutator([.. HostileSeeds.Load(SpecFiles.ValidationCases).Select(s => s.Body)], MaxSize);

        var report = HostileRunner.Run(mutator, RunSeed, first: 0, Cases, HangLimit);

        TestContext.Out.WriteLine($"seed {RunSeed}, {mutator.SeedCount} seed bodies, max size {MaxSize:N0} bytes");
        TestContext.Out.WriteLine(report.Summary());
        report.Hang.Should().BeNull("case {0} ({1}) did not finish", report.Hang?.Index, report.Hang?.Case.Description);
        report.Failures.Should().BeEmpty(
            "every body is a request or a JsonException; first failure: case {0} ({1}):\n{2}",
            report.Failures.FirstOrDefault()?.Index,
            report.Failures.FirstOrDefault()?.Case.Description,
            report.Failures.FirstOrDefault()?.Failure);
        report.Cases.Should().Be(Cases);

        // The mix is worth running: both outcomes are common, and every kind of mutation came up.
        report.Accepted.Should().BeGreaterThan(Cases / 10);
        report.Rejected.Should().BeGreaterThan(Cases / 10);
        report.ByKind.Keys.Should().BeEquivalentTo(JsonMutator.AllKinds);
    }

    [Test]
    public void A_case_is_made_again_from_its_seed_alone()
    {
        var seeds = HostileSeeds.Load(SpecFiles.ValidationCases).Select(s => s.Body).ToList();
        var one = new JsonMutator(seeds, MaxSize);
        var other = new JsonMutator(seeds, MaxSize);
        var distinct = new HashSet<string>();

        for (var index = 0; index < 300; index++)
        {
            var seed = JsonMutator.CaseSeed(RunSeed, index);
            var first = one.Create(seed);
            var again = other.Create(seed);

            again.Utf8.Should().Equal(first.Utf8, "case {0} ({1})", index, first.Description);
            again.Description.Should().Be(first.Description);
            distinct.Add(Convert.ToBase64String(first.Utf8));
        }

        distinct.Count.Should().BeGreaterThan(250, "different seeds make different bodies");
    }

    [Test]
    public void The_string_overload_gets_lone_surrogates_from_three_byte_surrogate_sequences()
    {
        byte[] body = [(byte)'"', 0xED, 0xA0, 0x80, (byte)'x', 0xED, 0xB0, 0x81, 0xC3, 0xA9, 0xFF, (byte)'"'];

        var text = HostileProbe.Text(body);

        text.Should().Be("\"\uD800x\uDC01\u00E9\uFFFD\"");
    }
}
