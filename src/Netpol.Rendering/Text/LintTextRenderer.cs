using Netpol.Analysis.Lint;
using Netpol.Core.Diagnostics;

namespace Netpol.Rendering.Text;

/// <summary>
/// Lint findings for people: grouped by namespace and object, one line per finding in the
/// <c>FILE:LINE:COL: severity[rule] path: message</c> form editors jump to, the fix indented below, and a count.
/// Severities are coloured when <c>color</c> is set (a terminal).
/// </summary>
public static class LintTextRenderer
{
    /// <summary>Writes the findings.</summary>
    public static void Write(LintResult result, TextWriter w, bool color = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        foreach (var byNamespace in result.Findings.GroupBy(f => f.Namespace))
        {
            w.WriteLine(Paint(byNamespace.Key.Length == 0 ? "(cluster)" : byNamespace.Key, "1", color));
            foreach (var byObject in byNamespace.GroupBy(f => f.Object))
            {
                w.WriteLine($"  {byObject.Key}");
                foreach (var f in byObject)
                {
                    var where = f.Location is null ? string.Empty : $"{f.Location}: ";
                    var path = f.Path.Length == 0 ? string.Empty : $"{f.Path}: ";
                    w.WriteLine($"    {where}{Paint(Word(f.Severity), Code(f.Severity), color)}[{f.Rule}] {path}{f.Message}");
                    if (f.Fix is { } fix)
                    {
                        var lines = fix.Split('\n');
                        w.WriteLine($"      {Paint("fix:", "2", color)} {lines[0]}");
                        foreach (var line in lines.Skip(1))
                        {
                            w.WriteLine($"        {line}");
                        }
                    }
                }
            }

            w.WriteLine();
        }

        w.WriteLine(Summary(result));
    }

    /// <summary>The closing count line: <c>2 errors, 1 warning, 0 info (3 suppressed)</c>.</summary>
    public static string Summary(LintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = result.Count(Severity.Error);
        var warnings = result.Count(Severity.Warning);
        var infos = result.Count(Severity.Info);
        var suppressed = result.Suppressed > 0 ? $" ({result.Suppressed} suppressed by {LintContext.IgnoreAnnotation})" : string.Empty;
        return $"{errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}, {infos} info{suppressed}; {result.Rules.Count} rules run";
    }

    /// <summary>The word for a severity in output: error, warning, info.</summary>
    public static string Word(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static string Code(Severity severity) => severity switch
    {
        Severity.Error => "1;31",
        Severity.Warning => "1;33",
        _ => "1;36",
    };

    private static string Paint(string text, string code, bool color) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
