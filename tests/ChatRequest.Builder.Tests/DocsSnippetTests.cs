using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequest.Tests;

/// <summary>
/// The code of README.md and docs/getting-started.md. Each <c>#region</c> is copied verbatim into the docs (the
/// first tests check that every C# block of the docs equals its region), and each test runs its snippet and checks
/// what it produces, so the docs cannot drift from the API.
/// </summary>
public class DocsSnippetTests
{
    // ---- The docs show exactly this code ----------------------------------------------------------------------

    [Test]
    public void Every_csharp_block_in_the_docs_is_a_tested_snippet()
    {
        var regions = DocFiles.Regions();
        var checkedBlocks = 0;

        foreach (var markdown in DocFiles.MarkdownFiles())
        {
            foreach (var (name, code) in DocFiles.CodeBlocks(markdown))
            {
                name.Should().NotBeNull("every ```csharp block in {0} needs a <!-- snippet: name --> line above it; this one is not tested:\n{1}", markdown, code);
                regions.Should().ContainKey(name!, "{0} shows snippet {1}, which no test file has as a #region", markdown, name);
                code.Should().Be(regions[name!], "the block {0} in {1} must equal the #region of the same name in the tests", name, markdown);
                checkedBlocks++;
            }
        }

        checkedBlocks.Should().BeGreaterThan(40);
    }

    [Test]
    public void Every_snippet_is_shown_in_the_docs()
    {
        var shown = DocFiles.MarkdownFiles()
            .SelectMany(DocFiles.CodeBlocks)
            .Select(block => block.Name)
            .ToHashSet(StringComparer.Ordinal);

        DocFiles.Regions().Keys.Should().BeSubsetOf(shown!);
    }

    [Test]
    public void README_shows_the_two_fresh_machine_commands()
    {
        var readme = DocFiles.Read(Path.Combine(DocFiles.RepoRoot, "README.md"));
        var ci = DocFiles.Read(Path.Combine(DocFiles.RepoRoot, ".ci", "run"));

        readme.Should().Contain("dotnet run --project samples/Quickstart").And.Contain("dotnet test ChatRequest.slnx");
        ci.Split('\n').Should().Contain(l => l.StartsWith("dotnet test ChatRequest.slnx ", StringComparison.Ordinal), ".ci/run runs the README's test command");
    }

    private static string CaptureConsole(Action action)
    {
        var original = Console.Out;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(original);
        }

        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // ---- README ---------------------------------------------------------------------------------------------

    [Test]
    public void Readme_example()
    {
        #region readme-example
        CreateChatCompletionRequest request = Chat.With("gpt-4o")
            .System("You are a terse assistant.")
            .User("What is the capital of France?")
            .Temperature(0.2)
            .MaxCompletionTokens(256)
            .Build();              // throws ChatRequestValidationException if the API would reject the body

        string json = request.ToJson();
        // {"model":"gpt-4o","messages":[{"role":"system",...},{"role":"user",...}],"max_completion_tokens":256,"temperature":0.2}
        #endregion

        json.Should().Be("""{"model":"gpt-4o","messages":[{"role":"system","content":"You are a terse assistant."},{"role":"user","content":"What is the capital of France?"}],"max_completion_tokens":256,"temperature":0.2}""");
    }

    // ---- Getting started --------------------------------------------------------------------------------------

    [Test]
    public void First_request()
    {
        var output = CaptureConsole(() =>
        {
            #region first-request
            CreateChatCompletionRequest request = Chat.With("gpt-4o")
                .User("Say hello in Italian.")
                .Build();

            Console.WriteLine(request.ToJson());
            // {"model":"gpt-4o","messages":[{"role":"user","content":"Say hello in Italian."}]}
            #endregion
        });

        output.Should().Be("""{"model":"gpt-4o","messages":[{"role":"user","content":"Say hello in Italian."}]}""" + "\n");
    }

    [Test]
    public void Messages()
    {
        #region messages
        var request = Chat.With("gpt-4o")
            .Developer("Answer in one sentence.")
            .User("Which planet is largest?", name: "ada")
            .Assistant("Jupiter.")
            .User("And the smallest?", name: "ada")
            .Build();
        #endregion

        request.Messages!.Select(m => m.Role).Should().Equal("developer", "user", "assistant", "user");
        JsonNode.Parse(request.ToJson())!["messages"]![1]!.ToJsonString().Should().Be("""{"role":"user","name":"ada","content":"Which planet is largest?"}""");
    }

    [Test]
    public void Content_parts()
    {
        var folder = Directory.CreateTempSubdirectory("chatrequest-docs-").FullName;
        var chartPath = Path.Combine(folder, "chart.png");
        var recordingPath = Path.Combine(folder, "question.wav");
        var reportPath = Path.Combine(folder, "report.pdf");
        File.WriteAllBytes(chartPath, new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        File.WriteAllBytes(recordingPath, new byte[] { 0x52, 0x49, 0x46, 0x46 });
        File.WriteAllBytes(reportPath, new byte[] { 0x25, 0x50, 0x44, 0x46 });

        try
        {
            #region content-parts
            var request = Chat.With("gpt-4o")
                .User(
                    ContentPart.FromText("Compare the photo with the chart, and answer the recorded question."),
                    ContentPart.FromImageUrl("https://example.com/photo.jpg", ImageDetail.Low),
                    ContentPart.FromImageBytes(File.ReadAllBytes(chartPath), "image/png"),
                    ContentPart.FromAudioBytes(File.ReadAllBytes(recordingPath), InputAudioFormat.Wav),
                    ContentPart.FromFileBytes(File.ReadAllBytes(reportPath), "report.pdf"),
                    ContentPart.FromFileId("file-abc123"))
                .Build();
            #endregion

            var parts = JsonNode.Parse(request.ToJson())!["messages"]![0]!["content"]!.AsArray();
            parts.Select(p => (string)p!["type"]!).Should().Equal("text", "image_url", "image_url", "input_audio", "file", "file");
            parts[1]!["image_url"]!.ToJsonString().Should().Be("""{"url":"https://example.com/photo.jpg","detail":"low"}""");
            ((string)parts[2]!["image_url"]!["url"]!).Should().Be("data:image/png;base64,iVBORw==");
            parts[3]!["input_audio"]!.ToJsonString().Should().Be("""{"data":"UklGRg==","format":"wav"}""");
            ((string)parts[4]!["file"]!["filename"]!).Should().Be("report.pdf");
            ((string)parts[4]!["file"]!["file_data"]!).Should().Be("JVBERg==");
            ((string)parts[5]!["file"]!["file_id"]!).Should().Be("file-abc123");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Tools()
    {
        #region tools
        var forecastSchema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["city"] = new JsonObject { ["type"] = "string" },
                ["days"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 7 },
            },
            ["required"] = new JsonArray("city", "days"),
            ["additionalProperties"] = false,
        };

        var request = Chat.With("gpt-4o")
            .User("Do I need an umbrella in Paris tomorrow?")
            .Tool(
                "get_weather",
                "Current weather for a city",
                parametersJson: """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""")
            .Tool("get_forecast", "Forecast for the next days", forecastSchema, strict: true)
            .CustomTool("run_sql", "Runs a read-only SQL query", grammar: "SELECT .*", syntax: GrammarSyntax.Regex)
            .ToolChoice(ToolChoiceMode.Required)
            .ParallelToolCalls(false)
            .Build();
        #endregion

        var body = JsonNode.Parse(request.ToJson())!;
        body["tools"]!.AsArray().Select(t => (string)t!["type"]!).Should().Equal("function", "function", "custom");
        ((bool)body["tools"]![1]!["function"]!["strict"]!).Should().BeTrue();
        ((int)body["tools"]![1]!["function"]!["parameters"]!["properties"]!["days"]!["maximum"]!).Should().Be(7);
        body["tools"]![2]!["custom"]!["format"]!.ToJsonString().Should().Be("""{"type":"grammar","grammar":{"definition":"SELECT .*","syntax":"regex"}}""");
        ((string)body["tool_choice"]!).Should().Be("required");
        ((bool)body["parallel_tool_calls"]!).Should().BeFalse();
    }

    [Test]
    public void Tool_results()
    {
        #region tool-results
        var request = Chat.With("gpt-4o")
            .Tool("get_weather", "Current weather for a city", """{"type":"object","properties":{"city":{"type":"string"}}}""")
            .User("What is the weather in Paris?")
            .AssistantToolCalls(ToolCall.ForFunction("call_1", "get_weather", """{"city":"Paris"}"""))
            .ToolResult("call_1", """{"temp_c":18,"sky":"cloudy"}""")
            .ForceFunction("get_weather")   // or .ToolChoice(ToolChoice.ForFunction("get_weather"))
            .Build();
        #endregion

        var body = JsonNode.Parse(request.ToJson())!;
        request.ToJson().Should().Contain(
            """{"role":"assistant","tool_calls":[{"type":"function","id":"call_1","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}""");
        request.ToJson().Should().Contain(
            """{"role":"tool","tool_call_id":"call_1","content":"{\"temp_c\":18,\"sky\":\"cloudy\"}"}""");
        body["tool_choice"]!.ToJsonString().Should().Be("""{"type":"function","function":{"name":"get_weather"}}""");
    }

    [Test]
    public void Response_formats()
    {
        #region response-formats
        var structured = Chat.With("gpt-4o")
            .User("Extract the city and the country: 'I live in Lyon.'")
            .JsonSchemaFormat(
                "place",
                """{"type":"object","properties":{"city":{"type":"string"},"country":{"type":"string"}},"required":["city","country"],"additionalProperties":false}""")
            .Build();

        var jsonMode = Chat.With("gpt-4o")
            .System("Reply with a JSON object with the keys city and country.")
            .User("I live in Lyon.")
            .JsonObjectFormat()
            .Build();
        #endregion

        var format = JsonNode.Parse(structured.ToJson())!["response_format"]!;
        ((string)format["type"]!).Should().Be("json_schema");
        ((string)format["json_schema"]!["name"]!).Should().Be("place");
        ((bool)format["json_schema"]!["strict"]!).Should().BeTrue("strict is on unless the caller turns it off");
        JsonNode.Parse(jsonMode.ToJson())!["response_format"]!.ToJsonString().Should().Be("""{"type":"json_object"}""");
    }

    [Test]
    public void Streaming()
    {
        #region streaming
        var request = Chat.With("gpt-4o")
            .User("Tell me a story.")
            .Stream()
            .StreamOptions(includeUsage: true)
            .Build();
        // ..."stream":true,"stream_options":{"include_usage":true}...
        #endregion

        request.ToJson().Should().EndWith("""
            "stream":true,"stream_options":{"include_usage":true}}
            """);
    }

    [Test]
    public void More_settings()
    {
        #region more-settings
        var request = Chat.With("gpt-5")
            .Developer("You review pull requests.")
            .User("Review this diff: ...")
            .ReasoningEffort(ReasoningEffort.Low)
            .Verbosity(Verbosity.Low)
            .MaxCompletionTokens(2000)
            .ServiceTier(ServiceTier.Flex)
            .Metadata("team", "platform")
            .SafetyIdentifier("5f2b0c1e9a7d4c3b")
            .PromptCacheKey("code-review-v2")
            .Store(false)
            .Build();
        #endregion

        var body = JsonNode.Parse(request.ToJson())!;
        ((string)body["reasoning_effort"]!).Should().Be("low");
        ((string)body["verbosity"]!).Should().Be("low");
        ((string)body["service_tier"]!).Should().Be("flex");
        body["metadata"]!.ToJsonString().Should().Be("""{"team":"platform"}""");
        ((bool)body["store"]!).Should().BeFalse();
        request.Validate().Should().BeEmpty();
    }

    [Test]
    public void Gateway()
    {
        var body = """{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"temperature":3,"top_logprobs":5}""";

        var output = CaptureConsole(() =>
        {
            #region gateway
            CreateChatCompletionRequest incoming = CreateChatCompletionRequest.FromJson(body);

            IReadOnlyList<ValidationProblem> problems = incoming.Validate();
            if (!incoming.IsValid())
            {
                foreach (ValidationProblem problem in problems.Where(p => p.Severity == ProblemSeverity.Error))
                {
                    Console.WriteLine(problem);
                }

                // CHAT101 error at temperature: temperature must be from 0 to 2, but is 3.
                // CHAT202 error at top_logprobs: top_logprobs is set, but logprobs is not true; ...
                // Answer 400 with these problems instead of forwarding the body.
            }
            #endregion
        });

        output.Should().Be(
            "CHAT101 error at temperature: temperature must be from 0 to 2, but is 3.\n" +
            "CHAT202 error at top_logprobs: top_logprobs is set, but logprobs is not true; the API requires logprobs: true for top_logprobs.\n");
    }

    [Test]
    public async Task Gateway_stream()
    {
        using Stream requestBody = new MemoryStream(Encoding.UTF8.GetBytes("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}"""));
        var cancellationToken = CancellationToken.None;

        #region gateway-stream
        CreateChatCompletionRequest incoming = await CreateChatCompletionRequest.FromJsonAsync(requestBody, cancellationToken);
        #endregion

        incoming.Model.Should().Be("gpt-4o");
        incoming.IsValid().Should().BeTrue();
    }

    [Test]
    public async Task Read_limits()
    {
        using Stream requestBody = new MemoryStream(Encoding.UTF8.GetBytes("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}"""));
        var cancellationToken = CancellationToken.None;

        #region read-limits
        // Shared by every request: the options cannot change once made.
        var limits = new ChatRequestReadOptions { MaxBytes = 4 * 1024 * 1024, MaxDepth = 32 };

        CreateChatCompletionRequest incoming = await CreateChatCompletionRequest.FromJsonAsync(requestBody, limits, cancellationToken);
        // A body over 4 MiB, or nested deeper than 32 levels, is a JsonException that names the limit:
        // "The request body is larger than ChatRequestReadOptions.MaxBytes allows: the limit is 4,194,304 bytes (4 MiB), ..."
        #endregion

        incoming.Model.Should().Be("gpt-4o");
        var tooLarge = new MemoryStream(new byte[(4 * 1024 * 1024) + 1]);
        await FluentActions.Awaiting(() => CreateChatCompletionRequest.FromJsonAsync(tooLarge, limits, cancellationToken))
            .Should().ThrowAsync<JsonException>()
            .WithMessage("The request body is larger than ChatRequestReadOptions.MaxBytes allows: the limit is 4,194,304 bytes (4 MiB), *");
    }

    [Test]
    public void Continue_a_parsed_request()
    {
        var incoming = CreateChatCompletionRequest.FromJson("""{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"top_k":40}""");

        #region to-builder
        CreateChatCompletionRequest next = incoming.ToBuilder()   // a copy: unknown members and all
            .Assistant("Hello! How can I help?")
            .User("What is 2 + 2?")
            .MaxCompletionTokens(64)
            .Build();
        #endregion

        next.Messages!.Select(m => m.Role).Should().Equal("user", "assistant", "user");
        next.AdditionalProperties!["top_k"].GetInt32().Should().Be(40);
        incoming.Messages.Should().ContainSingle();
    }

    [Test]
    public void Malformed_json()
    {
        var body = """{"model":"gpt-4o","messages":[{"role":"robot","content":"hi"}]}""";

        var output = CaptureConsole(() =>
        {
            #region malformed-json
            try
            {
                CreateChatCompletionRequest.FromJson(body);   // "robot" is not a role
            }
            catch (JsonException ex)
            {
                Console.WriteLine($"Bad body at {ex.Path}: {ex.Message}");   // Bad body at $.messages[0]: ...
            }
            #endregion
        });

        output.Should().StartWith("Bad body at $.messages[0]: ");
    }

    [Test]
    public void Errors()
    {
        var output = CaptureConsole(() =>
        {
            #region errors
            try
            {
                Chat.With("gpt-4o")
                    .User("Hello!")
                    .Temperature(2.5)
                    .TopP(0.9)
                    .TopLogprobs(25)
                    .Build();
            }
            catch (ChatRequestValidationException ex)
            {
                foreach (ValidationProblem problem in ex.Problems)
                {
                    Console.WriteLine($"{problem.RuleId} {problem.Severity} {problem.Path}: {problem.Message}");
                }

                // CHAT101 Error temperature: temperature must be from 0 to 2, but is 2.5.
                // CHAT101 Error top_logprobs: top_logprobs must be from 0 to 20, but is 25.
                // CHAT201 Warning top_p: temperature and top_p are both set; ...
                // CHAT202 Error top_logprobs: top_logprobs is set, but logprobs is not true; ...
            }
            #endregion
        });

        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Substring(0, l.IndexOf(':', StringComparison.Ordinal))).Should().Equal(
            "CHAT101 Error temperature",
            "CHAT101 Error top_logprobs",
            "CHAT201 Warning top_p",
            "CHAT202 Error top_logprobs");
        output.Should().Contain("CHAT101 Error top_logprobs: top_logprobs must be from 0 to 20, but is 25.\n");

        var exception = FluentActions.Invoking(() => Chat.With("gpt-4o").User("Hello!").Temperature(2.5).TopP(0.9).TopLogprobs(25).Build())
            .Should().Throw<ChatRequestValidationException>().Which;
        exception.Message.Should().StartWith("The chat completion request is invalid (3 errors):");
        exception.Message.Should().NotContain("CHAT201", "the message lists errors only; Problems holds the warnings too");
    }

    [Test]
    public void Validate_a_builder_without_throwing()
    {
        #region builder-validate
        IReadOnlyList<ValidationProblem> problems = Chat.With("gpt-4o")
            .User("Hello!")
            .Temperature(2.5)
            .Validate();   // the same checks as Build(), returned instead of thrown
        #endregion

        problems.Should().ContainSingle().Which.RuleId.Should().Be("CHAT101");
    }

    [Test]
    public void Unknown_fields_are_kept()
    {
        #region unknown-fields
        var parsed = CreateChatCompletionRequest.FromJson(
            """{"model":"llama-3.1-8b","messages":[{"role":"user","content":"hi"}],"top_k":40,"repetition_penalty":1.1}""");

        JsonElement topK = parsed.AdditionalProperties!["top_k"];   // 40
        string written = parsed.ToJson();                           // top_k and repetition_penalty are written back
        #endregion

        topK.GetInt32().Should().Be(40);

        // Unknown members inside nested objects are kept as well.
        const string Nested = """{"model":"m","messages":[{"role":"user","content":"hi","cache_hint":"x"}]}""";
        var nested = CreateChatCompletionRequest.FromJson(Nested);
        nested.Messages![0].AdditionalProperties!["cache_hint"].GetString().Should().Be("x");
        nested.ToJson().Should().Be(Nested);
        written.Should().Be("""{"model":"llama-3.1-8b","messages":[{"role":"user","content":"hi"}],"top_k":40,"repetition_penalty":1.1}""");
    }

    [Test]
    public void Extra_fields()
    {
        #region extra-fields
        var request = Chat.With("llama-3.1-8b")
            .User("hi")
            .Extra("top_k", 40)
            .Extra("guided_choice", new JsonArray("yes", "no"))
            .Extra("chat_template_kwargs", JsonNode.Parse("""{"enable_thinking":false}"""))
            .Build();
        // {"model":"llama-3.1-8b","messages":[...],"top_k":40,"guided_choice":["yes","no"],"chat_template_kwargs":{"enable_thinking":false}}
        #endregion

        request.ToJson().Should().Be("""{"model":"llama-3.1-8b","messages":[{"role":"user","content":"hi"}],"top_k":40,"guided_choice":["yes","no"],"chat_template_kwargs":{"enable_thinking":false}}""");

        #region extra-known-name
        Action act = () => Chat.With("gpt-4o").Extra("temperature", 0.5);   // ArgumentException: use Temperature()
        #endregion

        act.Should().Throw<ArgumentException>().WithMessage("'temperature' is a member the request model knows*");
    }

    [Test]
    public void Branching()
    {
        #region branching
        ChatRequestBuilder support = Chat.With("gpt-4o")
            .System("You are a support agent for Contoso. Be brief.")
            .Temperature(0.2);

        CreateChatCompletionRequest refund = support.User("How do I get a refund?").Build();
        CreateChatCompletionRequest invoice = support.User("Where is my invoice?").Build();
        // Each request has two messages: the shared system message and its own user message.
        #endregion

        refund.Messages!.Select(m => m.Content!.Text).Should().Equal("You are a support agent for Contoso. Be brief.", "How do I get a refund?");
        invoice.Messages!.Select(m => m.Content!.Text).Should().Equal("You are a support agent for Contoso. Be brief.", "Where is my invoice?");
        support.Validate().Should().BeEmpty("the template itself is unchanged and still valid");
        support.Build().Messages.Should().ContainSingle();
    }

    [Test]
    public void Arguments_are_copied()
    {
        #region arguments-copied
        string[] stops = { "\n\n", "END" };
        ChatRequestBuilder builder = Chat.With("gpt-4o").User("Hi").Stop(stops);

        stops[0] = "changed later";                     // does not reach the builder
        CreateChatCompletionRequest first = builder.Build();
        first.Stop!.Sequences.Add("###");               // a built request is a plain object you may change...
        CreateChatCompletionRequest second = builder.Build();
        // ...but that changes neither the builder nor other requests: second.Stop holds "\n\n" and "END".
        #endregion

        second.Stop!.Sequences.Should().Equal("\n\n", "END");
        first.Stop!.Sequences.Should().Equal("\n\n", "END", "###");
    }

    [Test]
    public void Threads()
    {
        #region threads
        ChatRequestBuilder shared = Chat.With("gpt-4o").System("Translate to German.");

        string[] inputs = { "Good morning", "Thank you", "See you tomorrow" };
        CreateChatCompletionRequest[] requests = new CreateChatCompletionRequest[inputs.Length];
        Parallel.For(0, inputs.Length, i => requests[i] = shared.User(inputs[i]).Build());
        #endregion

        requests.Select(r => r.Messages![1].Content!.Text).Should().Equal(inputs);
        requests.Should().OnlyContain(r => r.Messages!.Count == 2);
    }

    [Test]
    public async Task Writing_json()
    {
        var request = Chat.With("gpt-4o").User("Hi").Build();
        var expected = request.ToJson();
        var path = Path.Combine(Path.GetTempPath(), "chatrequest-docs-" + Guid.NewGuid().ToString("N") + ".json");
        var cancellationToken = CancellationToken.None;

        #region write-json
        string text = request.ToJson();
        byte[] utf8 = request.ToUtf8Bytes();

        // To a stream; the stream is flushed, not closed.
        using var stream = new MemoryStream();
        request.WriteTo(stream);

        await using (FileStream file = File.Create(path))
        {
            await request.WriteToAsync(file, cancellationToken);
        }

        // To any IBufferWriter<byte> (an ArrayBufferWriter, a PipeWriter, ...).
        var buffer = new ArrayBufferWriter<byte>();
        request.WriteTo(buffer);

        // Into a document you are writing yourself, e.g. a batch line {"custom_id":...,"body":{...}}.
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("custom_id", "request-1");
            writer.WritePropertyName("body");
            request.WriteTo(writer);
            writer.WriteEndObject();
        }
        #endregion

        text.Should().Be(expected);
        Encoding.UTF8.GetString(utf8).Should().Be(expected);
        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(expected);
        File.ReadAllText(path).Should().Be(expected);
        File.Delete(path);
        Encoding.UTF8.GetString(buffer.WrittenSpan).Should().Be(expected);
        Encoding.UTF8.GetString(json.ToArray()).Should().Be("""{"custom_id":"request-1","body":""" + expected + "}");
    }

    [Test]
    public void Reading_json()
    {
        var request = Chat.With("gpt-4o").User("Hi").Temperature(0.2).Build();
        byte[] utf8Bytes = request.ToUtf8Bytes();
        using Stream stream = new MemoryStream(utf8Bytes);

        #region read-json
        var fromText = CreateChatCompletionRequest.FromJson(request.ToJson());
        var fromBytes = CreateChatCompletionRequest.FromJson(utf8Bytes);    // ReadOnlySpan<byte>
        var fromStream = CreateChatCompletionRequest.FromJson(stream);
        bool same = fromText.Equals(request);                               // true: equal JSON bodies
        #endregion

        same.Should().BeTrue();
        fromBytes.Should().Be(request);
        fromStream.Should().Be(request);
        fromText.Temperature.Should().Be(0.2);
    }

    [Test]
    public void Sending_with_HttpClient()
    {
        var request = Chat.With("gpt-4o").User("Hi").Build();

        #region http
        string apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "";

        using var content = new ByteArrayContent(request.ToUtf8Bytes());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var message = new HttpRequestMessage(HttpMethod.Post, "https://api.openai.com/v1/chat/completions");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        message.Content = content;
        // using HttpResponseMessage response = await httpClient.SendAsync(message);
        #endregion

        message.Content.ReadAsStringAsync().GetAwaiter().GetResult().Should().Be(request.ToJson());
        message.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }
}
