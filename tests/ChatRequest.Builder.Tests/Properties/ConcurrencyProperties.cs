using System.Globalization;
using CsCheck;

namespace ChatRequest.Tests.Properties;

/// <summary>
/// One builder shared by 16 threads that start together (a Barrier) and each derive and build many variants of it:
/// every result equals the one computed first on one thread. The request built once from the shared builder, whose
/// object model is made on first access, is read by all threads at once as well.
/// </summary>
public class ConcurrencyProperties
{
    private const int Threads = 16;
    private const int VariantsPerThread = 40;
    private const int BuildsPerRound = Threads * VariantsPerThread;
    private const int CiBuilds = 6 * BuildsPerRound;

    private sealed record Round(Recipe Shared, Step[][] Variants)
    {
        public override string ToString() => "var shared = " + Shared + ";" + Environment.NewLine + "// and " + Variants.Length + " variants of it";

        public string Variant(int i) => string.Create(CultureInfo.InvariantCulture,
            $"thread {i / VariantsPerThread}, variant {i % VariantsPerThread}: shared{string.Concat(Variants[i].Select(s => s.ToString()))}");
    }

    private static readonly Gen<Round> RoundGen = Gen.Select(Generators.ValidRecipe, Generators.AnyStep.Array[0, 3].Array[BuildsPerRound], (shared, variants) => new Round(shared, variants));

    private static string Outcome(ChatRequestBuilder builder)
    {
        try
        {
            var request = builder.Build();
            return request.ToJson() + " / " + request.Validate().Count.ToString(CultureInfo.InvariantCulture);
        }
        catch (ChatRequestValidationException e)
        {
            return "throws: " + string.Join(" | ", e.Problems);
        }
    }

    /// <summary>Reads the shared request in one of several ways, so that threads make its object model from different members.</summary>
    private static string Read(CreateChatCompletionRequest request, int way) => way switch
    {
        0 => request.ToJson(),
        1 => request.Messages!.Count.ToString(CultureInfo.InvariantCulture),
        2 => request.Model!,
        3 => (request.AdditionalProperties?.Count ?? -1).ToString(CultureInfo.InvariantCulture),
        4 => request.Validate().Count.ToString(CultureInfo.InvariantCulture),
        _ => request.ToBuilder().Build().ToJson(),
    };

    private const int ReadWays = 6;

    [Test]
    public void A_builder_shared_by_16_threads_gives_each_thread_what_one_thread_gets()
    {
        PropertyRun.ForAll("16 threads on one builder (cases = variants built)", RoundGen, CiBuilds, seed: 5, round =>
        {
            var shared = round.Shared.Builder();
            var expected = round.Variants.Select(v => Outcome(Recipe.Apply(shared, v))).ToArray();
            var sharedRequest = shared.Build();
            var expectedReads = Enumerable.Range(0, ReadWays).Select(w => Read(round.Shared.Builder().Build(), w)).ToArray();
            var expectedBody = expectedReads[0];

            var actual = new string[expected.Length];
            var reads = new string[Threads];
            var bodies = new string[Threads];
            var failures = new Exception?[Threads];
            using var barrier = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                try
                {
                    barrier.SignalAndWait();
                    reads[t] = Read(sharedRequest, t % ReadWays);
                    for (var v = 0; v < VariantsPerThread; v++)
                    {
                        var i = (t * VariantsPerThread) + v;
                        actual[i] = Outcome(Recipe.Apply(shared, round.Variants[i]));
                    }

                    bodies[t] = sharedRequest.ToJson();
                }
                catch (Exception e)
                {
                    failures[t] = e;
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            failures.Should().OnlyContain(f => f == null);
            var wrong = Enumerable.Range(0, expected.Length).Where(i => actual[i] != expected[i]).ToList();
            wrong.Should().BeEmpty("each variant built on a thread equals the one built alone; the first that does not is {0}",
                wrong.Count == 0 ? string.Empty : round.Variant(wrong[0]) + Environment.NewLine + "alone: " + expected[wrong[0]] + Environment.NewLine + "on the thread: " + actual[wrong[0]]);
            reads.Should().Equal(Enumerable.Range(0, Threads).Select(t => expectedReads[t % ReadWays]), "the shared request reads the same from every thread");
            bodies.Should().OnlyContain(b => b == expectedBody);
        }, round => round.ToString(), shrink: false, casesPerValue: BuildsPerRound);
    }
}
