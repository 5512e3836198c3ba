using Netpol.Core.Model;
using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Explanations;

public partial class ExplainerTests
{
    private static readonly string SecondPeerTwoPorts = Policy("default/b-ingress", """
        podSelector: {matchLabels: {app: b}}
        ingress:
        - from:
          - podSelector: {matchLabels: {app: nobody}}
          - podSelector: {matchLabels: {app: a}}
          ports: [{port: 80}, {port: 443}]
        """);

    public static TheoryData<ReferenceCase> References => new()
    {
        new("the reference names the rule, the matching peer and the matching port",
            World: Pods, Policies: [SecondPeerTwoPorts],
            From: "default/a", To: "default/b", Port: "80/TCP", Side: Direction.Ingress,
            Expected: "policy default/b-ingress ingress[0] from[1] ports[0]"),
        new("the reference names the second port when that is the one that matches",
            World: Pods, Policies: [SecondPeerTwoPorts],
            From: "default/a", To: "default/b", Port: "443/TCP", Side: Direction.Ingress,
            Expected: "policy default/b-ingress ingress[0] from[1] ports[1]"),
        new("the reference names the second rule when that is the one that matches",
            World: Pods, Policies: [Policy("default/b-ingress", """
                podSelector: {matchLabels: {app: b}}
                ingress:
                - from: [{podSelector: {matchLabels: {app: nobody}}}]
                - from: [{podSelector: {matchLabels: {app: a}}}]
                  ports: [{port: 80}]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Side: Direction.Ingress,
            Expected: "policy default/b-ingress ingress[1] from[0] ports[0]"),
        new("a rule without from is named without a peer",
            World: Pods, Policies: [Policy("default/b-ingress", """
                podSelector: {matchLabels: {app: b}}
                ingress:
                - ports: [{port: 80}]
                """)],
            From: "203.0.113.1", To: "default/b", Port: "80/TCP", Side: Direction.Ingress,
            Expected: "policy default/b-ingress ingress[0] ports[0]"),
        new("a rule without ports is named without a port",
            World: Pods, Policies: [Policy("default/b-ingress", """
                podSelector: {matchLabels: {app: b}}
                ingress:
                - from: [{podSelector: {matchLabels: {app: a}}}]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Side: Direction.Ingress,
            Expected: "policy default/b-ingress ingress[0] from[0]"),
        new("an empty rule is named by its index alone",
            World: Pods, Policies: [Policy("default/b-ingress", """
                podSelector: {matchLabels: {app: b}}
                ingress:
                - {}
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Side: Direction.Ingress,
            Expected: "policy default/b-ingress ingress[0]"),
        new("a named port is named by its index",
            World: Pods, Policies: [Policy("default/b-ingress", """
                podSelector: {matchLabels: {app: b}}
                ingress:
                - from: [{podSelector: {matchLabels: {app: a}}}]
                  ports: [{port: 9999}, {port: http}]
                """)],
            From: "default/a", To: "default/b", Port: "8080/TCP", Side: Direction.Ingress,
            Expected: "policy default/b-ingress ingress[0] from[0] ports[1]"),
        new("an egress rule is named with to instead of from",
            World: Pods, Policies: [Policy("default/a-egress", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Egress]
                egress:
                - to: [{ipBlock: {cidr: 198.51.100.0/24}}]
                - to: [{podSelector: {matchLabels: {app: b}}}, {podSelector: {matchLabels: {app: x}}}]
                  ports: [{port: 53, protocol: UDP}, {port: 80}]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Side: Direction.Egress,
            Expected: "policy default/a-egress egress[1] to[0] ports[1]"),
        new("a namespaceSelector peer is named like any other",
            World: Pods, Policies: [Policy("default/b-ingress", """
                podSelector: {matchLabels: {app: b}}
                ingress:
                - from:
                  - podSelector: {matchLabels: {app: a}}
                  - namespaceSelector: {matchLabels: {env: dev}}
                  ports: [{port: 80}]
                """)],
            From: "dev/tool", To: "default/b", Port: "80/TCP", Side: Direction.Ingress,
            Expected: "policy default/b-ingress ingress[0] from[1] ports[0]"),
    };
}
