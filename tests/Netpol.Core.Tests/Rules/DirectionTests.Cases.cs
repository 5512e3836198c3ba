using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Rules;

public partial class DirectionTests
{
    private static readonly string[] Pods =
    [
        "pod default/a app=a ip:10.0.0.1",
        "pod default/b app=b ip:10.0.0.2",
        "pod default/node-agent app=agent ip:192.168.1.10 hostNetwork",
    ];

    private static readonly string AEgressToB = Policy("default/a-to-b", """
        podSelector: {matchLabels: {app: a}}
        policyTypes: [Egress]
        egress:
        - to: [{podSelector: {matchLabels: {app: b}}}]
        """);

    private static readonly string BIngressFromA = Policy("default/b-from-a", """
        podSelector: {matchLabels: {app: b}}
        policyTypes: [Ingress]
        ingress:
        - from: [{podSelector: {matchLabels: {app: a}}}]
        """);

    private static readonly string DenyBIngress = Policy("default/deny-b", """
        podSelector: {matchLabels: {app: b}}
        policyTypes: [Ingress]
        """);

    private static readonly string DenyAEgress = Policy("default/deny-a", """
        podSelector: {matchLabels: {app: a}}
        policyTypes: [Egress]
        """);

    private static readonly string DenyEverything = Policy("default/deny-all", """
        podSelector: {}
        policyTypes: [Ingress, Egress]
        """);

    private static string IngressToB(string from) => Policy("default/b-ingress", $$$"""
        podSelector: {matchLabels: {app: b}}
        policyTypes: [Ingress]
        ingress:
        - from: [{{{from}}}]
        """);

    public static TheoryData<ConnectivityCase> Cases => new()
    {
        new("the source's egress allowing is not enough when the destination's ingress denies",
            World: Pods, Policies: [AEgressToB, DenyBIngress],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("the destination's ingress allowing is not enough when the source's egress denies",
            World: Pods, Policies: [DenyAEgress, BIngressFromA],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a connection passes when egress and ingress both allow it",
            World: Pods, Policies: [AEgressToB, BIngressFromA],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a port in both the egress and the ingress ports passes",
            World: Pods, Policies: [Policy("default/a-out", """
                podSelector: {matchLabels: {app: a}}
                egress:
                - ports: [{port: 80}]
                """), Policy("default/b-in", """
                podSelector: {matchLabels: {app: b}}
                ingress:
                - ports: [{port: 80, endPort: 90}]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a port in the ingress ports but not the egress ports is denied",
            World: Pods, Policies: [Policy("default/a-out", """
                podSelector: {matchLabels: {app: a}}
                egress:
                - ports: [{port: 80}]
                """), Policy("default/b-in", """
                podSelector: {matchLabels: {app: b}}
                ingress:
                - ports: [{port: 80, endPort: 90}]
                """)],
            From: "default/a", To: "default/b", Port: "85/TCP", Allowed: false),
        new("a pod always reaches itself even under deny-all",
            World: Pods, Policies: [DenyEverything],
            From: "default/a", To: "default/a", Port: "80/TCP", Allowed: true),
        new("a pod reaches itself on any protocol even under deny-all",
            World: Pods, Policies: [DenyEverything],
            From: "default/b", To: "default/b", Port: "9999/SCTP", Allowed: true),
        new("a pod without an IP reaches itself even under deny-all",
            World: [.. Pods, "pod default/pending app=p"], Policies: [DenyEverything],
            From: "default/pending", To: "default/pending", Port: "80/UDP", Allowed: true),
        new("a hostNetwork pod is not isolated for ingress by a deny-all",
            World: Pods, Policies: [DenyEverything],
            From: "203.0.113.1", To: "default/node-agent", Port: "9100/TCP", Allowed: true),
        new("a hostNetwork pod is not isolated for egress by a deny-all",
            World: Pods, Policies: [Policy("default/deny-egress", """
                podSelector: {}
                policyTypes: [Egress]
                """)],
            From: "default/node-agent", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a hostNetwork pod is not matched by a podSelector peer that matches its labels",
            World: Pods, Policies: [IngressToB("{podSelector: {matchLabels: {app: agent}}}")],
            From: "default/node-agent", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a hostNetwork pod is not matched by an empty podSelector peer",
            World: Pods, Policies: [IngressToB("{podSelector: {}}")],
            From: "default/node-agent", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a hostNetwork pod is not matched by an all-namespaces peer",
            World: Pods, Policies: [IngressToB("{namespaceSelector: {}}")],
            From: "default/node-agent", To: "default/b", Port: "80/TCP", Allowed: false),
        new("a hostNetwork pod is matched by an ipBlock on its IP",
            World: Pods, Policies: [IngressToB("{ipBlock: {cidr: 192.168.1.0/24}}")],
            From: "default/node-agent", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a hostNetwork pod is admitted by a rule without from",
            World: Pods, Policies: [Policy("default/b-any", """
                podSelector: {matchLabels: {app: b}}
                ingress:
                - ports: [{port: 80}]
                """)],
            From: "default/node-agent", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an egress podSelector peer does not match a hostNetwork destination",
            World: Pods, Policies: [Policy("default/a-out", """
                podSelector: {matchLabels: {app: a}}
                egress:
                - to: [{podSelector: {}}]
                """)],
            From: "default/a", To: "default/node-agent", Port: "9100/TCP", Allowed: false),
        new("an egress ipBlock peer matches a hostNetwork destination's IP",
            World: Pods, Policies: [Policy("default/a-out", """
                podSelector: {matchLabels: {app: a}}
                egress:
                - to: [{ipBlock: {cidr: 192.168.1.10/32}}]
                """)],
            From: "default/a", To: "default/node-agent", Port: "9100/TCP", Allowed: true),
    };
}
