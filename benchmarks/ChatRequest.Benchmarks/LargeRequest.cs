using System.Buffers;
using System.Text.Json;

namespace ChatRequest.Benchmarks;

/// <summary>
/// The large body of the parse benchmarks: the typical request's options with 100 messages (a system message, then
/// user and assistant turns; every fourth user message is text + image_url content parts, some messages carry a
/// name) and 20 function tools with a few-property JSON Schema each. Written by hand so no parser under test made it.
/// </summary>
public static class LargeRequest
{
    public const int MessageCount = 100;
    public const int ToolCount = 20;

    public static byte[] Utf8 { get; } = Create();

    private static byte[] Create()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("model", "gpt-4o");
            w.WriteStartArray("messages");
            w.WriteStartObject();
            w.WriteString("role", "system");
            w.WriteString("content", "You are a careful travel assistant. Answer briefly, cite the tool you used, and never invent a forecast.");
            w.WriteEndObject();
            for (var i = 1; i < MessageCount; i++)
            {
                var user = i % 2 == 1;
                w.WriteStartObject();
                w.WriteString("role", user ? "user" : "assistant");
                if (user && i % 8 == 1)
                {
                    w.WriteStartArray("content");
                    w.WriteStartObject();
                    w.WriteString("type", "text");
                    w.WriteString("text", $"Turn {i}: what is in this picture, and what will the weather be there tomorrow?");
                    w.WriteEndObject();
                    w.WriteStartObject();
                    w.WriteString("type", "image_url");
                    w.WriteStartObject("image_url");
                    w.WriteString("url", $"https://images.example.com/photos/{i:D4}/city-skyline.jpg");
                    w.WriteString("detail", i % 16 == 1 ? "low" : "high");
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                }
                else if (user)
                {
                    w.WriteString("content", $"Turn {i}: and how about the city after that one? Please keep the answer to one or two sentences.");
                }
                else
                {
                    w.WriteString("content", $"Turn {i}: it will be mild, around {10 + (i % 15)} degrees, with light wind from the west and a chance of showers in the evening.");
                }

                if (user && i % 10 == 3)
                {
                    w.WriteString("name", $"traveller_{i % 7}");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("temperature", 0.2);
            w.WriteNumber("max_tokens", 256);
            w.WriteStartArray("stop");
            w.WriteStringValue("\n");
            w.WriteStringValue("END");
            w.WriteEndArray();
            w.WriteStartObject("logit_bias");
            w.WriteNumber("50256", -100);
            w.WriteNumber("1234", 5);
            w.WriteEndObject();
            w.WriteString("user", "user-1234");
            w.WriteNumber("n", 1);
            w.WriteNumber("frequency_penalty", 0.5);
            w.WriteNumber("presence_penalty", -0.5);
            w.WriteStartArray("tools");
            for (var t = 0; t < ToolCount; t++)
            {
                w.WriteStartObject();
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", $"tool_{t:D2}_lookup");
                w.WriteString("description", $"Looks up data set {t} for a city and a date range; returns JSON.");
                w.WriteStartObject("parameters");
                w.WriteString("type", "object");
                w.WriteStartObject("properties");
                w.WriteStartObject("city");
                w.WriteString("type", "string");
                w.WriteString("description", "The city name, in English.");
                w.WriteEndObject();
                w.WriteStartObject("days");
                w.WriteString("type", "integer");
                w.WriteNumber("minimum", 1);
                w.WriteNumber("maximum", 14);
                w.WriteEndObject();
                w.WriteStartObject("unit");
                w.WriteString("type", "string");
                w.WriteStartArray("enum");
                w.WriteStringValue("celsius");
                w.WriteStringValue("fahrenheit");
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartArray("required");
                w.WriteStringValue("city");
                w.WriteEndArray();
                w.WriteBoolean("additionalProperties", false);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
