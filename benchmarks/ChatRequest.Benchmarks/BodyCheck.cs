using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequest.Benchmarks.Peers;

namespace ChatRequest.Benchmarks;

/// <summary>
/// <c>--check</c>: proves that every variant of every benchmark produces (or reads) the same JSON, compared with
/// <see cref="JsonNode.DeepEquals"/> (member order aside). The one peer difference that cannot be avoided is
/// normalized explicitly and printed: the OpenAI SDK's typed API has no <c>n</c> and no <c>max_tokens</c>.
/// </summary>
public static class BodyCheck
{
    public static int Run()
    {
        var failures = 0;
        var floor = JsonNode.Parse(TypicalRequest.ByHandBytes())!;

        // 1. Build + serialize: every variant against the floor, unchanged.
        failures += Same("ChatRequest chain + Build + WriteTo", floor, Write(w => TypicalRequest.BuildWithChatRequest().WriteTo(w)));
        failures += Same("ChatRequest ToJson", floor, JsonNode.Parse(TypicalRequest.BuildWithChatRequest().ToJson()));
        failures += Same("ChatRequest ToUtf8Bytes", floor, JsonNode.Parse(TypicalRequest.BuildWithChatRequest().ToUtf8Bytes()));
        failures += Same("POCO + source-generated STJ", floor, Write(PocoVariant.Write));
        failures += Same("Betalgo 9.2.6", floor, Write(BetalgoVariant.Write));
        failures += Same("Betalgo 9.2.6, options held once", floor, Write(BetalgoVariant.WriteCachedOptions));

        using (var openAI = new OpenAISdkVariant())
        {
            openAI.Call();
            var raw = JsonNode.Parse(openAI.LastBody)!;
            Console.WriteLine("OpenAI 2.15.0 body as sent, differences from the floor:");
            foreach (var difference in Differences(floor, raw, "$"))
            {
                Console.WriteLine("    " + difference);
            }

            failures += Same("OpenAI 2.15.0 whole call, after normalizing n and max_tokens", floor, NormalizeOpenAI(raw));
        }

        // 2. Parse: both parsers read each body back to the same JSON.
        failures += SameParse("Typical", TypicalRequest.ByHandBytes());
        failures += SameParse("Large", LargeRequest.Utf8);
        var large = JsonNode.Parse(LargeRequest.Utf8)!;
        var messages = large["messages"]!.AsArray();
        var parts = messages.Count(m => m!["content"] is JsonArray);
        Console.WriteLine($"large body: {LargeRequest.Utf8.Length:N0} bytes, {messages.Count} messages ({parts} with content parts), {large["tools"]!.AsArray().Count} tools");

        // 3. Growth: the chain and the hand-written writer agree at every size.
        foreach (var count in new[] { 1, 10, 100, 1000 })
        {
            failures += Same(
                $"growth, {count} message(s)",
                Write(w => GrowthBenchmarks.WriteByHand(w, count)),
                Write(w => GrowthBenchmarks.Build(count).WriteTo(w)));
        }

        Console.WriteLine(failures == 0 ? "check: all variants produce the same body" : $"check FAILED: {failures} variant(s) differ");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// The OpenAI SDK writes <c>MaxOutputTokenCount</c> as <c>max_completion_tokens</c> and has no <c>n</c>; rename
    /// the first to <c>max_tokens</c> and add <c>n: 1</c> (the API's default). Nothing else is touched.
    /// </summary>
    public static JsonNode NormalizeOpenAI(JsonNode body)
    {
        var normalized = body.DeepClone().AsObject();
        if (normalized.Remove("max_completion_tokens", out var max))
        {
            normalized["max_tokens"] = max;
        }

        normalized.TryAdd("n", 1);
        return normalized;
    }

    private static int SameParse(string name, byte[] body)
    {
        var expected = JsonNode.Parse(body)!;
        var ours = JsonNode.Parse(CreateChatCompletionRequest.FromJson(body).ToUtf8Bytes());
        var poco = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(
            JsonSerializer.Deserialize(body, PocoJsonContext.Default.PocoRequest)!, PocoJsonContext.Default.PocoRequest));
        return Same($"parse {name}: ChatRequest FromJson -> ToUtf8Bytes", expected, ours)
            + Same($"parse {name}: POCO Deserialize -> Serialize", expected, poco);
    }

    private static JsonNode Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!;
    }

    private static int Same(string name, JsonNode expected, JsonNode? actual)
    {
        if (JsonNode.DeepEquals(expected, actual))
        {
            Console.WriteLine($"  same  {name}");
            return 0;
        }

        Console.WriteLine($"  DIFF  {name}");
        foreach (var difference in Differences(expected, actual, "$"))
        {
            Console.WriteLine("        " + difference);
        }

        return 1;
    }

    /// <summary>The JSON paths at which two documents differ (a member missing on either side, or a different value).</summary>
    public static IEnumerable<string> Differences(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var (key, value) in e)
            {
                if (!a.TryGetPropertyValue(key, out var other))
                {
                    yield return $"{path}.{key}: {value?.ToJsonString()} in the floor, absent here";
                    continue;
                }

                foreach (var d in Differences(value, other, $"{path}.{key}"))
                {
                    yield return d;
                }
            }

            foreach (var (key, value) in a)
            {
                if (!e.ContainsKey(key))
                {
                    yield return $"{path}.{key}: absent in the floor, {value?.ToJsonString()} here";
                }
            }
        }
        else if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            for (var i = 0; i < ea.Count; i++)
            {
                foreach (var d in Differences(ea[i], aa[i], $"{path}[{i}]"))
                {
                    yield return d;
                }
            }
        }
        else if (!JsonNode.DeepEquals(expected, actual))
        {
            yield return $"{path}: {expected?.ToJsonString()} in the floor, {actual?.ToJsonString()} here";
        }
    }
}
