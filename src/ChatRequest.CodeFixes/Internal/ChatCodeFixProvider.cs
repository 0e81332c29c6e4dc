using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ChatRequest.CodeFixes.Internal;

/// <summary>
/// The shape every fix provider shares. A rule family says which fixes a diagnostic gets
/// (<see cref="GetFixes"/>); this class registers them as code actions and runs Fix All in document, project and
/// solution: per document, every diagnostic whose fix has the chosen equivalence key is applied on one
/// <see cref="ChainEditor"/>. Not the batch fixer: several fixes on one chain (two duplicate calls, three
/// settings a reasoning model rejects) are nested edits, which merging independent text changes gets wrong.
/// </summary>
public abstract class ChatCodeFixProvider : CodeFixProvider
{
    /// <summary>Only the providers of this assembly derive from this class.</summary>
    private protected ChatCodeFixProvider()
    {
    }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = await FixDocument.CreateAsync(context.Document, context.CancellationToken).ConfigureAwait(false);
        if (document?.Symbols is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var fix in GetFixes(document, diagnostic, context.CancellationToken))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, _ => Task.FromResult(Apply(document, new[] { fix })), fix.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The fixes offered for <paramref name="diagnostic"/>, each with its title, equivalence key and edit.</summary>
    private protected abstract IEnumerable<ChainFix> GetFixes(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken);

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var fixDocument = await FixDocument.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
        if (fixDocument?.Symbols is null)
        {
            return document;
        }

        var fixes = new List<ChainFix>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var fix = GetFixes(fixDocument, diagnostic, context.CancellationToken)
                .FirstOrDefault(f => f.EquivalenceKey == context.CodeActionEquivalenceKey);
            if (fix is not null)
            {
                fixes.Add(fix);
            }
        }

        return Apply(fixDocument, fixes);
    }

    private static Document Apply(FixDocument document, IEnumerable<ChainFix> fixes)
    {
        var editor = new ChainEditor(document.Root, document.Document.Project.Solution.Services);
        foreach (var fix in fixes)
        {
            fix.Apply(editor);
        }

        return editor.HasChanges ? document.Document.WithSyntaxRoot(editor.GetChangedRoot()) : document.Document;
    }
}
