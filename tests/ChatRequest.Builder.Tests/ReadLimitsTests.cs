using System.Text;
using System.Text.Json;

namespace ChatRequest.Tests;

/// <summary>The limits a gateway sets on bodies it did not write: <see cref="ChatRequestReadOptions"/>.</summary>
public class ReadLimitsTests
{
    private const string Minimal = """{"model":"m","messages":[{"role":"user","content":"x"}]}""";

    /// <summary>A valid body whose deepest point is <paramref name="levels"/> levels down (the body's object is level 1).</summary>
    private static string Nested(int levels) =>
        "{\"model\":\"m\",\"x\":" + new string('[', levels - 1) + new string(']', levels - 1) + "}";

    private static IEnumerable<TestCaseData> Overloads()
    {
        yield return new TestCaseData(new Func<string, ChatRequestReadOptions?, CreateChatCompletionRequest>((json, options) =>
            CreateChatCompletionRequest.FromJson(json, options))).SetArgDisplayNames("string");
        yield return new TestCaseData(new Func<string, ChatRequestReadOptions?, CreateChatCompletionRequest>((json, options) =>
            CreateChatCompletionRequest.FromJson(Encoding.UTF8.GetBytes(json).AsSpan(), options))).SetArgDisplayNames("span");
        yield return new TestCaseData(new Func<string, ChatRequestReadOptions?, CreateChatCompletionRequest>((json, options) =>
            CreateChatCompletionRequest.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(json)), options))).SetArgDisplayNames("stream");
        yield return new TestCaseData(new Func<string, ChatRequestReadOptions?, CreateChatCompletionRequest>((json, options) =>
            CreateChatCompletionRequest.FromJson(new TrickleStream(Encoding.UTF8.GetBytes(json), 7), options))).SetArgDisplayNames("unseekable-stream");
        yield return new TestCaseData(new Func<string, ChatRequestReadOptions?, CreateChatCompletionRequest>((json, options) =>
            CreateChatCompletionRequest.FromJsonAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), options).GetAwaiter().GetResult())).SetArgDisplayNames("async-stream");
        yield return new TestCaseData(new Func<string, ChatRequestReadOptions?, CreateChatCompletionRequest>((json, options) =>
            CreateChatCompletionRequest.FromJsonAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), 5), options).GetAwaiter().GetResult())).SetArgDisplayNames("async-unseekable-stream");
    }

    // ---- The options themselves ----------------------------------------------------------------------------

    [Test]
    public void Default_is_64_levels_and_64_MiB_and_shared()
    {
        ChatRequestReadOptions.Default.MaxDepth.Should().Be(64);
        ChatRequestReadOptions.Default.MaxBytes.Should().Be(64L * 1024 * 1024);
        ChatRequestReadOptions.Default.Should().BeSameAs(ChatRequestReadOptions.Default);
        new ChatRequestReadOptions().MaxDepth.Should().Be(64);
        new ChatRequestReadOptions().MaxBytes.Should().Be(64L * 1024 * 1024);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1001)]
    [TestCase(int.MaxValue)]
    public void MaxDepth_outside_1_to_1000_is_rejected(int value)
    {
        var act = () => new ChatRequestReadOptions { MaxDepth = value };

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "MaxDepth")
            .WithMessage("*ChatRequestReadOptions.MaxDepth must be from 1 to 1000*but is " + value + "*");
    }

    [TestCase(0L)]
    [TestCase(-1L)]
    [TestCase(long.MinValue)]
    public void MaxBytes_below_1_is_rejected(long value)
    {
        var act = () => new ChatRequestReadOptions { MaxBytes = value };

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "MaxBytes")
            .WithMessage("*ChatRequestReadOptions.MaxBytes must be at least 1*but is " + value + "*");
    }

    [Test]
    public void The_extreme_valid_values_are_accepted()
    {
        new ChatRequestReadOptions { MaxDepth = 1 }.MaxDepth.Should().Be(1);
        new ChatRequestReadOptions { MaxDepth = 1000 }.MaxDepth.Should().Be(1000);
        new ChatRequestReadOptions { MaxBytes = 1 }.MaxBytes.Should().Be(1);
        new ChatRequestReadOptions { MaxBytes = long.MaxValue }.MaxBytes.Should().Be(long.MaxValue);
    }

    // ---- Depth -----------------------------------------------------------------------------------------------

    [TestCaseSource(nameof(Overloads))]
    public void Default_depth_accepts_64_levels_and_rejects_65(Func<string, ChatRequestReadOptions?, CreateChatCompletionRequest> read)
    {
        read(Nested(64), null).AdditionalProperties!["x"].ValueKind.Should().Be(JsonValueKind.Array);

        var act = () => read(Nested(65), null);

        act.Should().Throw<JsonException>()
            .WithMessage("*ChatRequestReadOptions.MaxDepth*limit is 64 levels*level 65*higher MaxDepth*")
            .Which.Path.Should().StartWith("$.x");
    }

    [Test]
    public void Overloads_without_options_use_the_default_depth()
    {
        CreateChatCompletionRequest.FromJson(Nested(64)).AdditionalProperties.Should().ContainKey("x");
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(Nested(65))).Should().Throw<JsonException>().WithMessage("*MaxDepth*");
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(Encoding.UTF8.GetBytes(Nested(65)))).Should().Throw<JsonException>().WithMessage("*MaxDepth*");
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(Nested(65))))).Should().Throw<JsonException>().WithMessage("*MaxDepth*");
        FluentActions.Awaiting(() => CreateChatCompletionRequest.FromJsonAsync(new MemoryStream(Encoding.UTF8.GetBytes(Nested(65))))).Should().ThrowAsync<JsonException>().WithMessage("*MaxDepth*");
    }

    [TestCaseSource(nameof(Overloads))]
    public void A_smaller_depth_limit_applies_to_the_request_itself(Func<string, ChatRequestReadOptions?, CreateChatCompletionRequest> read)
    {
        var three = new ChatRequestReadOptions { MaxDepth = 3 };

        // body (1), messages (2), a message (3): the minimal request fits in 3 levels ...
        read(Minimal, three).Messages.Should().ContainSingle();

        // ... and content parts need 5.
        var parts = """{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"x"}]}]}""";
        read(parts, new ChatRequestReadOptions { MaxDepth = 5 }).Messages![0].Content!.Parts.Should().ContainSingle();
        var act = () => read(parts, new ChatRequestReadOptions { MaxDepth = 4 });

        act.Should().Throw<JsonException>().WithMessage("*limit is 4 levels*level 5*");
    }

    [TestCaseSource(nameof(Overloads))]
    public void A_larger_depth_limit_accepts_what_the_default_rejects(Func<string, ChatRequestReadOptions?, CreateChatCompletionRequest> read)
    {
        var deep = new ChatRequestReadOptions { MaxDepth = 200 };

        read(Nested(200), deep).AdditionalProperties.Should().ContainKey("x");
        FluentActions.Invoking(() => read(Nested(201), deep)).Should().Throw<JsonException>().WithMessage("*limit is 200 levels*level 201*");
        FluentActions.Invoking(() => read(Nested(200), null)).Should().Throw<JsonException>().WithMessage("*limit is 64 levels*");
    }

    [Test]
    public void The_highest_depth_limit_reads_1000_levels()
    {
        var deepest = new ChatRequestReadOptions { MaxDepth = 1000 };

        CreateChatCompletionRequest.FromJson(Nested(1000), deepest).AdditionalProperties.Should().ContainKey("x");
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(Nested(1001), deepest)).Should().Throw<JsonException>().WithMessage("*limit is 1000 levels*");
    }

    [Test]
    public void A_body_deeper_than_the_default_can_be_compared_copied_and_validated()
    {
        var schema = string.Concat(Enumerable.Repeat("{\"a\":", 900)) + "1" + new string('}', 900);
        var json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":"
            + schema + "}}]}";
        var deep = new ChatRequestReadOptions { MaxDepth = 1000 };

        var request = CreateChatCompletionRequest.FromJson(json, deep);

        request.Equals(CreateChatCompletionRequest.FromJson(json, deep)).Should().BeTrue();
        request.ToBuilder().Build().ToJson().Should().Be(json);
        request.Validate().Should().BeEmpty();
    }

    [Test]
    public void A_syntax_error_above_the_depth_limit_is_not_called_a_depth_error()
    {
        var body = "{\"model\":\"m\",\"x\":[[[}" + new string('[', 100);

        var act = () => CreateChatCompletionRequest.FromJson(body);

        act.Should().Throw<JsonException>().Which.Message.Should().NotContain("MaxDepth");
    }

    // ---- Size ------------------------------------------------------------------------------------------------

    [TestCaseSource(nameof(Overloads))]
    public void A_body_of_exactly_MaxBytes_is_read_and_one_byte_more_is_rejected(Func<string, ChatRequestReadOptions?, CreateChatCompletionRequest> read)
    {
        // 2-, 3- and 4-byte characters, so the limit counts UTF-8 bytes, not chars.
        var json = """{"model":"m","messages":[{"role":"user","content":"é€😀"}]}""";
        var bytes = Encoding.UTF8.GetByteCount(json);
        bytes.Should().Be(json.Length + 1 + 2 + 2);

        read(json, new ChatRequestReadOptions { MaxBytes = bytes }).Messages![0].Content!.Text.Should().Be("é€😀");

        var act = () => read(json, new ChatRequestReadOptions { MaxBytes = bytes - 1 });

        act.Should().Throw<JsonException>()
            .WithMessage($"*ChatRequestReadOptions.MaxBytes*limit is {bytes - 1} bytes*higher MaxBytes*")
            .Which.Path.Should().Be("$");
    }

    [Test]
    public void The_message_says_how_large_the_body_was()
    {
        var json = Minimal;
        var options = new ChatRequestReadOptions { MaxBytes = 10 };

        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(json, options)).Should().Throw<JsonException>()
            .WithMessage($"*the body has *{json.Length} bytes*");
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(Encoding.UTF8.GetBytes(json), options)).Should().Throw<JsonException>()
            .WithMessage($"*the body has {json.Length} bytes*");
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(json)), options)).Should().Throw<JsonException>()
            .WithMessage($"*the body has {json.Length} bytes*");
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(new TrickleStream(Encoding.UTF8.GetBytes(json), 3), options)).Should().Throw<JsonException>()
            .WithMessage("*the stream held more than that (reading stopped after 11 bytes)*");
    }

    [Test]
    public void A_long_text_is_counted_exactly_at_the_limit()
    {
        // Over 64K chars, so the size comes from a UTF-8 count rather than a 3-bytes-a-char bound.
        var text = string.Concat(Enumerable.Repeat("ab€", 30_000));
        var json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
        var bytes = Encoding.UTF8.GetByteCount(json);

        CreateChatCompletionRequest.FromJson(json, new ChatRequestReadOptions { MaxBytes = bytes }).Messages![0].Content!.Text.Should().Be(text);
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(json, new ChatRequestReadOptions { MaxBytes = bytes - 1 }))
            .Should().Throw<JsonException>().WithMessage($"*the body has {bytes:N0} bytes*");
    }

    [Test]
    public void The_default_size_limit_is_64_MiB()
    {
        var body = new byte[ChatRequestReadOptions.Default.MaxBytes + 1];

        var act = () => CreateChatCompletionRequest.FromJson(body);

        act.Should().Throw<JsonException>().WithMessage("*limit is 67,108,864 bytes (64 MiB), and the body has 67,108,865 bytes*");
    }

    [Test]
    public void An_endless_stream_is_read_only_just_past_the_limit()
    {
        var endless = new EndlessStream("{\"model\":\""u8.ToArray(), (byte)'a');

        var act = () => CreateChatCompletionRequest.FromJson(endless, new ChatRequestReadOptions { MaxBytes = 100_000 });

        act.Should().Throw<JsonException>().WithMessage("*ChatRequestReadOptions.MaxBytes*100,000 bytes*");
        endless.BytesRead.Should().BeGreaterThan(100_000).And.BeLessThanOrEqualTo(100_001);
    }

    [Test]
    public async Task An_endless_stream_is_read_only_just_past_the_limit_asynchronously()
    {
        var endless = new EndlessStream("{\"model\":\""u8.ToArray(), (byte)'a');

        var act = () => CreateChatCompletionRequest.FromJsonAsync(endless, new ChatRequestReadOptions { MaxBytes = 70_000 });

        await act.Should().ThrowAsync<JsonException>().WithMessage("*ChatRequestReadOptions.MaxBytes*70,000 bytes*");
        endless.BytesRead.Should().BeGreaterThan(70_000).And.BeLessThanOrEqualTo(70_001);
    }

    [Test]
    public void A_seekable_stream_longer_than_the_limit_is_not_read_at_all()
    {
        var huge = new HugeSeekableStream(10L * 1024 * 1024 * 1024);

        var act = () => CreateChatCompletionRequest.FromJson(huge);

        act.Should().Throw<JsonException>().WithMessage("*limit is 67,108,864 bytes (64 MiB), and the body has 10,737,418,240 bytes (10240 MiB)*");
    }

    [Test]
    public void A_stream_is_read_from_its_position_and_a_byte_order_mark_is_skipped()
    {
        var bytes = Encoding.UTF8.GetBytes("xxxx" + Minimal);
        using var positioned = new MemoryStream(bytes) { Position = 4 };
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Minimal)).ToArray();

        CreateChatCompletionRequest.FromJson(positioned, new ChatRequestReadOptions { MaxBytes = Minimal.Length }).Model.Should().Be("m");
        CreateChatCompletionRequest.FromJson(new MemoryStream(withBom)).Model.Should().Be("m");
        CreateChatCompletionRequest.FromJson(new TrickleStream(withBom, 2)).Model.Should().Be("m");
    }

    [Test]
    public async Task A_stream_longer_than_the_first_read_buffer_is_read_whole()
    {
        var text = new string('z', 100_000);
        var json = Encoding.UTF8.GetBytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}");

        CreateChatCompletionRequest.FromJson(new TrickleStream(json, 4096)).Messages![0].Content!.Text.Should().Be(text);
        (await CreateChatCompletionRequest.FromJsonAsync(new TrickleStream(json, 1000))).Messages![0].Content!.Text.Should().Be(text);
    }

    [Test]
    public void Invalid_UTF16_text_is_a_JsonException()
    {
        var act = () => CreateChatCompletionRequest.FromJson("{\"model\":\"\ud800\"}");

        act.Should().Throw<JsonException>().WithMessage("*UTF-16*");
    }

    [Test]
    public void Null_arguments_are_ArgumentNullExceptions()
    {
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson((string)null!, ChatRequestReadOptions.Default)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson((Stream)null!, null)).Should().Throw<ArgumentNullException>();
        FluentActions.Awaiting(() => CreateChatCompletionRequest.FromJsonAsync(null!, null)).Should().ThrowAsync<ArgumentNullException>();
    }

    /// <summary>A stream that cannot seek and hands out at most a few bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A stream that never ends: a prefix, then the same byte for ever. It counts what was read.</summary>
    private sealed class EndlessStream(byte[] prefix, byte fill) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = BytesRead + i < prefix.Length ? prefix[BytesRead + i] : fill;
            }

            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A seekable stream that claims a huge length and fails any read.</summary>
    private sealed class HugeSeekableStream(long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("A stream longer than the limit must not be read.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
