namespace Netpol.Manifests.Tests.Specs;

public partial class TestSpecReaderTests
{
    private const string Known = "(known: name, from, to, port, protocol, expect)";
    private const string Forms = "NS/POD, NS/KIND/NAME, NS/svc/NAME, an IP address or a selector {namespace: NS, labels: {KEY: VALUE}}";

    /// <summary>
    /// A spec whose only test is <c>name: t, from: a/b, to: c/d, port: 80, expect: allow</c> written one field a line
    /// (name on line 2, from 3, to 4, port 5, expect 6; values of name, from and port at column 11), with one change.
    /// </summary>
    private static string One(string? name = "t", string? from = "a/b", string? to = "c/d", string? port = "80", string? expect = "allow", string extra = "")
    {
        var lines = new List<string> { "tests:" };
        void Field(string key, string? value)
        {
            if (value is not null)
            {
                lines.Add($"{(lines.Count == 1 ? "  - " : "    ")}{key}: {value}");
            }
        }

        Field("name", name);
        Field("from", from);
        Field("to", to);
        Field("port", port);
        Field("expect", expect);
        return string.Join("\n", lines) + "\n" + extra;
    }

    public static TheoryData<BadSpec> Mistakes => new()
    {
        // ------------------------------------------------------------ the file
        new("an empty file tests nothing", "required", "# only a comment\n",
            "s.yaml:1:1: tests: Required value: the list of tests to run"),
        new("a file without tests", "required", "{}\n",
            "s.yaml:1:1: tests: Required value: the list of tests to run"),
        new("an empty tests list", "empty", "tests: []\n",
            "s.yaml:1:8: tests: must list at least one test: a spec that tests nothing proves nothing"),
        new("a tests key without a value", "empty", "tests:\n",
            "s.yaml:1:7: tests: must list at least one test: a spec that tests nothing proves nothing"),
        new("tests that are not a list", "type", "tests: {name: t}\n",
            "s.yaml:1:8: tests: must be a list of tests, not an object"),
        new("a spec that is a list", "type", "- name: t\n",
            "s.yaml:1:1: a test spec must be an object with a tests list, not a list"),
        new("an unknown top-level field", "unknown-field", One() + "tset: []\n",
            "s.yaml:7:1: tset: unknown field \"tset\" (known: tests)"),
        new("a second document", "invalid", One() + "---\ntests: []\n",
            "s.yaml:8:1: one document expected: list every test under the first document's tests"),
        new("a duplicate key is a YAML error", "syntax", One(extra: "    port: 81\n"),
            "s.yaml:7:5: duplicate key \"port\" (first at line 5, column 5)"),
        new("a test that is not an object", "type", "tests:\n  - a/b to c/d\n",
            "s.yaml:2:5: tests[0]: must be an object with name, from, to, port and expect, not a string"),

        // ------------------------------------------------------------ fields
        new("an unknown field in a test", "unknown-field", One(extra: "    frm: x\n"),
            $"s.yaml:7:5: tests[0].frm: unknown field \"frm\" {Known}"),
        new("a missing name", "required", One(name: null),
            "s.yaml:2:5: tests[0].name: Required value: a name that says what the test proves"),
        new("a null name", "required", One(name: "~"),
            "s.yaml:2:11: tests[0].name: Required value: a name that says what the test proves"),
        new("an empty name", "invalid", One(name: "\"  \""),
            "s.yaml:2:11: tests[0].name: must not be empty"),
        new("a name that is a list", "type", One(name: "[a, b]"),
            "s.yaml:2:11: tests[0].name: must be a string, not a list"),
        new("a duplicate test name", "duplicate", One() + "  - {name: t, from: a/b, to: c/d, port: 80, expect: deny}\n",
            "s.yaml:7:12: tests[1].name: duplicate test name \"t\" (tests[0] at line 2 has it already)"),
        new("a missing from", "required", One(from: null),
            $"s.yaml:2:5: tests[0].from: Required value: {Forms}"),
        new("a missing to", "required", One(to: null),
            $"s.yaml:2:5: tests[0].to: Required value: {Forms}"),
        new("an empty from", "invalid", One(from: "\"\""),
            $"s.yaml:3:11: tests[0].from: must not be empty: {Forms}"),
        new("a to that is a list", "type", One(to: "[c/d]"),
            $"s.yaml:4:9: tests[0].to: must be {Forms}, not a list"),
        new("a missing expect", "required", One(expect: null),
            "s.yaml:2:5: tests[0].expect: Required value: allow or deny"),
        new("an expect that is neither allow nor deny", "invalid", One(expect: "allowed"),
            "s.yaml:6:13: tests[0].expect: must be allow or deny, not \"allowed\""),
        new("an expect that is a boolean", "invalid", One(expect: "true"),
            "s.yaml:6:13: tests[0].expect: must be allow or deny, not true"),
        new("an expect in YAML 1.1 boolean words", "invalid", One(expect: "yes"),
            "s.yaml:6:13: tests[0].expect: must be allow or deny, not \"yes\""),

        // ------------------------------------------------------------ ports and protocols
        new("port 0", "invalid", One(port: "0"),
            "s.yaml:5:11: tests[0].port: must be between 1 and 65535, inclusive, not 0"),
        new("port 70000", "invalid", One(port: "70000"),
            "s.yaml:5:11: tests[0].port: must be between 1 and 65535, inclusive, not 70000"),
        new("a negative port", "invalid", One(port: "-1"),
            "s.yaml:5:11: tests[0].port: must be between 1 and 65535, inclusive, not -1"),
        new("a quoted port out of range", "invalid", One(port: "\"99999\""),
            "s.yaml:5:11: tests[0].port: must be between 1 and 65535, inclusive, not 99999"),
        new("a port with a fraction", "invalid", One(port: "80.5"),
            "s.yaml:5:11: tests[0].port: must be a whole number from 1 to 65535, not 80.5"),
        new("a port that is a list", "type", One(port: "[80, 443]"),
            "s.yaml:5:11: tests[0].port: must be a port number from 1 to 65535 or a container port name, not a list"),
        new("a port that is a boolean", "type", One(port: "true"),
            "s.yaml:5:11: tests[0].port: must be a port number from 1 to 65535 or a container port name, not a boolean"),
        new("a port name in capitals", "invalid", One(port: "HTTP"),
            "s.yaml:5:11: tests[0].port: \"HTTP\" is neither a port number nor a container port name (at most 15 lowercase letters, digits and '-', with a letter, no '-' at either end)"),
        new("a port name longer than 15", "invalid", One(port: "metrics-exporter-1"),
            "s.yaml:5:11: tests[0].port: \"metrics-exporter-1\" is neither a port number nor a container port name (at most 15 lowercase letters, digits and '-', with a letter, no '-' at either end)"),
        new("a port with its protocol", "invalid", One(port: "53/UDP"),
            "s.yaml:5:11: tests[0].port: \"53/UDP\" is neither a port number nor a container port name (at most 15 lowercase letters, digits and '-', with a letter, no '-' at either end)"),
        new("an unknown protocol", "invalid", One(extra: "    protocol: HTTP\n"),
            "s.yaml:7:15: tests[0].protocol: must be TCP, UDP or SCTP, not \"HTTP\""),
        new("a protocol that is a number", "invalid", One(extra: "    protocol: 6\n"),
            "s.yaml:7:15: tests[0].protocol: must be TCP, UDP or SCTP, not 6"),

        // ------------------------------------------------------------ selectors
        new("an unknown selector field", "unknown-field", One(from: "{namespace: shop, lables: {app: web}}"),
            "s.yaml:3:29: tests[0].from.lables: unknown field \"lables\" (known: namespace, labels)"),
        new("selector labels that are a list", "type", One(to: "{labels: [app, web]}"),
            "s.yaml:4:18: tests[0].to.labels: must be an object of KEY: VALUE, not a list"),
        new("a selector label without a value", "type", One(to: "{labels: {app: ~}}"),
            "s.yaml:4:24: tests[0].to.labels.app: must be a string, not null"),
        new("a selector label that is an object", "type", One(to: "{labels: {app: {x: y}}}"),
            "s.yaml:4:24: tests[0].to.labels.app: must be a string, not an object"),
        new("an empty selector namespace", "invalid", One(from: "{namespace: \"\"}"),
            "s.yaml:3:23: tests[0].from.namespace: must not be empty: leave namespace out to select in every namespace"),
        new("a selector namespace that is a list", "type", One(from: "{namespace: [a, b]}"),
            "s.yaml:3:23: tests[0].from.namespace: must be a string, not a list"),
    };
}
