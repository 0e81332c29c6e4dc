using System.Security.Cryptography;
using System.Text;
using ChatRequest.Validation;

namespace ChatRequest.Tests;

/// <summary>
/// The violating and compliant examples of docs/rules/CHATnnn.md. Each region is shown on its rule's page (checked
/// by <see cref="DocsSnippetTests"/>); these tests run them and check that the runtime reports the rule for the
/// violating one, with the severity of ChatRules and the message the page shows, and nothing for the compliant one.
/// </summary>
public class RuleExampleTests
{
    /// <summary>Rules that only the analyzer can check today; the runtime validator does not report them.</summary>
    internal static readonly IReadOnlySet<string> AnalyzerOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        ChatRules.DuplicateSetting,
    };

    private const string WeatherSchema = """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";

    [Test]
    public void CHAT101_examples() => Check(
        ChatRules.NumericRange,
        violating: () =>
        {
            #region CHAT101-violating
            var request = Chat.With("gpt-4o")
                .User("Write a haiku about the sea.")
                .Temperature(2.5)   // CHAT101: temperature must be from 0 to 2
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT101-compliant
            var request = Chat.With("gpt-4o")
                .User("Write a haiku about the sea.")
                .Temperature(1.2)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT102_examples() => Check(
        ChatRules.StopCount,
        violating: () =>
        {
            #region CHAT102-violating
            var request = Chat.With("gpt-4o")
                .User("List three colours, one per line.")
                .Stop("\n\n", "END", "###", "Q:", "User:")   // CHAT102: five sequences
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT102-compliant
            var request = Chat.With("gpt-4o")
                .User("List three colours, one per line.")
                .Stop("\n\n", "END", "###", "Q:")
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT103_examples() => Check(
        ChatRules.EmptyModel,
        violating: () =>
        {
            #region CHAT103-violating
            var request = Chat.With(" ")   // CHAT103: the model id is blank
                .User("Hello!")
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT103-compliant
            var request = Chat.With("gpt-4o")
                .User("Hello!")
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT104_examples() => Check(
        ChatRules.InvalidName,
        violating: () =>
        {
            #region CHAT104-violating
            var request = Chat.With("gpt-4o")
                .User("What is the weather in Paris?")
                .Tool("get weather", "Current weather for a city", WeatherSchema)   // CHAT104: a space
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT104-compliant
            var request = Chat.With("gpt-4o")
                .User("What is the weather in Paris?")
                .Tool("get_weather", "Current weather for a city", WeatherSchema)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT105_examples() => Check(
        ChatRules.StringOrCollectionLimit,
        violating: () =>
        {
            #region CHAT105-violating
            // A SHA-512 hash as hex has 128 characters; safety_identifier allows 64.
            string safetyId = Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes("alice@example.com")));
            var request = Chat.With("gpt-4o")
                .User("Hello!")
                .SafetyIdentifier(safetyId)   // CHAT105
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT105-compliant
            // A SHA-256 hash as hex has exactly 64 characters.
            string safetyId = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("alice@example.com")));
            var request = Chat.With("gpt-4o")
                .User("Hello!")
                .SafetyIdentifier(safetyId)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT106_examples() => Check(
        ChatRules.MissingMember,
        violating: () =>
        {
            #region CHAT106-violating
            var request = Chat.With("gpt-4o")
                .Tool("get_weather", "Current weather for a city", WeatherSchema)
                .User("What is the weather in Paris?")
                .AssistantToolCalls(ToolCall.ForFunction("call_1", "get_weather", """{"city":"Paris"}"""))
                .ToolResult("", """{"temp_c":18}""")   // CHAT106: no tool_call_id
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT106-compliant
            var request = Chat.With("gpt-4o")
                .Tool("get_weather", "Current weather for a city", WeatherSchema)
                .User("What is the weather in Paris?")
                .AssistantToolCalls(ToolCall.ForFunction("call_1", "get_weather", """{"city":"Paris"}"""))
                .ToolResult("call_1", """{"temp_c":18}""")
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT107_examples() => Check(
        ChatRules.UnknownValue,
        violating: () =>
        {
            #region CHAT107-violating
            var request = Chat.With("gpt-4o")
                .Tool("get_weather", "Current weather for a city", WeatherSchema)
                .User("What is the weather in Paris?")
                .ToolChoice(new ToolChoice { Mode = "any" })   // CHAT107: not none, auto or required
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT107-compliant
            var request = Chat.With("gpt-4o")
                .Tool("get_weather", "Current weather for a city", WeatherSchema)
                .User("What is the weather in Paris?")
                .ToolChoice(ToolChoiceMode.Required)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT201_examples() => Check(
        ChatRules.TemperatureWithTopP,
        violating: () =>
        {
            #region CHAT201-violating
            var request = Chat.With("gpt-4o")
                .User("Suggest a name for a bakery.")
                .Temperature(0.9)
                .TopP(0.5)   // CHAT201: both set
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT201-compliant
            var request = Chat.With("gpt-4o")
                .User("Suggest a name for a bakery.")
                .Temperature(0.9)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT202_examples() => Check(
        ChatRules.TopLogprobsWithoutLogprobs,
        violating: () =>
        {
            #region CHAT202-violating
            var request = Chat.With("gpt-4o")
                .User("Is the sky blue? Answer yes or no.")
                .TopLogprobs(5)   // CHAT202: logprobs is not set
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT202-compliant
            var request = Chat.With("gpt-4o")
                .User("Is the sky blue? Answer yes or no.")
                .Logprobs()
                .TopLogprobs(5)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT203_examples() => Check(
        ChatRules.StreamOptionsWithoutStream,
        violating: () =>
        {
            #region CHAT203-violating
            var request = Chat.With("gpt-4o")
                .User("Tell me a story.")
                .StreamOptions(includeUsage: true)   // CHAT203: stream is not set
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT203-compliant
            var request = Chat.With("gpt-4o")
                .User("Tell me a story.")
                .Stream()
                .StreamOptions(includeUsage: true)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT204_examples() => Check(
        ChatRules.ParallelToolCallsWithoutTools,
        violating: () =>
        {
            #region CHAT204-violating
            var request = Chat.With("gpt-4o")
                .User("What is the weather in Paris and in Rome?")
                .ParallelToolCalls(false)   // CHAT204: no tool is declared
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT204-compliant
            var request = Chat.With("gpt-4o")
                .Tool("get_weather", "Current weather for a city", WeatherSchema)
                .User("What is the weather in Paris and in Rome?")
                .ParallelToolCalls(false)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT205_examples() => Check(
        ChatRules.JsonModeWithoutInstruction,
        violating: () =>
        {
            #region CHAT205-violating
            var request = Chat.With("gpt-4o")
                .System("Extract the city and the country from the text.")
                .User("I live in Lyon.")
                .JsonObjectFormat()   // CHAT205: no message mentions JSON
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT205-compliant
            var request = Chat.With("gpt-4o")
                .System("Extract the city and the country from the text. Reply with a JSON object with the keys city and country.")
                .User("I live in Lyon.")
                .JsonObjectFormat()
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT206_examples() => Check(
        ChatRules.DuplicateSetting,
        violating: () =>
        {
            #region CHAT206-violating
            var request = Chat.With("gpt-4o")
                .Temperature(0.2)
                .User("Summarise this article in one sentence.")
                .Temperature(0.7)   // CHAT206: replaces the 0.2 above
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT206-compliant
            var request = Chat.With("gpt-4o")
                .User("Summarise this article in one sentence.")
                .Temperature(0.7)
                .Build();
            #endregion
            return request;
        },
        inspect: request => request.Temperature.Should().Be(0.7, "the later call wins"));

    [Test]
    public void CHAT207_examples() => Check(
        ChatRules.NoMessages,
        violating: () =>
        {
            #region CHAT207-violating
            var request = Chat.With("gpt-4o")
                .Temperature(0.2)
                .Build();   // CHAT207: no message
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT207-compliant
            var request = Chat.With("gpt-4o")
                .User("Hello!")
                .Temperature(0.2)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT208_examples() => Check(
        ChatRules.AudioWithoutSettings,
        violating: () =>
        {
            #region CHAT208-violating
            var request = Chat.With("gpt-4o-audio-preview")
                .User("Say good morning in French.")
                .Modalities(Modality.Text, Modality.Audio)   // CHAT208: no Audio(voice, format)
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT208-compliant
            var request = Chat.With("gpt-4o-audio-preview")
                .User("Say good morning in French.")
                .Modalities(Modality.Text, Modality.Audio)
                .Audio("alloy", AudioFormat.Mp3)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT209_examples() => Check(
        ChatRules.UndeclaredToolChoice,
        violating: () =>
        {
            #region CHAT209-violating
            var request = Chat.With("gpt-4o")
                .Tool("get_weather", "Current weather for a city", WeatherSchema)
                .User("Will it rain in Paris tomorrow?")
                .ForceFunction("get_forecast")   // CHAT209: no tool has this name
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT209-compliant
            var request = Chat.With("gpt-4o")
                .Tool("get_weather", "Current weather for a city", WeatherSchema)
                .User("Will it rain in Paris tomorrow?")
                .ForceFunction("get_weather")
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT210_examples() => Check(
        ChatRules.BothTokenCaps,
        violating: () =>
        {
            #region CHAT210-violating
            var request = Chat.With("gpt-4o")
                .User("Explain recursion briefly.")
                .MaxTokens(256)
                .MaxCompletionTokens(512)   // CHAT210: two caps
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT210-compliant
            var request = Chat.With("gpt-4o")
                .User("Explain recursion briefly.")
                .MaxCompletionTokens(512)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT301_examples() => Check(
        ChatRules.ReasoningModelUnsupported,
        violating: () =>
        {
            #region CHAT301-violating
            var request = Chat.With("o3")
                .User("Prove that there are infinitely many primes.")
                .Temperature(0.2)   // CHAT301: o3 accepts only the default temperature
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT301-compliant
            var request = Chat.With("o3")
                .User("Prove that there are infinitely many primes.")
                .ReasoningEffort(ReasoningEffort.High)
                .MaxCompletionTokens(4000)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void CHAT401_examples() => Check(
        ChatRules.Deprecated,
        violating: () =>
        {
            #region CHAT401-violating
            var request = Chat.With("gpt-4o")
                .User("Explain recursion briefly.")
                .MaxTokens(256)   // CHAT401: max_tokens is deprecated
                .Build();
            #endregion
            return request;
        },
        compliant: () =>
        {
            #region CHAT401-compliant
            var request = Chat.With("gpt-4o")
                .User("Explain recursion briefly.")
                .MaxCompletionTokens(256)
                .Build();
            #endregion
            return request;
        });

    [Test]
    public void Every_rule_has_an_example_test()
    {
        var tested = typeof(RuleExampleTests).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(TestAttribute), false).Length > 0)
            .Select(m => m.Name)
            .Where(n => n.StartsWith("CHAT", StringComparison.Ordinal))
            .Select(n => n.Substring(0, 7));

        tested.Should().BeEquivalentTo(ChatRules.All.Select(r => r.Id));
    }

    /// <summary>The problem lines (<see cref="ValidationProblem.ToString"/>) of the violating example of a rule.</summary>
    internal static IReadOnlyList<ValidationProblem> ProblemsOf(Func<CreateChatCompletionRequest> build, out bool threw)
    {
        try
        {
            var request = build();
            threw = false;
            return request.Validate();
        }
        catch (ChatRequestValidationException ex)
        {
            threw = true;
            return ex.Problems;
        }
    }

    private static void Check(
        string ruleId,
        Func<CreateChatCompletionRequest> violating,
        Func<CreateChatCompletionRequest> compliant,
        Action<CreateChatCompletionRequest>? inspect = null)
    {
        var rule = ChatRules.Get(ruleId);
        var problems = ProblemsOf(violating, out var threw);
        var page = DocFiles.Read(DocFiles.RulePage(ruleId));

        if (AnalyzerOnly.Contains(ruleId))
        {
            threw.Should().BeFalse("the runtime does not check {0}", ruleId);
            problems.Should().NotContain(p => p.RuleId == ruleId, "the page says that only the analyzer reports {0}", ruleId);
            page.Should().Contain("does not report this rule", "the page must say that the runtime does not check {0}", ruleId);
            inspect?.Invoke(violating());
        }
        else
        {
            var expected = rule.RuntimeLevel switch
            {
                RuleLevel.Error => ProblemSeverity.Error,
                RuleLevel.Warning => ProblemSeverity.Warning,
                _ => ProblemSeverity.Info,
            };
            var reported = problems.Where(p => p.RuleId == ruleId).ToList();
            reported.Should().NotBeEmpty("the violating example of {0} must break it", ruleId);
            reported.Should().OnlyContain(p => p.Severity == expected);
            threw.Should().Be(expected == ProblemSeverity.Error, "Build() throws exactly when a problem is an error");

            // The page quotes what the runtime reports, so the quote must be the real output.
            foreach (var problem in reported)
            {
                page.Should().Contain(problem.ToString(), "docs/rules/{0}.md quotes the runtime's report", ruleId);
            }
        }

        var good = compliant();
        good.Validate().Should().BeEmpty("the compliant example of {0} has no problem at all", ruleId);
    }
}
