#if !NETSTANDARD_BUILD_UNDER_TEST
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatRequest.Serialization;

namespace ChatRequest.Tests;

/// <summary>
/// The raw writer (.NET build) must write the very bytes a <see cref="Utf8JsonWriter"/> writes with the same encoder:
/// the library's (UnsafeRelaxedJsonEscaping) or System.Text.Json's default (no encoder, or JavaScriptEncoder.Default).
/// </summary>
public class RawWriterTests
{
    /// <summary>Each encoder the raw writer follows, and which of its two modes does.</summary>
    private static readonly (string Name, JavaScriptEncoder? Encoder, bool DefaultMode)[] Encoders =
    [
        ("library (relaxed)", JavaScriptEncoder.UnsafeRelaxedJsonEscaping, false),
        ("none set", null, true),
        ("JavaScriptEncoder.Default", JavaScriptEncoder.Default, true),
    ];

    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("n");

    private static byte[] WithUtf8JsonWriter(JavaScriptEncoder? encoder, Action<Utf8JsonSink> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            write(new Utf8JsonSink(writer));
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] WithRawWriter(bool defaultMode, Action<RawJsonSink> write)
    {
        var pooled = PooledWriter.Rent();
        try
        {
            pooled.StartRaw(defaultMode);
            write(new RawJsonSink(pooled));
            return pooled.ToArray();
        }
        finally
        {
            pooled.Return();
        }
    }

    /// <summary>Writes <paramref name="text"/> as a value, as a member name and as a member's value, in one object.</summary>
    private static void Strings<TSink>(TSink sink, string text)
        where TSink : struct, IJsonSink
    {
        sink.StartObject();
        sink.PropertyName(text);
        sink.StringValue(text);
        sink.String(Name, text);
        sink.StartArray(Name);
        sink.StringValue(text);
        sink.StringValue(text);
        sink.EndArray();
        sink.EndObject();
    }

    /// <summary>Every mismatch between the two writers over <paramref name="texts"/>, for every encoder (empty when none).</summary>
    private static List<string> StringMismatches(IEnumerable<string> texts)
    {
        var mismatches = new List<string>();
        foreach (var text in texts)
        {
            foreach (var (name, encoder, defaultMode) in Encoders)
            {
                var expected = WithUtf8JsonWriter(encoder, sink => Strings(sink, text));
                var actual = WithRawWriter(defaultMode, sink => Strings(sink, text));
                if (!expected.AsSpan().SequenceEqual(actual))
                {
                    mismatches.Add($"{name}: {Escape(text)} -> expected {Encoding.UTF8.GetString(expected)}, got {Encoding.UTF8.GetString(actual)}");
                }
            }
        }

        return mismatches;
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c is >= ' ' and < '\x7F' ? c.ToString() : $"\\u{(int)c:X4}"));

    [Test]
    public void Every_char_alone_is_written_as_Utf8JsonWriter_writes_it()
    {
        var texts = Enumerable.Range(0, 0x10000).Select(c => ((char)c).ToString());

        StringMismatches(texts).Should().BeEmpty();
    }

    [Test]
    public void Every_char_amid_plain_text_is_written_as_Utf8JsonWriter_writes_it()
    {
        // Each char before, between and after plain runs long enough for the vectorized search.
        var texts = Enumerable.Range(0, 0x10000).Select(c => $"{(char)c}The quick brown fox{(char)c}jumps over the lazy dog.{(char)c}");

        StringMismatches(texts).Should().BeEmpty();
    }

    [Test]
    public void Every_supplementary_code_point_is_written_as_Utf8JsonWriter_writes_it()
    {
        var texts = new List<string>();
        for (var start = 0x10000; start < 0x110000; start += 512)
        {
            var text = new StringBuilder("x");
            for (var codePoint = start; codePoint < start + 512; codePoint++)
            {
                text.Append(char.ConvertFromUtf32(codePoint)).Append(codePoint % 3 == 0 ? "a" : string.Empty);
            }

            texts.Add(text.ToString());
        }

        StringMismatches(texts).Should().BeEmpty();
    }

    [Test]
    public void Random_strings_with_escapes_surrogate_pairs_and_lone_surrogates_are_written_as_Utf8JsonWriter_writes_them()
    {
        var random = new Random(2718);
        var texts = new List<string> { string.Empty, "\uD800", "\uDC00", "\uDC00\uD800", "\uD800\uD800\uDC00", "a\uD83D", "\uDE00b", "é\"\\\n+<&'`>\u007F\u2028\uFFFD\uFEFF" };
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(4) == 0 ? random.Next(100, 600) : random.Next(0, 40);
            var text = new StringBuilder(length);
            while (text.Length < length)
            {
                switch (random.Next(10))
                {
                    case 0:
                        text.Append((char)random.Next(0, 0x80));
                        break;
                    case 1:
                        text.Append("\"\\\n\r\t\b\f\u0001\u001F\u007F<>&'+`"[random.Next(16)]);
                        break;
                    case 2:
                        text.Append((char)random.Next(0x80, 0x10000));
                        break;
                    case 3:
                        text.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000)));
                        break;
                    case 4:
                        text.Append((char)random.Next(0xD800, 0xE000));
                        break;
                    case 5:
                        text.Append("éüßçñ中文日本語한국어"[random.Next(13)]);
                        break;
                    default:
                        text.Append("Plain text, 42 words: ok?"[random.Next(25)]);
                        break;
                }
            }

            texts.Add(text.ToString());
        }

        StringMismatches(texts).Should().BeEmpty();
    }

    [Test]
    public void Doubles_are_formatted_as_Utf8JsonWriter_formats_them()
    {
        var random = new Random(314);
        var values = new List<double>
        {
            0, -0.0, 1, -1, 0.1, 0.2, 0.5, -0.5, 0.7, 0.95, 1.5, 2, -2, 0.0001, -0.0001, 0.00001, 0.00015, 1e-5, 1e-4,
            double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 2.2250738585072014E-308, 2.2250738585072009E-308,
            1e14, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 1e300, 1e-300, 0.1 + 0.2, 1.0 / 3, 2.0 / 3,
            281474976710656, 281474976710655, 281474976710656.5, 281474976710655.5, 28147497671065.55, 28147497671065.5,
            4503599627370496, 9007199254740992, 9007199254740993, 123456789012.5, 99999999999999.9, 1e14 + 0.5,
        };
        for (var i = 0; i < 200_000; i++)
        {
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64() | (random.Next(2) == 0 ? long.MinValue : 0))); // any bits
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64(1, 1L << 52) * (random.Next(2) == 0 ? 1 : -1))); // subnormals
            values.Add(random.NextInt64(-(1L << 53), 1L << 53)); // integers
            values.Add(Math.Pow(10, random.Next(-320, 309)) * random.NextDouble()); // any exponent
            var digits = random.Next(0, 7);
            values.Add(random.NextInt64(-(1L << random.Next(1, 54)), 1L << random.Next(1, 54)) / Math.Pow(10, digits)); // short decimals
            values.Add(random.Next(-100_000, 100_000) / Math.Pow(10, digits));
            values.Add(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(random.Next(-3000, 3000) / 1000.0) + random.Next(-2, 3))); // next to short decimals
        }

        var mismatches = new List<string>();
        foreach (var value in values.Where(double.IsFinite))
        {
            foreach (var (name, encoder, defaultMode) in Encoders)
            {
                var expected = WithUtf8JsonWriter(encoder, sink => Number(sink, value));
                var actual = WithRawWriter(defaultMode, sink => Number(sink, value));
                if (!expected.AsSpan().SequenceEqual(actual))
                {
                    mismatches.Add($"{name}: {value:R} (bits {BitConverter.DoubleToInt64Bits(value):X16}) -> expected {Encoding.UTF8.GetString(expected)}, got {Encoding.UTF8.GetString(actual)}");
                }
            }
        }

        mismatches.Should().BeEmpty();
    }

    private static void Number<TSink>(TSink sink, double value)
        where TSink : struct, IJsonSink
    {
        sink.StartObject();
        sink.Number(Name, value);
        sink.Number(Name, value);
        sink.EndObject();
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Non_finite_doubles_are_refused_as_Utf8JsonWriter_refuses_them(double value)
    {
        foreach (var (_, encoder, defaultMode) in Encoders)
        {
            var expected = FluentActions.Invoking(() => WithUtf8JsonWriter(encoder, sink => Number(sink, value))).Should().Throw<ArgumentException>().Which;
            FluentActions.Invoking(() => WithRawWriter(defaultMode, sink => Number(sink, value)))
                .Should().Throw<ArgumentException>().WithMessage(expected.Message);
        }
    }

    [Test]
    public void Integers_and_logit_bias_keys_are_written_as_Utf8JsonWriter_writes_them()
    {
        var random = new Random(1618);
        var values = new List<long> { 0, 1, -1, 9, 10, -10, int.MinValue, int.MaxValue, long.MinValue, long.MaxValue, uint.MaxValue };
        for (var i = 0; i < 10_000; i++)
        {
            values.Add(random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64));
            values.Add(random.Next(int.MinValue, int.MaxValue));
        }

        static void Write<TSink>(TSink sink, long value)
            where TSink : struct, IJsonSink
        {
            sink.StartObject();
            sink.Number(Name, value);
            sink.Number(Name, (int)value);
            sink.Number((int)value, (int)value);
            sink.Number((int)value, value);
            sink.Number((int)(value >> 32), value);
            sink.EndObject();
        }

        foreach (var value in values)
        {
            foreach (var (name, encoder, defaultMode) in Encoders)
            {
                WithRawWriter(defaultMode, sink => Write(sink, value))
                    .Should().Equal(WithUtf8JsonWriter(encoder, sink => Write(sink, value)), $"{name}, {value}");
            }
        }
    }

    [Test]
    public void Nesting_separators_booleans_raw_values_and_json_elements_are_written_as_Utf8JsonWriter_writes_them()
    {
        var schema = Encoding.UTF8.GetBytes("""{"type":"object","properties":{"a":{"type":"string"}}}""");
        var element = JsonText.Element("""{"text":"é<\"\n>","list":[1,2.50,-0.0,1E400,"\uD83D\uDE00",null,true,{}],"empty":[]}""");

        void Write<TSink>(TSink sink)
            where TSink : struct, IJsonSink
        {
            sink.StartObject();
            sink.StartArray(Name);
            sink.StartObject();
            sink.EndObject();
            sink.StartObject();
            sink.Boolean(Name, true);
            sink.Boolean(Name, false);
            sink.PropertyName(Name);
            sink.RawValue(schema);
            sink.PropertyName("é<x>");
            sink.Value(element);
            sink.StartObject(Name);
            sink.EndObject();
            sink.StartArray(Name);
            sink.EndArray();
            sink.EndObject();
            sink.Value(element);
            sink.RawValue(schema);
            sink.StringValue("s");
            sink.EndArray();
            sink.PropertyName("k");
            sink.Value(element);
            sink.String(Name, "v");
            sink.EndObject();
        }

        foreach (var (name, encoder, defaultMode) in Encoders)
        {
            WithRawWriter(defaultMode, Write).Should().Equal(WithUtf8JsonWriter(encoder, Write), name);
        }
    }

    [Test]
    public void The_buffer_grows_for_long_and_heavily_escaped_strings()
    {
        var texts = new[]
        {
            new string('a', 100_000),
            new string('\u0001', 50_000),
            string.Concat(Enumerable.Repeat("\uD83D\uDE00", 30_000)),
            string.Concat(Enumerable.Repeat("中文", 40_000)),
            new string('\uD800', 20_000) + new string('x', 5_000),
        };

        StringMismatches(texts).Should().BeEmpty();
    }
}
#endif
