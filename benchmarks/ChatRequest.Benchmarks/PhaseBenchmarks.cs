using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace ChatRequest.Benchmarks;

/// <summary>Where the time of build + serialize goes: the chain, Build() (replay + validation), and the write alone.</summary>
[MemoryDiagnoser]
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
        _request = TypicalRequest.BuildWithChatRequest();
        _chain = _request.ToBuilder();
        _chain = Chat.With("gpt-4o")
            .System("You are a terse assistant.")
            .User("What is the capital of France?")
            .Assistant("Paris.")
            .User("And of Germany? Answer in one word.")
            .Temperature(0.2)
            .MaxTokens(256)
            .Stop("\n", "END")
            .LogitBias(50256, -100)
            .LogitBias(1234, 5)
            .EndUser("user-1234")
            .N(1)
            .FrequencyPenalty(0.5)
            .PresencePenalty(-0.5)
            .Tool("get_weather", "Get the weather for a city", TypicalRequest.WeatherParameters);
    }

    [Benchmark]
    public object ChainOnly() =>
        Chat.With("gpt-4o")
            .System("You are a terse assistant.")
            .User("What is the capital of France?")
            .Assistant("Paris.")
            .User("And of Germany? Answer in one word.")
            .Temperature(0.2)
            .MaxTokens(256)
            .Stop("\n", "END")
            .LogitBias(50256, -100)
            .LogitBias(1234, 5)
            .EndUser("user-1234")
            .N(1)
            .FrequencyPenalty(0.5)
            .PresencePenalty(-0.5)
            .Tool("get_weather", "Get the weather for a city", TypicalRequest.WeatherParameters);

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
