using System.Security.Cryptography;
using System.Text;
using Netpol.Analysis.Lint;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Rendering.Json;

namespace Netpol.Rendering.Sarif;

/// <summary>
/// Lint findings as SARIF 2.1.0 in the subset GitHub code scanning reads: one run, the rules that ran as
/// <c>tool.driver.rules</c> (id, descriptions, help, default level), and per finding a result with
/// <c>ruleId</c>/<c>ruleIndex</c>, <c>level</c>, <c>message.text</c>, a physical location relative to the
/// source root, and a <c>partialFingerprints</c> entry that stays stable when lines move.
/// </summary>
public static class LintSarifRenderer
{
    /// <summary>Writes the SARIF log.</summary>
    public static void Write(LintResult result, TextWriter w, string version, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rules = RuleCatalog.All.Where(r => result.Rules.Contains(r)).ToList();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(t => t.Id, t => t.i, StringComparer.Ordinal);
        JsonOutput.Write(w, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "netpol");
            json.WriteString("semanticVersion", version);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", Name(rule.Id));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Summary);
                json.WriteEndObject();
                json.WriteStartObject("fullDescription");
                json.WriteString("text", rule.Summary);
                json.WriteEndObject();
                json.WriteStartObject("help");
                json.WriteString("text", $"See docs/rules.md#{rule.Id} for why this matters and a bad and a good example.");
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteStartArray("tags");
                json.WriteStringValue("kubernetes");
                json.WriteStringValue("networkpolicy");
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var f in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.Rule);
                json.WriteNumber("ruleIndex", index[f.Rule]);
                json.WriteString("level", Level(f.Severity));
                json.WriteStartObject("message");
                var path = f.Path.Length == 0 ? string.Empty : $"{f.Path}: ";
                json.WriteString("text", $"{f.Object}: {path}{f.Message}" + (f.Fix is null ? string.Empty : $"\nFix: {f.Fix}"));
                json.WriteEndObject();
                if (f.Location is { } at)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    var (uri, relative) = Uri(at, baseDirectory);
                    json.WriteString("uri", uri);
                    if (relative)
                    {
                        json.WriteString("uriBaseId", "%SRCROOT%");
                    }

                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", at.Line);
                    json.WriteNumber("startColumn", at.Column);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteStartArray("logicalLocations");
                    json.WriteStartObject();
                    json.WriteString("fullyQualifiedName", f.Path.Length == 0 ? f.Object : $"{f.Object}/{f.Path}");
                    json.WriteString("kind", "object");
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteStartObject("partialFingerprints");
                json.WriteString("netpolFinding/v1", Fingerprint(f));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>The SARIF level of a severity: error, warning, note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    // PascalCase rule name, as SARIF viewers show it: dns-egress-missing -> DnsEgressMissing.
    private static string Name(string id) =>
        string.Concat(id.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    // A relative reference resolved against %SRCROOT% (the directory lint ran in), percent-encoded; a bundled
    // example is named by where it lives in netpol's repository; a file outside the root gets a file: URI.
    private static (string Uri, bool Relative) Uri(SourceLocation at, string? baseDirectory)
    {
        var file = at.File;
        if (file.StartsWith("example:", StringComparison.Ordinal))
        {
            return ($"examples/{System.Uri.EscapeDataString(file["example:".Length..])}.yaml", true);
        }

        if (Path.IsPathRooted(file))
        {
            var relative = baseDirectory is null ? null : Path.GetRelativePath(baseDirectory, file);
            if (relative is null || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                return (new System.Uri(file).AbsoluteUri, false);
            }

            file = relative;
        }

        var segments = file.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString);
        return (string.Join("/", segments), true);
    }

    // The rule, object and field path identify a finding independently of line numbers.
    private static string Fingerprint(LintFinding f)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{f.Rule}\n{f.Object}\n{f.Path}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
