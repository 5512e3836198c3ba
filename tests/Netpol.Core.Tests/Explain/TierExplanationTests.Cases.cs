using Netpol.Core.Explain;
using Netpol.Core.Model;
using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Explanations;

public sealed partial class TierExplanationTests
{
    private static readonly string[] Pods =
    [
        "namespace prod env=prod",
        "namespace dev env=dev",
        "pod prod/a app=a ip:10.0.0.1",
        "pod prod/b app=b ip:10.0.0.2 port:http=8080/TCP",
        "pod dev/c app=c ip:10.0.1.3",
    ];

    private const string ToB = "pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: b}}}";
    private const string FromA = "pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: a}}}";

    private static readonly string NpDenyIngressToB = Policy("prod/deny-b", """
        podSelector: {matchLabels: {app: b}}
        policyTypes: [Ingress]
        """);

    private static readonly string NpAllowIngressToB = Policy("prod/allow-b", """
        podSelector: {matchLabels: {app: b}}
        ingress:
        - {}
        """);

    private static readonly string DnsAllowlist = ClusterPolicy("egress-allowlist", "Admin", 1, "namespaces: {}", """
        egress:
        - name: example-api
          action: Accept
          to:
          - domainNames: [api.example.com]
          protocols:
          - tcp: {destinationPort: {number: 443}}
        - action: Deny
          to:
          - networks: [0.0.0.0/0]
        """);

    public static TheoryData<WalkCase> Walks => new()
    {
        new("an Admin Accept decides and NetworkPolicy is not consulted",
            Policies: [NpDenyIngressToB, ClusterPolicy("accept", "Admin", 1, ToB, Rule("ingress", "Accept", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.Admin,
            Steps: ["[Admin] cnp/accept ingress[0] Matched Accept"], Allowed: true),
        new("an Admin Deny decides over a NetworkPolicy that allows",
            Policies: [NpAllowIngressToB, ClusterPolicy("deny", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.Admin,
            Steps: ["[Admin] cnp/deny ingress[0] Matched Deny"], Allowed: false),
        new("a Pass hands the port to the NetworkPolicy that isolates the pod",
            Policies: [NpAllowIngressToB, ClusterPolicy("pass", "Admin", 1, ToB, Rule("ingress", "Pass", "namespaces: {}") + "- action: Deny\n  from:\n  - namespaces: {}\n")],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.NetworkPolicy,
            Steps: ["[Admin] cnp/pass ingress[0] Matched Pass"], Allowed: true),
        new("a Pass hands the port to the Baseline tier when no NetworkPolicy isolates the pod",
            Policies: [ClusterPolicy("pass", "Admin", 1, ToB, Rule("ingress", "Pass", "namespaces: {}")), ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.Baseline,
            Steps: ["[Admin] cnp/pass ingress[0] Matched Pass", "[Baseline] cnp/base ingress[0] Matched Deny"], Allowed: false),
        new("a Baseline Deny decides for a pod no NetworkPolicy isolates",
            Policies: [ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.Baseline,
            Steps: ["[Baseline] cnp/base ingress[0] Matched Deny"], Allowed: false),
        new("a Baseline Accept before a Baseline default deny allows",
            Policies: [ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Accept", FromA) + "- action: Deny\n  from:\n  - namespaces: {}\n")],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.Baseline,
            Steps: ["[Baseline] cnp/base ingress[0] Matched Accept"], Allowed: true),
        new("the Baseline tier is not consulted for a pod NetworkPolicy isolates",
            Policies: [NpAllowIngressToB, ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.NetworkPolicy,
            Steps: [], Allowed: true),
        new("a policy whose subject does not select the pod is not a step",
            Policies: [ClusterPolicy("dev-only", "Admin", 1, "namespaces: {matchLabels: {env: dev}}", Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.Default,
            Steps: [], Allowed: true),
        new("a rule whose peer does not match is a step that did not match",
            Policies: [ClusterPolicy("deny", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {matchLabels: {env: dev}}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.Default,
            Steps: ["[Admin] cnp/deny ingress[0] PeerNotMatched Deny"], Allowed: true),
        new("a rule for other ports is a step that did not match",
            Policies: [ClusterPolicy("deny", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}", "tcp: {destinationPort: {number: 443}}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.Default,
            Steps: ["[Admin] cnp/deny ingress[0] PortNotMatched Deny"], Allowed: true),
        new("a domainNames rule is reached, counted as not matching, and the next rule decides",
            Policies: [DnsAllowlist],
            From: "prod/a", To: "8.8.8.8", Port: "443/TCP", Side: Direction.Egress, DecidedBy: TierDecision.Admin,
            Steps: ["[Admin] cnp/egress-allowlist egress[0] DependsOnDns Accept", "[Admin] cnp/egress-allowlist egress[1] Matched Deny"], Allowed: false),
        new("a Pass skips the later Admin policies",
            Policies: [ClusterPolicy("a-pass", "Admin", 1, ToB, Rule("ingress", "Pass", "namespaces: {}")), ClusterPolicy("b-deny", "Admin", 2, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Ingress, DecidedBy: TierDecision.Default,
            Steps: ["[Admin] cnp/a-pass ingress[0] Matched Pass"], Allowed: true),
        new("an egress Accept does not skip the destination's ingress",
            Policies: [NpDenyIngressToB, ClusterPolicy("out", "Admin", 1, FromA, Rule("egress", "Accept", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Side: Direction.Egress, DecidedBy: TierDecision.Admin,
            Steps: ["[Admin] cnp/out egress[0] Matched Accept"], Allowed: false),
    };
}
