using System.Text;
using System.Text.Json;

namespace ChatRequest.Tests;

/// <summary>
/// Prompts, tool schemas and end-user ids can be secret, and exception messages end up in logs. Nothing we print
/// (exception messages, <c>ToString()</c>, problem messages and paths) may hold a whole secret: values are cut to a
/// short excerpt that says it was cut, and end-user ids are never printed at all.
/// </summary>
public class DataHygieneTests
{
    /// <summary>About 10 kB that looks like a key followed by base64; any 40-character run of it is distinctive.</summary>
    private static readonly string Secret = MakeSecret(10_240);

    /// <summary>An end-user id, short enough that a plain excerpt would show it whole.</summary>
    private const string EndUserId = "user-7f3a9c2e@example.com";

    private const int LongestExcerpt = 40;

    private static string MakeSecret(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var random = new Random(1125);
        var sb = new StringBuilder("sk-proj-");
        while (sb.Length < length)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>Fails when <paramref name="text"/> holds any run of the secret longer than an excerpt, or the end-user id.</summary>
    private static void ShouldNotLeak(string? text, string what) => Leak(text).Should().BeNull(what + " must not print secrets");

    /// <summary>What of the secret or the end-user id <paramref name="text"/> holds; null when nothing.</summary>
    private static string? Leak(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Contains(EndUserId, StringComparison.Ordinal))
        {
            return "the end-user id, in: " + text[..Math.Min(text.Length, 300)];
        }

        for (var start = 0; start + LongestExcerpt <= Secret.Length; start += LongestExcerpt / 2)
        {
            if (text.Contains(Secret.Substring(start, LongestExcerpt), StringComparison.Ordinal))
            {
                return $"more than {LongestExcerpt} characters of the secret (from offset {start}), in: {text[..Math.Min(text.Length, 300)]}";
            }
        }

        return null;
    }

    private static void ShouldNotLeak(ChatRequestValidationException exception)
    {
        ShouldNotLeak(exception.Message, "the exception message");
        ShouldNotLeak(exception.ToString(), "the exception's ToString()");
        foreach (var problem in exception.Problems)
        {
            ShouldNotLeak(problem.Message, problem.RuleId + "'s message");
            ShouldNotLeak(problem.Path, problem.RuleId + "'s path");
            ShouldNotLeak(problem.ToString(), problem.RuleId + "'s ToString()");
        }
    }

    private static readonly string SecretSchema = "{\"type\":\"object\",\"description\":\"" + Secret + "\"}";

    /// <summary>Invalid requests that carry the secret (or the end-user id) in every string the builder accepts.</summary>
    public static IEnumerable<TestCaseData> InvalidBuilders()
    {
        TestCaseData Case(string name, Func<ChatRequestBuilder> make) => new TestCaseData(make).SetArgDisplayNames(name);

        var secretName = "n" + Secret[..200].Replace('+', '_').Replace('/', '-');
        yield return Case("secret message texts and a bad temperature", () => Chat.With("gpt-4o")
            .System(Secret).Developer(Secret).User(Secret, name: Secret).Assistant(Secret).Temperature(3));
        yield return Case("secret tool description and schema, and a bad name", () => Chat.With("gpt-4o")
            .User(Secret).Tool(Secret, Secret, SecretSchema).Function(Secret, Secret, SecretSchema));
        yield return Case("a secret, too long function name", () => Chat.With("gpt-4o").User("x").Tool(secretName, "d", SecretSchema));
        yield return Case("a secret, duplicated function name", () => Chat.With("gpt-4o").User("x")
            .Tool(secretName[..64], Secret, SecretSchema).Tool(secretName[..64], Secret, SecretSchema));
        yield return Case("a secret forced tool that is not declared", () => Chat.With("gpt-4o").User("x")
            .Tool("f", Secret, SecretSchema).ForceFunction(secretName[..64]));
        yield return Case("a secret json_schema name", () => Chat.With("gpt-4o").User("x").JsonSchemaFormat(Secret, SecretSchema));
        yield return Case("secret metadata beyond the limits", () => Chat.With("gpt-4o").User("x").Metadata(Secret, Secret));
        yield return Case("a secret metadata value beyond 512 characters", () => Chat.With("gpt-4o").User("x").Metadata("k", Secret));
        yield return Case("a secret image URL that is not a URI", () => Chat.With("gpt-4o").User(ContentPart.FromImageUrl(Secret + " x")));
        yield return Case("five secret stop sequences", () => Chat.With("gpt-4o").User("x").Stop(Secret, Secret, Secret, Secret, Secret));
        yield return Case("a secret prediction and tool result", () => Chat.With("gpt-4o").User(Secret)
            .AssistantToolCalls(ToolCall.ForFunction("call_1", "f", Secret)).ToolResult("call_1", Secret).Prediction(Secret).N(0));
        yield return Case("end-user ids, one too long", () => Chat.With("gpt-4o").User("x").EndUser(EndUserId)
            .SafetyIdentifier(EndUserId + new string('0', 64)).PromptCacheKey(Secret));
        yield return Case("an end-user id with an error elsewhere", () => Chat.With("gpt-4o").User("x").EndUser(EndUserId)
            .SafetyIdentifier(EndUserId).TopP(2));
        yield return Case("secret extra members and a secret model id", () => Chat.With(Secret).User("x")
            .Extra("x_secret", Secret).Temperature(-1));
    }

    [TestCaseSource(nameof(InvalidBuilders))]
    public void Build_errors_do_not_print_secrets(Func<ChatRequestBuilder> make)
    {
        var act = () => make().Build();

        var exception = act.Should().Throw<ChatRequestValidationException>().Which;

        exception.Problems.Should().NotBeEmpty();
        ShouldNotLeak(exception);
    }

    [TestCaseSource(nameof(InvalidBuilders))]
    public void Validate_of_a_parsed_body_does_not_print_secrets(Func<ChatRequestBuilder> make)
    {
        // The same request as a body a gateway received: the parsed model is checked by Validate(), not Build().
        var body = make().Materialize().ToJson();

        var problems = CreateChatCompletionRequest.FromJson(body).Validate();

        problems.Should().NotBeEmpty();
        foreach (var problem in problems)
        {
            ShouldNotLeak(problem.ToString(), problem.RuleId + "'s ToString()");
        }
    }

    [Test]
    public void ToString_of_requests_messages_and_content_is_a_summary()
    {
        var request = Chat.With("gpt-4o").System(Secret).User(Secret, name: Secret).EndUser(EndUserId)
            .SafetyIdentifier("sid-" + EndUserId).Tool("f", Secret, SecretSchema).Metadata("k", "v").Build();

        ShouldNotLeak(request.ToString(), "CreateChatCompletionRequest.ToString()");
        ShouldNotLeak(Chat.With("gpt-4o").System(Secret).EndUser(EndUserId).ToString(), "ChatRequestBuilder.ToString()");
        foreach (var message in request.Messages!)
        {
            ShouldNotLeak(message.ToString(), "a message's ToString()");
        }

        ShouldNotLeak(((UserMessage)request.Messages![1]).Content!.ToString(), "MessageContent.ToString()");
        ShouldNotLeak(request.Tools![0].ToString(), "a tool's ToString()");
    }

    [Test]
    public void A_tool_schema_that_is_not_JSON_is_reported_without_printing_it()
    {
        var act = () => Chat.With("gpt-4o").User("x").Tool("f", "d", "{\"description\":\"" + Secret + "\", oops}").Build();

        var exception = act.Should().Throw<Exception>().Which;

        ShouldNotLeak(exception.Message, "the exception message");
        ShouldNotLeak(exception.ToString(), "the exception's ToString()");
    }

    /// <summary>Hostile bodies with the secret where a member name, a discriminator or a value of the wrong type sits.</summary>
    public static IEnumerable<TestCaseData> HostileBodies()
    {
        var s = JsonEncodedText.Encode(Secret).ToString();
        TestCaseData Case(string name, string json) => new TestCaseData(json).SetArgDisplayNames(name);

        yield return Case("a secret role", "{\"model\":\"m\",\"messages\":[{\"role\":\"" + s + "\",\"content\":\"x\"}]}");
        yield return Case("a secret part type", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"" + s + "\"}]}]}");
        yield return Case("a secret tool type", "{\"model\":\"m\",\"messages\":[],\"tools\":[{\"type\":\"" + s + "\"}]}");
        yield return Case("a secret response_format type", "{\"model\":\"m\",\"response_format\":{\"type\":\"" + s + "\"}}");
        yield return Case("a secret voice member", "{\"model\":\"m\",\"audio\":{\"format\":\"wav\",\"voice\":{\"" + s + "\":1}}}");
        yield return Case("a secret string for a number", "{\"model\":\"m\",\"temperature\":\"" + s + "\"}");
        yield return Case("a secret string for an array", "{\"model\":\"m\",\"messages\":\"" + s + "\"}");
        yield return Case("a secret member name twice", "{\"model\":\"m\",\"" + s + "\":1,\"" + s + "\":2}");
        yield return Case("a secret member name twice inside an unknown member", "{\"model\":\"m\",\"x\":{\"" + s + "\":1,\"" + s + "\":2}}");
        yield return Case("a secret member name twice inside a tool schema", "{\"model\":\"m\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"" + s + "\":1,\"" + s + "\":2}}}]}");
        yield return Case("a known member twice with secret values", "{\"model\":\"" + s + "\",\"model\":\"" + s + "\"}");
        yield return Case("a secret logit_bias key with a bad value", "{\"model\":\"m\",\"logit_bias\":{\"" + s + "\":\"x\"}}");
        yield return Case("a secret metadata key with a bad value", "{\"model\":\"m\",\"metadata\":{\"" + s + "\":5}}");
        yield return Case("a body cut inside a secret", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + s[..5000]);
        yield return Case("an end-user id then garbage", "{\"model\":\"m\",\"user\":\"" + EndUserId + "\",\"n\":1.5}");
        yield return Case("an end-user id of the wrong type", "{\"model\":\"m\",\"safety_identifier\":[\"" + EndUserId + "\"]}");
    }

    [TestCaseSource(nameof(HostileBodies))]
    public void JsonException_messages_do_not_print_secrets(string json)
    {
        var act = () => CreateChatCompletionRequest.FromJson(json);

        var exception = act.Should().Throw<JsonException>().Which;

        ShouldNotLeak(exception.Message, "the JsonException message");
        ShouldNotLeak(exception.Path, "the JsonException path");
        ShouldNotLeak(exception.ToString(), "the JsonException's ToString()");
    }

    [Test]
    public void The_check_itself_finds_a_leak()
    {
        // Guards the helper above: 41 characters of the secret, or the id, are found; a cut excerpt is not.
        Leak("value \"" + Secret[1000..(1001 + LongestExcerpt)] + "\"").Should().NotBeNull();
        Leak("value \"" + Secret[5000..] + "\"").Should().NotBeNull();
        Leak("id " + EndUserId).Should().NotBeNull();
        Leak("value \"" + Secret[..32] + "…\" (10240 characters)").Should().BeNull();
    }
}
