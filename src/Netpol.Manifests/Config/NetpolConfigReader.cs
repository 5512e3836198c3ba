using Netpol.Core;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Manifests.Parsing;

namespace Netpol.Manifests.Config;

/// <summary>
/// Reads <c>.netpol.yaml</c>. Unknown keys and wrong types are errors with their position, like manifests.
/// <code>
/// lint:
///   disable: [missing-description]
///   enable: []
///   severity: {broad-cidr: error}
///   excludeNamespaces: [kube-system]
///   failOn: warning
///   dnsIPs: [10.96.0.10]
///   podCIDRs: [10.244.0.0/16]
/// </code>
/// </summary>
public static class NetpolConfigReader
{
    /// <summary>Reads the file; a missing or unreadable file is a <see cref="NetpolException"/>.</summary>
    public static NetpolConfig Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NetpolException($"cannot read the configuration {path}: {ex.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses configuration text.</summary>
    public static NetpolConfig Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parse = new ParseResult();
        var docs = new List<ParsedDocument>();
        YamlReader.Read(file, new StringReader(text), parse, docs.Add);
        var diagnostics = new List<Diagnostic>(parse.Errors);
        var lint = new LintSection();
        if (diagnostics.Count == 0 && docs.Count > 0)
        {
            var reader = new Reader(file, diagnostics);
            lint = reader.Read(docs[0].Root);
            if (docs.Count > 1)
            {
                reader.Error(docs[1].Root, string.Empty, "one document expected");
            }
        }

        return new NetpolConfig(file, lint, diagnostics);
    }

    private sealed class Reader(string file, List<Diagnostic> diagnostics)
    {
        public LintSection Read(Node root)
        {
            if (root.IsNull)
            {
                return new LintSection();
            }

            if (!IsMap(root, string.Empty))
            {
                return new LintSection();
            }

            Known(root, string.Empty, "lint");
            if (root.Get("lint") is not { } lint || lint.IsNull || !IsMap(lint, "lint"))
            {
                return new LintSection();
            }

            Known(lint, "lint", "disable", "enable", "severity", "excludeNamespaces", "failOn", "dnsIPs", "podCIDRs");
            var severities = new List<(ConfigValue, ConfigValue)>();
            if (lint.Get("severity") is { IsNull: false } sev && IsMap(sev, "lint.severity"))
            {
                foreach (var e in sev.Entries!)
                {
                    if (Scalar(e.Value, $"lint.severity.{e.Key}") is { } level)
                    {
                        severities.Add((new ConfigValue(e.Key, new SourceLocation(file, e.Line, e.Column)), level));
                    }
                }
            }

            return new LintSection
            {
                Disable = List(lint, "disable"),
                Enable = List(lint, "enable"),
                Severity = severities,
                ExcludeNamespaces = lint.Get("excludeNamespaces") is null ? null : List(lint, "excludeNamespaces"),
                FailOn = lint.Get("failOn") is { IsNull: false } f ? Scalar(f, "lint.failOn") : null,
                DnsIPs = List(lint, "dnsIPs"),
                PodCidrs = List(lint, "podCIDRs"),
            };
        }

        public void Error(Node node, string path, string message) =>
            diagnostics.Add(new Diagnostic(Severity.Error, "config", new SourceLocation(file, node.Line, node.Column), null, path.Length == 0 ? null : path, message));

        private List<ConfigValue> List(Node parent, string key)
        {
            var path = $"lint.{key}";
            var result = new List<ConfigValue>();
            if (parent.Get(key) is not { IsNull: false } node)
            {
                return result;
            }

            if (node.Kind != NodeKind.Sequence)
            {
                Error(node, path, $"must be a list, not {node.Describe()}");
                return result;
            }

            for (var i = 0; i < node.Items!.Count; i++)
            {
                if (Scalar(node.Items[i], $"{path}[{i}]") is { } v)
                {
                    result.Add(v);
                }
            }

            return result;
        }

        private ConfigValue? Scalar(Node node, string path)
        {
            if (node.Kind != NodeKind.Scalar || node.IsNull)
            {
                Error(node, path, $"must be a string, not {node.Describe()}");
                return null;
            }

            return new ConfigValue(node.Text!, new SourceLocation(file, node.Line, node.Column));
        }

        private bool IsMap(Node node, string path)
        {
            if (node.Kind == NodeKind.Map)
            {
                return true;
            }

            Error(node, path, $"must be an object, not {node.Describe()}");
            return false;
        }

        private void Known(Node map, string path, params string[] keys)
        {
            foreach (var e in map.Entries!)
            {
                if (Array.IndexOf(keys, e.Key) < 0)
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, "config", new SourceLocation(file, e.Line, e.Column), null, path.Length == 0 ? e.Key : $"{path}.{e.Key}", $"unknown field \"{e.Key}\" (known: {string.Join(", ", keys)})"));
                }
            }
        }
    }
}
