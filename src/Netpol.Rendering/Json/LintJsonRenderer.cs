using Netpol.Analysis.Lint;
using Netpol.Rendering.Text;

namespace Netpol.Rendering.Json;

/// <summary>
/// Lint findings as JSON. The contract: <c>{"findings":[{"rule","severity","object","file","line","message","fix"}]}</c>;
/// each finding also has <c>column</c>, <c>namespace</c> and <c>path</c>, and a <c>summary</c> object follows.
/// </summary>
public static class LintJsonRenderer
{
    /// <summary>Writes the findings.</summary>
    public static void Write(LintResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(w, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", f.Rule);
                json.WriteString("severity", LintTextRenderer.Word(f.Severity));
                json.WriteString("object", f.Object);
                json.WriteString("namespace", f.Namespace);
                if (f.Location is { } at)
                {
                    json.WriteString("file", at.File);
                    json.WriteNumber("line", at.Line);
                    json.WriteNumber("column", at.Column);
                }
                else
                {
                    json.WriteNull("file");
                    json.WriteNull("line");
                    json.WriteNull("column");
                }

                json.WriteString("path", f.Path);
                json.WriteString("message", f.Message);
                if (f.Fix is null)
                {
                    json.WriteNull("fix");
                }
                else
                {
                    json.WriteString("fix", f.Fix);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("errors", result.Count(Netpol.Core.Diagnostics.Severity.Error));
            json.WriteNumber("warnings", result.Count(Netpol.Core.Diagnostics.Severity.Warning));
            json.WriteNumber("info", result.Count(Netpol.Core.Diagnostics.Severity.Info));
            json.WriteNumber("suppressed", result.Suppressed);
            json.WriteNumber("rules", result.Rules.Count);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }
}
