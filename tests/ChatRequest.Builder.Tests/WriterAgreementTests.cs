using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequest.Serialization;

namespace ChatRequest.Tests;

/// <summary>
/// The hand-written writer behind ToJson/WriteTo and the source-generated contract (used for reading, and by callers
/// who serialize the model with JsonSerializer) must give the same JSON for every kind of member.
/// </summary>
public class WriterAgreementTests
{
    private static void ShouldAgree(CreateChatCompletionRequest request)
    {
        var handWritten = JsonNode.Parse(request.ToJson());
        var contract = JsonSerializer.SerializeToNode(request, ChatJson.RequestInfo);

        JsonNode.DeepEquals(handWritten, contract).Should().BeTrue($"hand-written:\n{handWritten}\ncontract:\n{contract}");
    }

    [TestCaseSource(typeof(RichRequests), nameof(RichRequests.All))]
    public void Built_requests(ChatRequestBuilder builder) => ShouldAgree(builder.Build());

    [Test]
    public void Parsed_sample_bodies()
    {
        var dir = SpecFiles.ValidationCases ?? throw new IgnoreException("spec folder absent");
        var count = 0;
        foreach (var file in Directory.GetFiles(dir, "*.json"))
        {
            CreateChatCompletionRequest request;
            try
            {
                request = CreateChatCompletionRequest.FromJson(File.ReadAllText(file));
            }
            catch (JsonException)
            {
                continue;
            }

            ShouldAgree(request);
            count++;
        }

        count.Should().BeGreaterThan(20);
    }

    [Test]
    public void Nulls_extras_and_every_union_shape()
    {
        ShouldAgree(CreateChatCompletionRequest.FromJson("""
            {"model":"m","messages":[
               {"role":"user","content":[{"type":"text","text":"t","prompt_cache_breakpoint":{"mode":"explicit"},"x":1},
                                         {"type":"image_url","image_url":{"url":"u","detail":null}},{"type":"file","file":{"file_id":"f","y":[1]}}],"name":null},
               {"role":"assistant","content":null,"tool_calls":[{"type":"custom","id":"c","custom":{"name":"n","input":"i"}}],"audio":{"id":"a"},"function_call":{"name":"f","arguments":"{}"}},
               {"role":"function","name":"f","content":null}],
             "stop":"x","tool_choice":{"type":"allowed_tools","allowed_tools":{"mode":"auto","tools":[{"type":"function","function":{"name":"f"}}]},"z":true},
             "function_call":"none","audio":{"voice":{"id":"v"},"format":"wav"},"prediction":{"type":"content","content":[{"type":"text","text":"p"}]},
             "tools":[{"type":"custom","custom":{"name":"c","format":{"type":"text"}}}],"response_format":{"type":"text"},
             "web_search_options":{"user_location":null},"moderation":{"model":"m","policy":{"input":null,"output":{"mode":"score"}}},
             "temperature":null,"seed":null,"metadata":null,"unknown":{"a":[1,2,{"b":null}]}}
            """));
    }
}
