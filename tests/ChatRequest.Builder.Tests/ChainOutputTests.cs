using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ChatRequest.Tests;

/// <summary>
/// A request built on the fast path is written straight from its chain (on .NET by a raw writer that skips
/// Utf8JsonWriter). Every output must give the bytes the object-model writer gives, for any text, and WriteTo must
/// honour the caller's writer (its encoder, indentation, depth limit and position) as before.
/// </summary>
public class ChainOutputTests
{
    private static readonly string[] OddTexts =
    [
        "plain", "", "line\nbreak\ttab\r\b\f", "quote \" backslash \\ slash /", "<b>&amp;</b> 'single' `tick` +plus",
        "é ü ß ç ñ", "中文 日本語 한국어", "emoji \uD83D\uDE00 pair", "lone \uD800 high", "lone \uDC00 low", "\uDC00\uD800 swapped",
        "\u0000\u001F\u007F\u0080\u00AD\u2028\u2029\uFEFF\uFFFD\uFFFF", "end high \uD83D",
    ];

    private static ChatRequestBuilder OddChain(Random random)
    {
        string Text() => random.Next(3) == 0
            ? OddTexts[random.Next(OddTexts.Length)] + OddTexts[random.Next(OddTexts.Length)]
            : OddTexts[random.Next(OddTexts.Length)];

        var b = Chat.With(random.Next(4) == 0 ? "gpt-4o " + Text() : "gpt-4o").User(Text());
        var steps = random.Next(0, 12);
        for (var i = 0; i < steps; i++)
        {
            b = random.Next(16) switch
            {
                0 => b.System(Text(), random.Next(3) == 0 ? Text() : null),
                1 => b.Assistant(Text()),
                2 => b.ToolResult("call " + Text(), Text()),
                3 => b.Stop(Text(), Text()),
                4 => b.EndUser(Text()),
                5 => b.Metadata(Text(), Text()),
                6 => b.Tool("tool_" + i, Text(), random.Next(2) == 0 ? """{"type":"object","description":"é"}""" : """{"description":"\u003C\uD83D\uDE00"}"""),
                7 => b.Extra("x-" + Text(), Text()),
                8 => b.Extra("n-" + Text(), random.Next(3) == 0 ? 0.1 * random.Next(-50, 50) : random.NextDouble()),
                9 => b.Temperature(random.Next(0, 21) / 10.0),
                10 => b.TopP(random.NextDouble()),
                11 => b.FrequencyPenalty(-random.NextDouble()),
                12 => b.Prediction(Text()),
                13 => b.PromptCacheKey(Text()),
                14 => b.SafetyIdentifier("s-" + random.Next(100)),
                _ => b.LogitBias(random.Next(0, 100_000), random.Next(-100, 101)),
            };
        }

        return b;
    }

    private static byte[] WriteTo(CreateChatCompletionRequest request, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            request.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>What the chain writer gives on a Utf8JsonWriter (the netstandard2.0 build's and the fallback path).</summary>
    private static byte[] WriteChain(ChatRequestBuilder builder, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            builder.WriteChain(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static readonly JsonWriterOptions LibraryOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions[] CallerWriters =
    [
        default,
        new() { SkipValidation = true },
        new() { Encoder = JavaScriptEncoder.Default },
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement) },
        new() { Indented = true },
        new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        new() { MaxDepth = 200 },
    ];

    [Test]
    public void Every_output_of_odd_texts_matches_the_Utf8JsonWriter_chain_writer_byte_for_byte()
    {
        var random = new Random(4242);
        var fast = 0;
        for (var run = 0; run < 3_000; run++)
        {
            var builder = OddChain(random);
            CreateChatCompletionRequest built;
            try
            {
                built = builder.Build();
            }
            catch (ChatRequestValidationException)
            {
                continue; // e.g. a metadata key over 64 chars
            }

            if (built.PendingChain is null)
            {
                continue;
            }

            fast++;
            var expected = WriteChain(builder, LibraryOptions);

            built.ToUtf8Bytes().Should().Equal(expected);
            built.ToJson().Should().Be(Encoding.UTF8.GetString(expected));

            var buffer = new ArrayBufferWriter<byte>();
            buffer.Write("[1,"u8);
            built.WriteTo(buffer);
            buffer.WrittenSpan.ToArray().Should().Equal([.. "[1,"u8, .. expected]);

            using var stream = new MemoryStream();
            stream.WriteByte((byte)'x');
            built.WriteTo(stream);
            stream.ToArray().Should().Equal([(byte)'x', .. expected]);

            foreach (var options in CallerWriters)
            {
                WriteTo(built, options).Should().Equal(WriteChain(builder, options), $"encoder {options.Encoder?.GetType().Name ?? "none"}, indented {options.Indented}");
            }

            // The object model's writer agrees too, but writes a tool's schema as parsed: compare those without one.
            var model = builder.ToBuilder_ForTests();
            if (model.Tools is null)
            {
                built.ToJson().Should().Be(model.ToJson());
            }

            built.PendingChain.Should().NotBeNull("no output needs the object model");
        }

        fast.Should().BeGreaterThan(2_000, "most odd chains are valid and take the fast path");
    }

    [Test]
    public void WriteTo_a_writer_inside_the_callers_own_json_keeps_its_separators_and_checks()
    {
        var builder = RichRequests.Typical();
        var built = builder.Build();
        var model = builder.ToBuilder_ForTests();
        built.PendingChain.Should().NotBeNull();

        static string Nested(Action<Utf8JsonWriter> write, JsonWriterOptions options)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("batch");
                write(writer);
                write(writer);
                writer.WriteEndArray();
                writer.WritePropertyName("one");
                write(writer);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        foreach (var options in CallerWriters)
        {
            Nested(built.WriteTo, options).Should().Be(Nested(builder.WriteChain, options));
        }

        Nested(built.WriteTo, default).Should().Be(Nested(model.WriteTo, default));

        // A writer that expects a member name refuses a value from either writer.
        foreach (var request in new[] { built, model })
        {
            using var writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>());
            writer.WriteStartObject();
            FluentActions.Invoking(() => request.WriteTo(writer)).Should().Throw<InvalidOperationException>();
        }
    }

    [TestCase(30)]
    [TestCase(31)]
    [TestCase(32)]
    [TestCase(33)]
    [TestCase(200)]
    [TestCase(5_000)]
    public void Chains_of_any_length_are_written_whole_and_in_order(int steps)
    {
        var builder = Chat.With("gpt-4o").Temperature(1);
        for (var i = 1; i < steps - 1; i++)
        {
            builder = (i % 5) switch
            {
                0 => builder.Assistant("answer " + i),
                1 => builder.LogitBias(i, i % 7),
                2 when i < 40 => builder.Metadata("k" + (i % 9), "v" + i), // the check counts calls against the 16 pairs
                3 => builder.Temperature(i % 3 / 2.0),
                _ => builder.User("question " + i),
            };
        }

        builder = builder.User("last");
        var built = builder.Build();

        built.PendingChain.Should().NotBeNull();
        built.ToJson().Should().Be(builder.ToBuilder_ForTests().ToJson());
        WriteTo(built, default).Should().Equal(WriteChain(builder, default));
    }

    [Test]
    public void A_body_larger_than_the_pooled_buffer_is_written_whole_to_every_output()
    {
        var text = string.Concat(Enumerable.Repeat("Quote \" and é, line\n, emoji \uD83D\uDE00. ", 8_000));
        var builder = Chat.With("gpt-4o").System(text).User(text).Stop(text.Substring(0, 100));
        var built = builder.Build();
        var expected = WriteChain(builder, LibraryOptions);

        expected.Length.Should().BeGreaterThan(1 << 17, "the body spans several pieces of the destination");
        built.ToUtf8Bytes().Should().Equal(expected);
        var buffer = new ArrayBufferWriter<byte>(16);
        built.WriteTo(buffer);
        buffer.WrittenSpan.ToArray().Should().Equal(expected);
        using var stream = new MemoryStream();
        built.WriteTo(stream);
        stream.ToArray().Should().Equal(expected);
        WriteTo(built, default).Should().Equal(WriteChain(builder, default));
    }

    [Test]
    public void WriteTo_a_writer_with_a_small_depth_limit_fails_as_before()
    {
        var built = RichRequests.Typical().Build();
        var model = RichRequests.Typical().ToBuilder_ForTests();

        foreach (var request in new[] { built, model })
        {
            using var writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>(), new JsonWriterOptions { MaxDepth = 2 });
            FluentActions.Invoking(() => request.WriteTo(writer)).Should().Throw<InvalidOperationException>();
        }
    }
}
