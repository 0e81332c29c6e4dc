using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.MissingPrerequisiteAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class MissingPrerequisiteAnalyzerTests
{
    [Test]
    public Task Top_logprobs_without_logprobs_is_reported() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").{|#0:TopLogprobs|}(3).Build();
                _ = Chat.With("gpt-4o").User("Hi").Logprobs().{|#1:TopLogprobs|}(3).Logprobs(false);
                """),
            Verify.Diagnostic("CHAT202").WithLocation(0),
            Verify.Diagnostic("CHAT202").WithLocation(1));

    [Test]
    public Task Top_logprobs_with_logprobs_or_an_unknown_flag_or_a_variable_start_is_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").TopLogprobs(3).Logprobs().Build();
            _ = Chat.With("gpt-4o").User("Hi").Logprobs(true).TopLogprobs(3);
            _ = Chat.With("gpt-4o").User("Hi").Logprobs(flag).TopLogprobs(3);
            _ = builder.TopLogprobs(3).Build();
            """));

    [Test]
    public Task Stream_options_without_stream_is_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").{|CHAT203:StreamOptions|}(includeUsage: true);
            _ = Chat.With("gpt-4o").User("Hi").Stream(false).{|CHAT203:StreamOptions|}();
            _ = Chat.With("gpt-4o").User("Hi").Stream().StreamOptions(true);
            _ = Chat.With("gpt-4o").User("Hi").Stream(flag).StreamOptions(true);
            _ = builder.StreamOptions(true);
            """));

    [Test]
    public Task Parallel_tool_calls_without_tools_is_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").{|CHAT204:ParallelToolCalls|}(false);
            _ = Chat.With("gpt-4o").User("Hi").Function("f").{|CHAT204:ParallelToolCalls|}();
            _ = Chat.With("gpt-4o").User("Hi").ParallelToolCalls(false).Tool("f");
            _ = Chat.With("gpt-4o").User("Hi").CustomTool("c").ParallelToolCalls();
            _ = builder.ParallelToolCalls(false);
            """));

    [Test]
    public Task Audio_output_without_audio_settings_is_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o-audio-preview").User("Hi").{|CHAT208:Modalities|}(Modality.Text, Modality.Audio);
            _ = Chat.With("gpt-4o-audio-preview").User("Hi").{|CHAT208:Modalities|}(new[] { Modality.Audio });
            _ = Chat.With("gpt-4o-audio-preview").User("Hi").Modalities(Modality.Audio).Audio("alloy", AudioFormat.Mp3);
            _ = Chat.With("gpt-4o").User("Hi").Modalities(Modality.Text);
            _ = Chat.With("gpt-4o").User("Hi").Modalities((Modality)count);
            _ = builder.Modalities(Modality.Audio);
            """));

    [Test]
    public Task Look_alike_methods_are_not_reported() =>
        Verify.VerifyAsync("""
            class Other
            {
                public static Other With(string model) => new();
                public Other TopLogprobs(int n) => this;
                public Other StreamOptions(bool x) => this;

                void M() => With("m").TopLogprobs(3).StreamOptions(true);
            }
            """);
}
