using System.Globalization;
using ChatRequest.AnalyzerCost;

// Usage:
//   ChatRequest.AnalyzerCost [in-process] [--sizes 1000,10000,50000] [--no-builder 10000] [--repeats 3] [--sequential]
//   ChatRequest.AnalyzerCost real-build [--chains 10000] [--dir <folder>]
//   ChatRequest.AnalyzerCost write [--chains 1000] [--dir <folder>] [--no-builder]
var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "in-process";
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var defaultDir = Path.Combine(Path.GetTempPath(), "chatrequest-analyzer-cost");
switch (mode)
{
    case "write":
    {
        var dir = Option("--dir", defaultDir);
        var chains = int.Parse(Option("--chains", "1000"), CultureInfo.InvariantCulture);
        SyntheticProject.WriteToDisk(dir, chains, useBuilder: !args.Contains("--no-builder"), typeof(ChatRequest.Chat).Assembly.Location, AnalyzerSet.Assembly.Location);
        Console.WriteLine($"wrote {dir}");
        return 0;
    }

    case "real-build":
        return RealBuild.Run(Option("--dir", defaultDir), int.Parse(Option("--chains", "10000"), CultureInfo.InvariantCulture), Console.Out);

    case "in-process":
        return InProcessReport.Run(
            Option("--sizes", "1000,10000,50000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
            int.Parse(Option("--no-builder", "10000"), CultureInfo.InvariantCulture),
            int.Parse(Option("--repeats", "3"), CultureInfo.InvariantCulture),
            concurrent: !args.Contains("--sequential"),
            Console.Out);

    default:
        Console.Error.WriteLine($"unknown mode '{mode}' (in-process, real-build, write)");
        return 2;
}
