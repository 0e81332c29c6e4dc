using System.Text;
using System.Text.Json;

namespace ChatRequest.Tests.Hostile;

/// <summary>
/// The extremes of the hostile-body mutations one by one, each with what exactly happens: 10 MB strings, 10,000 levels
/// of nesting in several places, numbers beyond double, long and int, and unpaired surrogates.
/// </summary>
public class ExtremeBodyTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private const string Head = """{"model":"m","messages":[{"role":"user","content":"x"}]""";

    // ---- 10 MB strings -------------------------------------------------------------------------------------

    [TestCase("a", "a")]
    [TestCase("\\n", "\n")]
    [TestCase("\\ud83d\\ude00", "\U0001F600")]
    [TestCase("é", "é")]
    public void A_10_MB_message_is_read_whole_and_round_trips(string unit, string text)
    {
        var count = TenMegabytes / Encoding.UTF8.GetByteCount(unit);
        var body = Encoding.UTF8.GetBytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + Repeat(unit, count) + "\"}]}");

        var request = CreateChatCompletionRequest.FromJson(body);
        var fromStream = CreateChatCompletionRequest.FromJson(new MemoryStream(body));

        body.Length.Should().BeGreaterThan(TenMegabytes);
        var content = request.Messages![0]!.Content!.Text!;
        content.Length.Should().Be(count * text.Length);
        content.Should().StartWith(text + text).And.EndWith(text + text);
        var written = request.ToUtf8Bytes();
        fromStream.ToUtf8Bytes().Should().Equal(written);
        CreateChatCompletionRequest.FromJson(written).ToUtf8Bytes().Should().Equal(written);
        request.Validate().Should().BeEmpty("no rule limits the length of a message");
    }

    [Test]
    public void A_10_MB_value_where_a_limit_applies_is_read_and_reported_by_Validate()
    {
        var big = new string('v', TenMegabytes);
        var body = Head + ",\"safety_identifier\":\"" + big + "\",\"metadata\":{\"k\":\"" + big + "\"}}";

        var request = CreateChatCompletionRequest.FromJson(body);

        request.SafetyIdentifier.Should().HaveLength(TenMegabytes);
        request.Metadata!["k"].Should().HaveLength(TenMegabytes);
        var problems = request.Validate();
        problems.Select(p => (p.RuleId, p.Path)).Should().BeEquivalentTo([("CHAT105", "safety_identifier"), ("CHAT105", "metadata[\"k\"]")]);
        problems.Should().OnlyContain(p => p.Message.Length < 1000, "a message quotes a long value cut short");
    }

    [Test]
    public void A_10_MB_unknown_member_and_a_10_MB_member_name_are_kept_and_round_trip()
    {
        var big = new string('k', TenMegabytes);
        var body = Head + ",\"x_vendor\":\"" + big + "\",\"" + big + "\":1}";

        var request = CreateChatCompletionRequest.FromJson(body);

        request.AdditionalProperties!["x_vendor"].GetString().Should().HaveLength(TenMegabytes);
        request.AdditionalProperties[big].GetInt32().Should().Be(1);
        var written = request.ToUtf8Bytes();
        written.Length.Should().BeGreaterThan(2 * TenMegabytes);
        CreateChatCompletionRequest.FromJson(written).ToUtf8Bytes().Should().Equal(written);
    }

    [TestCase("""{"model":"m","messages":[{"role":"user","content":"#"}]}""", "$.messages[0].content")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"x_vendor":"#"}""", "$.x_vendor")]
    public void A_10_MB_string_of_unpaired_surrogate_escapes_is_a_JsonException_at_its_member(string template, string path)
    {
        var body = template.Replace("#", Repeat("\\ud800", TenMegabytes / 6), StringComparison.Ordinal);

        var fromText = FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(body)).Should().Throw<JsonException>().Which;
        var fromStream = FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(body)))).Should().Throw<JsonException>().Which;

        fromText.Path.Should().Be(path);
        fromStream.Path.Should().Be(path);
    }

    // ---- 10,000 levels of nesting --------------------------------------------------------------------------

    // Where the member keeps JSON as it is (schemas, unknown members) or reads nested values itself: the reader's
    // depth limit (64) stops it, after 64 levels, whatever follows.
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":#}}]}""", "$.tools[0]")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"name":"n","schema":#}}}""", "$.response_format")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"x_vendor":#}""", "$.x_vendor")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x","x_message":#}]}""", "$.messages[0]")]
    public void Ten_thousand_levels_where_JSON_is_kept_stop_at_the_depth_limit(string template, string path)
    {
        foreach (var nested in TenThousandLevels())
        {
            var body = template.Replace("#", nested, StringComparison.Ordinal);

            var exception = EveryOverloadThrows(body);

            exception.Path.Should().StartWith(path, exception.Message);
            exception.Message.Should().ContainEquivalentOf("depth");
        }
    }

    // Where the member has a type: the first token that does not fit it is the error, before any depth matters.
    [TestCase("""{"model":"m","messages":#}""", "$.messages")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"metadata":#}""", "$.metadata")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"stop":#}""", "$.stop")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"temperature":#}""", "$.temperature")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":#}]}""", "$.messages[0].content")]
    [TestCase("#", "$")]
    public void Ten_thousand_levels_where_the_member_is_typed_fail_on_the_type(string template, string path)
    {
        foreach (var nested in TenThousandLevels())
        {
            var body = template.Replace("#", nested, StringComparison.Ordinal);

            var exception = EveryOverloadThrows(body);

            exception.Path.Should().StartWith(path, exception.Message);
        }
    }

    // ---- Numbers -------------------------------------------------------------------------------------------

    [TestCase("temperature", "1e400", null)]
    [TestCase("temperature", "-1e400", null)]
    [TestCase("temperature", "1e-400", "0")]
    [TestCase("temperature", "-0", "-0")]
    [TestCase("temperature", "-0.0", "-0")]
    [TestCase("temperature", "0.1e1", "1")]
    [TestCase("n", "-0", "0")]
    [TestCase("n", "1.0", null)]
    [TestCase("n", "1e2", null)]
    [TestCase("x_vendor", "1e400", "1e400")]
    [TestCase("x_vendor", "-0.0", "-0.0")]
    [TestCase("x_vendor", "1e-400", "1e-400")]
    public void An_extreme_number_is_read_as_this_or_is_a_JsonException(string member, string number, string? written)
    {
        var body = Head + ",\"" + member + "\":" + number + "}";

        if (written is null)
        {
            EveryOverloadThrows(body).Path.Should().Be("$." + member);
            return;
        }

        var json = CreateChatCompletionRequest.FromJson(body).ToJson();

        json.Should().EndWith(",\"" + member + "\":" + written + "}");
        CreateChatCompletionRequest.FromJson(json).ToJson().Should().Be(json);
    }

    [TestCase("n", "$.n")]
    [TestCase("seed", "$.seed")]
    [TestCase("max_tokens", "$.max_tokens")]
    [TestCase("max_completion_tokens", "$.max_completion_tokens")]
    [TestCase("top_logprobs", "$.top_logprobs")]
    [TestCase("temperature", "$.temperature")]
    public void A_400_digit_number_for_a_number_member_is_a_JsonException_at_it(string member, string path)
    {
        foreach (var sign in new[] { "", "-" })
        {
            var body = Head + ",\"" + member + "\":" + sign + FourHundredDigits + "}";

            EveryOverloadThrows(body).Path.Should().Be(path);
        }
    }

    [Test]
    public void A_400_digit_logit_bias_value_is_a_JsonException_and_a_400_digit_token_id_is_a_Validate_error()
    {
        EveryOverloadThrows(Head + ",\"logit_bias\":{\"50256\":" + FourHundredDigits + "}}").Path.Should().Be("$.logit_bias.50256");

        var request = CreateChatCompletionRequest.FromJson(Head + ",\"logit_bias\":{\"" + FourHundredDigits + "\":1}}");

        request.LogitBias!.Keys.Should().Equal(FourHundredDigits);
        request.Validate().Should().ContainSingle().Which.RuleId.Should().Be("CHAT101");
    }

    [Test]
    public void A_400_digit_number_in_an_unknown_member_is_kept_digit_for_digit()
    {
        var json = CreateChatCompletionRequest.FromJson(Head + ",\"x_vendor\":-" + FourHundredDigits + ".5e-3}").ToJson();

        json.Should().EndWith(",\"x_vendor\":-" + FourHundredDigits + ".5e-3}");
    }

    // ---- Unpaired surrogates -------------------------------------------------------------------------------

    [TestCase("""{"model":"#","messages":[]}""", "$.model")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"#"}]}""", "$.messages[0].content")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"#"}]}]}""", "$.messages[0].content")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"metadata":{"k":"#"}}""", "$.metadata.k")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"stop":["#"]}""", "$.stop")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"x_vendor":{"a":"#"}}""", "$.x_vendor")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"#":1}""", "$")]
    public void An_unpaired_surrogate_escape_is_a_JsonException_at_its_member(string template, string path)
    {
        foreach (var surrogate in new[] { "\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud800\\u0041", "x\\ud83d" })
        {
            var body = template.Replace("#", surrogate, StringComparison.Ordinal);

            EveryOverloadThrows(body).Path.Should().StartWith(path, body);
        }
    }

    [TestCase("""{"model":"#","messages":[]}""")]
    [TestCase("""{"model":"m","messages":[{"role":"user","content":"x"}],"x_vendor":"#"}""")]
    public void An_unpaired_surrogate_as_raw_bytes_or_a_raw_char_is_a_JsonException(string template)
    {
        // The bytes a UTF-16 lone surrogate would have in UTF-8 if it were allowed (ED A0 80): invalid UTF-8.
        var parts = template.Split('#');
        byte[] bytes = [.. Encoding.UTF8.GetBytes(parts[0]), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes(parts[1])];
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(bytes)).Should().Throw<JsonException>();
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(new MemoryStream(bytes))).Should().Throw<JsonException>();

        // The string overload given a lone surrogate char: the text cannot be UTF-8 at all.
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(template.Replace("#", "\uD800", StringComparison.Ordinal)))
            .Should().Throw<JsonException>();
    }

    [Test]
    public void A_paired_surrogate_escape_is_read_as_one_character_and_written_as_an_escaped_pair()
    {
        var request = CreateChatCompletionRequest.FromJson("""{"model":"m","messages":[{"role":"user","content":"\ud83d\ude00"}],"x_vendor":"\uD83D\uDE00"}""");

        request.Messages![0]!.Content!.Text.Should().Be("\U0001F600");
        request.ToJson().Should().Be("""{"model":"m","messages":[{"role":"user","content":"\uD83D\uDE00"}],"x_vendor":"\uD83D\uDE00"}""");
    }

    // ---- Helpers -------------------------------------------------------------------------------------------

    private static readonly string FourHundredDigits = "1" + new string('7', 399);

    private static IEnumerable<string> TenThousandLevels()
    {
        yield return new string('[', 10_000) + "1" + new string(']', 10_000);
        yield return Repeat("{\"a\":", 10_000) + "1" + new string('}', 10_000);
        yield return Repeat("[{\"type\":", 10_000) + "1" + Repeat("}]", 10_000);
        yield return new string('[', 10_000);
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>The string, span, stream and async stream overloads all throw a JsonException; returns the span one's.</summary>
    private static JsonException EveryOverloadThrows(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(body)).Should().Throw<JsonException>();
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(new MemoryStream(bytes))).Should().Throw<JsonException>();
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJsonAsync(new MemoryStream(bytes)).GetAwaiter().GetResult()).Should().Throw<JsonException>();
        return FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(bytes)).Should().Throw<JsonException>().Which;
    }
}
