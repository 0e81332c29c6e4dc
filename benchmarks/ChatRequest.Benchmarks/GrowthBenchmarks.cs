using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace ChatRequest.Benchmarks;

/// <summary>
/// Build + serialize with 1, 10, 100 and 1,000 messages (alternating user/assistant turns of constant text, plus
/// the typical request's options and tool), to read the per-message time and bytes off the slope.
/// The hand-written writer writing the same body is shown for scale.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class GrowthBenchmarks
{
    private static readonly string[] Turns =
    [
        "What is the capital of France?",
        "Paris.",
        "And of Germany? Answer in one word.",
        "Berlin.",
    ];

    private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);
    private Utf8JsonWriter _writer = null!;

    [Params(1, 10, 100, 1000)]
    public int Messages { get; set; }

    [GlobalSetup]
    public void Setup() => _writer = new Utf8JsonWriter(_buffer);

    [Benchmark(Baseline = true, Description = "Floor: hand-written Utf8JsonWriter")]
    public int HandWrittenWriter()
    {
        Reset();
        WriteByHand(_writer, Messages);
        return Done();
    }

    [Benchmark(Description = "ChatRequest: chain + Build + WriteTo")]
    public int ChatRequest_BuildAndWriteTo()
    {
        Reset();
        Build(Messages).WriteTo(_writer);
        return Done();
    }

    /// <summary>The request with <paramref name="count"/> messages, built with the fluent chain.</summary>
    public static CreateChatCompletionRequest Build(int count)
    {
        var chain = Chat.With("gpt-4o");
        for (var i = 0; i < count; i++)
        {
            chain = i % 2 == 0 ? chain.User(Turns[i % 4]) : chain.Assistant(Turns[i % 4]);
        }

        return chain
            .Temperature(0.2)
            .MaxTokens(256)
            .Stop("\n", "END")
            .LogitBias(50256, -100)
            .LogitBias(1234, 5)
            .EndUser("user-1234")
            .N(1)
            .FrequencyPenalty(0.5)
            .PresencePenalty(-0.5)
            .Tool("get_weather", "Get the weather for a city", TypicalRequest.WeatherParameters)
            .Build();
    }

    /// <summary>The same body, by hand, with UTF-8 literal property names.</summary>
    public static void WriteByHand(Utf8JsonWriter w, int count)
    {
        w.WriteStartObject();
        w.WriteString("model"u8, "gpt-4o"u8);
        w.WriteStartArray("messages"u8);
        for (var i = 0; i < count; i++)
        {
            w.WriteStartObject();
            w.WriteString("role"u8, i % 2 == 0 ? "user"u8 : "assistant"u8);
            w.WriteString("content"u8, Turns[i % 4]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        TypicalRequest.WriteOptionsByHand(w);
        w.WriteEndObject();
    }

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
