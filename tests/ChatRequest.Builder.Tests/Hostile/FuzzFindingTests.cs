using System.Text;
using System.Text.Json;

namespace ChatRequest.Tests.Hostile;

/// <summary>
/// Bodies the hostile-body fuzzer found that FromJson accepted although the parsed request could not be written
/// (ToJson() threw). Each must now be a JsonException from every overload.
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

    /// <summary>Every overload throws a JsonException (the string one gets the bytes decoded); returns the span overload's.</summary>
    private static async Task<JsonException> EveryOverload(byte[] body)
    {
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(Encoding.UTF8.GetString(body))).Should().Throw<JsonException>();
        FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(new MemoryStream(body))).Should().Throw<JsonException>();
        await FluentActions.Awaiting(() => CreateChatCompletionRequest.FromJsonAsync(new MemoryStream(body))).Should().ThrowAsync<JsonException>();
        return FluentActions.Invoking(() => CreateChatCompletionRequest.FromJson(body)).Should().Throw<JsonException>().Which;
    }
}
