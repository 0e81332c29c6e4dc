using System.Text;
using System.Text.Json;

namespace ChatRequest.Tests.Hostile;

/// <summary>
/// Bodies the hostile-body fuzzer found that FromJson accepted although the parsed request could not be written:
/// ToJson() threw (ArgumentException, InvalidOperationException) or wrote other bytes on every round trip.
/// Each must now be a JsonException from every overload.
/// </summary>
public class FuzzFindingTests
{
    private const string Head = """{"model":"m","messages":[{"role":"user","content":"x"}],""";

    [TestCase("temperature", "1e400")]
    [TestCase("temperature", "-1e400")]
    [TestCase("top_p", "1E+309")]
    [TestCase("frequency_penalty", "1e99999999999999999999")]
    [TestCase("presence_penalty", "-#.5")]
    public async Task A_number_beyond_double_range_is_a_JsonException_naming_the_member(string member, string number)
    {
        // '#' stands for 400 nines.
        var body = Head + "\"" + member + "\":" + number.Replace("#", new string('9', 400), StringComparison.Ordinal) + "}";

        var exception = await EveryOverload(Encoding.UTF8.GetBytes(body));

        exception.Path.Should().Be("$." + member);
    }

    [Test]
    public void The_largest_double_and_an_underflow_to_zero_are_read()
    {
        var request = CreateChatCompletionRequest.FromJson(Head + """ "temperature":1.7976931348623157e308,"top_p":1e-400}""");

        request.Temperature.Should().Be(double.MaxValue);
        request.TopP.Should().Be(0);
        request.ToJson().Should().Contain("\"top_p\":0");
    }

    [TestCase("""{"type":"function","function":{"name":"f","parameters":{"type":"\ud800"}}}""", "tools")]
    [TestCase("""{"type":"function","function":{"name":"f","parameters":{"\udc00x":{}}}}""", "tools")]
    [TestCase("""{"type":"function","function":{"name":"f","parameters":{"enum":["a\ud83d"]}}}""", "tools")]
    public async Task An_unpaired_surrogate_escape_inside_a_schema_is_a_JsonException(string tool, string member)
    {
        var body = Head + "\"" + member + "\":[" + tool + "]}";

        var exception = await EveryOverload(Encoding.UTF8.GetBytes(body));

        exception.Path.Should().StartWith("$.tools[0]");
    }

    [TestCase(""" "x_vendor":"\udfff" """, "$.x_vendor")]
    [TestCase(""" "x_vendor":{"a":["\ud800\ud800"]} """, "$.x_vendor")]
    [TestCase(""" "response_format":{"type":"json_schema","json_schema":{"name":"n","schema":{"description":"\ud800"}}} """, "$.response_format")]
    [TestCase(""" "messages":[{"role":"user","content":[{"type":"text","text":"x","x_part":"\udc00"}]}] """, "$.messages[0].content")]
    public async Task An_unpaired_surrogate_escape_in_a_member_kept_as_JSON_is_a_JsonException(string members, string path)
    {
        var body = """{"model":"m",""" + members + "}";

        var exception = await EveryOverload(Encoding.UTF8.GetBytes(body));

        exception.Path.Should().StartWith(path, exception.Message);
    }

    [TestCase(new byte[] { 0xF5, 0x80, 0x80, 0x80 })]
    [TestCase(new byte[] { 0xC0, 0xAF })]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 })]
    [TestCase(new byte[] { 0x80 })]
    public async Task Invalid_utf8_inside_a_schema_or_an_unknown_member_is_a_JsonException(byte[] invalid)
    {
        foreach (var (before, after) in new[]
        {
            (Head + """ "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"ob""", """ject"}}}]}"""),
            (Head + """ "x_vendor":{"note":"a""", """b"}}"""),
        })
        {
            var body = Encoding.UTF8.GetBytes(before).Concat(invalid).Concat(Encoding.UTF8.GetBytes(after)).ToArray();

            // Only the bytes overloads: the string overload never sees invalid UTF-8 (decoding makes it U+FFFD).
            FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(body)).Should().Throw<JsonException>();
            FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(new MemoryStream(body))).Should().Throw<JsonException>();
            await FluentActions.Awaiting(() => CreateChatCompletionRequest.FromJsonAsync(new MemoryStream(body))).Should().ThrowAsync<JsonException>();
        }
    }

    [Test]
    public void Valid_text_and_escaped_pairs_inside_kept_JSON_still_round_trip()
    {
        var body = Head + """ "tools":[{"type":"function","function":{"name":"f","parameters":{"description":"\ud83d\ude00 \u00e9 é 中 \/"}}}],"x_vendor":{"k\u0041":["\ud800\udc00"]}}""";

        var request = CreateChatCompletionRequest.FromJson(body);
        var again = CreateChatCompletionRequest.FromJson(request.ToJson());

        again.ToUtf8Bytes().Should().Equal(request.ToUtf8Bytes());
        request.ToJson().Should().Contain("\"kA\":[\"\\uD800\\uDC00\"]").And.Contain("\\uD83D\\uDE00 é é 中 /");
    }

    /// <summary>Every overload throws a JsonException (the string one gets the bytes decoded); returns the span overload's.</summary>
    private static async Task<JsonException> EveryOverload(byte[] body)
    {
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(Encoding.UTF8.GetString(body))).Should().Throw<JsonException>();
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(new MemoryStream(body))).Should().Throw<JsonException>();
        await FluentActions.Awaiting(() => CreateChatCompletionRequest.FromJsonAsync(new MemoryStream(body))).Should().ThrowAsync<JsonException>();
        return FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(body)).Should().Throw<JsonException>().Which;
    }
}
