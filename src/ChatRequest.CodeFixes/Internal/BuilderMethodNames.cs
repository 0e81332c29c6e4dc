namespace ChatRequest.CodeFixes.Internal;

/// <summary>
/// Names of the builder methods and parameters the fixes write. A test checks each one against
/// <c>ChatRequestBuilder</c>, so a rename in the library cannot leave a fix producing code that does not compile.
/// </summary>
internal static class BuilderMethodNames
{
    public const string Logprobs = "Logprobs";
    public const string Stream = "Stream";
    public const string MaxTokens = "MaxTokens";
    public const string MaxTokensParameter = "maxTokens";
    public const string MaxCompletionTokens = "MaxCompletionTokens";
    public const string MaxCompletionTokensParameter = "maxCompletionTokens";
    public const string EndUser = "EndUser";
    public const string EndUserParameter = "user";
    public const string SafetyIdentifier = "SafetyIdentifier";
    public const string SafetyIdentifierParameter = "safetyIdentifier";
    public const string Function = "Function";
    public const string Tool = "Tool";
    public const string FunctionCall = "FunctionCall";
    public const string ForceFunction = "ForceFunction";
    public const string ToolChoice = "ToolChoice";
    public const string ModeParameter = "mode";

    /// <summary>The enum <c>ToolChoice(mode)</c> takes, by metadata name.</summary>
    public const string ToolChoiceModeType = "ChatRequest.ToolChoiceMode";
}
