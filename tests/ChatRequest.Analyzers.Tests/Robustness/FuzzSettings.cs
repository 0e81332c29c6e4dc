using System.Globalization;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>
/// How much the robustness tests do. By default (CI) about 25 CPU seconds on two busy cores: a seeded quarter of the
/// distinct prefixes, 8 deletion and 8 insertion variants per program, 24 synthetic files and 2 concurrent runs. With
/// <c>CHATREQUEST_ANALYZER_FUZZ=long</c>: every distinct prefix, 250 deletions and 250 insertions per program, 400
/// synthetic files and 10 concurrent runs (about 6 minutes on two busy cores). <c>CHATREQUEST_ANALYZER_FUZZ_SEED</c>
/// (an integer) replaces the seed of the sampling, deletions and insertions, to try other variants or replay a run.
/// </summary>
internal sealed record FuzzSettings(string Mode, int Seed, double PrefixShare, int DeletionsPerProgram, int InsertionsPerProgram, int SyntheticFiles, int ConcurrentRuns)
{
    public const string ModeVariable = "CHATREQUEST_ANALYZER_FUZZ";

    public const string SeedVariable = "CHATREQUEST_ANALYZER_FUZZ_SEED";

    public const int DefaultSeed = 20_251_126;

    /// <summary>Variants per compilation (the speed comes from sharing one compilation among many trees).</summary>
    public const int BatchSize = 500;

    public static FuzzSettings Current { get; } = Read();

    public bool IsLong => Mode == "long";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"mode {Mode}, seed {Seed}, {PrefixShare:P0} of the prefixes, {DeletionsPerProgram} deletions and {InsertionsPerProgram} insertions per program, {SyntheticFiles} synthetic files, {ConcurrentRuns} concurrent runs");

    private static FuzzSettings Read()
    {
        var mode = Environment.GetEnvironmentVariable(ModeVariable);
        var seedText = Environment.GetEnvironmentVariable(SeedVariable);
        var seed = string.IsNullOrEmpty(seedText) ? DefaultSeed : int.Parse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture);
        return mode switch
        {
            null or "" or "ci" => new FuzzSettings("ci", seed, PrefixShare: 0.25, DeletionsPerProgram: 8, InsertionsPerProgram: 8, SyntheticFiles: 24, ConcurrentRuns: 2),
            "long" => new FuzzSettings("long", seed, PrefixShare: 1, DeletionsPerProgram: 250, InsertionsPerProgram: 250, SyntheticFiles: 400, ConcurrentRuns: 10),
            _ => throw new InvalidOperationException(ModeVariable + " must be unset, \"ci\" or \"long\", not \"" + mode + "\"."),
        };
    }
}
