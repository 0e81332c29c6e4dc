using System.Reflection;
using ChatRequest.Validation;

namespace ChatRequest.Analyzers.Tests.Conventions;

/// <summary>The analyzer's view of the builder (ChatRules.Builder.cs) matches the real ChatRequestBuilder.</summary>
public class BuilderTableTests
{
    private static readonly MethodInfo[] Methods = typeof(ChatRequestBuilder)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

    [Test]
    public void The_table_names_every_public_builder_method_and_nothing_else()
    {
        var builderMethods = Methods.Where(m => m.ReturnType == typeof(ChatRequestBuilder) || m.Name is "Build" or "Validate")
            .Select(m => m.Name).Distinct();

        ChatRules.BuilderMethods.Select(m => m.Name).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(builderMethods);
    }

    [Test]
    public void Numeric_parameters_exist_with_a_numeric_type()
    {
        foreach (var method in ChatRules.BuilderMethods)
        {
            foreach (var parameter in method.NumericParameters)
            {
                var real = Methods.Where(m => m.Name == method.Name).SelectMany(m => m.GetParameters()).Where(p => p.Name == parameter.ParameterName).ToList();
                real.Should().NotBeEmpty($"{method.Name} has a parameter {parameter.ParameterName}");
                real.Select(p => p.ParameterType).Should().OnlyContain(t => t == typeof(double) || t == typeof(int));
                real.Select(p => p.ParameterType == typeof(int)).Should().OnlyContain(isInt => isInt == parameter.Limit.IsInteger);
            }
        }
    }

    [Test]
    public void Every_limit_is_checked_through_some_builder_parameter() =>
        ChatRules.BuilderMethods.SelectMany(m => m.NumericParameters).Select(p => p.Limit).Should().BeEquivalentTo(ChatRules.NumericLimits);

    [Test]
    public void Parameters_the_rules_read_by_name_exist()
    {
        Parameter("Tool", ChatRules.NameParameter).Should().BeTrue();
        Parameter("Function", ChatRules.NameParameter).Should().BeTrue();
        Parameter("JsonSchemaFormat", ChatRules.NameParameter).Should().BeTrue();
        Parameter("CustomTool", ChatRules.NameParameter).Should().BeTrue();
        Parameter("ForceFunction", ChatRules.NameParameter).Should().BeTrue();
        Parameter("FunctionCall", ChatRules.NameParameter).Should().BeTrue();
        Parameter("ToolChoice", "choice").Should().BeTrue();
        Parameter("Logprobs", "logprobs").Should().BeTrue();
        Parameter("Stream", "stream").Should().BeTrue();
        Parameter("Metadata", "key").Should().BeTrue();
        Parameter("Metadata", "value").Should().BeTrue();
        Parameter("SafetyIdentifier", "safetyIdentifier").Should().BeTrue();
        Parameter("Temperature", "temperature").Should().BeTrue();
        foreach (var message in ChatRules.BuilderMethods.Where(m => m.Role == BuilderMethodRole.Message))
        {
            var hasText = Parameter(message.Name, ChatRules.ContentParameter);
            var known = hasText || ChatRules.MessagesWithoutText.Contains(message.Name) || message.Name is "User" or "Message";
            known.Should().BeTrue(message.Name + " is either a text message or known to carry none");
        }

        typeof(Modality).GetField(ChatRules.AudioModalityMember).Should().NotBeNull();
        typeof(ToolChoice).GetMethod(ChatRules.ToolChoiceForFunctionFactory)!.GetParameters().Single().Name.Should().Be(ChatRules.NameParameter);
    }

    [Test]
    public void Deprecated_and_reasoning_fields_are_written_by_some_builder_method()
    {
        var written = ChatRules.BuilderMethods.Select(m => m.JsonField).ToHashSet();
        written.Should().Contain(ChatRules.DeprecatedFields.Select(p => p.Key));
        written.Should().Contain(ChatRules.ReasoningRejectedFieldsWithStop);
    }

    [TestCase("o1", "o1")]
    [TestCase("o1-mini", "o1")]
    [TestCase("o3-pro", "o3")]
    [TestCase("o4-mini", "o4-mini")]
    [TestCase("o4-mini-2025-04-16", "o4-mini")]
    [TestCase("gpt-5", "gpt-5")]
    [TestCase("gpt-5.5-pro", "gpt-5")]
    [TestCase("azure/gpt-5-mini", "gpt-5")]
    [TestCase("gpt-4o", null)]
    [TestCase("gpt-50", null)]
    [TestCase("o4", null)]
    [TestCase("", null)]
    public void Reasoning_families_match_by_prefix(string model, string? family) =>
        ChatRules.MatchReasoningFamily(ChatRules.ReasoningFamilies, model)?.Prefix.Should().Be(family);

    [Test]
    public void Editorconfig_lists_replace_the_built_in_families()
    {
        ChatRules.ReasoningFamiliesFrom(null, null).Should().BeSameAs(ChatRules.ReasoningFamilies);

        var custom = ChatRules.ReasoningFamiliesFrom(" o3 , mine,,o3", null);
        custom.Select(f => f.Prefix).Should().Equal("o3", "mine");
        custom[0].Rejects(ChatRules.Fields.Stop).Should().BeTrue("o3 keeps its built-in choice");
        custom[1].Rejects(ChatRules.Fields.Stop).Should().BeFalse();

        var stop = ChatRules.ReasoningFamiliesFrom(null, "o1");
        stop.Single(f => f.Prefix == "o1").Rejects(ChatRules.Fields.Stop).Should().BeTrue();
        stop.Single(f => f.Prefix == "o3").Rejects(ChatRules.Fields.Stop).Should().BeFalse();
    }

    private static bool Parameter(string method, string parameter) =>
        Methods.Where(m => m.Name == method).SelectMany(m => m.GetParameters()).Any(p => p.Name == parameter);
}
