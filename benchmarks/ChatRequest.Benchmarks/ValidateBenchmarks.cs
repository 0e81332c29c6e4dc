using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace ChatRequest.Benchmarks;

/// <summary>
/// <c>Validate()</c> on the (already built) typical request, against build + serialize of the same request (the
/// Baseline), so the Ratio column reads directly as "validation's share of build + serialize".
/// Note that <c>Build()</c> itself validates, so the baseline already contains one validation.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ValidateBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;
    private CreateChatCompletionRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _request = TypicalRequest.BuildWithChatRequest();
    }

    [Benchmark(Baseline = true, Description = "ChatRequest: chain + Build + WriteTo")]
    public int BuildAndWriteTo()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        TypicalRequest.BuildWithChatRequest().WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "ChatRequest: Validate() of the built request")]
    public int Validate() => _request.Validate().Count;
}
