using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Rules;

public partial class PolicyTypesTests
{
    private static readonly string[] Pods =
    [
        "pod default/a app=a ip:10.0.0.1",
        "pod default/b app=b ip:10.0.0.2",
        "pod default/c app=c ip:10.0.0.3",
    ];

    public static TheoryData<ConnectivityCase> Cases => new()
    {
        new("without policyTypes a policy with no rules isolates ingress",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: b}}
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("without policyTypes a policy with no egress field leaves egress open",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: a}}
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("without policyTypes an empty egress list does not add Egress",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: a}}
                egress: []
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("without policyTypes an empty egress list still isolates ingress",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: a}}
                egress: []
                """)],
            From: "default/b", To: "default/a", Port: "80/TCP", Allowed: false),
        new("without policyTypes one egress rule adds Egress and denies what it does not list",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: a}}
                egress:
                - to: [{podSelector: {matchLabels: {app: c}}}]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("without policyTypes one egress rule adds Egress and allows what it lists",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: a}}
                egress:
                - to: [{podSelector: {matchLabels: {app: c}}}]
                """)],
            From: "default/a", To: "default/c", Port: "80/TCP", Allowed: true),
        new("without policyTypes an egress-only spec still isolates ingress",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: a}}
                egress:
                - {}
                """)],
            From: "default/b", To: "default/a", Port: "80/TCP", Allowed: false),
        new("an empty policyTypes list is defaulted like an absent one",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: b}}
                policyTypes: []
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("policyTypes Egress alone ignores the ingress rules and leaves ingress open",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: b}}
                policyTypes: [Egress]
                ingress:
                - from: [{podSelector: {matchLabels: {app: c}}}]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("policyTypes Egress alone with no egress rules denies all egress",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: b}}
                policyTypes: [Egress]
                ingress:
                - {}
                """)],
            From: "default/b", To: "default/a", Port: "80/TCP", Allowed: false),
        new("policyTypes Ingress alone ignores the egress rules and leaves egress open",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Ingress]
                egress:
                - to: [{podSelector: {matchLabels: {app: c}}}]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("policyTypes Ingress alone ignores an allow-all egress rule too",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Ingress]
                egress:
                - {}
                """)],
            From: "default/b", To: "default/a", Port: "80/TCP", Allowed: false),
        new("policyTypes Ingress and Egress with no rules denies egress",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Ingress, Egress]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: false),
        new("policyTypes Ingress and Egress with no rules denies ingress",
            World: Pods, Policies: [Policy("default/p", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Ingress, Egress]
                """)],
            From: "default/b", To: "default/a", Port: "80/TCP", Allowed: false),
    };
}
