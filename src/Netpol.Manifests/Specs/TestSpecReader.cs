using Netpol.Core;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Manifests.Parsing;

namespace Netpol.Manifests.Specs;

/// <summary>
/// Reads a <c>netpol test</c> spec. Every problem of the file's shape is reported with its position, like manifests:
/// unknown fields, missing or mistyped ones, bad ports, protocols and expectations, duplicate test names, an empty
/// list. Whether the endpoints exist is for the analysis to say: it needs the cluster.
/// <code>
/// tests:
///   - name: frontend reaches backend
///     from: production/deploy/frontend          # or {namespace: NS, labels: {k: v}}
///     to: production/deploy/backend
///     port: 8080                                # or a container port name
///     protocol: TCP                             # default TCP
///     expect: allow                             # or deny
/// </code>
/// </summary>
public static class TestSpecReader
{
    /// <summary>Reads the file; a missing or unreadable file is a <see cref="NetpolException"/>.</summary>
    public static TestSpecFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NetpolException($"cannot read the test spec {path}: {ex.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses spec text; <paramref name="file"/> names it in diagnostics.</summary>
    public static TestSpecFile Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var parse = new ParseResult();
        var docs = new List<ParsedDocument>();
        YamlReader.Read(file, new StringReader(text), parse, docs.Add);
        var diagnostics = new List<Diagnostic>(parse.Errors);
        var reader = new Reader(file, diagnostics);
        var tests = new List<TestSpec>();
        if (docs.Count > 0)
        {
            tests = reader.ReadRoot(docs[0].Root);
            if (docs.Count > 1)
            {
                reader.Error(docs[1].Root, null, "one document expected: list every test under the first document's tests", "invalid");
            }
        }
        else if (parse.Errors.Count == 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "required", new SourceLocation(file, 1, 1), null, "tests", RequiredTests));
        }

        return new TestSpecFile(file, tests, diagnostics) { EndpointsOfBadTests = reader.EndpointsOfBadTests };
    }

    private const string RequiredTests = "Required value: the list of tests to run";
    private const string EndpointForms = "NS/POD, NS/KIND/NAME, NS/svc/NAME, an IP address or a selector {namespace: NS, labels: {KEY: VALUE}}";
    private static readonly string[] RootFields = ["tests"];
    private static readonly string[] TestFields = ["name", "from", "to", "port", "protocol", "expect"];
    private static readonly string[] SelectorFields = ["namespace", "labels"];

    private sealed class Reader(string file, List<Diagnostic> diagnostics)
    {
        public List<TestEndpointField> EndpointsOfBadTests { get; } = [];

        public List<TestSpec> ReadRoot(Node root)
        {
            var tests = new List<TestSpec>();
            if (root.Kind != NodeKind.Map)
            {
                Error(root, null, $"a test spec must be an object with a tests list, not {root.Describe()}", "type");
                return tests;
            }

            Known(root, string.Empty, RootFields);
            var list = root.Get("tests");
            if (list is null)
            {
                Error(root, "tests", RequiredTests, "required");
                return tests;
            }

            if (list.IsNull || list.Items is { Count: 0 })
            {
                Error(list, "tests", "must list at least one test: a spec that tests nothing proves nothing", "empty");
                return tests;
            }

            if (list.Kind != NodeKind.Sequence)
            {
                Error(list, "tests", $"must be a list of tests, not {list.Describe()}", "type");
                return tests;
            }

            var names = new Dictionary<string, (int Index, int Line)>(StringComparer.Ordinal);
            for (var i = 0; i < list.Items!.Count; i++)
            {
                var test = ReadTest(list.Items[i], i, names);
                if (test is not null)
                {
                    tests.Add(test);
                }
            }

            return tests;
        }

        public void Error(Node node, string? path, string message, string code) =>
            diagnostics.Add(new Diagnostic(Severity.Error, code, At(node), null, path, message));

        private SourceLocation At(Node node) => new(file, node.Line, node.Column);

        private TestSpec? ReadTest(Node node, int index, Dictionary<string, (int Index, int Line)> names)
        {
            var path = $"tests[{index}]";
            if (node.Kind != NodeKind.Map)
            {
                Error(node, path, $"must be an object with name, from, to, port and expect, not {node.Describe()}", "type");
                return null;
            }

            var before = diagnostics.Count;
            Known(node, path, TestFields);
            var name = Name(node, path, index, names);
            var from = Endpoint(node, "from", path);
            var to = Endpoint(node, "to", path);
            var port = Port(node, $"{path}.port");
            var protocol = Protocol(node, $"{path}.protocol");
            var expect = Expect(node, path);
            if (diagnostics.Count > before || name is null || from is null || to is null || expect is null)
            {
                foreach (var (key, endpoint) in new[] { ("from", from), ("to", to) })
                {
                    if (endpoint is not null)
                    {
                        EndpointsOfBadTests.Add(new TestEndpointField($"{path}.{key}", endpoint));
                    }
                }

                return null;
            }

            return new TestSpec(file, index, name, At(node), from, to, port, protocol, expect.Value);
        }

        private string? Name(Node test, string path, int index, Dictionary<string, (int Index, int Line)> names)
        {
            var node = test.Get("name");
            if (node is null || node.IsNull)
            {
                Error(node ?? test, $"{path}.name", "Required value: a name that says what the test proves", "required");
                return null;
            }

            if (node.Kind != NodeKind.Scalar)
            {
                Error(node, $"{path}.name", $"must be a string, not {node.Describe()}", "type");
                return null;
            }

            var name = node.Text!.Trim();
            if (name.Length == 0)
            {
                Error(node, $"{path}.name", "must not be empty", "invalid");
                return null;
            }

            if (names.TryGetValue(name, out var first))
            {
                Error(node, $"{path}.name", $"duplicate test name \"{name}\" (tests[{first.Index}] at line {first.Line} has it already)", "duplicate");
                return null;
            }

            names[name] = (index, node.Line);
            return name;
        }

        private TestEndpoint? Endpoint(Node test, string key, string path)
        {
            path = $"{path}.{key}";
            var node = test.Get(key);
            if (node is null || node.IsNull)
            {
                Error(node ?? test, path, $"Required value: {EndpointForms}", "required");
                return null;
            }

            if (node.Kind == NodeKind.Scalar)
            {
                var text = node.Text!.Trim();
                if (text.Length == 0)
                {
                    Error(node, path, $"must not be empty: {EndpointForms}", "invalid");
                    return null;
                }

                return new TestEndpoint(text, null, At(node));
            }

            if (node.Kind != NodeKind.Map)
            {
                Error(node, path, $"must be {EndpointForms}, not {node.Describe()}", "type");
                return null;
            }

            var before = diagnostics.Count;
            Known(node, path, SelectorFields);
            string? ns = null;
            if (node.Get("namespace") is { IsNull: false } nsNode)
            {
                if (nsNode.Kind != NodeKind.Scalar)
                {
                    Error(nsNode, $"{path}.namespace", $"must be a string, not {nsNode.Describe()}", "type");
                }
                else if (nsNode.Text!.Trim().Length == 0)
                {
                    Error(nsNode, $"{path}.namespace", "must not be empty: leave namespace out to select in every namespace", "invalid");
                }
                else
                {
                    ns = nsNode.Text.Trim();
                }
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (node.Get("labels") is { IsNull: false } labelNode)
            {
                if (labelNode.Kind != NodeKind.Map)
                {
                    Error(labelNode, $"{path}.labels", $"must be an object of KEY: VALUE, not {labelNode.Describe()}", "type");
                }
                else
                {
                    foreach (var e in labelNode.Entries!)
                    {
                        // Values are compared as text: version: 2 selects a pod labelled version: "2".
                        if (e.Value.Kind != NodeKind.Scalar || e.Value.IsNull)
                        {
                            Error(e.Value, $"{path}.labels.{e.Key}", $"must be a string, not {e.Value.Describe()}", "type");
                            continue;
                        }

                        labels[e.Key] = e.Value.Text!;
                    }
                }
            }

            return diagnostics.Count > before ? null : new TestEndpoint(null, new TestSelector(ns, labels), At(node));
        }

        private TestPort? Port(Node test, string path)
        {
            var node = test.Get("port");
            if (node is null || node.IsNull)
            {
                return null;
            }

            if (node.Kind != NodeKind.Scalar || node.ScalarKind is ScalarKind.Boolean)
            {
                Error(node, path, $"must be a port number from 1 to 65535 or a container port name, not {node.Describe()}", "type");
                return null;
            }

            var text = node.Text!.Trim();
            if (node.ScalarKind == ScalarKind.Float)
            {
                Error(node, path, $"must be a whole number from 1 to 65535, not {text}", "invalid");
                return null;
            }

            if (node.ScalarKind == ScalarKind.Integer || (text.Length > 0 && text.All(char.IsAsciiDigit)))
            {
                if (!ScalarResolver.TryParseInteger(text, out var number) || number < 1 || number > 65535)
                {
                    Error(node, path, $"must be between 1 and 65535, inclusive, not {text}", "invalid");
                    return null;
                }

                return new TestPort((int)number, null, At(node));
            }

            if (!IsPortName(text))
            {
                Error(node, path, $"\"{text}\" is neither a port number nor a container port name (at most 15 lowercase letters, digits and '-', with a letter, no '-' at either end)", "invalid");
                return null;
            }

            return new TestPort(null, text, At(node));
        }

        private Protocol? Protocol(Node test, string path)
        {
            var node = test.Get("protocol");
            if (node is null || node.IsNull)
            {
                return null;
            }

            Protocol? protocol = node.Kind == NodeKind.Scalar ? node.Text!.Trim().ToUpperInvariant() switch
            {
                "TCP" => Core.Model.Protocol.TCP,
                "UDP" => Core.Model.Protocol.UDP,
                "SCTP" => Core.Model.Protocol.SCTP,
                _ => null,
            }
            : null;
            if (protocol is null)
            {
                Error(node, path, $"must be TCP, UDP or SCTP, not {Shown(node)}", "invalid");
            }

            return protocol;
        }

        private TestExpectation? Expect(Node test, string path)
        {
            var node = test.Get("expect");
            if (node is null || node.IsNull)
            {
                Error(node ?? test, $"{path}.expect", "Required value: allow or deny", "required");
                return null;
            }

            TestExpectation? expect = node.Kind == NodeKind.Scalar && node.ScalarKind is ScalarKind.String ? node.Text!.Trim().ToLowerInvariant() switch
            {
                "allow" => TestExpectation.Allow,
                "deny" => TestExpectation.Deny,
                _ => null,
            }
            : null;
            if (expect is null)
            {
                Error(node, $"{path}.expect", $"must be allow or deny, not {Shown(node)}", "invalid");
            }

            return expect;
        }

        private void Known(Node map, string path, string[] keys)
        {
            foreach (var e in map.Entries!)
            {
                if (Array.IndexOf(keys, e.Key) < 0)
                {
                    var field = path.Length == 0 ? e.Key : $"{path}.{e.Key}";
                    diagnostics.Add(new Diagnostic(Severity.Error, "unknown-field", new SourceLocation(file, e.Line, e.Column), null, field, $"unknown field \"{e.Key}\" (known: {string.Join(", ", keys)})"));
                }
            }
        }

        private static string Shown(Node node) => node.Kind != NodeKind.Scalar
            ? node.Describe()
            : node.ScalarKind is ScalarKind.String or ScalarKind.Yaml11Boolean ? $"\"{node.Text}\"" : node.Text!;

        /// <summary>A Kubernetes port name (IANA_SVC_NAME): what a container port's <c>name</c> may be.</summary>
        private static bool IsPortName(string text) =>
            text.Length is > 0 and <= 15
            && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && text.Any(char.IsAsciiLetterLower)
            && text[0] != '-' && text[^1] != '-'
            && !text.Contains("--", StringComparison.Ordinal);
    }
}
