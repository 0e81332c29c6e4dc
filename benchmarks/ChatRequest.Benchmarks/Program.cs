using System.Text.Json.Nodes;
using BenchmarkDotNet.Running;
using ChatRequest.Benchmarks;

if (args.Length > 0 && args[0] == "--check")
{
    // Every variant must produce the same body (compared as JSON, member order aside).
    var floor = JsonNode.Parse(TypicalRequest.ByHandBytes());
    var ours = JsonNode.Parse(TypicalRequest.BuildWithChatRequest().ToJson());
    var same = JsonNode.DeepEquals(floor, ours);
    Console.WriteLine(same ? "check: all variants produce the same body" : "check FAILED: ChatRequest body differs from the floor");
    return same ? 0 : 1;
}

BenchmarkSwitcher.FromAssembly(typeof(TypicalRequest).Assembly).Run(args);
return 0;
