using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.DuplicateSettingAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class DuplicateSettingAnalyzerTests
{
    [Test]
    public Task The_earlier_of_two_settings_is_reported_with_the_later_as_additional_location() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = Chat.With("gpt-4o").{|#0:Temperature|}(1).User("Hi").{|#1:Temperature|}(0.5);"""),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("temperature"));

    [Test]
    public Task Methods_writing_the_same_field_count_as_duplicates() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = builder.{|#0:ToolChoice|}(ToolChoiceMode.Auto).{|#1:ForceFunction|}("f");
                _ = Chat.With("gpt-4o").User("Hi").{|#2:TextFormat|}().{|#3:JsonObjectFormat|}().{|#4:JsonSchemaFormat|}("s", "{}");
                """),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("tool_choice"),
            Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("response_format"),
            Verify.Diagnostic().WithLocation(3).WithLocation(4).WithArguments("response_format"));

    [Test]
    public Task Accumulating_calls_and_single_settings_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").User("Again").Tool("a").Tool("b").Metadata("k", "v").Metadata("k2", "v")
                .LogitBias(1, 2).LogitBias(3, 4).Temperature(1).Stop("x").Extra("x-a", 1).Extra("x-b", 2).Build();
            """));

    [Test]
    public Task Look_alike_methods_are_not_reported() =>
        Verify.VerifyAsync("""
            class Other
            {
                public Other Temperature(double value) => this;

                void M() => new Other().Temperature(1).Temperature(2);
            }
            """);
}
