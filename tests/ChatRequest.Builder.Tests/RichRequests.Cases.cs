namespace ChatRequest.Tests;

/// <summary>The rich requests as NUnit cases (kept apart so the fuzz console can compile RichRequests.cs without NUnit).</summary>
internal static partial class RichRequests
{
    public static IEnumerable<TestCaseData> All()
    {
        yield return new TestCaseData(EveryField()).SetArgDisplayNames("every-field");
        yield return new TestCaseData(Typical()).SetArgDisplayNames("typical");
        yield return new TestCaseData(Chat.With("gpt-4o").User("Hello")).SetArgDisplayNames("minimal");
        yield return new TestCaseData(Chat.With("o3").Developer("Think.").User("2+2?").ReasoningEffort(ReasoningEffort.High).MaxCompletionTokens(1000)).SetArgDisplayNames("reasoning");
        yield return new TestCaseData(Chat.With("gpt-4o").User("Reply in JSON").JsonObjectFormat().Stop("x")).SetArgDisplayNames("json-mode");
    }
}
