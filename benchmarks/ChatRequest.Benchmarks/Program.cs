using BenchmarkDotNet.Running;
using ChatRequest.Benchmarks;

if (args.Length > 0 && args[0] == "--check")
{
    return BodyCheck.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(TypicalRequest).Assembly).Run(args);
return 0;
