using ChatRequest.Validation;

namespace ChatRequest.Tests;

/// <summary>The builder's enums map to exactly the values the rules table allows (one source of truth).</summary>
public class WireValueTests
{
    private static string[] WireOf<T>(Func<T, string> wire)
        where T : struct, Enum => Enum.GetValues<T>().Select(wire).ToArray();

    [Test]
    public void Every_enum_maps_one_to_one_onto_the_allowed_values()
    {
        WireOf<ReasoningEffort>(Wire.Of).Should().BeEquivalentTo(ChatRules.ReasoningEffortValues);
        WireOf<ServiceTier>(Wire.Of).Should().BeEquivalentTo(ChatRules.ServiceTierValues);
        WireOf<Verbosity>(Wire.Of).Should().BeEquivalentTo(ChatRules.VerbosityValues);
        WireOf<Modality>(Wire.Of).Should().BeEquivalentTo(ChatRules.ModalityValues);
        WireOf<ImageDetail>(Wire.Of).Should().BeEquivalentTo(ChatRules.ImageDetailValues);
        WireOf<InputAudioFormat>(Wire.Of).Should().BeEquivalentTo(ChatRules.InputAudioFormatValues);
        WireOf<AudioFormat>(Wire.Of).Should().BeEquivalentTo(ChatRules.OutputAudioFormatValues);
        WireOf<ToolChoiceMode>(Wire.Of).Should().BeEquivalentTo(ChatRules.ToolChoiceModeValues);
        WireOf<FunctionCallMode>(Wire.Of).Should().BeEquivalentTo(ChatRules.FunctionCallModeValues);
        WireOf<SearchContextSize>(Wire.Of).Should().BeEquivalentTo(ChatRules.SearchContextSizeValues);
        WireOf<ModerationMode>(Wire.Of).Should().BeEquivalentTo(ChatRules.ModerationModeValues);
        WireOf<PromptCacheMode>(Wire.Of).Should().BeEquivalentTo(ChatRules.PromptCacheModeValues);
        WireOf<PromptCacheRetention>(Wire.Of).Should().BeEquivalentTo(ChatRules.PromptCacheRetentionValues);
        WireOf<GrammarSyntax>(Wire.Of).Should().BeEquivalentTo(ChatRules.GrammarSyntaxValues);
    }

    [Test]
    public void Rule_table_is_well_formed()
    {
        ChatRules.All.Select(r => r.Id).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);
        ChatRules.All.Should().OnlyContain(r => System.Text.RegularExpressions.Regex.IsMatch(r.Id, "^CHAT[1-4][0-9]{2}$"));
        ChatRules.All.Select(r => r.Title).Should().OnlyHaveUniqueItems();
        FluentActions.Invoking(() => ChatRules.Get("CHAT999")).Should().Throw<ArgumentException>();
        typeof(ChatRules).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(ChatRules.MaxQuotedLength))
            .Select(f => (string)f.GetRawConstantValue()!).Where(v => v.StartsWith("CHAT", StringComparison.Ordinal))
            .Should().BeEquivalentTo(ChatRules.All.Select(r => r.Id), "every id constant has a table row and vice versa");
    }

    [TestCase(0.0, true)]
    [TestCase(2.0, true)]
    [TestCase(-0.0, true)]
    [TestCase(2.0000000000000004, false)]
    [TestCase(-4.9406564584124654E-324, false)]
    [TestCase(double.NaN, false)]
    [TestCase(double.PositiveInfinity, false)]
    public void Numeric_limit_edges(double value, bool allowed)
    {
        ChatRules.Temperature.Allows(value).Should().Be(allowed);
    }
}
