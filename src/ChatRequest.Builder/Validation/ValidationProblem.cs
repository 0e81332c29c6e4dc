using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ChatRequest;

/// <summary>How serious a <see cref="ValidationProblem"/> is.</summary>
public enum ProblemSeverity
{
    /// <summary>The API rejects the request (HTTP 400).</summary>
    Error,

    /// <summary>The API accepts the request, but it is very likely not what was meant.</summary>
    Warning,

    /// <summary>Advice, such as a deprecated field.</summary>
    Info,
}

/// <summary>One problem that <see cref="CreateChatCompletionRequest.Validate"/> found.</summary>
public sealed class ValidationProblem : IEquatable<ValidationProblem>
{
    /// <summary>Creates a problem.</summary>
    /// <param name="ruleId">The rule id, e.g. <c>CHAT101</c>; the same id the analyzer reports.</param>
    /// <param name="path">The JSON path of the offending member, e.g. <c>messages[2].content</c>.</param>
    /// <param name="severity">How serious it is.</param>
    /// <param name="message">What is wrong: the JSON field, its value and what is allowed.</param>
    public ValidationProblem(string ruleId, string path, ProblemSeverity severity, string message)
    {
        RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Severity = severity;
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The rule id, e.g. <c>CHAT101</c>. Each id has a page in docs/rules.</summary>
    public string RuleId { get; }

    /// <summary>The JSON path of the offending member, e.g. <c>temperature</c> or <c>messages[2].content</c>.</summary>
    public string Path { get; }

    /// <summary>How serious the problem is.</summary>
    public ProblemSeverity Severity { get; }

    /// <summary>What is wrong, naming the JSON field, its value (cut when long) and what is allowed.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public bool Equals(ValidationProblem? other) =>
        other is not null && RuleId == other.RuleId && Path == other.Path && Severity == other.Severity && Message == other.Message;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValidationProblem);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(RuleId + "|" + Path);

    /// <summary>The problem as one line: <c>CHAT101 error at temperature: ...</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        RuleId + " " + Severity.ToString().ToLowerInvariant() + " at " + Path + ": " + Message;
}

/// <summary>
/// Thrown by <see cref="ChatRequestBuilder.Build"/> when the request would be rejected by the API. It lists every
/// error at once; <see cref="Problems"/> holds them as data.
/// </summary>
#pragma warning disable CA1032 // The standard constructors would allow an exception without problems.
public sealed class ChatRequestValidationException : Exception
#pragma warning restore CA1032
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; the message lists those of error severity.</param>
    public ChatRequestValidationException(IReadOnlyList<ValidationProblem> problems)
        : base(FormatMessage(problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>Every problem found: the errors that made the build fail, and any warnings and information.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string FormatMessage(IReadOnlyList<ValidationProblem> problems)
    {
        var errors = 0;
        foreach (var problem in problems)
        {
            if (problem.Severity == ProblemSeverity.Error)
            {
                errors++;
            }
        }

        var text = new StringBuilder();
        text.Append("The chat completion request is invalid (")
            .Append(errors.ToString(CultureInfo.InvariantCulture))
            .Append(errors == 1 ? " error" : " errors")
            .Append("):");
        foreach (var problem in problems)
        {
            if (problem.Severity == ProblemSeverity.Error)
            {
                text.Append(Environment.NewLine).Append("  ").Append(problem);
            }
        }

        return text.ToString();
    }
}
