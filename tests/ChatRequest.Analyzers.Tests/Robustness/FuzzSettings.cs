using System.Globalization;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>
/// How much the robustness tests do. By default (CI) they stay within about half a minute on two cores; with
/// <c>CHATREQUEST_ANALYZER_FUZZ=long</c> they do about ten times more. <c>CHATREQUEST_ANALYZER_FUZZ_SEED</c> (an
/// integer) replaces the seed of the random deletions and insertions, to try other variants or to replay a run.
/// </summary>
internal sealed record FuzzSettings(string Mode, int Seed, int DeletionsPerProgram, int InsertionsPerProgram, int SyntheticFiles, int ConcurrentRuns)
{
    public const string ModeVariable = "CHATREQUEST_ANALYZER_FUZZ";

    public const string SeedVariable = "CHATREQUEST_ANALYZER_FUZZ_SEED";

    public const int DefaultSeed = 20_251_126;

    /// <summary>Variants per compilation (the speed comes from sharing one compilation among many trees).</summary>
    public const int BatchSize = 500;

    public static FuzzSettings Current { get; } = Read();

    public bool IsLong => Mode == "long";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"mode {Mode}, seed {Seed}, {DeletionsPerProgram} deletions and {InsertionsPerProgram} insertions per program, {SyntheticFiles} synthetic files, {ConcurrentRuns} concurrent runs");

    private static FuzzSettings Read()
    {
        var mode = Environment.GetEnvironmentVariable(ModeVariable);
        var seedText = Environment.GetEnvironmentVariable(SeedVariable);
        var seed = string.IsNullOrEmpty(seedText) ? DefaultSeed : int.Parse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture);
        return mode switch
        {
            null or "" or "ci" => new FuzzSettings("ci", seed, DeletionsPerProgram: 16, InsertionsPerProgram: 16, SyntheticFiles: 40, ConcurrentRuns: 3),
            "long" => new FuzzSettings("long", seed, DeletionsPerProgram: 250, InsertionsPerProgram: 250, SyntheticFiles: 400, ConcurrentRuns: 10),
            _ => throw new InvalidOperationException(ModeVariable + " must be unset, \"ci\" or \"long\", not \"" + mode + "\"."),
        };
    }
}
