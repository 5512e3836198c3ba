namespace Netpol.Manifests.Tests.Validation;

public sealed partial class ClusterPolicyValidationTests
{
    private const string Cnp = "ClusterNetworkPolicy p";

    // Lines 1-5 are the header; the spec body starts on line 6.
    private const string Header = "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: p\nspec:\n";

    // Lines 6-9: a valid tier, priority and subject; rules start on line 10.
    private const string Admin = Header + "  tier: Admin\n  priority: 1\n  subject:\n    namespaces: {}\n";

    private static readonly string Rules26 = string.Concat(Enumerable.Repeat("  - action: Deny\n    from:\n    - namespaces: {}\n", 26));
    private static readonly string Peers26 = string.Concat(Enumerable.Repeat("    - namespaces: {}\n", 26));
    private static readonly string Protocols26 = string.Concat(Enumerable.Repeat("    - tcp: {destinationPort: {number: 80}}\n", 26));

    public static TheoryData<InvalidCase> Rejected => new()
    {
        // priority
        new("priority above 1000", Header + "  tier: Admin\n  priority: 1001\n  subject:\n    namespaces: {}\n", "priority-range", $"p.yaml:7:13: {Cnp}: spec.priority"),
        new("negative priority", Header + "  tier: Admin\n  priority: -1\n  subject:\n    namespaces: {}\n", "priority-range", $"p.yaml:7:13: {Cnp}: spec.priority"),
        new("missing priority", Header + "  tier: Admin\n  subject:\n    namespaces: {}\n", "required", $"p.yaml:6:3: {Cnp}: spec.priority"),

        // tier
        new("missing tier", Header + "  priority: 1\n  subject:\n    namespaces: {}\n", "required", $"p.yaml:6:3: {Cnp}: spec.tier"),
        new("unknown tier", Header + "  tier: Developer\n  priority: 1\n  subject:\n    namespaces: {}\n", "unsupported", $"p.yaml:6:9: {Cnp}: spec.tier"),

        // subject
        new("subject with namespaces and pods", Header + "  tier: Admin\n  priority: 1\n  subject:\n    namespaces: {}\n    pods: {podSelector: {}}\n", "exactly-one", $"p.yaml:9:5: {Cnp}: spec.subject"),
        new("empty subject", Header + "  tier: Admin\n  priority: 1\n  subject: {}\n", "exactly-one", $"p.yaml:8:12: {Cnp}: spec.subject"),
        new("missing subject", Header + "  tier: Admin\n  priority: 1\n", "required", $"p.yaml:6:3: {Cnp}: spec.subject"),
        new("pods subject without podSelector", Header + "  tier: Admin\n  priority: 1\n  subject:\n    pods: {namespaceSelector: {}}\n", "required", $"p.yaml:9:11: {Cnp}: spec.subject.pods.podSelector"),

        // rules
        new("26 ingress rules", Admin + "  ingress:\n" + Rules26, "too-many", $"p.yaml:11:3: {Cnp}: spec.ingress"),
        new("rule name of 101 characters", Admin + $"  ingress:\n  - name: {new string('r', 101)}\n    action: Deny\n    from:\n    - namespaces: {{}}\n", "too-long", $"p.yaml:11:11: {Cnp}: spec.ingress[0].name"),
        new("Allow is a legacy action", Admin + "  ingress:\n  - action: Allow\n    from:\n    - namespaces: {}\n", "unsupported", $"p.yaml:11:13: {Cnp}: spec.ingress[0].action"),
        new("missing action", Admin + "  ingress:\n  - from:\n    - namespaces: {}\n", "required", $"p.yaml:11:5: {Cnp}: spec.ingress[0].action"),
        new("Pass in the Baseline tier", Header + "  tier: Baseline\n  priority: 1\n  subject:\n    namespaces: {}\n  ingress:\n  - action: Pass\n    from:\n    - namespaces: {}\n", "pass-in-baseline", $"p.yaml:11:13: {Cnp}: spec.ingress[0].action"),

        // peers
        new("missing from", Admin + "  ingress:\n  - action: Deny\n", "required", $"p.yaml:11:5: {Cnp}: spec.ingress[0].from"),
        new("empty from", Admin + "  ingress:\n  - action: Deny\n    from: []\n", "too-few", $"p.yaml:12:11: {Cnp}: spec.ingress[0].from"),
        new("26 peers", Admin + "  ingress:\n  - action: Deny\n    from:\n" + Peers26, "too-many", $"p.yaml:13:5: {Cnp}: spec.ingress[0].from"),
        new("peer with namespaces and pods", Admin + "  ingress:\n  - action: Deny\n    from:\n    - namespaces: {}\n      pods: {podSelector: {}}\n", "exactly-one", $"p.yaml:13:7: {Cnp}: spec.ingress[0].from[0]"),
        new("empty peer", Admin + "  ingress:\n  - action: Deny\n    from:\n    - {}\n", "exactly-one", $"p.yaml:13:7: {Cnp}: spec.ingress[0].from[0]"),
        new("networks peer in an ingress rule", Admin + "  ingress:\n  - action: Deny\n    from:\n    - networks: [10.0.0.0/8]\n", "unknown-field", $"p.yaml:13:7: {Cnp}: spec.ingress[0].from[0].networks"),
        new("range with an unknown field", Admin + "  ingress:\n  - action: Deny\n    from:\n    - namespaces: {}\n    protocols:\n    - tcp: {destinationPort: {range: {start: 80, end: 90, step: 2}}}\n", "unknown-field", $"p.yaml:15:59: {Cnp}: spec.ingress[0].protocols[0].tcp.destinationPort.range.step"),
        new("egress peer with networks and nodes", Admin + "  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0/8]\n      nodes: {}\n", "exactly-one", $"p.yaml:13:7: {Cnp}: spec.egress[0].to[0]"),
        new("network that is no CIDR", Admin + "  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0]\n", "invalid", $"p.yaml:13:18: {Cnp}: spec.egress[0].to[0].networks[0]"),
        new("network with a leading zero in an octet (isCIDR)", Admin + "  egress:\n  - action: Deny\n    to:\n    - networks: [010.0.0.0/8]\n", "invalid", $"p.yaml:13:18: {Cnp}: spec.egress[0].to[0].networks[0]"),
        new("network with a leading zero in the prefix length (isCIDR)", Admin + "  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0/08]\n", "invalid", $"p.yaml:13:18: {Cnp}: spec.egress[0].to[0].networks[0]"),
        new("IPv4-mapped IPv6 network (isCIDR)", Admin + "  egress:\n  - action: Deny\n    to:\n    - networks: ['::ffff:10.0.0.0/104']\n", "invalid", $"p.yaml:13:18: {Cnp}: spec.egress[0].to[0].networks[0]"),
        new("IPv6 network with a zone (isCIDR)", Admin + "  egress:\n  - action: Deny\n    to:\n    - networks: ['fe80::%eth0/64']\n", "invalid", $"p.yaml:13:18: {Cnp}: spec.egress[0].to[0].networks[0]"),
        new("network with host bits set at v1beta1 (cidr(self) == cidr(self).masked())", Admin.Replace("v1alpha2", "v1beta1", StringComparison.Ordinal) + "  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.1/8]\n", "invalid", $"p.yaml:13:18: {Cnp}: spec.egress[0].to[0].networks[0]"),
        new("IPv6 network with host bits set at v1beta1", Admin.Replace("v1alpha2", "v1beta1", StringComparison.Ordinal) + "  egress:\n  - action: Deny\n    to:\n    - networks: ['2001:db8::1/32']\n", "invalid", $"p.yaml:13:18: {Cnp}: spec.egress[0].to[0].networks[0]"),
        new("network longer than 43 bytes", Admin + "  egress:\n  - action: Deny\n    to:\n    - networks: ['2001:0db8:0000:0000:0000:0000:0000:0000/128000']\n", "too-long", $"p.yaml:13:18: {Cnp}: spec.egress[0].to[0].networks[0]"),
        new("domain name of one label", Admin + "  egress:\n  - action: Accept\n    to:\n    - domainNames: [example]\n", "invalid", $"p.yaml:13:21: {Cnp}: spec.egress[0].to[0].domainNames[0]"),

        // protocols
        new("named port with a networks peer", Admin + "  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0/8]\n    protocols:\n    - destinationNamedPort: http\n", "named-port-peer", $"p.yaml:11:5: {Cnp}: spec.egress[0]"),
        new("named port with a nodes peer", Admin + "  egress:\n  - action: Deny\n    to:\n    - nodes: {}\n    protocols:\n    - destinationNamedPort: http\n", "named-port-peer", $"p.yaml:11:5: {Cnp}: spec.egress[0]"),
        new("named port with a domainNames peer", Admin + "  egress:\n  - action: Accept\n    to:\n    - domainNames: [example.com]\n    protocols:\n    - destinationNamedPort: http\n", "named-port-peer", $"p.yaml:11:5: {Cnp}: spec.egress[0]"),
        new("protocol entry with tcp and udp", Admin + "  ingress:\n  - action: Deny\n    from:\n    - namespaces: {}\n    protocols:\n    - tcp: {destinationPort: {number: 80}}\n      udp: {destinationPort: {number: 80}}\n", "exactly-one", $"p.yaml:15:7: {Cnp}: spec.ingress[0].protocols[0]"),
        new("range that ends before it starts", Admin + "  ingress:\n  - action: Deny\n    from:\n    - namespaces: {}\n    protocols:\n    - tcp: {destinationPort: {range: {start: 90, end: 80}}}\n", "range-order", $"p.yaml:15:38: {Cnp}: spec.ingress[0].protocols[0].tcp.destinationPort.range"),
        new("26 protocols", Admin + "  ingress:\n  - action: Deny\n    from:\n    - namespaces: {}\n    protocols:\n" + Protocols26, "too-many", $"p.yaml:15:5: {Cnp}: spec.ingress[0].protocols"),

        // legacy kinds
        new("BaselineAdminNetworkPolicy not named default", "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: other\nspec:\n  subject:\n    namespaces: {}\n", "baseline-name", "p.yaml:4:9: BaselineAdminNetworkPolicy other: metadata.name"),
        new("Pass in a BaselineAdminNetworkPolicy", "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: default\nspec:\n  subject:\n    namespaces: {}\n  ingress:\n  - action: Pass\n    from:\n    - namespaces: {}\n", "unsupported", "p.yaml:9:13: BaselineAdminNetworkPolicy default: spec.ingress[0].action"),
        new("Accept in an AdminNetworkPolicy", "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: a\nspec:\n  priority: 1\n  subject:\n    namespaces: {}\n  ingress:\n  - action: Accept\n    from:\n    - namespaces: {}\n", "unsupported", "p.yaml:10:13: AdminNetworkPolicy a: spec.ingress[0].action"),
        new("AdminNetworkPolicy priority above 1000", "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: a\nspec:\n  priority: 1001\n  subject:\n    namespaces: {}\n", "priority-range", "p.yaml:6:13: AdminNetworkPolicy a: spec.priority"),
        new("legacy port with portNumber and namedPort", "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: a\nspec:\n  priority: 1\n  subject:\n    namespaces: {}\n  ingress:\n  - action: Deny\n    from:\n    - namespaces: {}\n    ports:\n    - portNumber: {port: 80}\n      namedPort: http\n", "exactly-one", "p.yaml:14:7: AdminNetworkPolicy a: spec.ingress[0].ports[0]"),
        new("legacy pods peer without namespaceSelector (v1alpha1 requires it)", "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: a\nspec:\n  priority: 1\n  subject:\n    namespaces: {}\n  ingress:\n  - action: Deny\n    from:\n    - pods: {podSelector: {}}\n", "required", "p.yaml:12:13: AdminNetworkPolicy a: spec.ingress[0].from[0].pods.namespaceSelector"),
        new("legacy named port with a networks peer", "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: a\nspec:\n  priority: 1\n  subject:\n    namespaces: {}\n  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0/8]\n    ports:\n    - namedPort: http\n", "named-port-peer", "p.yaml:10:5: AdminNetworkPolicy a: spec.egress[0]"),
        new("ClusterNetworkPolicy at the legacy version", "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: ClusterNetworkPolicy\nmetadata:\n  name: p\n", "api-version", "p.yaml:1:13: apiVersion"),
    };
}
