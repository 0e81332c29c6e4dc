using System.Threading;
using System.Threading.Tasks;
using ChatRequest.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ChatRequest.CodeFixes.Internal;

/// <summary>
/// A document as the fixes see it: its syntax root, semantic model and ChatRequest's symbols, read once per
/// document (once for a single fix, once per document for Fix All). Finds the builder call a diagnostic points at
/// and the chain around it, with the analyzer's own chain walker.
/// </summary>
internal sealed class FixDocument
{
    private FixDocument(Document document, SyntaxNode root, SemanticModel model, KnownSymbols? symbols)
    {
        Document = document;
        Root = root;
        Model = model;
        Symbols = symbols;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    /// <summary>Null when the compilation does not reference ChatRequest (then no fix is offered).</summary>
    public KnownSymbols? Symbols { get; }

    public static async Task<FixDocument?> CreateAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        return new FixDocument(document, root, model, KnownSymbols.TryCreate(model.Compilation));
    }

    /// <summary>
    /// The invocation whose method name is at <paramref name="nameSpan"/> (chain rules report on the name:
    /// <c>Temperature</c> in <c>.Temperature(3)</c>), or null.
    /// </summary>
    public InvocationExpressionSyntax? CallNamedAt(TextSpan nameSpan)
    {
        if (!Root.FullSpan.Contains(nameSpan))
        {
            return null;
        }

        var node = Root.FindNode(nameSpan, getInnermostNodeForTie: true);
        if (node is not SimpleNameSyntax name)
        {
            return null;
        }

        return name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name && access.Parent is InvocationExpressionSyntax call && call.Expression == access => call,
            MemberBindingExpressionSyntax binding when binding.Parent is InvocationExpressionSyntax call && call.Expression == binding => call,
            _ => null,
        };
    }

    /// <summary>The builder call of <paramref name="syntax"/>, or null when it is not one of ours.</summary>
    public BuilderCall? BuilderCallOf(InvocationExpressionSyntax? syntax, CancellationToken cancellationToken = default)
    {
        if (syntax is null || Symbols is null)
        {
            return null;
        }

        return Model.GetOperation(syntax, cancellationToken) is IInvocationOperation invocation
            ? BuilderCall.TryCreate(invocation, Symbols)
            : null;
    }

    /// <summary>The whole chain <paramref name="call"/> belongs to, up to its outermost builder call.</summary>
    public BuilderChain ChainOf(BuilderCall call)
    {
        var symbols = Symbols!;
        var outermost = call;
        while (!BuilderChain.IsOutermost(outermost.Invocation, symbols)
               && outermost.Invocation.Parent is IInvocationOperation parent
               && BuilderCall.TryCreate(parent, symbols) is { } next)
        {
            outermost = next;
        }

        return BuilderChain.Collect(outermost, symbols);
    }
}
