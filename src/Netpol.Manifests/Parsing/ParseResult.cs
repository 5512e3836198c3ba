using Netpol.Core.Diagnostics;

namespace Netpol.Manifests.Parsing;

/// <summary>The syntax errors met while parsing one source (a file stops at its first fatal one).</summary>
internal sealed class ParseResult
{
    public List<Diagnostic> Errors { get; } = [];

    public void AddError(string file, int line, int column, string message) =>
        Errors.Add(new Diagnostic(Severity.Error, "syntax", new(file, line, column), null, null, message));
}
