using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatRequest.AnalyzerCost;

/// <summary>
/// Writes the synthetic project to disk and runs one real
/// <c>dotnet build --no-incremental -p:ReportAnalyzer=true -tl:off -v:d -clp:PerformanceSummary</c>, keeping the
/// whole log (and a binlog) next to the project, then extracts the compiler's analyzer report: the total analyzer
/// time, ChatRequest.Analyzers' line and its rules, and the Csc task's time from the performance summary.
/// (The terminal logger would hide the report; hence -tl:off and -v:d.)
/// </summary>
public static partial class RealBuild
{
    public static int Run(string directory, int chains, TextWriter output)
    {
        directory = Path.GetFullPath(directory);
        var builderDll = typeof(Chat).Assembly.Location;
        var analyzerDll = AnalyzerSet.Assembly.Location;
        SyntheticProject.WriteToDisk(directory, chains, useBuilder: true, builderDll, analyzerDll);
        output.WriteLine($"wrote {chains:N0} chains in {Directory.GetFiles(Path.Combine(directory, "src")).Length:N0} files to {directory}");

        string[] arguments =
        [
            "build", "Synthetic.csproj", "-c", "Release", "--no-incremental", "-nodeReuse:false",
            "-p:ReportAnalyzer=true", "-p:UseSharedCompilation=false", "-tl:off", "-v:d", "-clp:PerformanceSummary", "-bl:build.binlog",
        ];
        output.WriteLine("running: dotnet " + string.Join(' ', arguments) + "   (in " + directory + ")");
        var logPath = Path.Combine(directory, "build.log");
        var sw = Stopwatch.StartNew();
        int exitCode;
        using (var log = new StreamWriter(logPath))
        using (var process = new Process())
        {
            process.StartInfo = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                process.StartInfo.ArgumentList.Add(argument);
            }

            process.StartInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            exitCode = process.ExitCode;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build exited with {exitCode} after {sw.Elapsed.TotalSeconds:F1} s; full log: {logPath}"));
        var lines = File.ReadAllLines(logPath);
        var report = Extract(lines);
        output.WriteLine();
        output.WriteLine("| Figure | Value |");
        output.WriteLine("|---|---:|");
        output.WriteLine($"| Csc task (performance summary) | {report.CscSeconds?.ToString("F3", CultureInfo.InvariantCulture) ?? "not found"} s |");
        output.WriteLine($"| Total analyzer execution time (all analyzers, summed over threads) | {report.TotalAnalyzerSeconds?.ToString("F3", CultureInfo.InvariantCulture) ?? "not found"} s |");
        output.WriteLine($"| ChatRequest.Analyzers | {report.OursSeconds?.ToString("F3", CultureInfo.InvariantCulture) ?? "not found"} s ({report.OursPercent ?? "?"} % of analyzer time) |");
        if (report.OursSeconds is { } ours && report.CscSeconds is { } csc)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ChatRequest.Analyzers / Csc task | {100 * ours / csc:F2} % |"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ChatRequest.Analyzers per 1,000 chains | {1000 * ours * 1000 / chains:F1} ms |"));
        }

        output.WriteLine();
        output.WriteLine("The compiler's analyzer report, as printed:");
        output.WriteLine("```");
        foreach (var line in report.ReportLines)
        {
            output.WriteLine(line);
        }

        output.WriteLine("```");
        return exitCode == 0 && report.OursSeconds is not null ? 0 : 1;
    }

    private sealed record Report(double? CscSeconds, double? TotalAnalyzerSeconds, double? OursSeconds, string? OursPercent, List<string> ReportLines);

    private static Report Extract(string[] lines)
    {
        double? total = null;
        double? ours = null;
        string? oursPercent = null;
        double? csc = null;
        var reportLines = new List<string>();
        var inReport = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            var totalMatch = TotalPattern().Match(line);
            if (totalMatch.Success && total is null)
            {
                total = double.Parse(totalMatch.Groups[1].Value, CultureInfo.InvariantCulture);
                inReport = true;
            }

            if (inReport)
            {
                if (line.Contains("Generator", StringComparison.Ordinal) && line.Contains("Total", StringComparison.Ordinal) && reportLines.Count > 3)
                {
                    inReport = false;
                }
                else if (line.Length == 0 && reportLines.Count > 3)
                {
                    inReport = false;
                }
                else
                {
                    // Keep the total, the header, every assembly line and our rules; skip other assemblies' rules.
                    var trimmed = line.Trim();
                    if (totalMatch.Success || trimmed.StartsWith("Time (s)", StringComparison.Ordinal) || trimmed.StartsWith("NOTE", StringComparison.Ordinal)
                        || line.Contains(", Version=", StringComparison.Ordinal) || line.Contains("ChatRequest", StringComparison.Ordinal))
                    {
                        reportLines.Add(line);
                    }
                }
            }

            var oursMatch = OursPattern().Match(line);
            if (oursMatch.Success && ours is null)
            {
                ours = double.Parse(oursMatch.Groups[1].Value, CultureInfo.InvariantCulture);
                oursPercent = oursMatch.Groups[2].Value;
            }

            var cscMatch = CscPattern().Match(line);
            if (cscMatch.Success)
            {
                csc = double.Parse(cscMatch.Groups[1].Value, CultureInfo.InvariantCulture) / 1000;
            }
        }

        return new Report(csc, total, ours, oursPercent, reportLines);
    }

    [GeneratedRegex(@"Total analyzer execution time:\s*([0-9.]+)\s*seconds")]
    private static partial Regex TotalPattern();

    // e.g. "   0.012    1   ChatRequest.Analyzers, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null"
    [GeneratedRegex(@"^\s*([0-9.]+)\s+(<?\s*[0-9]+)\s+ChatRequest\.Analyzers, Version=")]
    private static partial Regex OursPattern();

    // e.g. "     4321 ms  Csc                                        1 calls"
    [GeneratedRegex(@"^\s*([0-9]+)\s*ms\s+Csc\s+[0-9]+ calls")]
    private static partial Regex CscPattern();
}
