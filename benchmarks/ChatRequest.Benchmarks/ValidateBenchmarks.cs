using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace ChatRequest.Benchmarks;

/// <summary>
/// <c>Validate()</c> on the (already built) typical request, against build + serialize of the same request (the
/// Baseline), so the Ratio column reads directly as "validation's share of build + serialize".
/// Note that <c>Build()</c> itself validates, so the baseline already contains one validation.
/// A built request is validated from its chain (no object model is made, nothing is cached: every call walks the
/// chain); the second row validates the same body parsed with <c>FromJson</c>, which takes the full validator over
/// the object model, as any parsed or changed request does.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ValidateBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;
    private CreateChatCompletionRequest _request = null!;
    private CreateChatCompletionRequest _parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _request = TypicalRequest.BuildWithChatRequest();
        _parsed = CreateChatCompletionRequest.FromJson(TypicalRequest.ByHandBytes());
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

    [Benchmark(Description = "ChatRequest: Validate() of the same body parsed (object model)")]
    public int ValidateParsed() => _parsed.Validate().Count;
}
