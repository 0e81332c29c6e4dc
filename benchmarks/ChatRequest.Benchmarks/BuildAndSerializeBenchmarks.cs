using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChatRequest.Benchmarks.Peers;

namespace ChatRequest.Benchmarks;

/// <summary>
/// Build + serialize the typical request, every variant side by side; the hand-written writer is the baseline.
/// Each operation constructs the request from scratch and produces its UTF-8 body (into the same reused buffer,
/// except ToJson/ToUtf8Bytes, which return a new string/array, and the OpenAI SDK, whose transport copies the body
/// into a reused buffer). <c>Program --check</c> proves the bodies are the same JSON.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class BuildAndSerializeBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;
    private OpenAISdkVariant _openAI = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _openAI = new OpenAISdkVariant();
    }

    [GlobalCleanup]
    public void Cleanup() => _openAI.Dispose();

    [Benchmark(Baseline = true, Description = "Floor: hand-written Utf8JsonWriter")]
    public int HandWrittenWriter()
    {
        Reset();
        TypicalRequest.WriteByHand(_writer);
        return Done();
    }

    [Benchmark(Description = "ChatRequest: chain + Build + WriteTo")]
    public int ChatRequest_BuildAndWriteTo()
    {
        Reset();
        TypicalRequest.BuildWithChatRequest().WriteTo(_writer);
        return Done();
    }

    [Benchmark(Description = "ChatRequest: chain + Build + ToJson (string)")]
    public int ChatRequest_BuildAndToJson() => TypicalRequest.BuildWithChatRequest().ToJson().Length;

    [Benchmark(Description = "ChatRequest: chain + Build + ToUtf8Bytes")]
    public int ChatRequest_BuildAndToUtf8Bytes() => TypicalRequest.BuildWithChatRequest().ToUtf8Bytes().Length;

    [Benchmark(Description = "POCO + source-generated STJ")]
    public int Poco_SourceGenerated()
    {
        Reset();
        PocoVariant.Write(_writer);
        return Done();
    }

    [Benchmark(Description = "Betalgo 9.2.6 (new options per call, as it sends)")]
    public int Betalgo()
    {
        Reset();
        BetalgoVariant.Write(_writer);
        return Done();
    }

    [Benchmark(Description = "Betalgo 9.2.6 (options held once)")]
    public int Betalgo_CachedOptions()
    {
        Reset();
        BetalgoVariant.WriteCachedOptions(_writer);
        return Done();
    }

    [Benchmark(Description = "OpenAI 2.15.0: whole CompleteChat call")]
    public int OpenAISdk_WholeCall() => _openAI.Call();

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    private int Done()
    {
        _writer.Flush();
        return _buffer.WrittenCount;
    }
}
