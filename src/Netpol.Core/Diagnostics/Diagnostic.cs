using Netpol.Core.Model;

namespace Netpol.Core.Diagnostics;

/// <summary>
/// A finding about the input, printed one per line as
/// <c>FILE:LINE:COL: Kind ns/name: field.path: message</c>.
/// </summary>
public sealed record Diagnostic(
    Severity Severity,
    string Code,
    SourceLocation? Location,
    string? ObjectRef,
    string? FieldPath,
    string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>(4);
        if (Location is not null)
        {
            parts.Add(Location.ToString());
        }

        if (ObjectRef is not null)
        {
            parts.Add(ObjectRef);
        }

        if (FieldPath is not null)
        {
            parts.Add(FieldPath);
        }

        var prefix = parts.Count == 0 ? string.Empty : string.Join(": ", parts) + ": ";
        var level = Severity switch
        {
            Severity.Error => string.Empty,
            Severity.Warning => "warning: ",
            _ => "note: ",
        };
        return prefix + level + Message;
    }
}
