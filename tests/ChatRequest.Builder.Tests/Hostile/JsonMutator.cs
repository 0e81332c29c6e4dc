using System.Globalization;
using System.Text;

namespace ChatRequest.Tests.Hostile;

/// <summary>What a hostile case did to its seed body (the first mutation applied, for the statistics).</summary>
internal enum Mutation
{
    /// <summary>One to eight single-bit flips.</summary>
    BitFlip,

    /// <summary>One to four bytes set to a byte that means something to a JSON reader or a UTF-8 decoder.</summary>
    ByteSet,

    /// <summary>The body cut at one kind of position (inside a string, an escape, a number, a UTF-8 sequence, ...).</summary>
    Truncate,

    /// <summary>A JSON token or a few bytes inserted.</summary>
    Insert,

    /// <summary>A byte range or one token deleted.</summary>
    Delete,

    /// <summary>A whole member removed, so the JSON stays well formed.</summary>
    DeleteMember,

    /// <summary>A member repeated in its object: exactly, with another value, or with its name spelled with escapes.</summary>
    DuplicateKey,

    /// <summary>A value replaced by one of another JSON type.</summary>
    TypeSwap,

    /// <summary>A string replaced by another wire word (role, part type, enum value), to switch union branches.</summary>
    WireWord,

    /// <summary>A value replaced by a number beyond double, long or int (1e400, 400 digits, -0, 1e-400).</summary>
    HugeNumber,

    /// <summary>A value replaced by a malformed scalar (01, +1, NaN, nul, 'x').</summary>
    BadScalar,

    /// <summary>A string (value or member name) replaced by a long one: plain, escapes, multi-byte, invalid surrogates.</summary>
    LongString,

    /// <summary>A lone or reversed surrogate put into a string, as a \u escape or as raw (WTF-8) bytes.</summary>
    LoneSurrogate,

    /// <summary>A string re-spelled with \u and \/ escapes (still the same text).</summary>
    EscapeText,

    /// <summary>Arrays or objects nested up to 10,000 levels, at a value, as a new member, or as the body.</summary>
    DeepNesting,

    /// <summary>An array element repeated, or an object given many members.</summary>
    Wide,

    /// <summary>Invalid UTF-8 (stray continuation, overlong, surrogate, beyond U+10FFFF, cut sequence).</summary>
    InvalidUtf8,

    /// <summary>Byte order marks, or the whole body in UTF-16.</summary>
    Bom,

    /// <summary>Bytes after the end of the body.</summary>
    TrailingGarbage,

    /// <summary>A // or /* */ comment between tokens, sometimes unterminated.</summary>
    Comment,

    /// <summary>The start of one body joined to the end of another.</summary>
    Splice,

    /// <summary>A value of one body replaced by a value of another, so the JSON stays well formed.</summary>
    CrossOver,

    /// <summary>Unusual or many whitespace characters between tokens.</summary>
    Whitespace,

    /// <summary>A raw control character inside a string.</summary>
    ControlChar,
}

/// <summary>One hostile body and how it was made.</summary>
/// <param name="Seed">The case seed; <see cref="JsonMutator.Create"/> with it makes the same body again.</param>
/// <param name="SeedBody">Index of the seed body in the mutator's corpus.</param>
/// <param name="Kind">The first mutation applied.</param>
/// <param name="Utf8">The body's bytes (not necessarily UTF-8, not necessarily JSON).</param>
/// <param name="Description">Every mutation applied, with its position and size.</param>
internal sealed record HostileCase(ulong Seed, int SeedBody, Mutation Kind, byte[] Utf8, string Description);

/// <summary>
/// Makes hostile request bodies from a corpus of valid ones. Everything is decided by a 64-bit case seed, so a case is
/// replayed from its seed alone (same corpus, same maximum size).
/// </summary>
internal sealed class JsonMutator
{
    private static readonly Mutation[] Kinds = Enum.GetValues<Mutation>();

    // Mutations that keep the JSON well formed reach the model's own checks, so they come up more often.
    private static readonly int[] Weights = WeightTable();

    private static readonly byte[] InterestingBytes =
    [
        0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x20, (byte)'"', (byte)'\\', (byte)'/', (byte)'{', (byte)'}', (byte)'[', (byte)']',
        (byte)',', (byte)':', (byte)'0', (byte)'9', (byte)'-', (byte)'+', (byte)'.', (byte)'e', (byte)'E', (byte)'u', (byte)'n',
        (byte)'t', (byte)'f', 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFE, 0xFF,
    ];

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "\"\"", "0", "-", "1e9", "true", "false", "null", "\"x\"", "{}", "[]",
        ",,", "::", "\"model\"", "\"model\":\"m\",", "\"messages\":[],", "{\"role\":\"user\",\"content\":\"x\"}", " ", "\n",
        "\0", "\"\\u\"", "\"\\", "{\"\":", "[{", "}]", "\"type\":\"text\",", "1.", "-0", "\"\\ud800\"",
    ];

    private static readonly string[] WireWords =
    [
        "user", "assistant", "system", "developer", "tool", "function", "text", "image_url", "input_audio", "file",
        "refusal", "json_object", "json_schema", "auto", "none", "required", "allowed_tools", "low", "high", "medium",
        "minimal", "wav", "mp3", "pcm16", "alloy", "custom", "grammar", "lark", "regex", "flex", "default", "priority",
        "content", "audio", "name", "", "0", "null", "true", "USER", "user ", "\\u0075ser",
    ];

    private static readonly string[] FixedNumbers =
    [
        "1e400", "-1e400", "1E+400", "1e-400", "-1e-400", "-0", "-0.0", "0.0", "0e0", "-0e-0", "1.7976931348623157e308",
        "1.7976931348623159e308", "4.9e-324", "2e-324", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "4294967295", "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616", "9007199254740993", "1e2147483648",
        "1e-2147483649", "1e99999999999999999999", "1.5", "100.0", "1e2", "1E0", "0.1e1", "-100", "101", "21", "0",
    ];

    private static readonly string[] BadScalars =
    [
        "01", "-01", "+1", ".5", "1.", "1e", "1e+", "-", "--1", "NaN", "Infinity", "-Infinity", "0x1F", "1_000", "True",
        "FALSE", "nul", "nulll", "undefined", "'x'", "\"unterminated", "tru", "falsey", "1 2", "\"a\"\"b\"", "\u0661",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xE0, 0x80, 0x80], [0xE0, 0xA0], [0xED, 0xA0, 0x80],
        [0xED, 0xBF, 0xBF], [0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xF0, 0x9F, 0x98], [0xC3],
    ];

    private static readonly string[] StringUnits =
    [
        "a", "\\n", "\\\"", "\\\\", "\\/", "\\u0041", "\\u00e9", "\\ud83d\\ude00", "\\ud800", "\\udc00", "\\udc00\\ud800",
        "\\ud800x", "\u00e9", "\u4e2d", "\U0001F600", "\\t\\r\\b\\f", "\\u0000",
    ];

    private static readonly string[] LoneSurrogates =
    [
        "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\udc00\\ud800", "\\ud800\\ud800", "\\ud800\\u0041", "\\ud800\\n",
        "\\uD83D", "\\ud83d\\ude0", "\\u", "\\u12", "\\uZZZZ", "\\x41", "\\U0001F600",
    ];

    private static readonly string[] Garbage =
    [
        "x", "}", "]", ",", "{}", " {}", "\0", "// c", "/* c */", "\n\n  \t", "null", "0", "\"", "{", "[", "\u00a0",
    ];

    private static readonly string[] MemberNames =
    [
        "model", "messages", "tools", "metadata", "logit_bias", "stop", "response_format", "tool_choice", "audio",
        "prediction", "web_search_options", "stream_options", "functions", "modalities", "x_vendor", "",
    ];

    private readonly byte[][] _seeds;

    /// <summary>Makes a mutator over <paramref name="seeds"/>; no case grows beyond <paramref name="maxSize"/> bytes.</summary>
    /// <param name="seeds">Valid request bodies to start from.</param>
    /// <param name="maxSize">Largest body a mutation may make (a body may start larger only if its seed is).</param>
    public JsonMutator(IReadOnlyList<byte[]> seeds, int maxSize)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("At least one seed body is needed.", nameof(seeds));
        }

        _seeds = [.. seeds];
        MaxSize = Math.Max(maxSize, 64);
    }

    /// <summary>The largest body a mutation makes.</summary>
    public int MaxSize { get; }

    /// <summary>The number of seed bodies.</summary>
    public int SeedCount => _seeds.Length;

    /// <summary>Every mutation kind.</summary>
    public static IReadOnlyList<Mutation> AllKinds => Kinds;

    /// <summary>The seed of case <paramref name="index"/> of run <paramref name="runSeed"/>.</summary>
    /// <param name="runSeed">The run's seed (the fuzz command's --seed).</param>
    /// <param name="index">The case number within the run.</param>
    /// <returns>A well-mixed 64-bit case seed.</returns>
    public static ulong CaseSeed(ulong runSeed, long index) =>
        Rng.Mix((runSeed * 0xD1B54A32D192ED03UL) ^ Rng.Mix(unchecked((ulong)index) + 0x632BE59BD9B4E019UL));

    /// <summary>Makes the hostile case of <paramref name="caseSeed"/>.</summary>
    /// <param name="caseSeed">The case seed, usually from <see cref="CaseSeed"/>.</param>
    /// <returns>The case.</returns>
    public HostileCase Create(ulong caseSeed)
    {
        var rng = new Rng(caseSeed);
        var seedIndex = rng.Next(_seeds.Length);
        var body = _seeds[seedIndex];
        var steps = rng.Chance(4) ? 2 + rng.Next(3) : 1;
        var first = PickKind(rng);
        var kind = first;
        var description = new StringBuilder();
        description.Append("seed body #").Append(seedIndex);
        for (var step = 0; step < steps; step++)
        {
            body = Apply(kind, body, rng, out var what);
            description.Append(" | ").Append(kind).Append(": ").Append(what);

            // A big body is the point of its case; further steps would only rescan it.
            if (body.Length > 65536)
            {
                break;
            }

            kind = PickKind(rng);
        }

        return new HostileCase(caseSeed, seedIndex, first, body, description.ToString());
    }

    private static int[] WeightTable()
    {
        var weights = new int[Kinds.Length];
        Array.Fill(weights, 4);
        weights[(int)Mutation.TypeSwap] = 8;
        weights[(int)Mutation.WireWord] = 6;
        weights[(int)Mutation.DuplicateKey] = 5;
        weights[(int)Mutation.DeleteMember] = 5;
        weights[(int)Mutation.CrossOver] = 6;
        weights[(int)Mutation.HugeNumber] = 6;
        weights[(int)Mutation.EscapeText] = 5;
        weights[(int)Mutation.Bom] = 2;
        weights[(int)Mutation.Whitespace] = 2;
        weights[(int)Mutation.TrailingGarbage] = 2;
        return weights;
    }

    private static Mutation PickKind(Rng rng)
    {
        var total = 0;
        foreach (var weight in Weights)
        {
            total += weight;
        }

        var pick = rng.Next(total);
        for (var i = 0; i < Weights.Length; i++)
        {
            pick -= Weights[i];
            if (pick < 0)
            {
                return Kinds[i];
            }
        }

        return Kinds[^1];
    }

    private byte[] Apply(Mutation kind, byte[] body, Rng rng, out string what) => kind switch
    {
        Mutation.BitFlip => BitFlip(body, rng, out what),
        Mutation.ByteSet => ByteSet(body, rng, out what),
        Mutation.Truncate => Truncate(body, rng, out what),
        Mutation.Insert => Insert(body, rng, out what),
        Mutation.Delete => Delete(body, rng, out what),
        Mutation.DeleteMember => DeleteMember(body, rng, out what),
        Mutation.DuplicateKey => DuplicateKey(body, rng, out what),
        Mutation.TypeSwap => TypeSwap(body, rng, out what),
        Mutation.WireWord => WireWord(body, rng, out what),
        Mutation.HugeNumber => HugeNumber(body, rng, out what),
        Mutation.BadScalar => BadScalar(body, rng, out what),
        Mutation.LongString => LongString(body, rng, out what),
        Mutation.LoneSurrogate => LoneSurrogate(body, rng, out what),
        Mutation.EscapeText => EscapeText(body, rng, out what),
        Mutation.DeepNesting => DeepNesting(body, rng, out what),
        Mutation.Wide => Wide(body, rng, out what),
        Mutation.InvalidUtf8 => InvalidUtf8Bytes(body, rng, out what),
        Mutation.Bom => Bom(body, rng, out what),
        Mutation.TrailingGarbage => TrailingGarbage(body, rng, out what),
        Mutation.Comment => Comment(body, rng, out what),
        Mutation.Splice => Splice(body, rng, out what),
        Mutation.CrossOver => CrossOver(body, rng, out what),
        Mutation.Whitespace => Whitespace(body, rng, out what),
        Mutation.ControlChar => ControlChar(body, rng, out what),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private int Budget(byte[] body) => Math.Max(0, MaxSize - body.Length);

    // ---- Byte-level mutations ------------------------------------------------------------------------------

    private static byte[] BitFlip(byte[] body, Rng rng, out string what)
    {
        if (body.Length == 0)
        {
            what = "empty body left as is";
            return body;
        }

        var copy = (byte[])body.Clone();
        var flips = 1 + rng.Next(8);
        var at = new StringBuilder();
        for (var i = 0; i < flips; i++)
        {
            var position = rng.Next(copy.Length);
            var bit = rng.Next(8);
            copy[position] ^= (byte)(1 << bit);
            at.Append(at.Length == 0 ? "" : ",").Append(position).Append('.').Append(bit);
        }

        what = "bits " + at;
        return copy;
    }

    private static byte[] ByteSet(byte[] body, Rng rng, out string what)
    {
        if (body.Length == 0)
        {
            what = "empty body left as is";
            return body;
        }

        var copy = (byte[])body.Clone();
        var count = 1 + rng.Next(4);
        var at = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var position = PickPosition(copy, Shape.Of(copy), rng, out _, allowEnd: false);
            var value = rng.Pick(InterestingBytes);
            copy[position] = value;
            at.Append(at.Length == 0 ? "" : ",").Append(position).Append("=0x").Append(value.ToString("X2", CultureInfo.InvariantCulture));
        }

        what = at.ToString();
        return copy;
    }

    private static byte[] Truncate(byte[] body, Rng rng, out string what)
    {
        var cut = PickPosition(body, Shape.Of(body), rng, out var where, allowEnd: false);
        what = $"cut at {cut} of {body.Length} ({where})";
        return body[..cut];
    }

    private static byte[] Insert(byte[] body, Rng rng, out string what)
    {
        var at = PickPosition(body, Shape.Of(body), rng, out var where, allowEnd: true);
        byte[] inserted;
        if (rng.Chance(4))
        {
            inserted = new byte[1 + rng.Next(8)];
            rng.Fill(inserted);
        }
        else
        {
            inserted = Encoding.UTF8.GetBytes(rng.Pick(Fragments));
        }

        what = $"{Show(inserted)} at {at} ({where})";
        return Splice(body, at, at, inserted);
    }

    private static byte[] Delete(byte[] body, Rng rng, out string what)
    {
        if (body.Length == 0)
        {
            what = "empty body left as is";
            return body;
        }

        var shape = Shape.Of(body);
        if (shape.Tokens.Count > 0 && rng.Chance(2))
        {
            var token = rng.Pick(shape.Tokens);
            what = $"token {token.Kind} {token.Start}..{token.End}";
            return Splice(body, token.Start, token.End, []);
        }

        var start = PickPosition(body, shape, rng, out var where, allowEnd: false);
        var end = Math.Min(body.Length, start + 1 + rng.Next(16));
        what = $"bytes {start}..{end} ({where})";
        return Splice(body, start, end, []);
    }

    // ---- Structure-keeping mutations -----------------------------------------------------------------------

    private static byte[] DeleteMember(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        if (shape.Members.Count == 0)
        {
            return Delete(body, rng, out what);
        }

        var member = rng.Pick(shape.Members);
        var start = member.Start;
        var end = member.End;
        var after = SkipWhitespace(body, end);
        if (after < body.Length && body[after] == (byte)',')
        {
            end = after + 1;
        }
        else
        {
            var before = start - 1;
            while (before >= 0 && IsJsonWhitespace(body[before]))
            {
                before--;
            }

            if (before >= 0 && body[before] == (byte)',')
            {
                start = before;
            }
        }

        what = $"member {Name(body, member)} at {member.Start}";
        return Splice(body, start, end, []);
    }

    private static byte[] DuplicateKey(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        if (shape.Members.Count == 0)
        {
            return Insert(body, rng, out what);
        }

        var member = rng.Pick(shape.Members);
        var key = body[member.Start..member.KeyEnd];
        var value = body[member.ValueStart..member.End];
        byte[] copy;
        string how;
        switch (rng.Next(4))
        {
            case 0:
                copy = Concat(key, ":"u8, value);
                how = "exact copy";
                break;
            case 1:
                copy = Concat(key, ":"u8, RandomValue(rng, null, body, shape));
                how = "other value";
                break;
            case 2:
                copy = Concat(EscapeSome(key, rng, all: true), ":"u8, value);
                how = "name spelled with escapes";
                break;
            default:
                copy = Concat(ChangeCase(key), ":"u8, value);
                how = "name in other case (not a duplicate)";
                break;
        }

        var before = rng.Chance(2);
        what = $"{Name(body, member)} {how}, {(before ? "before" : "after")} the original";
        return before
            ? Splice(body, member.Start, member.Start, Concat(copy, ","u8))
            : Splice(body, member.End, member.End, Concat(","u8, copy));
    }

    private static byte[] TypeSwap(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        if (shape.Values.Count == 0)
        {
            return Insert(body, rng, out what);
        }

        var value = rng.Pick(shape.Values);
        var replacement = RandomValue(rng, value.Kind, body, shape);
        what = $"{value.Kind} at {value.Start} -> {Show(replacement)}";
        return Splice(body, value.Start, value.End, replacement);
    }

    private static byte[] WireWord(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        var strings = shape.Values.Where(v => v.Kind == ValueKind.String).ToList();
        if (strings.Count == 0)
        {
            return TypeSwap(body, rng, out what);
        }

        var value = rng.Pick(strings);
        var word = Encoding.UTF8.GetBytes("\"" + rng.Pick(WireWords) + "\"");
        what = $"string at {value.Start} -> {Show(word)}";
        return Splice(body, value.Start, value.End, word);
    }

    private byte[] HugeNumber(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        if (shape.Values.Count == 0)
        {
            return Insert(body, rng, out what);
        }

        var numbers = shape.Values.Where(v => v.Kind == ValueKind.Number).ToList();
        var value = numbers.Count > 0 && !rng.Chance(4) ? rng.Pick(numbers) : rng.Pick(shape.Values);
        var number = MakeHugeNumber(rng, Budget(body) + (value.End - value.Start));
        what = $"{value.Kind} at {value.Start} -> {Show(number)}";
        return Splice(body, value.Start, value.End, number);
    }

    private static byte[] MakeHugeNumber(Rng rng, int budget)
    {
        if (rng.Chance(2))
        {
            return Encoding.ASCII.GetBytes(rng.Pick(FixedNumbers));
        }

        var digits = rng.Next(5) switch
        {
            0 => 40,
            1 => 400,
            2 => 20 + rng.Next(30),
            3 => 309 + rng.Next(3),
            _ => rng.LogUniform(Math.Max(1, budget - 40)),
        };
        digits = Math.Clamp(digits, 1, Math.Max(1, budget - 40));
        var text = new ByteBuilder(digits + 40);
        if (rng.Chance(3))
        {
            text.Append((byte)'-');
        }

        if (rng.Chance(6))
        {
            // 0.000...0001: tiny, and long.
            text.Append("0."u8);
            text.Append((byte)'0', digits);
            text.Append((byte)'1');
            return text.ToArray();
        }

        text.Append((byte)('1' + rng.Next(9)));
        var block = new byte[Math.Min(digits - 1, 1024)];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = (byte)('0' + rng.Next(10));
        }

        // Longer runs repeat a random block of 1,024 digits; a parser sees no difference.
        var blocks = block.Length == 0 ? 0 : (digits - 1) / block.Length;
        text.Repeat(block, blocks).Append(block.AsSpan(0, digits - 1 - (blocks * block.Length)));
        if (rng.Chance(4))
        {
            text.Append((byte)'.').Append((byte)('0' + rng.Next(10)), 1 + rng.Next(30));
        }

        if (rng.Chance(4))
        {
            text.Append(rng.Chance(2) ? "e+"u8 : "E-"u8).Append(Encoding.ASCII.GetBytes(rng.Next(100000).ToString(CultureInfo.InvariantCulture)));
        }

        return text.ToArray();
    }

    private static byte[] BadScalar(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        if (shape.Values.Count == 0)
        {
            return Insert(body, rng, out what);
        }

        var scalars = shape.Values.Where(v => v.Kind is ValueKind.Number or ValueKind.Literal or ValueKind.String).ToList();
        var value = scalars.Count > 0 ? rng.Pick(scalars) : rng.Pick(shape.Values);
        var bad = Encoding.UTF8.GetBytes(rng.Pick(BadScalars));
        what = $"{value.Kind} at {value.Start} -> {Show(bad)}";
        return Splice(body, value.Start, value.End, bad);
    }

    private static byte[] EscapeText(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        var strings = shape.Tokens.Where(t => t.Kind == TokenKind.String && t.End - t.Start >= 3).ToList();
        if (strings.Count == 0)
        {
            return TypeSwap(body, rng, out what);
        }

        var token = rng.Pick(strings);
        var escaped = EscapeSome(body[token.Start..token.End], rng, all: rng.Chance(3));
        what = $"string at {token.Start} -> {Show(escaped)}";
        return Splice(body, token.Start, token.End, escaped);
    }

    private static byte[] CrossOver(byte[] body, Rng rng, out string what, byte[] other)
    {
        var shape = Shape.Of(body);
        var otherShape = Shape.Of(other);
        if (shape.Values.Count == 0 || otherShape.Values.Count == 0)
        {
            what = "no values to exchange";
            return body;
        }

        var target = rng.Pick(shape.Values);
        var donor = rng.Pick(otherShape.Values);
        var donated = other[donor.Start..donor.End];
        what = $"{target.Kind} at {target.Start} <- {donor.Kind} {Show(donated)}";
        return Splice(body, target.Start, target.End, donated);
    }

    private byte[] CrossOver(byte[] body, Rng rng, out string what) => CrossOver(body, rng, out what, rng.Pick(_seeds));

    private byte[] Splice(byte[] body, Rng rng, out string what)
    {
        var other = rng.Pick(_seeds);
        var cutA = PickPosition(body, Shape.Of(body), rng, out var whereA, allowEnd: true);
        var cutB = PickPosition(other, Shape.Of(other), rng, out var whereB, allowEnd: true);
        what = $"first {cutA} bytes ({whereA}) + other body from {cutB} ({whereB})";
        return Concat(body.AsSpan(0, cutA), other.AsSpan(cutB));
    }

    // ---- Size and depth ------------------------------------------------------------------------------------

    private byte[] LongString(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        var strings = shape.Tokens.Where(t => t.Kind == TokenKind.String).ToList();
        if (strings.Count == 0)
        {
            return Insert(body, rng, out what);
        }

        var token = rng.Pick(strings);
        var budget = Budget(body) + (token.End - token.Start) - 2;
        var length = Math.Min(rng.Chance(16) ? budget : rng.LogUniform(Math.Max(1, budget)), budget);
        var content = LongText(rng, length, out var pattern);
        var replacement = new ByteBuilder(content.Length + 2).Append((byte)'"').Append(content).Append((byte)'"').ToArray();
        what = $"string at {token.Start} -> {content.Length} bytes of {pattern}";
        return Splice(body, token.Start, token.End, replacement);
    }

    /// <summary>About <paramref name="length"/> bytes of string content (without quotes), whole escape units only.</summary>
    private static byte[] LongText(Rng rng, int length, out string pattern)
    {
        byte[] unit;
        if (rng.Chance(4))
        {
            // A mix: 64 random units, repeated.
            var mix = new ByteBuilder(512);
            for (var i = 0; i < 64; i++)
            {
                mix.Append(Encoding.UTF8.GetBytes(rng.Pick(StringUnits)));
            }

            if (rng.Chance(3))
            {
                mix.Append([0xED, 0xA0, 0x80]);
            }

            unit = mix.ToArray();
            pattern = "a mix of escapes and multi-byte text";
        }
        else
        {
            var text = rng.Pick(StringUnits);
            unit = Encoding.UTF8.GetBytes(text);
            pattern = Show(unit);
        }

        var count = Math.Max(length / unit.Length, 0);
        var result = new ByteBuilder(count * unit.Length);
        result.Repeat(unit, count);
        return result.ToArray();
    }

    private static byte[] LoneSurrogate(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        var strings = shape.Tokens.Where(t => t.Kind == TokenKind.String && t.End - t.Start >= 2).ToList();
        if (strings.Count == 0)
        {
            return Insert(body, rng, out what);
        }

        var token = rng.Pick(strings);
        byte[] inserted = rng.Chance(4)
            ? rng.Chance(2) ? [0xED, 0xA0, 0x80] : [0xED, 0xB0, 0x80]
            : Encoding.ASCII.GetBytes(rng.Pick(LoneSurrogates));
        var at = rng.Chance(2) ? token.Start + 1 : token.End - 1;
        what = $"{Show(inserted)} into the string at {token.Start}";
        return Splice(body, at, at, inserted);
    }

    private byte[] DeepNesting(byte[] body, Rng rng, out string what)
    {
        var depth = rng.Next(4) switch
        {
            0 => rng.Pick(new[] { 62, 63, 64, 65, 66, 127, 128, 129, 256, 1000, 1024 }),
            1 => 10000,
            _ => 1 + rng.LogUniform(10000),
        };
        var shapeName = rng.Pick(new[] { "arrays", "objects", "arrays and objects", "objects with known names" });
        var open = shapeName switch
        {
            "arrays" => "["u8.ToArray(),
            "objects" => "{\"a\":"u8.ToArray(),
            "arrays and objects" => "[{\"a\":"u8.ToArray(),
            _ => Encoding.UTF8.GetBytes("{\"" + rng.Pick(MemberNames) + "\":"),
        };
        var close = shapeName switch
        {
            "arrays" => "]"u8.ToArray(),
            "arrays and objects" => "}]"u8.ToArray(),
            _ => "}"u8.ToArray(),
        };
        depth = Math.Max(1, Math.Min(depth, Budget(body) / (open.Length + close.Length + 1)));
        var ending = rng.Next(4) switch
        {
            0 => "unclosed",
            1 => "closed with the wrong bracket",
            2 => "closed with extra closers",
            _ => "closed",
        };
        var inner = rng.Pick(new[] { "1", "null", "\"x\"", "{}", "[]", "{\"role\":\"user\",\"content\":\"x\"}" });
        var deep = new ByteBuilder(depth * (open.Length + close.Length) + 64);
        deep.Repeat(open, depth).Append(Encoding.UTF8.GetBytes(inner));
        switch (ending)
        {
            case "unclosed":
                deep.Repeat(close, rng.Next(depth));
                break;
            case "closed with the wrong bracket":
                deep.Repeat(close, depth - 1).Append(close[0] == (byte)']' ? "}"u8 : "]"u8);
                break;
            case "closed with extra closers":
                deep.Repeat(close, depth + 1 + rng.Next(3));
                break;
            default:
                deep.Repeat(close, depth);
                break;
        }

        var nested = deep.ToArray();
        var shape = Shape.Of(body);
        var place = rng.Next(3);
        if (place == 0 && shape.Values.Count > 0)
        {
            var value = rng.Pick(shape.Values);
            what = $"{depth} levels of {shapeName}, {ending}, for the {value.Kind} at {value.Start}";
            return Splice(body, value.Start, value.End, nested);
        }

        if (place == 1 && shape.ObjectStarts.Count > 0)
        {
            var at = rng.Pick(shape.ObjectStarts);
            var name = rng.Pick(MemberNames);
            what = $"{depth} levels of {shapeName}, {ending}, as member \"{name}\" of the object at {at - 1}";
            return InsertMembers(body, at, Concat(Encoding.UTF8.GetBytes("\"" + name + "\":"), nested));
        }

        what = $"{depth} levels of {shapeName}, {ending}, as the whole body";
        return nested;
    }

    private byte[] Wide(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        if (rng.Chance(2) && shape.ArrayElements.Count > 0)
        {
            var element = rng.Pick(shape.ArrayElements);
            var text = Concat(","u8, body.AsSpan(element.Start, element.End - element.Start));
            var most = Math.Min(100_000, Budget(body) / text.Length);
            var count = Math.Max(1, rng.LogUniform(Math.Max(1, most)));
            var copies = new ByteBuilder(text.Length * count).Repeat(text, count).ToArray();
            what = $"{element.Kind} at {element.Start} repeated {count} more times";
            return Splice(body, element.End, element.End, copies);
        }

        if (shape.ObjectStarts.Count == 0)
        {
            return Insert(body, rng, out what);
        }

        var at = rng.Pick(shape.ObjectStarts);
        var value = shape.Values.Count > 0 && rng.Chance(2) ? rng.Pick(shape.Values) : default;
        var valueText = value.End > value.Start ? body[value.Start..value.End] : "1"u8.ToArray();
        var members = Math.Max(1, rng.LogUniform(Math.Max(1, Math.Min(100_000, Budget(body) / (valueText.Length + 12)))));
        var wide = new ByteBuilder(members * (valueText.Length + 12));
        for (var i = 0; i < members; i++)
        {
            wide.Append(i == 0 ? "\""u8 : ",\""u8).Append(Encoding.ASCII.GetBytes(i.ToString(CultureInfo.InvariantCulture))).Append("\":"u8).Append(valueText);
        }

        what = $"{members} members \"0\"..\"{members - 1}\" of {Show(valueText)} in the object at {at - 1}";
        return InsertMembers(body, at, wide.ToArray());
    }

    private byte[] Whitespace(byte[] body, Rng rng, out string what)
    {
        var at = PickBoundary(body, Shape.Of(body), rng);
        byte[] space;
        if (rng.Chance(3))
        {
            var length = rng.LogUniform(Math.Max(1, Budget(body)));
            space = new ByteBuilder(length).Repeat(rng.Pick(new[] { " "u8.ToArray(), "\r\n"u8.ToArray(), "\t"u8.ToArray() }), length / 2 + 1).ToArray();
            what = $"{space.Length} bytes of whitespace at {at}";
        }
        else
        {
            space = rng.Pick(new byte[][] { [0x0B], [0x0C], [0xC2, 0xA0], [0xE2, 0x80, 0xA8], [0xE3, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0x85], [0x00] });
            what = $"{Show(space)} at {at}";
        }

        return Splice(body, at, at, space);
    }

    // ---- Encoding ------------------------------------------------------------------------------------------

    private static byte[] InvalidUtf8Bytes(byte[] body, Rng rng, out string what)
    {
        var sequence = rng.Pick(InvalidUtf8);
        var shape = Shape.Of(body);
        var strings = shape.Tokens.Where(t => t.Kind == TokenKind.String && t.End - t.Start >= 2).ToList();
        int at;
        if (strings.Count > 0 && !rng.Chance(3))
        {
            var token = rng.Pick(strings);
            at = token.Start + 1 + rng.Next(token.End - token.Start - 1);
            if (rng.Chance(3) && token.End - token.Start > 2)
            {
                // Replace rather than insert, so the string's length stays the same.
                var end = Math.Min(at + sequence.Length, token.End - 1);
                what = $"{Show(sequence)} over bytes {at}..{end} of a string";
                return Splice(body, at, end, sequence);
            }
        }
        else
        {
            at = PickPosition(body, shape, rng, out _, allowEnd: true);
        }

        what = $"{Show(sequence)} at {at}";
        return Splice(body, at, at, sequence);
    }

    private static byte[] Bom(byte[] body, Rng rng, out string what)
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        switch (rng.Next(7))
        {
            case 0:
                what = "UTF-8 BOM before the body";
                return Concat(bom, body);
            case 1:
                what = "two UTF-8 BOMs before the body";
                return Concat(bom, bom, body);
            case 2:
                what = "whitespace, then a UTF-8 BOM";
                return Concat(" \n"u8, bom, body);
            case 3:
                var at = PickBoundary(body, Shape.Of(body), rng);
                what = $"UTF-8 BOM between tokens at {at}";
                return Splice(body, at, at, bom);
            case 4:
                what = "UTF-16LE with BOM";
                return Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(body)));
            case 5:
                what = "UTF-16BE with BOM";
                return Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(Encoding.UTF8.GetString(body)));
            default:
                what = "UTF-16LE without BOM";
                return Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(body));
        }
    }

    private static byte[] TrailingGarbage(byte[] body, Rng rng, out string what)
    {
        var garbage = rng.Chance(5) ? body : Encoding.UTF8.GetBytes(rng.Pick(Garbage));
        what = ReferenceEquals(garbage, body) ? "the body again" : Show(garbage);
        return Concat(body, garbage);
    }

    private static byte[] Comment(byte[] body, Rng rng, out string what)
    {
        var at = PickBoundary(body, Shape.Of(body), rng);
        var comment = rng.Pick(new[] { "/* c */", "// c\n", "/**/", "/* unterminated", "//", "# c\n", "/", "/* /* nested */ */", "<!-- c -->" });
        what = $"{Show(Encoding.UTF8.GetBytes(comment))} at {at}";
        return Splice(body, at, at, Encoding.UTF8.GetBytes(comment));
    }

    private static byte[] ControlChar(byte[] body, Rng rng, out string what)
    {
        var shape = Shape.Of(body);
        var strings = shape.Tokens.Where(t => t.Kind == TokenKind.String && t.End - t.Start >= 2).ToList();
        if (strings.Count == 0)
        {
            return Insert(body, rng, out what);
        }

        var token = rng.Pick(strings);
        var at = token.Start + 1 + rng.Next(token.End - token.Start - 1);
        var control = (byte)rng.Next(0x20);
        what = $"0x{control:X2} into the string at {token.Start}";
        return Splice(body, at, at, [control]);
    }

    // ---- Values --------------------------------------------------------------------------------------------

    /// <summary>A small JSON value of a type other than <paramref name="not"/>, sometimes built around a value of the body.</summary>
    private static byte[] RandomValue(Rng rng, ValueKind? not, byte[] body, Shape shape)
    {
        while (true)
        {
            var kind = (ValueKind)rng.Next(6);
            if (kind == not)
            {
                continue;
            }

            var some = shape.Values.Count > 0 ? rng.Pick(shape.Values) : default;
            var someText = some.End > some.Start && some.End - some.Start < 4096 ? body[some.Start..some.End] : "1"u8.ToArray();
            return kind switch
            {
                ValueKind.String => Encoding.UTF8.GetBytes(rng.Pick(new[] { "\"x\"", "\"\"", "\"user\"", "\"gpt-4o\"", "\"function\"", "\"0\"", "\"true\"", "\"{}\"" })),
                ValueKind.Number => Encoding.ASCII.GetBytes(rng.Pick(new[] { "0", "1", "-1", "0.5", "2", "100", "1e3", "-0", "2147483648", "3.0" })),
                ValueKind.Literal => rng.Chance(2) ? "true"u8.ToArray() : "false"u8.ToArray(),
                ValueKind.Null => "null"u8.ToArray(),
                ValueKind.Array => rng.Next(3) switch
                {
                    0 => Encoding.UTF8.GetBytes(rng.Pick(new[] { "[]", "[1,2]", "[\"a\"]", "[{}]", "[null]", "[[]]" })),
                    1 => Concat("["u8, someText, "]"u8),
                    _ => Concat("["u8, someText, ","u8, someText, "]"u8),
                },
                _ => rng.Next(3) switch
                {
                    0 => Encoding.UTF8.GetBytes(rng.Pick(new[]
                    {
                        "{}", "{\"type\":\"text\",\"text\":\"x\"}", "{\"role\":\"user\",\"content\":\"x\"}",
                        "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}", "{\"type\":\"image_url\"}", "{\"name\":\"f\"}",
                    })),
                    1 => Concat("{\"a\":"u8, someText, "}"u8),
                    _ => Concat("{\"type\":"u8, someText, "}"u8),
                },
            };
        }
    }

    // ---- Positions -----------------------------------------------------------------------------------------

    /// <summary>A position of one kind, chosen first, so rare kinds (inside an escape) come up as often as common ones.</summary>
    private static int PickPosition(byte[] body, Shape shape, Rng rng, out string where, bool allowEnd)
    {
        var limit = allowEnd ? body.Length : Math.Max(0, body.Length - 1);
        if (body.Length == 0)
        {
            where = "empty body";
            return 0;
        }

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var candidates = new List<int>();
            var kind = rng.Next(12);
            switch (kind)
            {
                case 0:
                    where = "start";
                    return rng.Next(Math.Min(2, limit + 1));
                case 1:
                    where = "last byte";
                    return limit;
                case 2:
                    where = "after an opening bracket, colon or comma";
                    candidates.AddRange(shape.Tokens.Where(t => t.Kind is TokenKind.ObjectStart or TokenKind.ArrayStart or TokenKind.Colon or TokenKind.Comma).Select(t => t.End));
                    break;
                case 3:
                    where = "before a closing bracket";
                    candidates.AddRange(shape.Tokens.Where(t => t.Kind is TokenKind.ObjectEnd or TokenKind.ArrayEnd).Select(t => t.Start));
                    break;
                case 4:
                    where = "inside a string";
                    foreach (var t in shape.Tokens.Where(t => t.Kind == TokenKind.String && t.End - t.Start > 2))
                    {
                        candidates.Add(t.Start + 1 + rng.Next(t.End - t.Start - 2));
                    }

                    break;
                case 5:
                    where = "right after a backslash";
                    candidates.AddRange(IndexesOf(body, (byte)'\\').Select(i => i + 1));
                    break;
                case 6:
                    where = "inside a \\u escape";
                    candidates.AddRange(IndexesOf(body, (byte)'\\').Where(i => i + 1 < body.Length && body[i + 1] == (byte)'u').Select(i => i + 2 + rng.Next(4)));
                    break;
                case 7:
                    where = "inside a multi-byte character";
                    candidates.AddRange(Enumerable.Range(0, body.Length).Where(i => body[i] >= 0xC0).Select(i => i + 1));
                    break;
                case 8:
                    where = "inside a number";
                    candidates.AddRange(shape.Tokens.Where(t => t.Kind == TokenKind.Number && t.End - t.Start > 1).Select(t => t.Start + 1 + rng.Next(t.End - t.Start - 1)));
                    break;
                case 9:
                    where = "inside true, false or null";
                    candidates.AddRange(shape.Tokens.Where(t => t.Kind == TokenKind.Literal && t.End - t.Start > 1).Select(t => t.Start + 1 + rng.Next(t.End - t.Start - 1)));
                    break;
                case 10:
                    where = "after a member name";
                    candidates.AddRange(shape.Members.Select(m => m.KeyEnd));
                    break;
                default:
                    where = "anywhere";
                    return rng.Next(limit + 1);
            }

            candidates.RemoveAll(c => c > limit);
            if (candidates.Count > 0)
            {
                return rng.Pick(candidates);
            }
        }

        where = "anywhere";
        return rng.Next(limit + 1);
    }

    /// <summary>A position between two tokens (or at either end).</summary>
    private static int PickBoundary(byte[] body, Shape shape, Rng rng)
    {
        if (shape.Tokens.Count == 0 || rng.Chance(10))
        {
            return rng.Chance(2) ? 0 : body.Length;
        }

        var token = rng.Pick(shape.Tokens);
        return rng.Chance(2) ? token.Start : token.End;
    }

    private static IEnumerable<int> IndexesOf(byte[] body, byte value)
    {
        for (var i = Array.IndexOf(body, value); i >= 0; i = i + 1 < body.Length ? Array.IndexOf(body, value, i + 1) : -1)
        {
            yield return i;
        }
    }

    // ---- Bytes ---------------------------------------------------------------------------------------------

    /// <summary>Inserts members right after an object's '{', with a comma only when the object has members already.</summary>
    private static byte[] InsertMembers(byte[] body, int at, byte[] members)
    {
        var next = SkipWhitespace(body, at);
        var empty = next < body.Length && body[next] == (byte)'}';
        return Splice(body, at, at, empty ? members : Concat(members, ","u8));
    }

    private static byte[] Splice(byte[] body, int start, int end, ReadOnlySpan<byte> with)
    {
        var result = new byte[body.Length - (end - start) + with.Length];
        body.AsSpan(0, start).CopyTo(result);
        with.CopyTo(result.AsSpan(start));
        body.AsSpan(end).CopyTo(result.AsSpan(start + with.Length));
        return result;
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c = default, ReadOnlySpan<byte> d = default, ReadOnlySpan<byte> e = default)
    {
        var builder = new ByteBuilder(a.Length + b.Length + c.Length + d.Length + e.Length);
        return builder.Append(a).Append(b).Append(c).Append(d).Append(e).ToArray();
    }

    /// <summary>A string token with some (or all) of its plain ASCII characters written as \u escapes or "\/".</summary>
    private static byte[] EscapeSome(byte[] token, Rng rng, bool all)
    {
        var result = new ByteBuilder(token.Length * 6);
        result.Append((byte)'"');
        var content = token.AsSpan(1, Math.Max(0, token.Length - 2));
        var firstBackslash = content.IndexOf((byte)'\\');
        var plain = firstBackslash < 0 ? content.Length : firstBackslash;
        for (var i = 0; i < content.Length; i++)
        {
            var b = content[i];
            if (i < plain && b >= 0x20 && b < 0x7F && (all || rng.Chance(3)))
            {
                var upper = rng.Chance(2);
                result.Append(b == (byte)'/' && rng.Chance(2) ? "\\/"u8 : Encoding.ASCII.GetBytes("\\u" + ((int)b).ToString(upper ? "X4" : "x4", CultureInfo.InvariantCulture)));
            }
            else
            {
                result.Append(b);
            }
        }

        result.Append((byte)'"');
        return result.ToArray();
    }

    private static byte[] ChangeCase(byte[] token)
    {
        var copy = (byte[])token.Clone();
        for (var i = 1; i < copy.Length - 1; i++)
        {
            if (copy[i] is >= (byte)'a' and <= (byte)'z')
            {
                copy[i] -= 32;
                break;
            }
        }

        return copy;
    }

    private static string Name(byte[] body, Member member) => Show(body[member.Start..member.KeyEnd]);

    /// <summary>A short printable form of some bytes, for case descriptions.</summary>
    private static string Show(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.AsSpan(0, Math.Min(bytes.Length, 40)))
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : "\\x" + b.ToString("X2", CultureInfo.InvariantCulture));
        }

        if (bytes.Length > 40)
        {
            text.Append("...(").Append(bytes.Length).Append(" bytes)");
        }

        return text.ToString();
    }

    private static int SkipWhitespace(byte[] body, int at)
    {
        while (at < body.Length && IsJsonWhitespace(body[at]))
        {
            at++;
        }

        return at;
    }

    private static bool IsJsonWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    // ---- The tolerant scanner ------------------------------------------------------------------------------

    private enum TokenKind
    {
        ObjectStart,
        ObjectEnd,
        ArrayStart,
        ArrayEnd,
        Colon,
        Comma,
        String,
        Number,
        Literal,
        Other,
    }

    private enum ValueKind
    {
        String,
        Number,
        Literal,
        Array,
        Object,
        Null,
    }

    private readonly record struct Token(TokenKind Kind, int Start, int End);

    private readonly record struct Value(ValueKind Kind, int Start, int End);

    private readonly record struct Member(int Start, int KeyEnd, int ValueStart, int End);

    /// <summary>
    /// Tokens, values, members and object starts of a body, found by a scanner that never fails: on broken JSON it
    /// finds what it can (unmatched brackets make no value), which is enough to pick places to mutate.
    /// </summary>
    private sealed class Shape
    {
        public List<Token> Tokens { get; } = [];

        public List<Value> Values { get; } = [];

        public List<Value> ArrayElements { get; } = [];

        public List<Member> Members { get; } = [];

        /// <summary>Positions right after an object's '{' (where a member can be inserted, followed by a comma).</summary>
        public List<int> ObjectStarts { get; } = [];

        public static Shape Of(byte[] body)
        {
            var shape = new Shape();
            shape.ScanTokens(body);
            shape.FindValues(body);
            return shape;
        }

        private void ScanTokens(byte[] b)
        {
            var i = 0;
            while (i < b.Length)
            {
                var c = b[i];
                var start = i;
                TokenKind kind;
                switch (c)
                {
                    case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                        i++;
                        continue;
                    case (byte)'{':
                        kind = TokenKind.ObjectStart;
                        i++;
                        break;
                    case (byte)'}':
                        kind = TokenKind.ObjectEnd;
                        i++;
                        break;
                    case (byte)'[':
                        kind = TokenKind.ArrayStart;
                        i++;
                        break;
                    case (byte)']':
                        kind = TokenKind.ArrayEnd;
                        i++;
                        break;
                    case (byte)':':
                        kind = TokenKind.Colon;
                        i++;
                        break;
                    case (byte)',':
                        kind = TokenKind.Comma;
                        i++;
                        break;
                    case (byte)'"':
                        kind = TokenKind.String;
                        i++;
                        while (i < b.Length && b[i] != (byte)'"')
                        {
                            i += b[i] == (byte)'\\' ? 2 : 1;
                        }

                        i = Math.Min(i + 1, b.Length);
                        break;
                    case (byte)'-' or >= (byte)'0' and <= (byte)'9':
                        kind = TokenKind.Number;
                        i++;
                        while (i < b.Length && b[i] is (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+' or (byte)'-' or >= (byte)'0' and <= (byte)'9')
                        {
                            i++;
                        }

                        break;
                    case >= (byte)'a' and <= (byte)'z':
                        kind = TokenKind.Literal;
                        i++;
                        while (i < b.Length && b[i] is >= (byte)'a' and <= (byte)'z')
                        {
                            i++;
                        }

                        break;
                    default:
                        kind = TokenKind.Other;
                        i++;
                        break;
                }

                Tokens.Add(new Token(kind, start, i));
            }
        }

        private void FindValues(byte[] body)
        {
            // Open containers: token index and whether it is an object.
            var open = new Stack<(int Token, bool IsObject)>();
            for (var t = 0; t < Tokens.Count; t++)
            {
                var token = Tokens[t];
                switch (token.Kind)
                {
                    case TokenKind.ObjectStart:
                        open.Push((t, true));
                        ObjectStarts.Add(token.End);
                        break;
                    case TokenKind.ArrayStart:
                        open.Push((t, false));
                        break;
                    case TokenKind.ObjectEnd or TokenKind.ArrayEnd:
                        var isObject = token.Kind == TokenKind.ObjectEnd;
                        if (open.Count > 0 && open.Peek().IsObject == isObject)
                        {
                            var first = open.Pop().Token;
                            AddValue(isObject ? ValueKind.Object : ValueKind.Array, first, token.End, open);
                        }

                        break;
                    case TokenKind.String when t + 1 < Tokens.Count && Tokens[t + 1].Kind == TokenKind.Colon:
                        break;
                    case TokenKind.String:
                        AddValue(ValueKind.String, t, token.End, open);
                        break;
                    case TokenKind.Number:
                        AddValue(ValueKind.Number, t, token.End, open);
                        break;
                    case TokenKind.Literal:
                        var isNull = body.AsSpan(token.Start, token.End - token.Start).SequenceEqual("null"u8);
                        AddValue(isNull ? ValueKind.Null : ValueKind.Literal, t, token.End, open);
                        break;
                    default:
                        break;
                }
            }
        }

        private void AddValue(ValueKind kind, int firstToken, int end, Stack<(int Token, bool IsObject)> open)
        {
            var start = Tokens[firstToken].Start;
            var value = new Value(kind, start, end);
            Values.Add(value);
            if (open.Count > 0 && !open.Peek().IsObject)
            {
                ArrayElements.Add(value);
            }

            if (firstToken >= 2 && Tokens[firstToken - 1].Kind == TokenKind.Colon && Tokens[firstToken - 2].Kind == TokenKind.String)
            {
                var key = Tokens[firstToken - 2];
                Members.Add(new Member(key.Start, key.End, start, end));
            }
        }
    }

    // ---- Helpers -------------------------------------------------------------------------------------------

    /// <summary>A growable byte buffer (List&lt;byte&gt; is slow for megabytes in Debug builds).</summary>
    private sealed class ByteBuilder(int capacity)
    {
        private byte[] _buffer = new byte[Math.Max(16, capacity)];
        private int _length;

        public ByteBuilder Append(byte value) => Append([value]);

        public ByteBuilder Append(byte value, int count)
        {
            Ensure(count);
            _buffer.AsSpan(_length, count).Fill(value);
            _length += count;
            return this;
        }

        public ByteBuilder Append(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
            return this;
        }

        /// <summary>Appends <paramref name="unit"/> <paramref name="count"/> times, by doubling copies.</summary>
        public ByteBuilder Repeat(ReadOnlySpan<byte> unit, int count)
        {
            if (count <= 0 || unit.IsEmpty)
            {
                return this;
            }

            var total = unit.Length * count;
            Ensure(total);
            var target = _buffer.AsSpan(_length, total);
            unit.CopyTo(target);
            var filled = unit.Length;
            while (filled < total)
            {
                var chunk = Math.Min(filled, total - filled);
                target[..chunk].CopyTo(target[filled..]);
                filled += chunk;
            }

            _length += total;
            return this;
        }

        public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

        private void Ensure(int more)
        {
            if (_length + more > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_length + more, _buffer.Length * 2));
            }
        }
    }

    /// <summary>SplitMix64: small, fast, and the same on every runtime (System.Random's seeded sequence is not promised).</summary>
    private sealed class Rng(ulong seed)
    {
        private ulong _state = seed;

        public static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public ulong NextUInt64()
        {
            _state += 0x9E3779B97F4A7C15UL;
            return Mix(_state);
        }

        /// <summary>0 to <paramref name="bound"/> - 1.</summary>
        public int Next(int bound) => bound <= 1 ? 0 : (int)(NextUInt64() % (ulong)bound);

        /// <summary>True one time in <paramref name="n"/>.</summary>
        public bool Chance(int n) => Next(n) == 0;

        public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

        /// <summary>1 to <paramref name="max"/>, each power of two as likely as the next, so large sizes are rare but come.</summary>
        public int LogUniform(int max)
        {
            if (max <= 1)
            {
                return 1;
            }

            var bits = 32 - int.LeadingZeroCount(max);
            var power = Next(bits);
            var low = 1 << power;
            return Math.Min(max, low + Next(low));
        }

        public void Fill(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)NextUInt64();
            }
        }
    }
}
