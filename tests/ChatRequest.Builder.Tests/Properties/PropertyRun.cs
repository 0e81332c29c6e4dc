using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace ChatRequest.Tests.Properties;

/// <summary>
/// Runs a property over a fixed, reproducible sequence of generated cases: case <c>i</c> of a property is generated
/// from PCG seed <c>spread(seed) + i</c>, so a CI run always checks the same cases, and a longer run checks those and
/// more. On a failure CsCheck shrinks from the failing case's seed, calls are then left out while it still fails, and
/// the assertion message shows the smallest failing case as C#.
/// </summary>
/// <remarks>
/// By hand: <c>CHATREQUEST_PROPERTY_ITER=100000</c> runs that many cases of every property (instead of each one's CI
/// count), and <c>CHATREQUEST_PROPERTY_SEED=n</c> starts from another seed. <c>CHATREQUEST_PROPERTY_SHRINK</c> sets how
/// many cases CsCheck tries while shrinking (default 5,000).
/// </remarks>
internal static class PropertyRun
{
    public const string IterationsVariable = "CHATREQUEST_PROPERTY_ITER";
    public const string SeedVariable = "CHATREQUEST_PROPERTY_SEED";
    public const string ShrinkVariable = "CHATREQUEST_PROPERTY_SHRINK";

    /// <summary>The PCG stream every property draws from (a seed picks the position in it).</summary>
    private const uint Stream = 20_261_125;

    /// <summary>The number of cases: the CI count, or <see cref="IterationsVariable"/> when set.</summary>
    public static int Cases(int ciCases) =>
        int.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : ciCases;

    /// <summary>The first seed: the property's own, or <see cref="SeedVariable"/> added to it when set.</summary>
    public static ulong Seed(ulong seed) =>
        ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? unchecked(seed + (s * 1_000_003UL)) : seed;

    private static long ShrinkCases() =>
        long.TryParse(Environment.GetEnvironmentVariable(ShrinkVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 5_000;

    /// <summary>
    /// Where a property's cases start in the PCG sequence: far apart for different seeds (a golden-ratio multiply),
    /// so that properties with nearby seeds do not check the same cases shifted by one.
    /// </summary>
    private static ulong Spread(ulong seed) => unchecked(seed * 0x9E3779B97F4A7C15UL);

    /// <summary>The case generated from <paramref name="seed"/> (the same value on every run and machine).</summary>
    public static T Generate<T>(Gen<T> gen, ulong seed) => gen.Generate(new PCG(Stream, seed), null!, out _);

    /// <summary>
    /// Checks <paramref name="property"/> (which throws on failure) on <see cref="Cases"/> generated cases and reports
    /// the count (of cases: a value may stand for <paramref name="casesPerValue"/> of them). On a failure, CsCheck shrinks the case; <paramref name="simplify"/> (if given) then proposes smaller
    /// cases, each kept while it fails with the same kind of exception. Returns the number of cases run.
    /// </summary>
    public static int ForAll<T>(string name, Gen<T> gen, int ciCases, ulong seed, Action<T> property, Func<T, string> print,
        Func<T, IEnumerable<T>>? simplify = null, bool shrink = true, int casesPerValue = 1)
    {
        // A generated value may stand for several cases (a round of many builds): the count is of cases.
        var cases = (Cases(ciCases) + casesPerValue - 1) / casesPerValue;
        var first = Seed(seed);
        var start = Spread(first);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            var pcg = new PCG(Stream, unchecked(start + (ulong)i));
            var caseSeed = pcg.ToString();
            var value = gen.Generate(pcg, null!, out _);
            try
            {
                property(value);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                throw Failed(name, i, cases, first, caseSeed, gen, property, print, simplify, value, failure, shrink);
            }
        }

        var what = casesPerValue == 1 ? $"{cases:N0} cases" : $"{cases:N0} rounds of {casesPerValue:N0} = {cases * casesPerValue:N0} cases";
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {what} passed (seed {first}) in {clock.Elapsed.TotalSeconds:F2} s"));
        return cases * casesPerValue;
    }

    private static Exception? FailureOf<T>(Action<T> property, T value)
    {
        try
        {
            property(value);
            return null;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            return failure;
        }
    }

    private static AssertionException Failed<T>(string name, int index, int cases, ulong first, string caseSeed, Gen<T> gen, Action<T> property,
        Func<T, string> print, Func<T, IEnumerable<T>>? simplify, T value, Exception failure, bool shrink)
    {
        var report = new System.Text.StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Property '{name}' failed on case {index + 1:N0} of {cases:N0} (first seed {first}, CsCheck seed \"{caseSeed}\").")
            .AppendLine();
        var smallest = value;
        var smallestFailure = failure;
        if (shrink)
        {
            // One thread: CsCheck then asserts only cases smaller than the smallest failure so far, so the last one
            // that fails is the smallest it found.
            try
            {
                gen.Sample(
                    candidate =>
                    {
                        if (FailureOf(property, candidate) is { } e && e.GetType() == failure.GetType())
                        {
                            smallest = candidate;
                            smallestFailure = e;
                            throw e;
                        }
                    },
                    seed: caseSeed, iter: ShrinkCases(), threads: 1, print: print);
            }
            catch (CsCheckException shrunk)
            {
                report.AppendLine("CsCheck: " + shrunk.Message.Split('\n')[0]);
            }
        }

        if (simplify is not null)
        {
            var tries = 0;
            for (var progress = true; progress && tries < 5_000;)
            {
                progress = false;
                foreach (var candidate in simplify(smallest))
                {
                    if (++tries >= 5_000)
                    {
                        break;
                    }

                    if (FailureOf(property, candidate) is { } e && e.GetType() == smallestFailure.GetType())
                    {
                        (smallest, smallestFailure, progress) = (candidate, e, true);
                        break;
                    }
                }
            }
        }

        report.AppendLine("Smallest failing case found:").AppendLine(print(smallest)).Append("Its failure: ").AppendLine(smallestFailure.Message).AppendLine()
            .AppendLine("Original case:").AppendLine(print(value)).Append("Its failure: ").Append(failure);
        return new AssertionException(report.ToString(), failure);
    }
}
