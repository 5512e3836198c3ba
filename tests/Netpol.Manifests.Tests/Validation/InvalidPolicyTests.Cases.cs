namespace Netpol.Manifests.Tests.Validation;

public partial class InvalidPolicyTests
{
    private const string Subdomain =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string Dns1123Label =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private const string KeyName =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private const string KeyWithSlashes =
        "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";

    private const string LabelValue =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    private const string PortRange = "must be between 1 and 65535, inclusive";
    private const string PortCharset = "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
    private const string PortLetter = "must contain at least one letter (a-z)";
    private const string NotACidr = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";
    private const string HostBits = "must not have bits set beyond the prefix length";
    private const string StrictSubset = "must be a strict subset of `cidr`";

    private static readonly string Chars64 = new('a', 64);
    private static readonly string Chars254 = new('a', 254);

    /// <summary>Rejected today exactly as they should be: decoding errors and the rules already printed right.</summary>
    public static TheoryData<InvalidCase> Rejected => new()
    {
        new InvalidCase(
            "an ipBlock without cidr",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    except: [10.1.0.0/16]
            """,
            "p.yaml:11:9: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.cidr: Required value"),
        new InvalidCase(
            "an ipBlock with an empty cidr",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: ""
            """,
            "p.yaml:11:15: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.cidr: Required value"),
        new InvalidCase(
            "a misspelt field in a rule (form for from)",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - form:
                - podSelector: {}
            """,
            "p.yaml:9:5: NetworkPolicy ns/p: spec.ingress[0].form: unknown field \"form\""),
        new InvalidCase(
            "a namespaceSelector indented under the podSelector",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - from:
                - podSelector:
                    matchLabels:
                      app: web
                    namespaceSelector: {}
            """,
            "p.yaml:13:9: NetworkPolicy ns/p: spec.ingress[0].from[0].podSelector.namespaceSelector: unknown field \"namespaceSelector\""),
        new InvalidCase(
            "an unknown field in a port",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - ports:
                - port: 53
                  proto: UDP
            """,
            "p.yaml:11:7: NetworkPolicy ns/p: spec.egress[0].ports[0].proto: unknown field \"proto\""),
        new InvalidCase(
            "an unknown field in the spec",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              podSelectors: {}
            """,
            "p.yaml:8:3: NetworkPolicy ns/p: spec.podSelectors: unknown field \"podSelectors\""),
        new InvalidCase(
            "an unknown top-level field",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
            foo: bar
            """,
            "p.yaml:8:1: NetworkPolicy ns/p: foo: unknown field \"foo\""),
        new InvalidCase(
            "a key given twice",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              podSelector: {}
            """,
            "p.yaml:8:3: duplicate key \"podSelector\" (first at line 7, column 3)"),
        new InvalidCase(
            "an unquoted number as a label value",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchLabels:
                  version: 1
            """,
            "p.yaml:9:16: NetworkPolicy ns/p: spec.podSelector.matchLabels.version: must be a string, not a number (quote it: \"1\")"),
        new InvalidCase(
            "an unquoted true as a label value",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - from:
                - namespaceSelector:
                    matchLabels:
                      monitored: true
            """,
            "p.yaml:12:22: NetworkPolicy ns/p: spec.ingress[0].from[0].namespaceSelector.matchLabels.monitored: must be a string, not a boolean (quote it: \"true\")"),
        new InvalidCase(
            "a boolean as the port",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: true
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.ingress[0].ports[0].port: must be an integer or a port name, not a boolean"),
        new InvalidCase(
            "a fractional port",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: 80.5
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.ingress[0].ports[0].port: must be an integer or a port name, not a number"),
        new InvalidCase(
            "a quoted endPort",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: 80
                  endPort: "90"
            """,
            "p.yaml:11:16: NetworkPolicy ns/p: spec.ingress[0].ports[0].endPort: must be an integer, not a string"),
        new InvalidCase(
            "policyTypes as a single string",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              policyTypes: Ingress
            """,
            "p.yaml:8:16: NetworkPolicy ns/p: spec.policyTypes: must be a list, not a string"),
        new InvalidCase(
            "a podSelector that is a list",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
              - app: web
            """,
            "p.yaml:8:3: NetworkPolicy ns/p: spec.podSelector: must be an object, not a list"),
    };

    /// <summary>Right place and detail today, but the "Invalid value: X: " (or "Required value: ", "Forbidden: ") part is missing.</summary>
    public static TheoryData<InvalidCase> RejectedWithoutErrorTypeAndValue => new()
    {
        // ------------------------------------------------------------ metadata
        new InvalidCase(
            "a policy without a name",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              namespace: ns
            spec:
              podSelector: {}
            """,
            "p.yaml:4:3: NetworkPolicy: metadata.name: Required value: name or generateName is required"),
        new InvalidCase(
            "an upper-case name",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: Allow-Web
              namespace: ns
            spec:
              podSelector: {}
            """,
            "p.yaml:4:9: NetworkPolicy ns/Allow-Web: metadata.name: Invalid value: \"Allow-Web\": " + Subdomain),
        new InvalidCase(
            "a name of 254 characters",
            $$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: {{Chars254}}
              namespace: ns
            spec:
              podSelector: {}
            """,
            $"p.yaml:4:9: NetworkPolicy ns/{Chars254}: metadata.name: Invalid value: \"{Chars254}\": must be no more than 253 bytes"),
        new InvalidCase(
            "a namespace with a dot",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: my.ns
            spec:
              podSelector: {}
            """,
            "p.yaml:5:14: NetworkPolicy my.ns/p: metadata.namespace: Invalid value: \"my.ns\": must not contain dots"),
        new InvalidCase(
            "a namespace with upper case and an underscore",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: My_NS
            spec:
              podSelector: {}
            """,
            "p.yaml:5:14: NetworkPolicy My_NS/p: metadata.namespace: Invalid value: \"My_NS\": " + Dns1123Label),
        new InvalidCase(
            "a namespace of 64 characters",
            $$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: {{Chars64}}
            spec:
              podSelector: {}
            """,
            $"p.yaml:5:14: NetworkPolicy {Chars64}/p: metadata.namespace: Invalid value: \"{Chars64}\": must be no more than 63 bytes"),
        new InvalidCase(
            "a label key starting with a hyphen",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
              labels:
                -app: web
            spec:
              podSelector: {}
            """,
            "p.yaml:7:5: NetworkPolicy ns/p: metadata.labels: Invalid value: \"-app\": " + KeyName),
        new InvalidCase(
            "a label value starting with a hyphen",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
              labels:
                app: -web
            spec:
              podSelector: {}
            """,
            "p.yaml:7:10: NetworkPolicy ns/p: metadata.labels: Invalid value: \"-web\": " + LabelValue),

        // ------------------------------------------------------------ matchLabels
        new InvalidCase(
            "a matchLabels key with two slashes",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchLabels:
                  a/b/c: x
            """,
            "p.yaml:9:7: NetworkPolicy ns/p: spec.podSelector.matchLabels: Invalid value: \"a/b/c\": " + KeyWithSlashes),
        new InvalidCase(
            "a matchLabels key with an empty prefix",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchLabels:
                  /app: x
            """,
            "p.yaml:9:7: NetworkPolicy ns/p: spec.podSelector.matchLabels: Invalid value: \"/app\": prefix part must be non-empty"),
        new InvalidCase(
            "a matchLabels key with an upper-case prefix",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchLabels:
                  Example.com/app: x
            """,
            "p.yaml:9:7: NetworkPolicy ns/p: spec.podSelector.matchLabels: Invalid value: \"Example.com/app\": prefix part " + Subdomain),
        new InvalidCase(
            "a matchLabels key with an empty name part",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchLabels:
                  example.com/: x
            """,
            "p.yaml:9:7: NetworkPolicy ns/p: spec.podSelector.matchLabels: Invalid value: \"example.com/\": name part must be non-empty",
            "p.yaml:9:7: NetworkPolicy ns/p: spec.podSelector.matchLabels: Invalid value: \"example.com/\": " + KeyName),
        new InvalidCase(
            "a matchLabels key with a name part of 64 characters",
            $$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchLabels:
                  {{Chars64}}: x
            """,
            $"p.yaml:9:7: NetworkPolicy ns/p: spec.podSelector.matchLabels: Invalid value: \"{Chars64}\": name part must be no more than 63 bytes"),
        new InvalidCase(
            "a matchLabels key starting with a hyphen",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchLabels:
                  -app: x
            """,
            "p.yaml:9:7: NetworkPolicy ns/p: spec.podSelector.matchLabels: Invalid value: \"-app\": " + KeyName),
        new InvalidCase(
            "a matchLabels value of 64 characters",
            $$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchLabels:
                  app: {{Chars64}}
            """,
            $"p.yaml:9:12: NetworkPolicy ns/p: spec.podSelector.matchLabels: Invalid value: \"{Chars64}\": must be no more than 63 bytes"),
        new InvalidCase(
            "a matchLabels value starting with a hyphen",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchLabels:
                  app: -web
            """,
            "p.yaml:9:12: NetworkPolicy ns/p: spec.podSelector.matchLabels: Invalid value: \"-web\": " + LabelValue),
        new InvalidCase(
            "a namespaceSelector value with a space",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - from:
                - namespaceSelector:
                    matchLabels:
                      team: a b
            """,
            "p.yaml:12:17: NetworkPolicy ns/p: spec.ingress[0].from[0].namespaceSelector.matchLabels: Invalid value: \"a b\": " + LabelValue),
        new InvalidCase(
            "an egress podSelector key with a space",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - podSelector:
                    matchLabels:
                      my app: web
            """,
            "p.yaml:12:11: NetworkPolicy ns/p: spec.egress[0].to[0].podSelector.matchLabels: Invalid value: \"my app\": " + KeyName),

        // ------------------------------------------------------------ matchExpressions
        new InvalidCase(
            "In without values",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchExpressions:
                - key: app
                  operator: In
            """,
            "p.yaml:10:17: NetworkPolicy ns/p: spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"),
        new InvalidCase(
            "NotIn with an empty list of values in an egress peer",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - namespaceSelector:
                    matchExpressions:
                    - key: team
                      operator: NotIn
                      values: []
            """,
            "p.yaml:13:21: NetworkPolicy ns/p: spec.egress[0].to[0].namespaceSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"),
        new InvalidCase(
            "Exists with values",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchExpressions:
                - key: app
                  operator: Exists
                  values: [web]
            """,
            "p.yaml:11:15: NetworkPolicy ns/p: spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        new InvalidCase(
            "a matchExpressions key starting with a hyphen",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchExpressions:
                - key: -app
                  operator: Exists
            """,
            "p.yaml:9:12: NetworkPolicy ns/p: spec.podSelector.matchExpressions[0].key: Invalid value: \"-app\": " + KeyName),
        new InvalidCase(
            "a matchExpressions value starting with a hyphen",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchExpressions:
                - key: app
                  operator: In
                  values: [-web]
            """,
            "p.yaml:11:16: NetworkPolicy ns/p: spec.podSelector.matchExpressions[0].values[0]: Invalid value: \"-web\": " + LabelValue),

        // ------------------------------------------------------------ ports
        new InvalidCase(
            "port 0",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: 0
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.ingress[0].ports[0].port: Invalid value: 0: " + PortRange),
        new InvalidCase(
            "a negative port",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: -1
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.ingress[0].ports[0].port: Invalid value: -1: " + PortRange),
        new InvalidCase(
            "egress port 65536",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - ports:
                - port: 65536
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.egress[0].ports[0].port: Invalid value: 65536: " + PortRange),
        new InvalidCase(
            "endPort without port",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - endPort: 90
            """,
            "p.yaml:10:16: NetworkPolicy ns/p: spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified"),
        new InvalidCase(
            "endPort with a named port",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: http
                  endPort: 90
            """,
            "p.yaml:11:16: NetworkPolicy ns/p: spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric"),
        new InvalidCase(
            "endPort below port",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: 80
                  endPort: 79
            """,
            "p.yaml:11:16: NetworkPolicy ns/p: spec.ingress[0].ports[0].endPort: Invalid value: 79: must be greater than or equal to `port`"),
        new InvalidCase(
            "endPort above 65535",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - ports:
                - port: 80
                  endPort: 70000
            """,
            "p.yaml:11:16: NetworkPolicy ns/p: spec.egress[0].ports[0].endPort: Invalid value: 70000: " + PortRange),
        new InvalidCase(
            "endPort 0 after port 80",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: 80
                  endPort: 0
            """,
            "p.yaml:11:16: NetworkPolicy ns/p: spec.ingress[0].ports[0].endPort: Invalid value: 0: must be greater than or equal to `port`",
            "p.yaml:11:16: NetworkPolicy ns/p: spec.ingress[0].ports[0].endPort: Invalid value: 0: " + PortRange),
        new InvalidCase(
            "a quoted number is a port name without a letter",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: "80"
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.ingress[0].ports[0].port: Invalid value: \"80\": " + PortLetter),
        new InvalidCase(
            "an upper-case port name",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: HTTP
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.ingress[0].ports[0].port: Invalid value: \"HTTP\": " + PortCharset,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.ingress[0].ports[0].port: Invalid value: \"HTTP\": " + PortLetter),
        new InvalidCase(
            "a port name of 16 characters",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: abcdefghijklmnop
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.ingress[0].ports[0].port: Invalid value: \"abcdefghijklmnop\": must be no more than 15 characters"),
        new InvalidCase(
            "a port name with consecutive hyphens",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: a--b
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.ingress[0].ports[0].port: Invalid value: \"a--b\": must not contain consecutive hyphens"),
        new InvalidCase(
            "a port name starting with a hyphen",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: -web
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.ingress[0].ports[0].port: Invalid value: \"-web\": must not begin or end with a hyphen"),
        new InvalidCase(
            "a port name ending with a hyphen",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - ports:
                - port: web-
            """,
            "p.yaml:10:13: NetworkPolicy ns/p: spec.egress[0].ports[0].port: Invalid value: \"web-\": must not begin or end with a hyphen"),

        // ------------------------------------------------------------ peers
        new InvalidCase(
            "an empty peer",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - from:
                - {}
            """,
            "p.yaml:10:7: NetworkPolicy ns/p: spec.ingress[0].from[0]: Required value: must specify a peer"),
        new InvalidCase(
            "a null peer",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                -
            """,
            "p.yaml:10:6: NetworkPolicy ns/p: spec.egress[0].to[0]: Required value: must specify a peer"),
        new InvalidCase(
            "an ipBlock with a podSelector",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - from:
                - ipBlock:
                    cidr: 10.0.0.0/8
                  podSelector: {}
            """,
            "p.yaml:10:7: NetworkPolicy ns/p: spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer"),
        new InvalidCase(
            "an ipBlock with a namespaceSelector",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - namespaceSelector: {}
                  ipBlock:
                    cidr: 10.0.0.0/8
            """,
            "p.yaml:10:7: NetworkPolicy ns/p: spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer"),

        // ------------------------------------------------------------ ipBlock
        new InvalidCase(
            "a cidr that is not a CIDR",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.0
            """,
            "p.yaml:11:15: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.cidr: Invalid value: \"10.0.0.0\": " + NotACidr),
        new InvalidCase(
            "a cidr with host bits",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.1/8
            """,
            "p.yaml:11:15: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.cidr: Invalid value: \"10.0.0.1/8\": " + HostBits),
        new InvalidCase(
            "a cidr with a leading zero in an octet",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - from:
                - ipBlock:
                    cidr: 010.0.0.0/8
            """,
            "p.yaml:11:15: NetworkPolicy ns/p: spec.ingress[0].from[0].ipBlock.cidr: Invalid value: \"010.0.0.0/8\": must not have leading 0s in IP or prefix length"),
        new InvalidCase(
            "a cidr with a leading zero in the prefix length",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.0/08
            """,
            "p.yaml:11:15: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.cidr: Invalid value: \"10.0.0.0/08\": must not have leading 0s in IP or prefix length"),
        new InvalidCase(
            "an IPv4-mapped IPv6 cidr",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: ::ffff:10.0.0.0/104
            """,
            "p.yaml:11:15: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.cidr: Invalid value: \"::ffff:10.0.0.0/104\": must not have an IPv4-mapped IPv6 address"),
        new InvalidCase(
            "an except that is not a CIDR",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.0/8
                    except:
                    - 10.1.0.0/33
            """,
            "p.yaml:13:11: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.1.0.0/33\": " + NotACidr),
        new InvalidCase(
            "an except equal to the cidr",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.0/8
                    except:
                    - 10.0.0.0/8
            """,
            "p.yaml:13:11: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.0.0.0/8\": " + StrictSubset),
        new InvalidCase(
            "an except outside the cidr",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - from:
                - ipBlock:
                    cidr: 10.0.0.0/8
                    except:
                    - 10.1.0.0/16
                    - 11.0.0.0/16
            """,
            "p.yaml:14:11: NetworkPolicy ns/p: spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: \"11.0.0.0/16\": " + StrictSubset),
        new InvalidCase(
            "an except wider than the cidr",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 10.1.0.0/16
                    except:
                    - 10.0.0.0/8
            """,
            "p.yaml:13:11: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.0.0.0/8\": " + StrictSubset),
        new InvalidCase(
            "an except of the other IP family",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.0/8
                    except:
                    - 2001:db8::/64
            """,
            "p.yaml:13:11: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"2001:db8::/64\": " + StrictSubset),

        // ------------------------------------------------------------ policyTypes
        new InvalidCase(
            "three policyTypes",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress, Ingress]
            """,
            "p.yaml:8:16: NetworkPolicy ns/p: spec.policyTypes: Invalid value: []networking.PolicyType{\"Ingress\", \"Egress\", \"Ingress\"}: may not specify more than two policyTypes"),
    };

    public static TheoryData<InvalidCase> RejectedWithInvalidOperator => new()
    {
        new InvalidCase(
            "a lower-case operator",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchExpressions:
                - key: app
                  operator: in
                  values: [web]
            """,
            "p.yaml:10:17: NetworkPolicy ns/p: spec.podSelector.matchExpressions[0].operator: Invalid value: \"in\": not a valid selector operator"),
        new InvalidCase(
            "a matchExpressions entry without operator",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchExpressions:
                - key: app
            """,
            "p.yaml:9:7: NetworkPolicy ns/p: spec.podSelector.matchExpressions[0].operator: Invalid value: \"\": not a valid selector operator"),
    };

    public static TheoryData<InvalidCase> RejectedWithUnsupportedProtocol => new()
    {
        new InvalidCase(
            "a lower-case protocol",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - protocol: tcp
                  port: 80
            """,
            "p.yaml:10:17: NetworkPolicy ns/p: spec.ingress[0].ports[0].protocol: Unsupported value: \"tcp\": supported values: \"TCP\", \"UDP\", \"SCTP\""),
        new InvalidCase(
            "an empty protocol",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - ports:
                - protocol: ""
            """,
            "p.yaml:10:17: NetworkPolicy ns/p: spec.egress[0].ports[0].protocol: Unsupported value: \"\": supported values: \"TCP\", \"UDP\", \"SCTP\""),
    };

    public static TheoryData<InvalidCase> RejectedWithUnsupportedPolicyType => new()
    {
        new InvalidCase(
            "a lower-case policyType",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              policyTypes:
              - ingress
            """,
            "p.yaml:9:5: NetworkPolicy ns/p: spec.policyTypes[0]: Unsupported value: \"ingress\": supported values: \"Ingress\", \"Egress\""),
    };

    public static TheoryData<InvalidCase> RejectedForTooManyPolicyTypes => new()
    {
        new InvalidCase(
            "three unknown policyTypes",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              policyTypes: [a, b, c]
            """,
            "p.yaml:8:16: NetworkPolicy ns/p: spec.policyTypes: Invalid value: []networking.PolicyType{\"a\", \"b\", \"c\"}: may not specify more than two policyTypes"),
    };

    public static TheoryData<InvalidCase> RejectedForExceptOutsideAnUnusualCidr => new()
    {
        new InvalidCase(
            "a cidr with host bits and an except equal to its network",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.1/8
                    except:
                    - 10.0.0.0/8
            """,
            "p.yaml:11:15: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.cidr: Invalid value: \"10.0.0.1/8\": " + HostBits,
            "p.yaml:13:11: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.0.0.0/8\": " + StrictSubset),
        new InvalidCase(
            "an except with host bits outside the cidr",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.0/16
                    except:
                    - 10.1.0.1/24
            """,
            "p.yaml:13:11: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.1.0.1/24\": " + HostBits,
            "p.yaml:13:11: NetworkPolicy ns/p: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.1.0.1/24\": " + StrictSubset),
    };

    public static TheoryData<InvalidCase> RejectedForValuesOfExists => new()
    {
        new InvalidCase(
            "DoesNotExist with an invalid value",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchExpressions:
                - key: app
                  operator: DoesNotExist
                  values: [-web]
            """,
            "p.yaml:11:15: NetworkPolicy ns/p: spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            "p.yaml:11:16: NetworkPolicy ns/p: spec.podSelector.matchExpressions[0].values[0]: Invalid value: \"-web\": " + LabelValue),
    };

    public static TheoryData<InvalidCase> RejectedForMissingKey => new()
    {
        new InvalidCase(
            "a matchExpressions entry without key",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchExpressions:
                - operator: Exists
            """,
            "p.yaml:9:7: NetworkPolicy ns/p: spec.podSelector.matchExpressions[0].key: Invalid value: \"\": name part must be non-empty",
            "p.yaml:9:7: NetworkPolicy ns/p: spec.podSelector.matchExpressions[0].key: Invalid value: \"\": " + KeyName),
    };

    public static TheoryData<InvalidCase> RejectedForAnnotationKey => new()
    {
        new InvalidCase(
            "an annotation key with two slashes",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
              annotations:
                a/b/c: x
            spec:
              podSelector: {}
            """,
            "p.yaml:7:5: NetworkPolicy ns/p: metadata.annotations: Invalid value: \"a/b/c\": " + KeyWithSlashes),
    };

    public static TheoryData<InvalidCase> RejectedForUnknownMetadataField => new()
    {
        new InvalidCase(
            "a misspelt field in metadata",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
              label:
                app: web
            spec:
              podSelector: {}
            """,
            "p.yaml:6:3: NetworkPolicy ns/p: metadata.label: unknown field \"label\""),
    };

    /// <summary>Edge cases the API server accepts.</summary>
    public static TheoryData<ValidCase> Accepted => new()
    {
        new ValidCase(
            "endPort equal to port",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: 80
                  endPort: 80
            """),
        new ValidCase(
            "the full port range",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - ports:
                - port: 1
                  endPort: 65535
            """),
        new ValidCase(
            "a named port with protocol UDP",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - ports:
                - port: dns
                  protocol: UDP
            """),
        new ValidCase(
            "protocol SCTP without port",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - protocol: SCTP
            """),
        new ValidCase(
            "an except strictly inside the cidr",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.0/8
                    except:
                    - 10.1.0.0/16
                    - 10.255.255.255/32
            """),
        new ValidCase(
            "an IPv6 cidr with an except",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - from:
                - ipBlock:
                    cidr: 2001:db8::/32
                    except: [2001:db8:1::/48]
            """),
        new ValidCase(
            "an upper-case uncompressed IPv6 cidr",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock:
                    cidr: 2001:DB8:0:0::/64
            """),
        new ValidCase(
            "an empty podSelector",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
            """),
        new ValidCase(
            "no podSelector at all",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              ingress: []
            """),
        new ValidCase(
            "policyTypes Egress without egress rules",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              policyTypes: [Egress]
            """),
        new ValidCase(
            "the same policyType twice",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              policyTypes: [Ingress, Ingress]
            """),
        new ValidCase(
            "one empty ingress rule",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress: [{}]
            """),
        new ValidCase(
            "an empty from list",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - from: []
                ports: []
            """),
        new ValidCase(
            "a podSelector and a namespaceSelector in one peer",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - from:
                - podSelector: {}
                  namespaceSelector: {}
            """),
        new ValidCase(
            "every selector operator",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector:
                matchExpressions:
                - {key: app, operator: In, values: [web, api]}
                - {key: tier, operator: NotIn, values: [db]}
                - {key: example.com/team, operator: Exists}
                - {key: legacy, operator: DoesNotExist}
            """),
        new ValidCase(
            "labels with a prefixed key and an empty value",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p.v2
              namespace: ns
              labels:
                app.kubernetes.io/name: web
                canary: ""
            spec:
              podSelector:
                matchLabels:
                  example.com/Team_1: Blue.Green-2
            """),
    };
}
