using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChatRequest.Benchmarks.Peers;

namespace ChatRequest.Benchmarks;

/// <summary>
/// Parse a UTF-8 body: ChatRequest's <c>FromJson</c> against a source-generated POCO deserializer of the same shape
/// (the Baseline of each body). Typical: the typical request's body; Large: 100 messages, 20 tools, content parts.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ParseBenchmarks
{
    private byte[] _body = null!;

    [Params("Typical", "Large")]
    public string Body { get; set; } = "Typical";

    [GlobalSetup]
    public void Setup() => _body = Body == "Large" ? LargeRequest.Utf8 : TypicalRequest.ByHandBytes();

    [Benchmark(Baseline = true, Description = "POCO + source-generated STJ: Deserialize")]
    public object Poco_Deserialize() => JsonSerializer.Deserialize(_body, PocoJsonContext.Default.PocoRequest)!;

    [Benchmark(Description = "ChatRequest: FromJson")]
    public object ChatRequest_FromJson() => CreateChatCompletionRequest.FromJson(_body);
}
