using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace ChatRequest.Benchmarks;

/// <summary>Build + serialize the typical request; the hand-written writer is the baseline.</summary>
[MemoryDiagnoser]
public class BuildAndSerializeBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup() => _writer = new Utf8JsonWriter(_buffer);

    [Benchmark(Baseline = true)]
    public int HandWrittenWriter()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        TypicalRequest.WriteByHand(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int ChatRequest_BuildAndWriteTo()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        TypicalRequest.BuildWithChatRequest().WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int ChatRequest_BuildAndToJson() => TypicalRequest.BuildWithChatRequest().ToJson().Length;
}
