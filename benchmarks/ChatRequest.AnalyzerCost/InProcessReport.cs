using System.Globalization;
using System.Runtime.InteropServices;

namespace ChatRequest.AnalyzerCost;

/// <summary>Runs <see cref="InProcessCost"/> for each size and prints the tables of docs/performance.md, part 4.</summary>
public static class InProcessReport
{
    public static int Run(int[] sizes, int noBuilderChains, int repeats, bool concurrent, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, " +
            $"{(concurrent ? "concurrent" : "sequential")} build and analysis, median of {repeats} run(s) per size (1 run from 50,000 chains up)");
        output.WriteLine($"references: {InProcessCost.ReferenceSource} + ChatRequest.Builder.dll");
        output.WriteLine($"analyzers: {string.Join(", ", AnalyzerSet.Create().Select(a => a.GetType().Name))}");
        InProcessCost.WarmUp(output);

        var rows = new List<CostRow>();
        foreach (var size in sizes)
        {
            // The largest project is compiled once per pass: three passes of 50,000 chains already take minutes here.
            rows.Add(InProcessCost.Measure($"{size:N0} chains", size, useBuilder: true, size >= 50_000 ? 1 : repeats, concurrent, output));
        }

        if (noBuilderChains > 0)
        {
            rows.Add(InProcessCost.Measure($"no builder calls ({noBuilderChains / SyntheticProject.ChainsPerFile:N0} files)", noBuilderChains, useBuilder: false, repeats, concurrent, output));
        }

        output.WriteLine();
        output.WriteLine("| Project | Files | Lines | Parse (s) | Compile, no analyzers (s) | Whole compile (s) | ChatRequest analyzers (s) | Share of whole compile | Per 1,000 chains (ms) | Control analyzer (s) | Analysis pass wall, ours / control (s) | Diagnostics |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var perThousand = r.Chains == 0 ? "—" : r.OursMsPer1000Chains.ToString("F1", c);
            output.WriteLine(string.Create(c,
                $"| {r.Project} | {r.Files:N0} | {r.Lines:N0} | {r.ParseSeconds:F2} | {r.CompileSeconds:F2} | {r.WholeCompileSeconds:F2} | {r.OursSeconds:F3} | {r.SharePercent:F2} % | {perThousand} | {r.ControlSeconds:F3} | {r.AnalysisWallSeconds:F2} / {r.ControlWallSeconds:F2} | {r.DiagnosticsById.Values.Sum():N0} |"));
        }

        output.WriteLine();
        output.WriteLine("Per analyzer (s, median), largest project:");
        var largest = rows.Where(r => r.Chains > 0).MaxBy(r => r.Chains);
        if (largest is not null)
        {
            output.WriteLine("| Analyzer | Time (s) |");
            output.WriteLine("|---|---:|");
            foreach (var (name, seconds) in largest.PerAnalyzerSeconds.OrderByDescending(p => p.Value))
            {
                output.WriteLine(string.Create(c, $"| {name} | {seconds:F3} |"));
            }

            output.WriteLine();
            output.WriteLine("Diagnostics reported, largest project: " + string.Join(", ", largest.DiagnosticsById.Select(p => $"{p.Key} × {p.Value:N0}")));
        }

        return 0;
    }
}
