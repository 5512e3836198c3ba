using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Rules;

public partial class PeerTests
{
    private static readonly string[] Pods =
    [
        "namespace default",
        "namespace ops team=ops",
        "namespace dev team=dev",
        "namespace bare",
        "namespace liar kubernetes.io/metadata.name=ops",
        "pod default/a app=a ip:10.0.0.1",
        "pod default/b app=b ip:10.0.0.2",
        "pod default/mon app=monitor ip:10.0.0.3",
        "pod ops/mon app=monitor ip:10.0.1.5",
        "pod ops/job app=job ip:10.0.2.5",
        "pod dev/mon app=monitor ip:10.1.0.5",
        "pod bare/x app=x ip:10.2.0.1",
        "pod implicit/y app=y ip:10.3.0.1",
        "pod liar/z app=z ip:10.4.0.1",
        "pod default/v6 app=v6 ip:10.0.9.9 ip:fd00:1:3::9",
        "pod default/pending app=monitor",
    ];

    private static string IngressToB(string from) => Policy("default/b-ingress", $$$"""
        podSelector: {matchLabels: {app: b}}
        ingress:
        - from:
          {{{from}}}
        """);

    private static readonly string MonitorsHere = IngressToB("- podSelector: {matchLabels: {app: monitor}}");

    private static readonly string OpsNamespace = IngressToB("- namespaceSelector: {matchLabels: {team: ops}}");

    private static readonly string AllNamespaces = IngressToB("- namespaceSelector: {}");

    private static readonly string MonitorsInOps = IngressToB("""
          - namespaceSelector: {matchLabels: {team: ops}}
            podSelector: {matchLabels: {app: monitor}}
        """.Trim());

    private static readonly string OpsOrMonitorsHere = IngressToB("""
          - namespaceSelector: {matchLabels: {team: ops}}
          - podSelector: {matchLabels: {app: monitor}}
        """.Trim());

    private static readonly string V4BlockWithExcept = IngressToB("- ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24]}");

    private static readonly string V6BlockWithExcept = IngressToB("- ipBlock: {cidr: 'fd00:1::/32', except: ['fd00:1:2::/48']}");

    private static readonly string Everywhere = IngressToB("- ipBlock: {cidr: 0.0.0.0/0}\n  - ipBlock: {cidr: '::/0'}");

    private static string ByNamespaceName(string name) =>
        IngressToB($"- namespaceSelector: {{matchLabels: {{kubernetes.io/metadata.name: {name}}}}}");

    public static TheoryData<ConnectivityCase> Cases => new()
    {
        new("a podSelector peer matches pods of the policy's namespace",
            World: Pods, Policies: [MonitorsHere],
            From: "default/mon", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a podSelector peer does not match pods of other namespaces with those labels",
            World: Pods, Policies: [MonitorsHere],
            From: "ops/mon", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a podSelector peer does not match pods of its namespace without those labels",
            World: Pods, Policies: [MonitorsHere],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a namespaceSelector peer matches every pod of a matching namespace",
            World: Pods, Policies: [OpsNamespace],
            From: "ops/job", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a namespaceSelector peer does not match pods of other namespaces",
            World: Pods, Policies: [OpsNamespace],
            From: "dev/mon", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a namespaceSelector peer does not match the policy's own namespace unless it matches",
            World: Pods, Policies: [OpsNamespace],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an empty namespaceSelector matches pods of other namespaces",
            World: Pods, Policies: [AllNamespaces],
            From: "dev/mon", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an empty namespaceSelector matches pods of undeclared namespaces",
            World: Pods, Policies: [AllNamespaces],
            From: "implicit/y", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an empty namespaceSelector matches pods of the policy's namespace",
            World: Pods, Policies: [AllNamespaces],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an empty namespaceSelector does not match external addresses",
            World: Pods, Policies: [AllNamespaces],
            From: "10.0.1.5", To: "default/b", Port: "80/TCP", Allowed: false),
        new("namespaceSelector and podSelector in one peer both matching admit the pod",
            World: Pods, Policies: [MonitorsInOps],
            From: "ops/mon", To: "default/b", Port: "80/TCP", Allowed: true),
        new("namespaceSelector and podSelector in one peer need the pod labels too",
            World: Pods, Policies: [MonitorsInOps],
            From: "ops/job", To: "default/b", Port: "80/TCP", Allowed: false),
        new("namespaceSelector and podSelector in one peer need the namespace labels too",
            World: Pods, Policies: [MonitorsInOps],
            From: "dev/mon", To: "default/b", Port: "80/TCP", Allowed: false),
        new("namespaceSelector and podSelector in one peer do not fall back to the policy's namespace",
            World: Pods, Policies: [MonitorsInOps],
            From: "default/mon", To: "default/b", Port: "80/TCP", Allowed: false),
        new("separate peers are ORed: the namespace peer alone admits",
            World: Pods, Policies: [OpsOrMonitorsHere],
            From: "ops/job", To: "default/b", Port: "80/TCP", Allowed: true),
        new("separate peers are ORed: the pod peer alone admits",
            World: Pods, Policies: [OpsOrMonitorsHere],
            From: "default/mon", To: "default/b", Port: "80/TCP", Allowed: true),
        new("separate peers are ORed: a pod matching neither is denied",
            World: Pods, Policies: [OpsOrMonitorsHere],
            From: "dev/mon", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an IPv4 ipBlock admits an external address inside it",
            World: Pods, Policies: [V4BlockWithExcept],
            From: "10.0.2.200", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an IPv4 ipBlock admits the last address before the excepted range",
            World: Pods, Policies: [V4BlockWithExcept],
            From: "10.0.0.255", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an IPv4 ipBlock denies the first address of the excepted range",
            World: Pods, Policies: [V4BlockWithExcept],
            From: "10.0.1.0", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an IPv4 ipBlock denies the last address of the excepted range",
            World: Pods, Policies: [V4BlockWithExcept],
            From: "10.0.1.255", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an IPv4 ipBlock denies an address outside the cidr",
            World: Pods, Policies: [V4BlockWithExcept],
            From: "10.1.0.1", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an IPv4 ipBlock denies an IPv6 address",
            World: Pods, Policies: [V4BlockWithExcept],
            From: "2001:db8::a00:201", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an IPv4 ipBlock matches a pod's IP in another namespace",
            World: Pods, Policies: [V4BlockWithExcept],
            From: "ops/job", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an IPv4 ipBlock except excludes a pod's IP",
            World: Pods, Policies: [V4BlockWithExcept],
            From: "ops/mon", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an IPv4 ipBlock matches a pod's IP in the policy's namespace",
            World: Pods, Policies: [V4BlockWithExcept],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an IPv6 ipBlock admits an address inside it",
            World: Pods, Policies: [V6BlockWithExcept],
            From: "fd00:1:3::1", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an IPv6 ipBlock denies an address in the excepted range",
            World: Pods, Policies: [V6BlockWithExcept],
            From: "fd00:1:2::1", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an IPv6 ipBlock denies an address outside the cidr",
            World: Pods, Policies: [V6BlockWithExcept],
            From: "fd00:2::1", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an IPv6 ipBlock denies an IPv4 pod",
            World: Pods, Policies: [V6BlockWithExcept],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an IPv6 ipBlock matches the IPv6 address of a dual-stack pod",
            World: Pods, Policies: [V6BlockWithExcept],
            From: "default/v6", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an egress ipBlock matches a destination pod's IP",
            World: Pods, Policies: [Policy("default/a-out", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Egress]
                egress:
                - to: [{ipBlock: {cidr: 10.0.2.0/24}}]
                """)],
            From: "default/a", To: "ops/job", Port: "80/TCP", Allowed: true),
        new("an egress ipBlock matches an external destination",
            World: Pods, Policies: [Policy("default/a-out", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Egress]
                egress:
                - to: [{ipBlock: {cidr: 198.51.100.0/24}}]
                """)],
            From: "default/a", To: "198.51.100.20", Port: "443/TCP", Allowed: true),
        new("an egress ipBlock does not match a destination outside it",
            World: Pods, Policies: [Policy("default/a-out", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Egress]
                egress:
                - to: [{ipBlock: {cidr: 198.51.100.0/24}}]
                """)],
            From: "default/a", To: "203.0.113.20", Port: "443/TCP", Allowed: false),
        new("a pod without an IP never matches an ipBlock, not even 0.0.0.0/0 or ::/0",
            World: Pods, Policies: [Everywhere],
            From: "default/pending", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a pod with an IP matches 0.0.0.0/0",
            World: Pods, Policies: [Everywhere],
            From: "default/mon", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a pod without an IP is still matched by selectors",
            World: Pods, Policies: [MonitorsHere],
            From: "default/pending", To: "default/b", Port: "80/TCP", Allowed: true),
        new("the namespace name label matches a namespace declared without labels",
            World: Pods, Policies: [ByNamespaceName("bare")],
            From: "bare/x", To: "default/b", Port: "80/TCP", Allowed: true),
        new("the namespace name label matches a namespace that was never declared",
            World: Pods, Policies: [ByNamespaceName("implicit")],
            From: "implicit/y", To: "default/b", Port: "80/TCP", Allowed: true),
        new("the namespace name label matches a namespace declared with other labels",
            World: Pods, Policies: [ByNamespaceName("ops")],
            From: "ops/job", To: "default/b", Port: "80/TCP", Allowed: true),
        new("the namespace name label does not match other namespaces",
            World: Pods, Policies: [ByNamespaceName("bare")],
            From: "implicit/y", To: "default/b", Port: "80/TCP", Allowed: false),
        new("the namespace name label is the namespace's real name, whatever the manifest declared",
            World: Pods, Policies: [ByNamespaceName("liar")],
            From: "liar/z", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a namespace cannot claim another namespace's name label",
            World: Pods, Policies: [ByNamespaceName("ops")],
            From: "liar/z", To: "default/b", Port: "80/TCP", Allowed: false),
        new("the namespace name label works in matchExpressions too",
            World: Pods, Policies: [IngressToB("- namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [implicit, bare]}]}")],
            From: "implicit/y", To: "default/b", Port: "80/TCP", Allowed: true),
    };
}
