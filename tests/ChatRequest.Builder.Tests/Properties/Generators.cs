using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequest.Validation;
using CsCheck;

namespace ChatRequest.Tests.Properties;

/// <summary>A model object made fresh on each use, with the C# expression that makes it.</summary>
internal sealed class Coded<T>
{
    public Coded(Func<T> make, string code)
    {
        Make = make;
        Code = code;
    }

    public Func<T> Make { get; }

    public string Code { get; }

    public override string ToString() => Code;
}

/// <summary>
/// CsCheck generators of builder chains. <see cref="ValidRecipe"/> makes chains whose <c>Build()</c> succeeds: every
/// builder method and overload, every role and content part, every union shape (stop, tool_choice, response_format,
/// voice, function_call, content), deprecated fields, unknown members at the top level and inside messages and tools,
/// and chains that continue a parsed body. Limits come from <see cref="ChatRules"/>; the cross-field rules of the table
/// are met by construction. <see cref="AnyStep"/> makes single calls that may also break rules.
/// </summary>
/// <remarks>
/// Every value prints as the C# that makes it, so a shrunk counterexample reads as a chain to paste into a test.
/// Settings are sometimes called twice (the later call wins, the earlier one may be out of range), and the calls of
/// independent fields are interleaved at random.
/// </remarks>
internal static class Generators
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    // ---- Text ----------------------------------------------------------------------------------------------------

    private static readonly Gen<string> Word = Gen.String[Gen.Char.AlphaNumeric, 1, 8];

    /// <summary>Pieces that stress escaping: JSON and HTML specials, controls, line separators, non-ASCII, surrogate pairs.</summary>
    private static readonly Gen<string> Special = Gen.OneOf(
        "\n", "\t", "\r\n", "\"", "\\", "/", "<", ">", "&", "'", "+", "\0", "\u0001", "\u001f", "\u007f", "\u0085", "\u00a0",
        "\u2028", "\u2029", "\ufeff", "é", "ß", "Ω", "中文", "日本語", "עברית", "😀", "𝄞", "  ", "json", "JSON", "</script>");

    /// <summary>
    /// Any text (possibly empty), valid UTF-16. Lone surrogates are left out: the writer turns them into U+FFFD, so a
    /// request holding one does not write what it holds.
    /// </summary>
    public static readonly Gen<string> Text = Gen.Select(Gen.Frequency((4, Word), (2, Special)).Array[0, 6], Gen.Bool,
        (pieces, spaced) => string.Join(spaced ? " " : string.Empty, pieces));

    /// <summary>Text with at least one character.</summary>
    public static readonly Gen<string> NonEmptyText = Gen.Select(Word, Text, (w, t) => w + t);

    private const string NameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    /// <summary>A function, tool or json_schema name that matches the table's pattern, short or at the length limit.</summary>
    public static readonly Gen<string> ValidName = Gen.Frequency(
        (8, Gen.String[Gen.Char[NameChars], 1, 10]),
        (1, Gen.String[Gen.Char[NameChars], ChatRules.MaxNameLength, ChatRules.MaxNameLength]),
        (1, Gen.String[Gen.Char[NameChars], 11, ChatRules.MaxNameLength]));

    public static readonly Gen<string> Model = Gen.Frequency(
        (6, Gen.OneOf("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4o-audio-preview", "o1", "o3", "o3-mini", "o4-mini", "o4-mini-2025-04-16",
            "gpt-5", "gpt-5.1", "gpt-5-mini", "openai/o3-mini", "GPT-5", "o30", "gpt-50", " gpt-4o ", "my-org/custom")),
        (1, NonEmptyText));

    private static readonly Gen<string> Url = Gen.Select(
        Gen.OneOf("https://example.com/", "http://localhost:8080/", "https://cdn.example.org/img/", "https://example.com/a/b/"),
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_."], 0, 12],
        Gen.OneOf(string.Empty, ".png", ".jpg?size=large&v=2", "#top", "%20x.gif"),
        (a, b, c) => a + b + c);

    private static readonly Gen<byte[]> Bytes = Gen.Byte.Array[0, 12];
    private static readonly Gen<byte[]> NonEmptyBytes = Gen.Byte.Array[1, 12];

    // ---- Numbers -------------------------------------------------------------------------------------------------

    /// <summary>Values inside <paramref name="limit"/>: both ends, one ulp inside them, -0 and the smallest subnormal where allowed, and random ones.</summary>
    public static Gen<double> DoubleInside(NumericLimit limit)
    {
        var edges = new List<double> { limit.Min, limit.Max, Math.BitIncrement(limit.Min), Math.BitDecrement(limit.Max) };
        if (limit.Min <= 0 && limit.Max >= 0)
        {
            edges.AddRange(new[] { -0.0, 0.0, double.Epsilon, -double.Epsilon });
        }

        var inside = edges.Where(v => v >= limit.Min && v <= limit.Max).Distinct().ToArray();
        return Gen.Frequency(
            (3, Gen.OneOf(inside)),
            (4, Gen.Double[limit.Min, limit.Max]),
            (2, Gen.Int[0, 100].Select(k => limit.Min + ((limit.Max - limit.Min) * k / 100))));
    }

    /// <summary>Any double, weighted to the edges of <paramref name="limit"/>: inside, one ulp outside, NaN, infinities, huge, subnormal, random bits.</summary>
    public static Gen<double> DoubleAnywhere(NumericLimit limit)
    {
        var span = limit.Max - limit.Min;
        var special = new[]
        {
            Math.BitDecrement(limit.Min), Math.BitIncrement(limit.Max), limit.Min - 1, limit.Max + 1, double.NaN, -double.NaN,
            double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, -0.0,
            1e300, -1e300, int.MaxValue, (double)int.MaxValue + 1, long.MaxValue,
        };
        return Gen.Frequency(
            (3, DoubleInside(limit)),
            (3, Gen.OneOf(special)),
            (2, Gen.Double[limit.Min - span, limit.Max + span]),
            (1, Gen.Long.Select(BitConverter.Int64BitsToDouble)),
            (1, Gen.Double));
    }

    /// <summary>Integers inside <paramref name="limit"/>: both ends, next to them, small and random values.</summary>
    public static Gen<int> IntInside(NumericLimit limit)
    {
        var min = (int)limit.Min;
        var max = (int)Math.Min(limit.Max, int.MaxValue);
        var edges = new[] { min, max, min + 1, max - 1 }.Where(v => v >= min && v <= max).Distinct().ToArray();
        return Gen.Frequency(
            (3, Gen.OneOf(edges)),
            (3, Gen.Int[min, Math.Min(max, min + 300)]),
            (2, Gen.Int[min, max]));
    }

    /// <summary>Any integer, weighted to the edges of <paramref name="limit"/>, with int.MinValue and int.MaxValue.</summary>
    public static Gen<int> IntAnywhere(NumericLimit limit)
    {
        var min = (long)limit.Min;
        var max = (long)Math.Min(limit.Max, int.MaxValue);
        var special = new[] { min - 1, max + 1, int.MinValue, int.MaxValue, int.MinValue + 1, 0, -1 }
            .Where(v => v is >= int.MinValue and <= int.MaxValue).Select(v => (int)v).Distinct().ToArray();
        return Gen.Frequency(
            (3, IntInside(limit)),
            (3, Gen.OneOf(special)),
            (2, Gen.Int[(int)Math.Max(int.MinValue, min - 300), (int)Math.Min(int.MaxValue, max + 300)]),
            (1, Gen.Int));
    }

    private static readonly Gen<long> AnyLong = Gen.Frequency(
        (1, Gen.OneOf(long.MinValue, long.MaxValue, 0L, -1L, 1L, (long)int.MaxValue + 1, -9_007_199_254_740_993L)),
        (3, Gen.Long));

    private static readonly Gen<double> FiniteDouble = Gen.Frequency(
        (1, Gen.OneOf(-0.0, 0.0, double.Epsilon, double.MaxValue, double.MinValue, 1e300, 0.1, 1.0 / 3, 123456789.125)),
        (3, Gen.Double[-1e6, 1e6]),
        (1, Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(d => !double.IsNaN(d) && !double.IsInfinity(d))));

    // ---- JSON values (for schemas, extra members and parsed bodies) ----------------------------------------------

    private static string JsonString(string value) => JsonSerializer.Serialize(value, RelaxedJson);

    private static readonly Gen<string> JsonScalar = Gen.Frequency(
        (2, Gen.OneOf("null", "true", "false", "0", "-0", "1.0", "1e5", "1E+400", "-12.5e-3", "0.10", "123456789012345678901234567890")),
        (2, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double[-1e6, 1e6].Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (3, Text.Select(JsonString)));

    private static Gen<string> JsonValueOfDepth(int depth) => depth == 0
        ? JsonScalar
        : Gen.Frequency(
            (3, JsonScalar),
            (1, JsonValueOfDepth(depth - 1).Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (1, JsonObjectOfDepth(depth - 1)));

    private static Gen<string> JsonObjectOfDepth(int depth) =>
        Gen.Select(Gen.Frequency((3, Word), (1, Text)).Array[0, 4], JsonValueOfDepth(depth).Array[4], (keys, values) =>
            "{" + string.Join(",", keys.Distinct(StringComparer.Ordinal).Select((k, i) => JsonString(k) + ":" + values[i])) + "}");

    /// <summary>
    /// Any JSON value as compact text: numbers in several spellings, nested arrays and objects. No object repeats a
    /// member: the builder refuses such JSON with an ArgumentException (MalformedJsonTests), so it is no valid request.
    /// </summary>
    public static readonly Gen<string> JsonValueText = JsonValueOfDepth(2);

    /// <summary>A JSON object as compact text, e.g. a JSON Schema.</summary>
    public static readonly Gen<string> JsonObjectText = Gen.Frequency(
        (2, Gen.OneOf(RichRequests.WeatherSchema, """{"type":"object"}""", "{}", """{"type":"object","properties":{"n":{"type":"number","minimum":-1E+3}},"required":["n"]}""")),
        (3, JsonObjectOfDepth(2)));

    /// <summary>A JSON object as the text a caller might pass: compact, indented, or padded with whitespace.</summary>
    private static readonly Gen<string> JsonObjectSource = Gen.Select(JsonObjectText, Gen.Int[0, 2], (json, style) => style switch
    {
        0 => json,
        1 => JsonNode.Parse(json)!.ToJsonString(IndentedJson),
        _ => " \r\n\t" + json + "\n ",
    });

    // ---- Content parts -------------------------------------------------------------------------------------------

    private const string Breakpoint = "PromptCacheBreakpoint = new PromptCacheBreakpoint { Mode = \"explicit\" }";

    private static PromptCacheBreakpoint NewBreakpoint() => new() { Mode = ChatRules.PromptCacheBreakpointModeValues[0] };

    private static readonly Gen<Coded<ContentPart>> TextPart = Gen.Select(Text, Gen.Int[0, 3], (text, style) => style == 0
        ? new Coded<ContentPart>(() => new TextContentPart { Text = text, PromptCacheBreakpoint = NewBreakpoint() },
            "new TextContentPart { Text = " + Cs.Str(text) + ", " + Breakpoint + " }")
        : new Coded<ContentPart>(() => ContentPart.FromText(text), "ContentPart.FromText(" + Cs.Str(text) + ")"));

    private static readonly Gen<ImageDetail?> Detail = Gen.Nullable(Gen.Enum<ImageDetail>(), 0.4);

    private static readonly Gen<Coded<ContentPart>> ImagePart = Gen.OneOf(
        Gen.Select(Url, Detail, (url, detail) => new Coded<ContentPart>(
            () => ContentPart.FromImageUrl(url, detail), "ContentPart.FromImageUrl(" + Cs.Args(Cs.Str(url), Cs.Enum(detail)) + ")")),
        Gen.Select(Bytes, Gen.OneOf("image/png", "image/jpeg", "image/webp", "image/gif"), Detail, (bytes, media, detail) => new Coded<ContentPart>(
            () => ContentPart.FromImageBytes(bytes, media, detail), "ContentPart.FromImageBytes(" + Cs.Args(Cs.Bytes(bytes), Cs.Str(media), Cs.Enum(detail)) + ")")),
        Gen.Select(Url, Gen.OneOf(ChatRules.ImageDetailValues).Null(0.5), (url, detail) => new Coded<ContentPart>(
            () => new ImageContentPart { ImageUrl = new ImageUrl { Url = url, Detail = detail }, PromptCacheBreakpoint = NewBreakpoint() },
            "new ImageContentPart { ImageUrl = new ImageUrl { Url = " + Cs.Str(url) + ", Detail = " + Cs.Str(detail) + " }, " + Breakpoint + " }")));

    private static readonly Gen<Coded<ContentPart>> AudioPart = Gen.OneOf(
        Gen.Select(NonEmptyBytes, Gen.Enum<InputAudioFormat>(), (bytes, format) => new Coded<ContentPart>(
            () => ContentPart.FromAudioBytes(bytes, format), "ContentPart.FromAudioBytes(" + Cs.Bytes(bytes) + ", " + Cs.Enum(format) + ")")),
        Gen.Select(NonEmptyBytes, Gen.OneOf(ChatRules.InputAudioFormatValues), (bytes, format) => new Coded<ContentPart>(
            () => new AudioContentPart { InputAudio = new InputAudio { Data = Convert.ToBase64String(bytes), Format = format }, PromptCacheBreakpoint = NewBreakpoint() },
            "new AudioContentPart { InputAudio = new InputAudio { Data = " + Cs.Str(Convert.ToBase64String(bytes)) + ", Format = " + Cs.Str(format) + " }, " + Breakpoint + " }")));

    private static readonly Gen<Coded<ContentPart>> FilePart = Gen.OneOf(
        NonEmptyText.Select(id => new Coded<ContentPart>(() => ContentPart.FromFileId(id), "ContentPart.FromFileId(" + Cs.Str(id) + ")")),
        Gen.Select(Bytes, NonEmptyText, (bytes, file) => new Coded<ContentPart>(
            () => ContentPart.FromFileBytes(bytes, file), "ContentPart.FromFileBytes(" + Cs.Bytes(bytes) + ", " + Cs.Str(file) + ")")),
        Gen.Select(Text.Null(0.5), Text.Null(0.5), Text.Null(0.5), Gen.Bool, (id, name, data, cached) => new Coded<ContentPart>(
            () => new FileContentPart { File = new FileInput { FileId = id, Filename = name, FileData = data }, PromptCacheBreakpoint = cached ? NewBreakpoint() : null },
            "new FileContentPart { File = new FileInput { FileId = " + Cs.Str(id) + ", Filename = " + Cs.Str(name) + ", FileData = " + Cs.Str(data) + " }"
                + (cached ? ", " + Breakpoint : string.Empty) + " }")));

    /// <summary>Any part a user message accepts: text, image (URL, bytes, object), audio, file.</summary>
    public static readonly Gen<Coded<ContentPart>> UserPart = Gen.Frequency((3, TextPart), (2, ImagePart), (1, AudioPart), (1, FilePart));

    private static readonly Gen<Coded<ContentPart>> RefusalPart =
        Text.Select(text => new Coded<ContentPart>(() => ContentPart.FromRefusal(text), "ContentPart.FromRefusal(" + Cs.Str(text) + ")"));

    private static Coded<MessageContent> PartsContent(Coded<ContentPart>[] parts) => new(
        () => new MessageContent(parts.Select(p => p.Make()).ToList()),
        "new MessageContent(new ContentPart[] { " + string.Join(", ", parts.Select(p => p.Code)) + " })");

    private static Coded<MessageContent> TextContent(string text) => new(() => text, Cs.Str(text));

    /// <summary>Content of a system, developer or tool message: text, or text parts.</summary>
    private static readonly Gen<Coded<MessageContent>> TextOnlyContent = Gen.Frequency(
        (1, Text.Select(TextContent)),
        (1, TextPart.Array[1, 3].Select(PartsContent)));

    // ---- Tool calls ----------------------------------------------------------------------------------------------

    private static readonly Gen<Coded<ToolCall>> ToolCallGen = Gen.OneOf(
        Gen.Select(NonEmptyText, NonEmptyText, Gen.Frequency((2, JsonObjectText), (1, Text)), (id, name, arguments) => new Coded<ToolCall>(
            () => ToolCall.ForFunction(id, name, arguments), "ToolCall.ForFunction(" + Cs.Str(id) + ", " + Cs.Str(name) + ", " + Cs.Str(arguments) + ")")),
        Gen.Select(NonEmptyText, NonEmptyText, Text, (id, name, input) => new Coded<ToolCall>(
            () => ToolCall.ForCustomTool(id, name, input), "ToolCall.ForCustomTool(" + Cs.Str(id) + ", " + Cs.Str(name) + ", " + Cs.Str(input) + ")")));

    // ---- Messages ------------------------------------------------------------------------------------------------

    private static Step Call(string method, string arguments, Func<ChatRequestBuilder, ChatRequestBuilder> apply) => new(method, arguments, apply);

    private static readonly Gen<string?> OptionalName = Text.Null(0.6);

    private static readonly Gen<Step> TextMessage = Gen.Select(Gen.Int[0, 3], Text, OptionalName, (role, text, name) =>
    {
        var arguments = Cs.Args(Cs.Str(text), Cs.Str(name));
        return role switch
        {
            0 => Call("System", arguments, b => b.System(text, name)),
            1 => Call("Developer", arguments, b => b.Developer(text, name)),
            2 => Call("User", arguments, b => b.User(text, name)),
            _ => Call("Assistant", arguments, b => b.Assistant(text, name)),
        };
    });

    private static readonly Gen<Step> UserPartsMessage = Gen.Select(UserPart.Array[1, 4], OptionalName, Gen.Bool, (parts, name, asList) =>
    {
        var codes = string.Join(", ", parts.Select(p => p.Code));
        return asList || name is not null
            ? Call("User", "new List<ContentPart> { " + codes + " }, " + Cs.Str(name), b => b.User(parts.Select(p => p.Make()).ToList(), name))
            : Call("User", codes, b => b.User(parts.Select(p => p.Make()).ToArray()));
    });

    private static readonly Gen<Step> ToolCallsMessage = ToolCallGen.Array[1, 3].Select(calls =>
        Call("AssistantToolCalls", string.Join(", ", calls.Select(c => c.Code)), b => b.AssistantToolCalls(calls.Select(c => c.Make()).ToArray())));

    private static readonly Gen<Step> ResultMessage = Gen.Select(Gen.Bool, NonEmptyText, Text, (tool, id, content) => tool
        ? Call("ToolResult", Cs.Str(id) + ", " + Cs.Str(content), b => b.ToolResult(id, content))
        : Call("FunctionResult", Cs.Str(id) + ", " + Cs.Str(content), b => b.FunctionResult(id, content)));

    private static readonly Gen<Coded<IDictionary<string, JsonElement>>?> NestedExtras = Gen.Select(Gen.OneOf("x_note", "cache_control", "Role", "ñ").Array[1, 2], JsonValueText.Array[2],
        (names, values) =>
        {
            var pairs = names.Distinct(StringComparer.Ordinal).Select((n, i) => (Name: n, Json: values[i])).ToArray();
            return new Coded<IDictionary<string, JsonElement>>(
                () => pairs.ToDictionary(p => p.Name, p => JsonElement.Parse(p.Json), StringComparer.Ordinal),
                "new Dictionary<string, JsonElement> { " + string.Join(", ", pairs.Select(p => "[" + Cs.Str(p.Name) + "] = JsonElement.Parse(" + Cs.Str(p.Json) + ")")) + " }");
        }).Null(0.7);

    private static string Init(string type, params (string Member, string? Code)[] members) =>
        "new " + type + " { " + string.Join(", ", members.Where(m => m.Code is not null && m.Code != "null").Select(m => m.Member + " = " + m.Code)) + " }";

    /// <summary>Messages given as model objects (Message(...)), in shapes the typed methods cannot make.</summary>
    private static readonly Gen<Step> SnapshotMessage = Gen.OneOf(
        // Assistant: text parts or one refusal part, refusal, audio reference, tool calls, legacy function_call, or only some of them.
        Gen.Select(
            Gen.Frequency((2, Gen.Const((Coded<MessageContent>?)null)), (2, TextPart.Array[1, 3].Select(PartsContent)), (1, RefusalPart.Array[1].Select(PartsContent)), (1, Text.Select(TextContent))),
            Text.Null(0.7), OptionalName, NonEmptyText.Null(0.7), ToolCallGen.Array[1, 2].Null(0.5),
            Gen.Select(NonEmptyText, Text, (n, a) => (Name: n, Arguments: a)).Nullable(0.8),
            (content, refusal, name, audio, calls, call) =>
            {
                // Without content, tool calls or a function call, an assistant message needs an audio reference.
                var audioId = content is null && calls is null && call is null ? audio ?? "audio_1" : audio;
                return Call("Message", Init("AssistantMessage",
                        ("Content", content?.Code), ("Refusal", Cs.Str(refusal)), ("Name", Cs.Str(name)),
                        ("Audio", audioId is null ? null : "new AssistantAudio { Id = " + Cs.Str(audioId) + " }"),
                        ("ToolCalls", calls is null ? null : "new List<ToolCall> { " + string.Join(", ", calls.Select(c => c.Code)) + " }"),
                        ("FunctionCall", call is { } f ? "new FunctionCall { Name = " + Cs.Str(f.Name) + ", Arguments = " + Cs.Str(f.Arguments) + " }" : null)),
                    b => b.Message(new AssistantMessage
                    {
                        Content = content?.Make(),
                        Refusal = refusal,
                        Name = name,
                        Audio = audioId is null ? null : new AssistantAudio { Id = audioId },
                        ToolCalls = calls?.Select(c => c.Make()).ToList(),
                        FunctionCall = call is { } g ? new FunctionCall { Name = g.Name, Arguments = g.Arguments } : null,
                    }));
            }),

        // System, developer and tool messages with text parts.
        Gen.Select(Gen.Int[0, 2], TextOnlyContent, OptionalName, NonEmptyText, (role, content, name, id) => role switch
        {
            0 => Call("Message", Init("SystemMessage", ("Content", content.Code), ("Name", Cs.Str(name))),
                b => b.Message(new SystemMessage { Content = content.Make(), Name = name })),
            1 => Call("Message", Init("DeveloperMessage", ("Content", content.Code), ("Name", Cs.Str(name))),
                b => b.Message(new DeveloperMessage { Content = content.Make(), Name = name })),
            _ => Call("Message", Init("ToolMessage", ("ToolCallId", Cs.Str(id)), ("Content", content.Code)),
                b => b.Message(new ToolMessage { ToolCallId = id, Content = content.Make() })),
        }),

        // User message with parts and members the model does not know.
        Gen.Select(UserPart.Array[1, 3].Select(PartsContent), OptionalName, NestedExtras, (content, name, extras) =>
            Call("Message", Init("UserMessage", ("Content", content.Code), ("Name", Cs.Str(name)), ("AdditionalProperties", extras?.Code)),
                b => b.Message(new UserMessage { Content = content.Make(), Name = name, AdditionalProperties = extras?.Make() }))),

        // Legacy function message (string content; a null one comes from parsed bodies, see ParsedRoot).
        Gen.Select(NonEmptyText, Text, (name, content) =>
            Call("Message", Init("FunctionMessage", ("Name", Cs.Str(name)), ("Content", Cs.Str(content))),
                b => b.Message(new FunctionMessage { Name = name, Content = content }))));

    /// <summary>Any valid message, through every message method.</summary>
    public static readonly Gen<Step> Message = Gen.Frequency((5, TextMessage), (2, UserPartsMessage), (1, ToolCallsMessage), (1, ResultMessage), (2, SnapshotMessage));

    /// <summary>A message whose text asks for JSON, as JSON mode requires.</summary>
    private static readonly Gen<Step> JsonMentionMessage = Gen.Select(Gen.OneOf("json", "JSON", "Json", "jSoN"), Text, Gen.Bool, (word, text, system) =>
    {
        var content = text + " " + word;
        return system
            ? Call("System", Cs.Str(content), b => b.System(content))
            : Call("User", "ContentPart.FromText(" + Cs.Str(content) + ")", b => b.User(ContentPart.FromText(content)));
    });

    // ---- Settings ------------------------------------------------------------------------------------------------

    private static readonly Step[] None = Array.Empty<Step>();

    private static Gen<Step[]> Optional(Gen<Step[]> feature, int percent = 40) =>
        Gen.Frequency((100 - percent, Gen.Const(None)), (percent, feature));

    private static Gen<Step[]> One(Gen<Step> step) => step.Select(s => new[] { s });

    /// <summary>The final call, sometimes after an earlier call of the same setting (any value, even out of range) that it overrides.</summary>
    private static Gen<Step[]> Overriding(Gen<Step> final, Gen<Step> earlier) =>
        Gen.Frequency((4, One(final)), (1, Gen.Select(earlier, final, (e, f) => new[] { e, f })));

    private static Gen<Step> DoubleSetting(string method, Func<ChatRequestBuilder, double, ChatRequestBuilder> set, Gen<double> values) =>
        values.Select(v => Call(method, Cs.Num(v), b => set(b, v)));

    private static Gen<Step[]> DoubleFeature(string method, NumericLimit limit, Func<ChatRequestBuilder, double, ChatRequestBuilder> set) =>
        Overriding(DoubleSetting(method, set, DoubleInside(limit)), DoubleSetting(method, set, DoubleAnywhere(limit)));

    private static Gen<Step> IntSetting(string method, Func<ChatRequestBuilder, int, ChatRequestBuilder> set, Gen<int> values) =>
        values.Select(v => Call(method, Cs.Int(v), b => set(b, v)));

    private static Gen<Step[]> IntFeature(string method, NumericLimit limit, Func<ChatRequestBuilder, int, ChatRequestBuilder> set) =>
        Overriding(IntSetting(method, set, IntInside(limit)), IntSetting(method, set, IntAnywhere(limit)));

    private static Gen<Step> EnumSetting<T>(string method, Func<ChatRequestBuilder, T, ChatRequestBuilder> set)
        where T : struct, Enum => Gen.Enum<T>().Select(v => Call(method, Cs.Enum(v), b => set(b, v)));

    private static Gen<Step> StringSetting(string method, Gen<string> values, Func<ChatRequestBuilder, string, ChatRequestBuilder> set) =>
        values.Select(v => Call(method, Cs.Str(v), b => set(b, v)));

    private static readonly Gen<Step[]> LogitBiasFeature = Gen.Select(
        Gen.Frequency((3, Gen.Int[0, 100_000]), (1, IntInside(ChatRules.LogitBiasTokenId))), IntInside(ChatRules.LogitBiasValue),
        (token, bias) => Call("LogitBias", Cs.Int(token) + ", " + Cs.Int(bias), b => b.LogitBias(token, bias))).Array[1, 4];

    private static readonly Gen<Step> StopCall = Text.Array[ChatRules.MinStopSequences, ChatRules.MaxStopSequences]
        .Select(s => Call("Stop", string.Join(", ", s.Select(Cs.Str)), b => b.Stop(s)));

    private static readonly Gen<Step> AnyStopCall = Text.Array[0, ChatRules.MaxStopSequences + 2]
        .Select(s => Call("Stop", string.Join(", ", s.Select(Cs.Str)), b => b.Stop(s)));

    private static readonly Gen<Step[]> StreamFeature = Gen.Frequency(
        (2, Gen.Select(Gen.Bool, Gen.Bool.Nullable(0.3), Gen.Bool.Nullable(0.3), (defaulted, usage, obfuscation) => new[]
        {
            defaulted ? Call("Stream", string.Empty, b => b.Stream()) : Call("Stream", "true", b => b.Stream(true)),
            Call("StreamOptions", "includeUsage: " + Cs.Bool(usage) + ", includeObfuscation: " + Cs.Bool(obfuscation), b => b.StreamOptions(usage, obfuscation)),
        })),
        (1, Gen.Bool.Select(on => new[] { Call("Stream", Cs.Bool(on), b => b.Stream(on)) })));

    private static readonly Gen<Step[]> LogprobsFeature = Gen.Frequency(
        (2, Gen.Select(IntInside(ChatRules.TopLogprobs), Gen.Bool, (top, defaulted) => new[]
        {
            defaulted ? Call("Logprobs", string.Empty, b => b.Logprobs()) : Call("Logprobs", "true", b => b.Logprobs(true)),
            Call("TopLogprobs", Cs.Int(top), b => b.TopLogprobs(top)),
        })),
        (1, Gen.Bool.Select(on => new[] { Call("Logprobs", Cs.Bool(on), b => b.Logprobs(on)) })));

    private static readonly Gen<Step[]> MetadataFeature = Gen.Select(
        Gen.Frequency((3, Gen.OneOf("team", "run", "env", "ü")), (1, Gen.String[Gen.Char.AlphaNumeric, 1, ChatRules.MaxMetadataKeyLength])),
        Gen.Frequency((4, Text), (1, Gen.String[Gen.Char.AlphaNumeric, ChatRules.MaxMetadataValueLength, ChatRules.MaxMetadataValueLength])),
        (key, value) => Call("Metadata", Cs.Str(key) + ", " + Cs.Str(value), b => b.Metadata(key, value))).Array[1, 5];

    private static readonly Gen<string> SafetyIdentifierText = Gen.Frequency(
        (3, Text.Where(t => t.Length <= ChatRules.MaxSafetyIdentifierLength)),
        (1, Gen.String[Gen.Char.AlphaNumeric, ChatRules.MaxSafetyIdentifierLength, ChatRules.MaxSafetyIdentifierLength]));

    private static readonly Gen<Step[]> AudioFeature = Gen.Select(
        Gen.Frequency(
            (1, Gen.Enum<Modality>().Array[0, 2]),
            (2, Gen.Const(new[] { Modality.Text, Modality.Audio }))),
        Gen.Int[0, 3], Gen.Frequency((3, Gen.OneOf("alloy", "ash", "marin", "cedar")), (1, Text)), NonEmptyText, Gen.Enum<AudioFormat>(), Gen.Bool,
        (modalities, voiceKind, name, id, format, withModalities) =>
        {
            var (voiceCode, voice) = voiceKind switch
            {
                0 => (Cs.Str(name), (Func<AudioVoice>)(() => name)),
                1 => ("AudioVoice.Named(" + Cs.Str(name) + ")", () => AudioVoice.Named(name)),
                2 => ("AudioVoice.FromString(" + Cs.Str(name) + ")", () => AudioVoice.FromString(name)),
                _ => ("AudioVoice.Custom(" + Cs.Str(id) + ")", (Func<AudioVoice>)(() => AudioVoice.Custom(id))),
            };
            var audio = Call("Audio", voiceCode + ", " + Cs.Enum(format), b => b.Audio(voice(), format));
            return withModalities
                ? new[] { Call("Modalities", string.Join(", ", modalities.Select(m => Cs.Enum(m))), b => b.Modalities(modalities)), audio }
                : new[] { audio };
        });

    /// <summary>Modalities without audio need no audio settings.</summary>
    private static readonly Gen<Step> TextOnlyModalities = Gen.Const(Modality.Text).Array[0, 2]
        .Select(m => Call("Modalities", string.Join(", ", m.Select(x => Cs.Enum(x))), b => b.Modalities(m)));

    private static readonly Gen<Step> WebSearchCall = Gen.Select(
        Gen.Nullable(Gen.Enum<SearchContextSize>(), 0.3), Gen.OneOf("US", "FR", "JP").Null(0.5), Text.Null(0.5), Text.Null(0.5), Gen.OneOf("Europe/Paris", "America/Los_Angeles").Null(0.5),
        (size, country, region, city, zone) => Call("WebSearchOptions",
            "searchContextSize: " + Cs.Enum(size) + ", country: " + Cs.Str(country) + ", region: " + Cs.Str(region) + ", city: " + Cs.Str(city) + ", timezone: " + Cs.Str(zone),
            b => b.WebSearchOptions(size, country, region, city, zone)));

    private static readonly Gen<Step> ModerationCall = Gen.Select(
        Gen.Frequency((3, Gen.Const("omni-moderation-latest")), (1, NonEmptyText)), Gen.Nullable(Gen.Enum<ModerationMode>(), 0.4), Gen.Nullable(Gen.Enum<ModerationMode>(), 0.4),
        (model, input, output) => Call("Moderation", Cs.Str(model) + ", input: " + Cs.Enum(input) + ", output: " + Cs.Enum(output), b => b.Moderation(model, input, output)));

    private static readonly Gen<Step> PromptCacheOptionsCall = Gen.Select(
        Gen.Nullable(Gen.Enum<PromptCacheMode>(), 0.3), Gen.OneOf(ChatRules.PromptCacheTtlValues).Null(0.4),
        (mode, ttl) => Call("PromptCacheOptions", "mode: " + Cs.Enum(mode) + ", ttl: " + Cs.Str(ttl), b => b.PromptCacheOptions(mode, ttl)));

    // ---- Tools, tool_choice, functions -----------------------------------------------------------------------------

    /// <summary>A declared tool: its name, whether it is a function tool, and the call that declares it.</summary>
    private sealed record ToolDeclaration(string Name, bool IsFunction, Func<string, Step> Declare);

    private static readonly Gen<bool?> Strict = Gen.Bool.Nullable(0.4);

    private static readonly Gen<ToolDeclaration> FunctionToolDeclaration = Gen.Select(ValidName, Text.Null(0.4), JsonObjectSource, Strict, Gen.Int[0, 4], NestedExtras,
        (name, description, parameters, strict, overload, extras) => new ToolDeclaration(name, true, n => overload switch
        {
            0 => Call("Tool", Cs.Str(n) + ", " + Cs.Str(description) + ", " + Cs.Str(parameters) + ", " + Cs.Bool(strict), b => b.Tool(n, description, parameters, strict)),
            1 => Call("Tool", Cs.Str(n), b => b.Tool(n)),
            2 => Call("Tool", Cs.Str(n) + ", " + Cs.Str(description) + ", JsonElement.Parse(" + Cs.Str(parameters) + "), " + Cs.Bool(strict),
                b => b.Tool(n, description, JsonElement.Parse(parameters), strict)),
            3 => Call("Tool", Cs.Str(n) + ", " + Cs.Str(description) + ", JsonNode.Parse(" + Cs.Str(parameters) + ")!, " + Cs.Bool(strict),
                b => b.Tool(n, description, JsonNode.Parse(parameters)!, strict)),
            _ => Call("Tool", Init("FunctionTool", ("Function", Init("FunctionDefinition", ("Name", Cs.Str(n)), ("Description", Cs.Str(description)),
                    ("Parameters", "JsonElement.Parse(" + Cs.Str(parameters) + ")"), ("Strict", Cs.Bool(strict)), ("AdditionalProperties", extras?.Code)))),
                b => b.Tool(new FunctionTool
                {
                    Function = new FunctionDefinition { Name = n, Description = description, Parameters = JsonElement.Parse(parameters), Strict = strict, AdditionalProperties = extras?.Make() },
                })),
        }));

    private static readonly Gen<ToolDeclaration> CustomToolDeclaration = Gen.Select(NonEmptyText, Text.Null(0.4), Text, Gen.Enum<GrammarSyntax>(), Gen.Int[0, 3],
        (name, description, grammar, syntax, overload) => new ToolDeclaration(name, false, n => overload switch
        {
            0 => Call("CustomTool", Cs.Args(Cs.Str(n), Cs.Str(description)), b => b.CustomTool(n, description)),
            1 => Call("CustomTool", Cs.Str(n) + ", " + Cs.Str(description) + ", " + Cs.Str(grammar + "x") + ", " + Cs.Enum(syntax), b => b.CustomTool(n, description, grammar + "x", syntax)),
            2 => Call("Tool", "new CustomTool { Custom = new CustomToolDefinition { Name = " + Cs.Str(n) + ", Format = new TextToolFormat() } }",
                b => b.Tool(new CustomTool { Custom = new CustomToolDefinition { Name = n, Format = new TextToolFormat() } })),
            _ => Call("Tool", "new CustomTool { Custom = new CustomToolDefinition { Name = " + Cs.Str(n) + ", Description = " + Cs.Str(description)
                    + ", Format = new GrammarToolFormat { Grammar = new GrammarDefinition { Definition = " + Cs.Str(grammar + "x") + ", Syntax = " + Cs.Str(ChatRules.GrammarSyntaxValues[(int)syntax]) + " } } } }",
                b => b.Tool(new CustomTool
                {
                    Custom = new CustomToolDefinition
                    {
                        Name = n,
                        Description = description,
                        Format = new GrammarToolFormat { Grammar = new GrammarDefinition { Definition = grammar + "x", Syntax = ChatRules.GrammarSyntaxValues[(int)syntax] } },
                    },
                })),
        }));

    /// <summary>Tool names must be unique: a repeated name gets a numbered suffix (still a valid name).</summary>
    private static List<(ToolDeclaration Tool, string Name)> Unique(ToolDeclaration[] tools)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(ToolDeclaration, string)>();
        for (var i = 0; i < tools.Length; i++)
        {
            var name = tools[i].Name;
            if (!seen.Add(name))
            {
                var suffix = "_" + i.ToString(CultureInfo.InvariantCulture);
                name = string.Concat(name.AsSpan(0, Math.Min(name.Length, ChatRules.MaxNameLength - suffix.Length)), suffix);
                seen.Add(name);
            }

            result.Add((tools[i], name));
        }

        return result;
    }

    private static Gen<Step[]> ToolChoiceFor(List<(ToolDeclaration Tool, string Name)> tools)
    {
        var functions = tools.Where(t => t.Tool.IsFunction).Select(t => t.Name).ToArray();
        var customs = tools.Where(t => !t.Tool.IsFunction).Select(t => t.Name).ToArray();
        var choices = new List<(int, IGen<Step>)>
        {
            (2, Gen.Enum<ToolChoiceMode>().Select(m => Call("ToolChoice", Cs.Enum(m), b => b.ToolChoice(m)))),
            (1, Gen.OneOf("None", "Auto", "Required").Select(p => Call("ToolChoice", "ToolChoice." + p, b => b.ToolChoice(p switch
            {
                "None" => ToolChoice.None,
                "Auto" => ToolChoice.Auto,
                _ => ToolChoice.Required,
            })))),
        };
        if (functions.Length > 0)
        {
            choices.Add((3, Gen.OneOf(functions).Select(n => Call("ForceFunction", Cs.Str(n), b => b.ForceFunction(n)))));
            choices.Add((1, Gen.OneOf(functions).Select(n => Call("ToolChoice", "ToolChoice.ForFunction(" + Cs.Str(n) + ")", b => b.ToolChoice(ToolChoice.ForFunction(n))))));
        }

        if (customs.Length > 0)
        {
            choices.Add((2, Gen.OneOf(customs).Select(n => Call("ForceCustomTool", Cs.Str(n), b => b.ForceCustomTool(n)))));
            choices.Add((1, Gen.OneOf(customs).Select(n => Call("ToolChoice", "ToolChoice.ForCustomTool(" + Cs.Str(n) + ")", b => b.ToolChoice(ToolChoice.ForCustomTool(n))))));
        }

        var allowed = functions.Length > 0 ? Gen.Shuffle(functions, 0, functions.Length) : Gen.Const(Array.Empty<string>());
        choices.Add((2, Gen.Select(Gen.OneOf(ToolChoiceMode.Auto, ToolChoiceMode.Required), allowed, (mode, names) =>
            Call("AllowedTools", string.Join(", ", new[] { Cs.Enum(mode) }.Concat(names.Select(Cs.Str))), b => b.AllowedTools(mode, names)))));

        return Optional(One(Gen.Frequency(choices.ToArray())), 60);
    }

    private static readonly Gen<Step[]> ParallelToolCallsFeature = Optional(Gen.Bool.Nullable(0.3).Select(on => new[]
    {
        on is { } v ? Call("ParallelToolCalls", Cs.Bool(v), b => b.ParallelToolCalls(v)) : Call("ParallelToolCalls", string.Empty, b => b.ParallelToolCalls()),
    }));

    /// <summary>Tools (function and custom, unique names), then maybe a tool_choice naming one of them and parallel_tool_calls.</summary>
    private static readonly Gen<Step[]> ToolsFeature = Gen.Frequency((3, FunctionToolDeclaration), (1, CustomToolDeclaration)).Array[1, 4]
        .SelectMany(declared =>
        {
            var tools = Unique(declared);
            var declarations = tools.Select(t => t.Tool.Declare(t.Name)).ToArray();
            return Gen.Select(ToolChoiceFor(tools), ParallelToolCallsFeature, (choice, parallel) => declarations.Concat(choice).Concat(parallel).ToArray());
        });

    /// <summary>Without tools: maybe a tool_choice mode alone.</summary>
    private static readonly Gen<Step[]> ToolChoiceWithoutTools = Optional(One(Gen.Enum<ToolChoiceMode>().Select(m => Call("ToolChoice", Cs.Enum(m), b => b.ToolChoice(m)))), 30);

    private static readonly Gen<(string Name, Step Declare)> FunctionDeclaration = Gen.Select(ValidName, Text.Null(0.4), JsonObjectSource.Null(0.4), (name, description, parameters) =>
        (name, Call("Function", Cs.Args(Cs.Str(name), Cs.Str(description), Cs.Str(parameters)), b => b.Function(name, description, parameters))));

    private static readonly Gen<Step> FunctionCallMode = Gen.Enum<FunctionCallMode>().Select(m => Call("FunctionCall", Cs.Enum(m), b => b.FunctionCall(m)));

    /// <summary>Deprecated functions and function_call (a mode, or the name of a declared function).</summary>
    private static readonly Gen<Step[]> FunctionsFeature = Gen.Frequency(
        (3, FunctionDeclaration.Array[1, 3].SelectMany(functions => Gen.Frequency(
                (1, Gen.Const(None)),
                (1, One(FunctionCallMode)),
                (2, Gen.OneOf(functions.Select(f => f.Name).ToArray()).Select(name => new[] { Call("FunctionCall", Cs.Str(name), b => b.FunctionCall(name)) })))
            .Select(call => functions.Select(f => f.Declare).Concat(call).ToArray()))),
        (1, One(FunctionCallMode)));

    // ---- response_format -------------------------------------------------------------------------------------------

    private static readonly Gen<Step[]> ResponseFormatFeature = Gen.Frequency(
        (1, Gen.Const(new[] { Call("TextFormat", string.Empty, b => b.TextFormat()) })),
        (1, JsonMentionMessage.Select(mention => new[] { Call("JsonObjectFormat", string.Empty, b => b.JsonObjectFormat()), mention })),
        (3, Gen.Select(ValidName, JsonObjectSource, Strict, Text.Null(0.5), Gen.Int[0, 3], (name, schema, strict, description, overload) => overload switch
        {
            0 => Call("JsonSchemaFormat", Cs.Str(name) + ", " + Cs.Str(schema), b => b.JsonSchemaFormat(name, schema)),
            1 => Call("JsonSchemaFormat", Cs.Str(name) + ", " + Cs.Str(schema) + ", strict: " + Cs.Bool(strict) + ", description: " + Cs.Str(description),
                b => b.JsonSchemaFormat(name, schema, strict, description)),
            2 => Call("JsonSchemaFormat", Cs.Str(name) + ", JsonElement.Parse(" + Cs.Str(schema) + "), strict: " + Cs.Bool(strict) + ", description: " + Cs.Str(description),
                b => b.JsonSchemaFormat(name, JsonElement.Parse(schema), strict, description)),
            _ => Call("JsonSchemaFormat", Cs.Str(name) + ", JsonNode.Parse(" + Cs.Str(schema) + ")!, strict: " + Cs.Bool(strict) + ", description: " + Cs.Str(description),
                b => b.JsonSchemaFormat(name, JsonNode.Parse(schema)!, strict, description)),
        }).Select(s => new[] { s })),
        (2, Gen.Select(Gen.Int[0, 2], ValidName, JsonObjectText.Null(0.3), Strict, Text.Null(0.5), JsonMentionMessage, (kind, name, schema, strict, description, mention) => kind switch
        {
            0 => new[] { Call("ResponseFormat", "new TextResponseFormat()", b => b.ResponseFormat(new TextResponseFormat())) },
            1 => new[] { Call("ResponseFormat", "new JsonObjectResponseFormat()", b => b.ResponseFormat(new JsonObjectResponseFormat())), mention },
            _ => new[]
            {
                Call("ResponseFormat", "new JsonSchemaResponseFormat { JsonSchema = " + Init("JsonSchemaDefinition", ("Name", Cs.Str(name)), ("Description", Cs.Str(description)),
                        ("Schema", schema is null ? null : "JsonElement.Parse(" + Cs.Str(schema) + ")"), ("Strict", Cs.Bool(strict))) + " }",
                    b => b.ResponseFormat(new JsonSchemaResponseFormat
                    {
                        JsonSchema = new JsonSchemaDefinition { Name = name, Description = description, Schema = schema is null ? null : JsonElement.Parse(schema), Strict = strict },
                    })),
            },
        })));

    // ---- Extra members -------------------------------------------------------------------------------------------

    /// <summary>Names the model does not know, including case variants of known ones and names that need escaping.</summary>
    private static readonly Gen<string> ExtraName = Gen.Frequency(
        (4, Gen.OneOf("vendor_option", "x-trace-id", "top_k", "repetition_penalty", "Temperature", "MODEL", "messages ", "привет", "a\"b", "emoji😀", "with space", "ñ", "<tag>")),
        (1, Gen.Select(Word, Gen.Const("_x"), (w, x) => w + x)));

    private static readonly Gen<Step> ExtraCall = Gen.Select(ExtraName, Gen.Int[0, 6], Text, AnyLong, FiniteDouble, JsonValueText, (name, kind, text, integer, number, json) => kind switch
    {
        0 => Call("Extra", Cs.Str(name) + ", " + Cs.Str(text), b => b.Extra(name, text)),
        1 => Call("Extra", Cs.Str(name) + ", " + Cs.Long(integer), b => b.Extra(name, integer)),
        2 => Call("Extra", Cs.Str(name) + ", " + Cs.Num(number), b => b.Extra(name, number)),
        3 => Call("Extra", Cs.Str(name) + ", " + Cs.Bool(integer % 2 == 0), b => b.Extra(name, integer % 2 == 0)),
        4 => Call("Extra", Cs.Str(name) + ", (JsonNode?)null", b => b.Extra(name, (JsonNode?)null)),
        5 => Call("Extra", Cs.Str(name) + ", JsonNode.Parse(" + Cs.Str(json) + ")", b => b.Extra(name, JsonNode.Parse(json))),
        _ => Call("Extra", Cs.Str(name) + ", JsonElement.Parse(" + Cs.Str(json) + ")", b => b.Extra(name, JsonElement.Parse(json))),
    });

    // ---- Roots ---------------------------------------------------------------------------------------------------

    /// <summary>Top-level members the API's schema lets be JSON null, for parsed bodies that hold explicit nulls.</summary>
    private static readonly string[] NullableFields =
    {
        "temperature", "top_p", "n", "stop", "seed", "reasoning_effort", "service_tier", "metadata", "logit_bias", "stream", "store", "verbosity",
        "max_completion_tokens", "frequency_penalty",
    };

    /// <summary>
    /// A parsed body to continue: a few messages (with unknown members), and what only a parsed body holds: stop as
    /// one string, prediction as text parts, explicit nulls, unknown top-level members.
    /// </summary>
    private static readonly Gen<Root> ParsedRoot = Gen.Select(
        Model, Gen.Select(Gen.OneOf("user", "system", "developer", "function"), Text, NestedExtras).Array[1, 2], Text.Null(0.5), Text.Array[1, 2].Null(0.6),
        Gen.Shuffle(NullableFields, 0, 3), Gen.Select(ExtraName, JsonValueText).Nullable(0.5),
        (model, messages, stop, prediction, nulls, extra) =>
        {
            var body = new JsonObject
            {
                ["model"] = model,
                ["messages"] = new JsonArray(messages.Select(m =>
                {
                    // A function message's content may be an explicit null.
                    var message = m.Item1 == "function"
                        ? new JsonObject { ["role"] = m.Item1, ["name"] = "f" + m.Item2.Length.ToString(CultureInfo.InvariantCulture), ["content"] = null }
                        : new JsonObject { ["role"] = m.Item1, ["content"] = m.Item2 };
                    foreach (var pair in m.Item3?.Make() ?? new Dictionary<string, JsonElement>())
                    {
                        message[pair.Key] = JsonNode.Parse(pair.Value.GetRawText());
                    }

                    return (JsonNode)message;
                }).ToArray()),
            };
            foreach (var field in nulls)
            {
                body[field] = null;
            }

            if (stop is not null)
            {
                body["stop"] = stop;
            }

            if (prediction is not null)
            {
                body["prediction"] = new JsonObject
                {
                    ["type"] = ChatRules.PredictionTypeValues[0],
                    ["content"] = new JsonArray(prediction.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p }).ToArray()),
                };
            }

            if (extra is { } e && !body.ContainsKey(e.Item1))
            {
                body[e.Item1] = JsonNode.Parse(e.Item2);
            }

            return Root.From(body.ToJsonString(RelaxedJson));
        });

    public static readonly Gen<Root> RootGen = Gen.Frequency((6, Model.Select(Root.With)), (1, ParsedRoot));

    // ---- Whole chains --------------------------------------------------------------------------------------------

    /// <summary>Every independent feature of a valid request; each gives the calls that set it (none when absent).</summary>
    private static readonly Gen<Step[]>[] Features =
    {
        Gen.Frequency((3, Message.Array[1, 4]), (1, Message.Array[5, 8])),
        Optional(DoubleFeature("Temperature", ChatRules.Temperature, (b, v) => b.Temperature(v))),
        Optional(DoubleFeature("TopP", ChatRules.TopP, (b, v) => b.TopP(v))),
        Optional(DoubleFeature("FrequencyPenalty", ChatRules.FrequencyPenalty, (b, v) => b.FrequencyPenalty(v))),
        Optional(DoubleFeature("PresencePenalty", ChatRules.PresencePenalty, (b, v) => b.PresencePenalty(v))),
        Optional(LogitBiasFeature),
        Optional(IntFeature("MaxTokens", ChatRules.MaxTokens, (b, v) => b.MaxTokens(v))),
        Optional(IntFeature("MaxCompletionTokens", ChatRules.MaxCompletionTokens, (b, v) => b.MaxCompletionTokens(v))),
        Optional(IntFeature("N", ChatRules.N, (b, v) => b.N(v))),
        Optional(Overriding(StopCall, AnyStopCall)),
        Optional(StreamFeature),
        Optional(One(StringSetting("EndUser", Text, (b, v) => b.EndUser(v)))),
        Optional(One(AnyLong.Select(v => Call("Seed", Cs.Long(v), b => b.Seed(v))))),
        Optional(LogprobsFeature),
        Gen.Frequency((1, ToolsFeature), (1, ToolChoiceWithoutTools)),
        Optional(FunctionsFeature, 25),
        Optional(ResponseFormatFeature),
        Optional(Gen.Frequency((2, AudioFeature), (1, One(TextOnlyModalities))), 30),
        Optional(One(StringSetting("Prediction", Text, (b, v) => b.Prediction(v)))),
        Optional(One(EnumSetting<Verbosity>("Verbosity", (b, v) => b.Verbosity(v)))),
        Optional(One(EnumSetting<ReasoningEffort>("ReasoningEffort", (b, v) => b.ReasoningEffort(v)))),
        Optional(MetadataFeature),
        Optional(One(EnumSetting<ServiceTier>("ServiceTier", (b, v) => b.ServiceTier(v)))),
        Optional(Overriding(StringSetting("SafetyIdentifier", SafetyIdentifierText, (b, v) => b.SafetyIdentifier(v)), StringSetting("SafetyIdentifier", Text, (b, v) => b.SafetyIdentifier(v)))),
        Optional(One(StringSetting("PromptCacheKey", Text, (b, v) => b.PromptCacheKey(v)))),
        Optional(One(PromptCacheOptionsCall)),
        Optional(One(EnumSetting<PromptCacheRetention>("PromptCacheRetention", (b, v) => b.PromptCacheRetention(v)))),
        Optional(One(Gen.Bool.Nullable(0.3).Select(v => v is { } s ? Call("Store", Cs.Bool(s), b => b.Store(s)) : Call("Store", string.Empty, b => b.Store())))),
        Optional(One(WebSearchCall)),
        Optional(One(ModerationCall)),
        Optional(ExtraCall.Array[1, 3], 30),
    };

    /// <summary>All features as one generator (a balanced tree of Select, which shrinks each feature on its own).</summary>
    private static Gen<Step[][]> AllOf(ReadOnlySpan<Gen<Step[]>> features)
    {
        if (features.Length == 1)
        {
            return features[0].Select(f => new[] { f });
        }

        var half = features.Length / 2;
        return Gen.Select(AllOf(features[..half]), AllOf(features[half..]), (a, b) => a.Concat(b).ToArray());
    }

    /// <summary>
    /// Merges the features' calls into one chain in a random order that keeps each feature's own order (an earlier
    /// setting before the one that overrides it, messages in order): each call gets a key, and each feature's keys are
    /// sorted before the merge.
    /// </summary>
    private static List<Step> Interleave(Step[][] features, int[] keys)
    {
        var keyed = new List<(int Key, int Order, Step Step)>();
        var next = 0;
        var order = 0;
        foreach (var feature in features)
        {
            var own = keys.AsSpan(next, feature.Length).ToArray();
            Array.Sort(own);
            next += feature.Length;
            for (var i = 0; i < feature.Length; i++)
            {
                keyed.Add((own[i], order++, feature[i]));
            }
        }

        return keyed.OrderBy(k => k.Key).ThenBy(k => k.Order).Select(k => k.Step).ToList();
    }

    /// <summary>Chains whose Build() succeeds, covering every builder method (see the class remarks).</summary>
    public static readonly Gen<Recipe> ValidRecipe = Gen.Select(RootGen, AllOf(Features), (root, features) => (root, features))
        .SelectMany(t => Gen.Int[0, 63].Array[t.features.Sum(f => f.Length)].Select(keys => new Recipe(t.root, Interleave(t.features, keys))));

    /// <summary>One call of any builder method, valid on its own or not (out-of-range numbers, undeclared names, ...).</summary>
    public static readonly Gen<Step> AnyStep = Gen.Frequency(
        (4, Message),
        (1, DoubleSetting("Temperature", (b, v) => b.Temperature(v), DoubleAnywhere(ChatRules.Temperature))),
        (1, DoubleSetting("TopP", (b, v) => b.TopP(v), DoubleAnywhere(ChatRules.TopP))),
        (1, IntSetting("N", (b, v) => b.N(v), IntAnywhere(ChatRules.N))),
        (1, IntSetting("MaxCompletionTokens", (b, v) => b.MaxCompletionTokens(v), IntAnywhere(ChatRules.MaxCompletionTokens))),
        (1, IntSetting("TopLogprobs", (b, v) => b.TopLogprobs(v), IntAnywhere(ChatRules.TopLogprobs))),
        (1, Gen.Select(IntAnywhere(ChatRules.LogitBiasTokenId), IntAnywhere(ChatRules.LogitBiasValue), (t, v) => Call("LogitBias", Cs.Int(t) + ", " + Cs.Int(v), b => b.LogitBias(t, v)))),
        (1, AnyStopCall),
        (1, Gen.Bool.Select(on => Call("Logprobs", Cs.Bool(on), b => b.Logprobs(on)))),
        (1, Gen.Bool.Select(on => Call("Stream", Cs.Bool(on), b => b.Stream(on)))),
        (1, Gen.Select(Gen.Bool.Nullable(0.3), Gen.Bool.Nullable(0.3), (u, o) => Call("StreamOptions", Cs.Bool(u) + ", " + Cs.Bool(o), b => b.StreamOptions(u, o)))),
        (1, Gen.Frequency((3, FunctionToolDeclaration), (1, CustomToolDeclaration)).Select(t => t.Declare(t.Name))),
        (1, ValidName.Select(n => Call("ForceFunction", Cs.Str(n), b => b.ForceFunction(n)))),
        (1, Gen.Bool.Select(on => Call("ParallelToolCalls", Cs.Bool(on), b => b.ParallelToolCalls(on)))),
        (1, ResponseFormatFeature.Select(steps => steps[0])),
        (1, StringSetting("SafetyIdentifier", Text, (b, v) => b.SafetyIdentifier(v))),
        (1, MetadataFeature.Select(steps => steps[0])),
        (1, Gen.Enum<Modality>().Array[0, 2].Select(m => Call("Modalities", string.Join(", ", m.Select(x => Cs.Enum(x))), b => b.Modalities(m)))),
        (1, EnumSetting<ReasoningEffort>("ReasoningEffort", (b, v) => b.ReasoningEffort(v))),
        (1, ExtraCall));
}
