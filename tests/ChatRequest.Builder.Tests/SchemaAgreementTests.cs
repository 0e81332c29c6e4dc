using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ChatRequest.Tests;

/// <summary>
/// Each constraint of CONSTRAINTS.md, broken once: a rule the schema enforces is rejected by both the schema and
/// ChatRequest (by <c>FromJson</c> when the body does not fit the model, else by <c>Validate()</c>); a prose rule we
/// enforce is rejected by <c>Validate()</c> while the schema lets it through. docs/reliability.md shows the same
/// table, and a test keeps the two equal.
/// </summary>
public class SchemaAgreementTests
{
    /// <summary>A valid body with no problems at all; every case changes it in one place.</summary>
    private const string BaseBody = """{"model":"gpt-4o","messages":[{"role":"system","content":"Answer in JSON."},{"role":"user","content":"hi"}]}""";

    private const string TableBegin = "<!-- schema-agreement-table:begin -->";
    private const string TableEnd = "<!-- schema-agreement-table:end -->";

    /// <summary>One broken constraint.</summary>
    /// <param name="Constraint">What the rule says.</param>
    /// <param name="Source">Where CONSTRAINTS.md states it.</param>
    /// <param name="Enforced">True when the schema enforces it; false for a prose rule.</param>
    /// <param name="Change">Top-level members that replace the base body's (a JSON object); <c>-name</c> removes one.</param>
    /// <param name="Expected">ChatRequest's verdict: <c>CHATnnn severity at path</c>, <c>JsonException at $.path</c> or <c>accepted</c>.</param>
    public sealed record Case(string Constraint, string Source, bool Enforced, string Change, string Expected)
    {
        public override string ToString() => Constraint + " " + Change;
    }

    private static readonly string Long65 = new('a', 65);

    public static IReadOnlyList<Case> Cases { get; } =
    [
        // ---- Enforced by the schema -------------------------------------------------------------------------
        new("model is required", "§1 #2", true, "-model", "CHAT103 error at model"),
        new("messages is required", "§1 #1", true, "-messages", "CHAT207 error at messages"),
        new("messages has at least 1 item", "§1 #1", true, """{"messages":[]}""", "CHAT207 error at messages"),
        new("role is one of the 6 roles", "§4", true, """{"messages":[{"role":"robot","content":"x"}]}""", "JsonException at $.messages[0]"),
        new("a system message needs content", "§4", true, """{"messages":[{"role":"system"},{"role":"user","content":"x"}]}""", "CHAT106 error at messages[0].content"),
        new("a user message needs content", "§4", true, """{"messages":[{"role":"user"}]}""", "CHAT106 error at messages[0].content"),
        new("a tool message needs tool_call_id", "§4", true, """{"messages":[{"role":"user","content":"x"},{"role":"tool","content":"x"}]}""", "CHAT106 error at messages[1].tool_call_id"),
        new("a function message needs name", "§4", true, """{"messages":[{"role":"user","content":"x"},{"role":"function","content":"x"}]}""", "CHAT106 error at messages[1].name"),
        new("a content part array has at least 1 item", "R17", true, """{"messages":[{"role":"user","content":[]}]}""", "CHAT105 error at messages[0].content"),
        new("system messages take text parts only", "R17", true, """{"messages":[{"role":"system","content":[{"type":"image_url","image_url":{"url":"https://x.test/a.png"}}]},{"role":"user","content":"x"}]}""", "CHAT107 error at messages[0].content[0].type"),
        new("a part type is one of the five", "§4", true, """{"messages":[{"role":"user","content":[{"type":"video","video":{}}]}]}""", "JsonException at $.messages[0].content[0]"),
        new("a text part needs text", "§4", true, """{"messages":[{"role":"user","content":[{"type":"text"}]}]}""", "CHAT106 error at messages[0].content[0].text"),
        new("image_url.url is required", "R26", true, """{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]}""", "CHAT106 error at messages[0].content[0].image_url.url"),
        new("image_url.url is a URI (format: uri)", "R26", true, """{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"not a url"}}]}]}""", "CHAT107 error at messages[0].content[0].image_url.url"),
        new("image_url.detail is auto, low or high", "R26", true, """{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x.test/a.png","detail":"max"}}]}]}""", "CHAT107 error at messages[0].content[0].image_url.detail"),
        new("input_audio needs data and format", "R26", true, """{"messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AAAA"}}]}]}""", "CHAT106 error at messages[0].content[0].input_audio.format"),
        new("input_audio.format is wav or mp3", "R26", true, """{"messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AAAA","format":"ogg"}}]}]}""", "CHAT107 error at messages[0].content[0].input_audio.format"),
        new("prompt_cache_breakpoint.mode is explicit", "R20", true, """{"messages":[{"role":"user","content":[{"type":"text","text":"x","prompt_cache_breakpoint":{"mode":"auto"}}]}]}""", "CHAT107 error at messages[0].content[0].prompt_cache_breakpoint.mode"),
        new("an assistant tool call needs an id", "§4", true, """{"messages":[{"role":"user","content":"x"},{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f","arguments":"{}"}}]}]}""", "CHAT106 error at messages[1].tool_calls[0].id"),
        new("a tool call's function needs arguments", "§4", true, """{"messages":[{"role":"user","content":"x"},{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f"}}]}]}""", "CHAT106 error at messages[1].tool_calls[0].function.arguments"),
        new("audio needs voice and format", "§1 #3", true, """{"audio":{"voice":"alloy"}}""", "CHAT106 error at audio.format"),
        new("audio.format is one of six", "§1 #3", true, """{"audio":{"voice":"alloy","format":"ogg"}}""", "CHAT107 error at audio.format"),
        new("frequency_penalty is within -2..2", "§1 #4", true, """{"frequency_penalty":2.5}""", "CHAT101 error at frequency_penalty"),
        new("presence_penalty is within -2..2", "§1 #17", true, """{"presence_penalty":-3}""", "CHAT101 error at presence_penalty"),
        new("temperature is within 0..2", "§1 #30", true, """{"temperature":3}""", "CHAT101 error at temperature"),
        new("top_p is within 0..1", "§1 #34", true, """{"top_p":1.5}""", "CHAT101 error at top_p"),
        new("n is within 1..128 (below)", "§1 #14", true, """{"n":0}""", "CHAT101 error at n"),
        new("n is within 1..128 (above)", "§1 #14", true, """{"n":129}""", "CHAT101 error at n"),
        new("top_logprobs is within 0..20", "§1 #33", true, """{"logprobs":true,"top_logprobs":21}""", "CHAT101 error at top_logprobs"),
        new("function_call is none, auto or {name}", "§1 #5", true, """{"function_call":"always","functions":[{"name":"f"}]}""", "CHAT107 error at function_call"),
        new("function_call {name} needs name", "§1 #5", true, """{"function_call":{},"functions":[{"name":"f"}]}""", "CHAT106 error at function_call.name"),
        new("functions has at least 1 item", "§1 #6", true, """{"functions":[]}""", "CHAT105 error at functions"),
        new("functions has at most 128 items", "§1 #6", true, "{\"functions\":[" + string.Join(",", Enumerable.Range(0, 129).Select(i => "{\"name\":\"f" + i + "\"}")) + "]}", "CHAT105 error at functions"),
        new("logit_bias values are integers", "§1 #7", true, """{"logit_bias":{"50256":0.5}}""", "JsonException at $.logit_bias.50256"),
        new("metadata values are strings", "§1 #11", true, """{"metadata":{"k":1}}""", "JsonException at $.metadata.k"),
        new("modalities items are text or audio", "§1 #12", true, """{"modalities":["video"]}""", "CHAT107 error at modalities[0]"),
        new("moderation needs model", "§1 #13", true, """{"moderation":{}}""", "CHAT106 error at moderation.model"),
        new("moderation mode is score or block", "§1 #13", true, """{"moderation":{"model":"omni-moderation-latest","policy":{"input":{"mode":"warn"}}}}""", "CHAT107 error at moderation.policy.input.mode"),
        new("prediction needs content", "§1 #16", true, """{"prediction":{"type":"content"}}""", "CHAT106 error at prediction.content"),
        new("prediction.type is content", "§1 #16", true, """{"prediction":{"type":"draft","content":"x"}}""", "CHAT107 error at prediction.type"),
        new("prompt_cache_options.ttl is 30m", "§1 #19", true, """{"prompt_cache_options":{"ttl":"1h"}}""", "CHAT107 error at prompt_cache_options.ttl"),
        new("prompt_cache_options.mode is implicit or explicit", "§1 #19", true, """{"prompt_cache_options":{"mode":"always"}}""", "CHAT107 error at prompt_cache_options.mode"),
        new("prompt_cache_retention is in_memory or 24h", "§1 #20", true, """{"prompt_cache_retention":"1h"}""", "CHAT107 error at prompt_cache_retention"),
        new("reasoning_effort is one of seven", "§1 #21", true, """{"reasoning_effort":"extreme"}""", "CHAT107 error at reasoning_effort"),
        new("response_format.type is text, json_schema or json_object", "§1 #22", true, """{"response_format":{"type":"yaml"}}""", "JsonException at $.response_format"),
        new("json_schema needs name", "§1 #22", true, """{"response_format":{"type":"json_schema","json_schema":{}}}""", "CHAT106 error at response_format.json_schema.name"),
        new("safety_identifier is at most 64 characters", "§1 #23", true, "{\"safety_identifier\":\"" + Long65 + "\"}", "CHAT105 error at safety_identifier"),
        new("seed is an Int64", "R30", true, """{"seed":1e30}""", "JsonException at $.seed"),
        new("service_tier is one of six", "§1 #25", true, """{"service_tier":"gold"}""", "CHAT107 error at service_tier"),
        new("stop has at most 4 items", "R7", true, """{"stop":["a","b","c","d","e"]}""", "CHAT102 error at stop"),
        new("stop has at least 1 item", "R7", true, """{"stop":[]}""", "CHAT102 error at stop"),
        new("tool_choice string is none, auto or required", "§1 #31", true, """{"tool_choice":"any"}""", "CHAT107 error at tool_choice"),
        new("tool_choice function needs name", "§1 #31", true, """{"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{}}}""", "CHAT106 error at tool_choice.function.name"),
        new("allowed_tools.mode is auto or required", "R13", true, """{"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"allowed_tools","allowed_tools":{"mode":"any","tools":[{"type":"function","function":{"name":"f"}}]}}}""", "CHAT107 error at tool_choice.allowed_tools.mode"),
        new("a function tool needs a name", "§1 #32", true, """{"tools":[{"type":"function","function":{}}]}""", "CHAT106 error at tools[0].function.name"),
        new("a custom tool needs a name", "§1 #32", true, """{"tools":[{"type":"custom","custom":{}}]}""", "CHAT106 error at tools[0].custom.name"),
        new("grammar.syntax is lark or regex", "R8", true, """{"tools":[{"type":"custom","custom":{"name":"c","format":{"type":"grammar","grammar":{"definition":"x","syntax":"peg"}}}}]}""", "CHAT107 error at tools[0].custom.format.grammar.syntax"),
        new("verbosity is low, medium or high", "§1 #36", true, """{"verbosity":"loud"}""", "CHAT107 error at verbosity"),
        new("user_location needs approximate", "§1 #37", true, """{"web_search_options":{"user_location":{"type":"approximate"}}}""", "CHAT106 error at web_search_options.user_location.approximate"),
        new("user_location.type is approximate", "R27", true, """{"web_search_options":{"user_location":{"type":"exact","approximate":{}}}}""", "CHAT107 error at web_search_options.user_location.type"),
        new("search_context_size is low, medium or high", "§1 #37", true, """{"web_search_options":{"search_context_size":"huge"}}""", "CHAT107 error at web_search_options.search_context_size"),
        new("temperature is a number", "§1 #30", true, """{"temperature":"hot"}""", "JsonException at $.temperature"),
        new("stream is a boolean", "§1 #28", true, """{"stream":"yes"}""", "JsonException at $.stream"),

        // ---- Prose only: the schema lets these through -----------------------------------------------------
        new("logit_bias values are within -100..100", "R1", false, """{"logit_bias":{"50256":101}}""", "CHAT101 error at logit_bias[\"50256\"]"),
        new("logit_bias keys are token ids", "R1", false, """{"logit_bias":{"abc":1}}""", "CHAT101 error at logit_bias[\"abc\"]"),
        new("top_logprobs needs logprobs: true", "R2", false, """{"top_logprobs":5}""", "CHAT202 error at top_logprobs"),
        new("metadata has at most 16 pairs", "R11", false, "{\"metadata\":{" + string.Join(",", Enumerable.Range(0, 17).Select(i => "\"k" + i + "\":\"v\"")) + "}}", "CHAT105 error at metadata"),
        new("metadata keys are at most 64 characters", "R11", false, "{\"metadata\":{\"" + Long65 + "\":\"v\"}}", "CHAT105 error at metadata[\"" + Long65[..32] + "…\"]"),
        new("metadata values are at most 512 characters", "R11", false, "{\"metadata\":{\"k\":\"" + new string('v', 513) + "\"}}", "CHAT105 error at metadata[\"k\"]"),
        new("function names match ^[a-zA-Z0-9_-]{1,64}$", "R8", false, """{"tools":[{"type":"function","function":{"name":"get weather"}}]}""", "CHAT104 error at tools[0].function.name"),
        new("json_schema.name matches ^[a-zA-Z0-9_-]{1,64}$", "R4", false, """{"response_format":{"type":"json_schema","json_schema":{"name":"my schema"}}}""", "CHAT104 error at response_format.json_schema.name"),
        new("audio output needs the audio settings", "R12", false, """{"modalities":["text","audio"]}""", "CHAT208 error at audio"),
        new("an assistant message without tool calls needs content", "R16", false, """{"messages":[{"role":"user","content":"x"},{"role":"assistant"}]}""", "CHAT106 error at messages[1].content"),
        new("assistant parts: text, or exactly one refusal", "R16", false, """{"messages":[{"role":"user","content":"x"},{"role":"assistant","content":[{"type":"refusal","refusal":"a"},{"type":"refusal","refusal":"b"}]}]}""", "CHAT107 error at messages[1].content"),
        new("stream_options only with stream: true", "R6", false, """{"stream_options":{"include_usage":true}}""", "CHAT203 error at stream_options"),
        new("JSON mode needs a JSON instruction", "R3", false, """{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_object"}}""", "CHAT205 error at response_format"),
        new("parallel_tool_calls only with tools", "R14", false, """{"parallel_tool_calls":false}""", "CHAT204 error at parallel_tool_calls"),
        new("tool_choice names a declared function", "§3 R8", false, """{"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"g"}}}""", "CHAT209 error at tool_choice"),
        new("model is not empty", "R29", false, """{"model":""}""", "CHAT103 error at model"),
        new("temperature and top_p: change one, not both", "R10", false, """{"temperature":0.5,"top_p":0.5}""", "CHAT201 warning at top_p"),
        new("stop is not supported on o3 / o4-mini", "R7", false, """{"model":"o3","stop":"x"}""", "CHAT301 warning at stop"),
        new("user is deprecated", "R18", false, """{"user":"u-1"}""", "CHAT401 info at user"),

        // ---- Where the two differ on purpose ---------------------------------------------------------------
        new("top_logprobs: null (spec quirk, see §1 #33)", "§1 #33", true, """{"top_logprobs":null}""", "accepted"),
    ];

    public static IEnumerable<TestCaseData> CaseData() => Cases.Select(c => new TestCaseData(c).SetArgDisplayNames(c.Constraint));

    [TestCaseSource(nameof(CaseData))]
    public void ChatRequest_gives_the_expected_verdict(Case c)
    {
        var body = Apply(c.Change);

        var verdicts = OurVerdicts(body);

        if (c.Expected == "accepted")
        {
            verdicts.Should().BeEmpty(body);
        }
        else
        {
            verdicts.Should().Contain(c.Expected, body);
        }
    }

    [TestCaseSource(nameof(CaseData))]
    public void The_schema_gives_the_expected_verdict(Case c)
    {
        var body = Apply(c.Change);

        var valid = SchemaAccepts(body);

        // Enforced rules are rejected by the schema; prose rules pass it (that is why they are prose).
        valid.Should().Be(!c.Enforced, body);
    }

    [Test]
    public void The_base_body_is_clean_for_both()
    {
        OurVerdicts(BaseBody).Should().BeEmpty();
        SchemaAccepts(BaseBody).Should().BeTrue();
    }

    [Test]
    public void Image_url_accepts_what_the_schema_accepts()
    {
        // The runtime URI check (ChatRules.IsAbsoluteUri) against the schema's format: uri on the same strings.
        string[] urls =
        [
            "https://example.com/a.png", "http://[::1]/a.png", "data:image/png;base64,iVBORw0KGgo=", "urn:isbn:0451450523",
            "mailto:a@b.test", "x+y.z-w:foo", "https://example.com/a%20b.png", "HTTPS://EXAMPLE.COM/",
            "not a url", "example.com/a.png", "/a.png", "https://", "a:", "1a:b", "https://example.com/a b.png",
            " https://example.com/", "https://example.com/ ", "https://example.com/ä.png", "http://ex<ample>.com/",
            "C:\\images\\a.png",
        ];

        foreach (var url in urls)
        {
            var body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":" + JsonValue.Create(url).ToJsonString() + "}}]}]}";
            var ours = OurVerdicts(body).Count == 0;
            SchemaAccepts(body).Should().Be(ours, "both should agree on " + url);
        }
    }

    [Test]
    public void A_large_data_url_is_accepted_quickly_enough_to_be_checked_on_every_request()
    {
        var url = "data:image/png;base64," + new string('A', 4 * 1024 * 1024);
        var request = Chat.With("gpt-4o").User(ContentPart.FromImageUrl(url)).Build();

        request.Validate().Should().BeEmpty();
    }

    [Test]
    public void The_docs_table_matches_the_cases()
    {
        var path = Path.Combine(DocFiles.DocsDirectory, "reliability.md");
        var text = DocFiles.Read(path);
        var expected = RenderTable();

        var begin = text.IndexOf(TableBegin, StringComparison.Ordinal);
        var end = text.IndexOf(TableEnd, StringComparison.Ordinal);
        begin.Should().BeGreaterThan(-1, "docs/reliability.md marks the table with " + TableBegin);
        end.Should().BeGreaterThan(begin);

        var actual = text.Substring(begin + TableBegin.Length, end - begin - TableBegin.Length).Trim('\n');
        if (actual != expected && Environment.GetEnvironmentVariable("CHATREQUEST_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(begin + TableBegin.Length)] + "\n" + expected + "\n" + text[end..]);
            return;
        }

        actual.Should().Be(expected, "run the tests with CHATREQUEST_UPDATE_DOCS=1 to rewrite the table");
    }

    private static string RenderTable()
    {
        var sb = new StringBuilder();
        sb.Append("| # | Constraint | CONSTRAINTS.md | Kind | Breaking change to a valid body | Schema | ChatRequest |\n");
        sb.Append("|---|---|---|---|---|---|---|\n");
        var n = 0;
        foreach (var c in Cases)
        {
            n++;
            var change = c.Change.Length > 90 ? c.Change[..87] + "..." : c.Change;
            var schema = c.Enforced ? "rejects" : "accepts (prose only)";
            var ours = c.Expected.StartsWith("JsonException", StringComparison.Ordinal)
                ? "`FromJson` throws " + c.Expected.Replace("JsonException at ", "JsonException at `", StringComparison.Ordinal) + "`"
                : c.Expected == "accepted" ? "accepts (kept as an explicit null)" : "`Validate()`: " + c.Expected;
            sb.Append("| ").Append(n).Append(" | ").Append(c.Constraint).Append(" | ").Append(c.Source).Append(" | ")
                .Append(c.Enforced ? "schema" : "prose").Append(" | `").Append(change.Replace("|", "\\|", StringComparison.Ordinal)).Append("` | ")
                .Append(schema).Append(" | ").Append(ours.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static string Apply(string change)
    {
        var body = JsonNode.Parse(BaseBody)!.AsObject();
        if (change.StartsWith('-'))
        {
            body.Remove(change[1..]);
        }
        else
        {
            foreach (var (name, value) in JsonNode.Parse(change)!.AsObject().ToList())
            {
                body[name] = value?.DeepClone();
            }
        }

        return body.ToJsonString();
    }

    /// <summary>What ChatRequest says: a JsonException with its path, or Validate()'s problems.</summary>
    private static List<string> OurVerdicts(string body)
    {
        CreateChatCompletionRequest request;
        try
        {
            request = CreateChatCompletionRequest.FromJson(body);
        }
        catch (JsonException ex)
        {
            return ["JsonException at " + ex.Path];
        }

        return request.Validate().Select(p => p.RuleId + " " + p.Severity.ToString().ToLowerInvariant() + " at " + p.Path).ToList();
    }

    private static readonly Lazy<JsonSchema?> Schema = new(() =>
        SpecFiles.SchemaPath is { } path && File.Exists(path) ? JsonSchema.FromText(File.ReadAllText(path)) : null);

    private static bool SchemaAccepts(string body)
    {
        SpecFiles.RequireDirectory();
        var schema = Schema.Value ?? throw new AssertionException("The schema file is missing from " + SpecFiles.Directory);
        using var document = JsonDocument.Parse(body);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
    }
}
