namespace ChatRequest.Tests;

/// <summary>Requests that use every field and every role, made with the builder.</summary>
internal static partial class RichRequests
{
    public const string WeatherSchema = """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}""";

    /// <summary>Every top-level field the builder can set (deprecated ones included) and all six roles.</summary>
    public static ChatRequestBuilder EveryField() =>
        Chat.With("gpt-4o-audio-preview")
            .Developer("Answer in JSON.", name: "policy")
            .System("Be terse.")
            .User(
                ContentPart.FromText("What is in this image and this recording?"),
                ContentPart.FromImageUrl("https://example.com/a.png", ImageDetail.Low),
                ContentPart.FromImageBytes([137, 80, 78, 71], "image/png"),
                ContentPart.FromAudioBytes([82, 73, 70, 70], InputAudioFormat.Wav),
                ContentPart.FromFileId("file-abc"),
                ContentPart.FromFileBytes([37, 80, 68, 70], "report.pdf"))
            .User("And the weather?", name: "alice")
            .AssistantToolCalls(ToolCall.ForFunction("call_1", "get_weather", """{"city":"Paris"}"""), ToolCall.ForCustomTool("call_2", "sql", "select 1"))
            .ToolResult("call_1", "sunny")
            .ToolResult("call_2", "1")
            .Assistant("It is sunny.", name: "bot")
            .Message(new AssistantMessage { Content = new MessageContent([ContentPart.FromRefusal("I can't help with that.")]), Refusal = "I can't help with that." })
            .Message(new AssistantMessage { Audio = new AssistantAudio { Id = "audio_1" } })
            .FunctionResult("legacy_lookup", "42")
            .User("Thanks")
            .Temperature(0.7)
            .TopP(0.95)
            .FrequencyPenalty(0.25)
            .PresencePenalty(-1.5)
            .LogitBias(50256, -100)
            .LogitBias(1234, 5)
            .MaxTokens(100)
            .MaxCompletionTokens(256)
            .N(3)
            .Stop("\n", "END", "STOP", "###")
            .Stream()
            .StreamOptions(includeUsage: true, includeObfuscation: false)
            .EndUser("user-1234")
            .Seed(-42)
            .Logprobs()
            .TopLogprobs(20)
            .Tool("get_weather", "Get the weather for a city", WeatherSchema, strict: true)
            .CustomTool("sql", "Run read-only SQL", "start: /.+/", GrammarSyntax.Lark)
            .CustomTool("notes", "Free text notes")
            .ForceFunction("get_weather")
            .ParallelToolCalls(false)
            .Function("legacy_lookup", "Legacy lookup", """{"type":"object"}""")
            .FunctionCall(FunctionCallMode.Auto)
            .JsonSchemaFormat("answer", """{"type":"object","properties":{"text":{"type":"string"}}}""", strict: true, description: "The answer")
            .Metadata("team", "search")
            .Metadata("run", "42")
            .ServiceTier(ServiceTier.Flex)
            .ReasoningEffort(ReasoningEffort.Low)
            .Verbosity(Verbosity.High)
            .Modalities(Modality.Text, Modality.Audio)
            .Audio("alloy", AudioFormat.Mp3)
            .Prediction("The weather in Paris is sunny.")
            .SafetyIdentifier("5f0c3e2a")
            .PromptCacheKey("weather-v1")
            .PromptCacheOptions(PromptCacheMode.Explicit, "30m")
            .PromptCacheRetention(PromptCacheRetention.Hours24)
            .Store()
            .WebSearchOptions(SearchContextSize.High, country: "FR", region: "IDF", city: "Paris", timezone: "Europe/Paris")
            .Moderation("omni-moderation-latest", input: ModerationMode.Block, output: ModerationMode.Score)
            .Extra("vendor_option", "on");

    /// <summary>The typical request of the benchmarks issue.</summary>
    public static ChatRequestBuilder Typical() =>
        Chat.With("gpt-4o")
            .System("You are a terse assistant.")
            .User("What is the capital of France?")
            .Assistant("Paris.")
            .User("And of Germany? Answer in one word.")
            .Temperature(0.2)
            .MaxTokens(256)
            .Stop("\n", "END")
            .LogitBias(50256, -100)
            .LogitBias(1234, 5)
            .EndUser("user-1234")
            .N(1)
            .FrequencyPenalty(0.5)
            .PresencePenalty(-0.5)
            .Tool("get_weather", "Get the weather for a city", """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
}
