using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.LengthAndCountAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class LengthAndCountAnalyzerTests
{
    private static readonly string S64 = new('x', 64);
    private static readonly string S65 = new('x', 65);
    private static readonly string S512 = new('v', 512);
    private static readonly string S513 = new('v', 513);

    [Test]
    public Task A_long_safety_identifier_is_reported() =>
        Verify.VerifyAsync(
            Code.InMethod($$"""_ = Chat.With("gpt-4o").User("Hi").SafetyIdentifier({|#0:"{{S65}}"|});"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("safety_identifier must be at most 64 characters, but has 65"));

    [Test]
    public Task Long_metadata_keys_and_values_are_reported() =>
        Verify.VerifyAsync(
            Code.InMethod($$"""_ = Chat.With("gpt-4o").User("Hi").Metadata({|#0:"{{S65}}"|}, {|#1:"{{S513}}"|});"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("metadata keys must be at most 64 characters, but this one has 65"),
            Verify.Diagnostic().WithLocation(1).WithArguments("metadata values must be at most 512 characters, but this one has 513"));

    [Test]
    public Task Strings_at_the_limit_and_non_constants_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod($$"""
            _ = Chat.With("gpt-4o").User("Hi").SafetyIdentifier("{{S64}}").Metadata("{{S64}}", "{{S512}}");
            _ = Chat.With("gpt-4o").User("Hi").SafetyIdentifier(text + text).Metadata(text, text);
            """));

    [Test]
    public Task Seventeen_distinct_metadata_keys_in_one_chain_are_reported_on_the_seventeenth() =>
        Verify.VerifyAsync(
            Code.InMethod("_ = Chat.With(\"gpt-4o\").User(\"Hi\")" + MetadataCalls(16) + ".{|#0:Metadata|}(\"k16\", \"v\").Metadata(\"k17\", \"v\");"),
            Verify.Diagnostic().WithLocation(0).WithArguments("metadata must hold at most 16 pairs, but this chain sets 18"));

    [Test]
    public Task Sixteen_keys_or_repeated_keys_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod(
            "_ = Chat.With(\"gpt-4o\").User(\"Hi\")" + MetadataCalls(16) + ".Metadata(\"k0\", \"again\").Metadata(text, \"v\");"));

    [Test]
    public Task More_than_128_functions_in_one_chain_are_reported() =>
        Verify.VerifyAsync(
            Code.InMethod("_ = Chat.With(\"gpt-4o\").User(\"Hi\")" + string.Concat(Enumerable.Range(0, 128).Select(i => $".Function(\"f{i}\")")) + ".{|#0:Function|}(\"last\");"),
            Verify.Diagnostic().WithLocation(0).WithArguments("functions must hold 1 to 128 functions, but this chain declares 129"));

    [Test]
    public Task A_look_alike_metadata_method_is_not_reported() =>
        Verify.VerifyAsync($$"""
            class Other
            {
                public Other Metadata(string key, string value) => this;
                public Other SafetyIdentifier(string value) => this;

                void M() => Metadata("{{S65}}", "{{S513}}").SafetyIdentifier("{{S65}}");
            }
            """);

    private static string MetadataCalls(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $".Metadata(\"k{i}\", \"v\")"));
}
