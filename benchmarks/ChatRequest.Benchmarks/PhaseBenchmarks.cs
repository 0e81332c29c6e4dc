using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace ChatRequest.Benchmarks;

/// <summary>Where the time of build + serialize goes: the chain, Build() (replay + validation), and the write alone.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class PhaseBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;
    private ChatRequestBuilder _chain = null!;
    private CreateChatCompletionRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _chain = TypicalRequest.Chain();
        _request = _chain.Build();
    }

    [Benchmark]
    public object ChainOnly() => TypicalRequest.Chain();

    [Benchmark]
    public object BuildOnly() => _chain.Build();

    [Benchmark]
    public object ValidateOnly() => _request.Validate();

    [Benchmark]
    public int WriteOnly()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _request.WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }
}
