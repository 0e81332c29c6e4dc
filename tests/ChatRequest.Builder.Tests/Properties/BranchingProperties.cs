using System.Text;
using System.Text.Json;
using CsCheck;

namespace ChatRequest.Tests.Properties;

/// <summary>
/// Builders never alias: a random program derives builders from shared prefixes, builds some of them on the way,
/// changes some built requests, starts builders from built requests, and keeps deriving. At the end every builder
/// builds what replaying its own history on a fresh builder builds, and every request still holds what it held when
/// it was built (or last changed by the program itself).
/// </summary>
public class BranchingProperties
{
    private const int CiCases = 150;

    private enum OpKind
    {
        Derive,
        Build,
        Validate,
        ChangeRequest,
        FromRequest,
    }

    /// <summary>One instruction; <see cref="A"/> picks a builder or request by index modulo how many exist then.</summary>
    private sealed record Op(OpKind Kind, int A, Step Step, int Change);

    private sealed record Program(Root[] Roots, Op[] Ops)
    {
        public override string ToString() => Run(this).Text;
    }

    private static readonly Gen<Op> OpGen = Gen.Select(
        Gen.Frequency((8, Gen.Const(OpKind.Derive)), (3, Gen.Const(OpKind.Build)), (1, Gen.Const(OpKind.Validate)), (1, Gen.Const(OpKind.ChangeRequest)), (1, Gen.Const(OpKind.FromRequest))),
        Gen.Int[0, 1_000], Generators.AnyStep, Gen.Int[0, 5],
        (kind, a, step, change) => new Op(kind, a, step, change));

    /// <summary>One to three roots, a message on each (so that most builders can build), then the instructions.</summary>
    private static readonly Gen<Program> ProgramGen = Gen.Select(
        Generators.RootGen.Array[1, 3], Generators.Message.Array[3], OpGen.Array[1, 40],
        (roots, first, ops) => new Program(roots, roots.Select((_, i) => new Op(OpKind.Derive, i, first[i], 0)).Concat(ops).ToArray()));

    /// <summary>A builder of the program, with the root and calls that made it.</summary>
    private sealed record Node(string Name, ChatRequestBuilder Builder, Root Root, IReadOnlyList<Step> History);

    /// <summary>A built request, with the body it must still write.</summary>
    private sealed class Built(string name, CreateChatCompletionRequest request)
    {
        public string Name { get; } = name;

        public CreateChatCompletionRequest Request { get; } = request;

        public string Json { get; set; } = request.ToJson();
    }

    private sealed record Result(List<Node> Nodes, List<Built> Requests, string Text);

    /// <summary>What building gives: the body, or the problems that stopped it.</summary>
    private static string Outcome(ChatRequestBuilder builder)
    {
        try
        {
            return builder.Build().ToJson();
        }
        catch (ChatRequestValidationException e)
        {
            return "throws: " + string.Join(" | ", e.Problems);
        }
    }

    /// <summary>Runs the program, and writes it as C# (what each Build gave as a comment).</summary>
    private static Result Run(Program program)
    {
        var nodes = new List<Node>();
        var requests = new List<Built>();
        var text = new StringBuilder();
        foreach (var root in program.Roots)
        {
            var name = "b" + nodes.Count;
            nodes.Add(new Node(name, root.Start(), root, Array.Empty<Step>()));
            text.AppendLine("var " + name + " = " + root.Code + ";");
        }

        foreach (var op in program.Ops)
        {
            var node = nodes[op.A % nodes.Count];
            switch (op.Kind)
            {
                case OpKind.Derive:
                    var derived = new Node("b" + nodes.Count, op.Step.ApplyTo(node.Builder), node.Root, node.History.Append(op.Step).ToList());
                    nodes.Add(derived);
                    text.AppendLine("var " + derived.Name + " = " + node.Name + op.Step + ";");
                    break;
                case OpKind.Build:
                    try
                    {
                        var built = new Built("r" + requests.Count, node.Builder.Build());
                        requests.Add(built);
                        text.AppendLine("var " + built.Name + " = " + node.Name + ".Build();");
                    }
                    catch (ChatRequestValidationException e)
                    {
                        text.AppendLine("// " + node.Name + ".Build() throws: " + e.Problems.First(p => p.Severity == ProblemSeverity.Error).RuleId);
                    }

                    break;
                case OpKind.Validate:
                    text.AppendLine(node.Name + ".Validate(); // " + node.Builder.Validate().Count + " problem(s)");
                    break;
                case OpKind.ChangeRequest when requests.Count > 0:
                    var changed = requests[op.A % requests.Count];
                    text.AppendLine(Change(changed.Name, changed.Request, op.Change) + ";");
                    changed.Json = changed.Request.ToJson();
                    break;
                case OpKind.FromRequest when requests.Count > 0:
                    var source = requests[op.A % requests.Count];
                    var json = source.Request.ToJson();
                    var continued = new Node("b" + nodes.Count, source.Request.ToBuilder(), Root.From(json), Array.Empty<Step>());
                    nodes.Add(continued);
                    text.AppendLine("var " + continued.Name + " = " + source.Name + ".ToBuilder();");
                    break;
            }
        }

        return new Result(nodes, requests, text.ToString());
    }

    /// <summary>Changes a built request in place (as a caller may), and returns the C# of the change.</summary>
    private static string Change(string name, CreateChatCompletionRequest request, int change)
    {
        switch (change)
        {
            case 0:
                request.Temperature = 1.25;
                return name + ".Temperature = 1.25";
            case 1:
                request.Messages!.Add(new UserMessage { Content = "added later" });
                return name + ".Messages!.Add(new UserMessage { Content = \"added later\" })";
            case 2:
                (request.Metadata ??= new Dictionary<string, string>())["changed"] = "yes";
                return "(" + name + ".Metadata ??= new Dictionary<string, string>())[\"changed\"] = \"yes\"";
            case 3 when request.Messages![0] is NamedChatMessage first:
                first.Name = "renamed";
                return "((NamedChatMessage)" + name + ".Messages![0]).Name = \"renamed\"";
            case 4 when request.Tools is { Count: > 0 }:
                request.Tools.RemoveAt(0);
                return name + ".Tools!.RemoveAt(0)";
            default:
                (request.AdditionalProperties ??= new Dictionary<string, JsonElement>())["changed_later"] = JsonElement.Parse("true");
                return "(" + name + ".AdditionalProperties ??= new Dictionary<string, JsonElement>())[\"changed_later\"] = JsonElement.Parse(\"true\")";
        }
    }

    [Test]
    public void Every_builder_builds_what_its_own_history_builds_and_built_requests_never_change()
    {
        var builders = 0;
        var requests = 0;
        PropertyRun.ForAll("branching", ProgramGen, CiCases, seed: 4, program =>
        {
            var result = Run(program);
            foreach (var node in result.Nodes)
            {
                var replayed = Recipe.Apply(node.Root.Start(), node.History);
                Outcome(node.Builder).Should().Be(Outcome(replayed), "{0} builds what its own history builds", node.Name);
                node.Builder.Validate().Should().Equal(replayed.Validate(), "{0} validates like its own history", node.Name);
            }

            foreach (var built in result.Requests)
            {
                built.Request.ToJson().Should().Be(built.Json, "{0} is not changed by later calls on any builder", built.Name);
            }

            builders += result.Nodes.Count;
            requests += result.Requests.Count;
        }, program => program.ToString(), Smaller);

        TestContext.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  with {builders:N0} builders and {requests:N0} built requests in all"));
    }

    /// <summary>Shorter programs: instructions left out, from the end first.</summary>
    private static IEnumerable<Program> Smaller(Program program)
    {
        var ops = program.Ops;
        for (var size = ops.Length; size >= 1; size /= 2)
        {
            for (var start = ops.Length - size; start >= 0; start -= size)
            {
                yield return program with { Ops = ops.Take(start).Concat(ops.Skip(start + size)).ToArray() };
            }
        }
    }
}
