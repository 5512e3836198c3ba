using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Rules;

public partial class AdditivityTests
{
    private static readonly string[] Pods =
    [
        "namespace other",
        "pod default/a app=a ip:10.0.0.1",
        "pod default/b app=b tier=backend ip:10.0.0.2",
        "pod default/c app=c ip:10.0.0.3",
        "pod other/b app=b ip:10.1.0.2",
        "pod other/x app=x ip:10.1.0.9",
    ];

    private static readonly string FromAOn80 = Policy("default/from-a", """
        podSelector: {matchLabels: {app: b}}
        ingress:
        - from: [{podSelector: {matchLabels: {app: a}}}]
          ports: [{port: 80}]
        """);

    private static readonly string FromCOn80 = Policy("default/from-c", """
        podSelector: {matchLabels: {app: b}}
        ingress:
        - from: [{podSelector: {matchLabels: {app: c}}}]
          ports: [{port: 80}]
        """);

    private static readonly string FromAOn81ForBackends = Policy("default/backend-from-a", """
        podSelector: {matchLabels: {tier: backend}}
        ingress:
        - from: [{podSelector: {matchLabels: {app: a}}}]
          ports: [{port: 81}]
        """);

    private static readonly string DenyAllInDefault = Policy("default/deny-all", """
        podSelector: {}
        policyTypes: [Ingress, Egress]
        """);

    public static TheoryData<ConnectivityCase> Cases => new()
    {
        new("the first of two policies admits its peer",
            World: Pods, Policies: [FromAOn80, FromCOn80],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("the second of two policies admits its peer",
            World: Pods, Policies: [FromAOn80, FromCOn80],
            From: "default/c", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a port that only a policy with another selector allows is added",
            World: Pods, Policies: [FromAOn80, FromAOn81ForBackends],
            From: "default/a", To: "default/b", Port: "81/TCP", Allowed: true),
        new("a port that no selecting policy allows stays denied",
            World: Pods, Policies: [FromAOn80, FromAOn81ForBackends],
            From: "default/a", To: "default/b", Port: "82/TCP", Allowed: false),
        new("a deny-all policy does not take away what another policy allows",
            World: Pods, Policies: [Policy("default/deny-b", """
                podSelector: {matchLabels: {app: b}}
                policyTypes: [Ingress]
                """), FromAOn80],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("egress policies add up as well",
            World: Pods, Policies: [Policy("default/to-b-80", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Egress]
                egress:
                - to: [{podSelector: {matchLabels: {app: b}}}]
                  ports: [{port: 80}]
                """), Policy("default/to-b-443", """
                podSelector: {matchLabels: {app: a}}
                policyTypes: [Egress]
                egress:
                - to: [{podSelector: {matchLabels: {app: b}}}]
                  ports: [{port: 443}]
                """)],
            From: "default/a", To: "default/b", Port: "443/TCP", Allowed: true),
        new("a policy in another namespace does not select a pod here",
            World: Pods, Policies: [Policy("other/deny-all", """
                podSelector: {}
                policyTypes: [Ingress, Egress]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a policy in another namespace does not select a pod here even when its labels match",
            World: Pods, Policies: [Policy("other/deny-b", """
                podSelector: {matchLabels: {app: b}}
                policyTypes: [Ingress]
                """)],
            From: "default/a", To: "default/b", Port: "80/TCP", Allowed: true),
        new("a policy selects the pods of its own namespace",
            World: Pods, Policies: [Policy("other/deny-b", """
                podSelector: {matchLabels: {app: b}}
                policyTypes: [Ingress]
                """)],
            From: "default/a", To: "other/b", Port: "80/TCP", Allowed: false),
        new("a deny-all in another namespace leaves this namespace's traffic open",
            World: Pods, Policies: [DenyAllInDefault],
            From: "other/x", To: "other/b", Port: "80/TCP", Allowed: true),
    };
}
