using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint;

/// <summary>
/// One finding: which rule, how serious, about which object (<c>NetworkPolicy shop/web</c>), where it was written,
/// the field path inside the object (empty when the finding is about the object as a whole), a one-line message
/// and a concrete fix (may span lines, e.g. a YAML snippet).
/// </summary>
public sealed record LintFinding(
    string Rule,
    Severity Severity,
    string Object,
    string Namespace,
    SourceLocation? Location,
    string Path,
    string Message,
    string? Fix);
