using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.Http.Headers;
using OpenAI;
using OpenAI.Chat;

namespace ChatRequest.Benchmarks.Peers;

using ChatMessage = OpenAI.Chat.ChatMessage;
using ChatTool = OpenAI.Chat.ChatTool;

/// <summary>
/// The official OpenAI SDK, measured as a whole call: messages and options built from scratch, then
/// <c>ChatClient.CompleteChat</c> through the SDK's pipeline into an <see cref="HttpMessageHandler"/> that copies
/// the body into a reused buffer and answers with a canned completion (which the SDK then parses). Nothing leaves
/// the process. The client itself is created once, as an application would.
/// Its typed API has no <c>n</c> and no <c>max_tokens</c>: <c>MaxOutputTokenCount</c> is written as
/// <c>max_completion_tokens</c>, and <c>n</c> is not written (1 is the API's default).
/// </summary>
public sealed class OpenAISdkVariant : IDisposable
{
    private static readonly BinaryData WeatherParameters = BinaryData.FromString(TypicalRequest.WeatherParameters);

    private readonly CapturingHandler _handler = new();
    private readonly HttpClient _http;

    public OpenAISdkVariant()
    {
        _http = new HttpClient(_handler);
        Client = new ChatClient(
            "gpt-4o",
            new ApiKeyCredential("sk-benchmark"),
            new OpenAIClientOptions { Transport = new HttpClientPipelineTransport(_http), Endpoint = new Uri("http://localhost/v1") });
    }

    public ChatClient Client { get; }

    /// <summary>The body of the last call (UTF-8).</summary>
    public ReadOnlySpan<byte> LastBody => _handler.Body;

    /// <summary>One whole call; returns the body's length.</summary>
    public int Call()
    {
        ChatMessage[] messages =
        [
            new SystemChatMessage("You are a terse assistant."),
            new UserChatMessage("What is the capital of France?"),
            new AssistantChatMessage("Paris."),
            new UserChatMessage("And of Germany? Answer in one word."),
        ];
        var options = new ChatCompletionOptions
        {
            Temperature = 0.2f,
            MaxOutputTokenCount = 256,
            EndUserId = "user-1234",
            FrequencyPenalty = 0.5f,
            PresencePenalty = -0.5f,
        };
        options.StopSequences.Add("\n");
        options.StopSequences.Add("END");
        options.LogitBiases.Add(50256, -100);
        options.LogitBiases.Add(1234, 5);
        options.Tools.Add(ChatTool.CreateFunctionTool("get_weather", "Get the weather for a city", WeatherParameters));

        ChatCompletion completion = Client.CompleteChat(messages, options);
        GC.KeepAlive(completion);
        return _handler.Body.Length;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Copies the request body into a reused buffer and returns a canned chat completion.</summary>
    private sealed class CapturingHandler : HttpMessageHandler
    {
        private static readonly byte[] CannedResponse = """
            {"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"gpt-4o-2024-08-06",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Berlin.","refusal":null},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":52,"completion_tokens":2,"total_tokens":54},"system_fingerprint":"fp_bench"}
            """u8.ToArray();

        private readonly MemoryStream _body = new(4096);

        public ReadOnlySpan<byte> Body => _body.GetBuffer().AsSpan(0, (int)_body.Length);

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _body.SetLength(0);
            request.Content?.CopyTo(_body, null, cancellationToken);
            return Respond();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _body.SetLength(0);
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(_body, cancellationToken).ConfigureAwait(false);
            }

            return Respond();
        }

        private static HttpResponseMessage Respond()
        {
            var content = new ByteArrayContent(CannedResponse);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
    }
}
