using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Rules;

public partial class IsolationTests
{
    private static readonly string[] Pods =
    [
        "pod default/a app=a ip:10.0.0.1",
        "pod default/b app=b ip:10.0.0.2",
        "pod default/c app=c ip:10.0.0.3",
    ];

    private static readonly string DenyIngressToC = Policy("default/deny-c", """
        podSelector: {matchLabels: {app: c}}
        policyTypes: [Ingress]
        """);

    private static readonly string DenyIngressToB = Policy("default/deny-b", """
        podSelector: {matchLabels: {app: b}}
        policyTypes: [Ingress]
        """);

    private static readonly string DenyEgressFromA = Policy("default/deny-a", """
        podSelector: {matchLabels: {app: a}}
        policyTypes: [Egress]
        """);

    public static TheoryData<ConnectivityCase> Cases => new()
    {
        new("without any policy every pod reaches every other pod",
            World: Pods, Policies: [],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("without any policy every protocol passes",
            World: Pods, Policies: [],
            From: "default/a", To: "default/b", Port: "5000/SCTP", Allowed: true),
        new("a deny-all for another pod leaves the destination's ingress open",
            World: Pods, Policies: [DenyIngressToC],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a deny-all for another pod does isolate that pod",
            World: Pods, Policies: [DenyIngressToC],
            From: "default/a", To: "default/c", Port: "80/TCP", Allowed: false),
        new("an ingress-only policy on the source leaves its egress open",
            World: Pods, Policies: [Policy("default/deny-a-in", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Ingress]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an egress-only policy on the destination leaves its ingress open",
            World: Pods, Policies: [Policy("default/deny-b-out", """
                podSelector: {matchLabels: {app: b}}
                policyTypes: [Egress]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("an ingress deny-all on the destination isolates its ingress",
            World: Pods, Policies: [DenyIngressToB],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an egress deny-all on the source isolates its egress",
            World: Pods, Policies: [DenyEgressFromA],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("an egress deny-all on the source does not isolate other pods' egress",
            World: Pods, Policies: [DenyEgressFromA],
            From: "default/c", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a pod without labels is not selected by a podSelector with matchLabels",
            World: [.. Pods, "pod default/plain ip:10.0.0.9"], Policies: [Policy("default/deny-web", """
                podSelector: {matchLabels: {app: web}}
                policyTypes: [Ingress, Egress]
                """)],
            From: "default/a", To: "default/plain", Port: "80/TCP", Allowed: true),
        new("an external client reaches a pod that no policy selects",
            World: Pods, Policies: [DenyIngressToC],
            From: "203.0.113.7", To: "default/b", Port: "443/TCP", Allowed: true),
        new("a pod that no egress policy selects reaches an external address",
            World: Pods, Policies: [DenyIngressToB],
            From: "default/b", To: "198.51.100.1", Port: "443/TCP", Allowed: true),
        new("an external client cannot reach a pod isolated for ingress",
            World: Pods, Policies: [DenyIngressToB],
            From: "203.0.113.7", To: "default/b", Port: "443/TCP", Allowed: false),
    };
}
