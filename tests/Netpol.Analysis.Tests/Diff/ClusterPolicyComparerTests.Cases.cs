namespace Netpol.Analysis.Tests.Diff;

public partial class ClusterPolicyComparerTests
{
    private const string Prod = "tier: Admin\npriority: 10\nsubject: {namespaces: {matchLabels: {env: prod}}}\n";

    private const string Guard = Prod + """
        ingress:
        - {name: no-dev, action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}
        - {name: scrape, action: Accept, from: [{namespaces: {matchLabels: {team: obs}}}], protocols: [{tcp: {destinationPort: {number: 9090}}}]}
        """;

    public static TheoryData<ClusterPolicyComparisonCase> Cases => new()
    {
        new("the same text is the same policy", Guard, Guard, []),
        new("block style and comments do not matter",
            Prod + "ingress: [{name: no-dev, action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}]",
            Prod + "ingress:\n  # dev never reaches prod\n  - name: no-dev\n    action: Deny\n    from:\n      - namespaces:\n          matchLabels:\n            env: dev\n",
            []),
        new("the order and duplicates of peers and protocols do not matter",
            Prod + "ingress: [{action: Accept, from: [{namespaces: {matchLabels: {a: x}}}, {namespaces: {matchLabels: {b: y}}}], protocols: [{tcp: {destinationPort: {number: 80}}}, {udp: {destinationPort: {number: 53}}}]}]",
            Prod + "ingress: [{action: Accept, from: [{namespaces: {matchLabels: {b: y}}}, {namespaces: {matchLabels: {a: x}}}, {namespaces: {matchLabels: {b: y}}}], protocols: [{udp: {destinationPort: {number: 53}}}, {tcp: {destinationPort: {number: 80}}}]}]",
            []),
        new("a namespaces peer is a pods peer with podSelector {}",
            Prod + "ingress: [{action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}]",
            Prod + "ingress: [{action: Deny, from: [{pods: {namespaceSelector: {matchLabels: {env: dev}}, podSelector: {}}}]}]",
            []),
        new("a namespaces subject is a pods subject with podSelector {}",
            Prod + "ingress: [{action: Deny, from: [{namespaces: {}}]}]",
            "tier: Admin\npriority: 10\nsubject: {pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {}}}\ningress: [{action: Deny, from: [{namespaces: {}}]}]",
            []),
        new("another priority changes spec.priority",
            Guard,
            Guard.Replace("priority: 10", "priority: 15", StringComparison.Ordinal),
            ["spec.priority changed: 10 -> 15"]),
        new("another tier changes spec.tier",
            Guard,
            Guard.Replace("tier: Admin", "tier: Baseline", StringComparison.Ordinal).Replace("action: Accept", "action: Deny", StringComparison.Ordinal),
            ["spec.tier changed: Admin -> Baseline", "spec.ingress[1].action changed: Accept -> Deny"]),
        new("another subject changes spec.subject",
            Guard,
            Guard.Replace("subject: {namespaces: {matchLabels: {env: prod}}}", "subject: {pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels: {app: db}}}}", StringComparison.Ordinal),
            ["spec.subject changed: namespaces env=prod -> pods app=db in namespaces env=prod"]),
        new("another action of a named rule changes its action",
            Guard,
            Guard.Replace("name: no-dev, action: Deny", "name: no-dev, action: Pass", StringComparison.Ordinal),
            ["spec.ingress[0].action changed: Deny -> Pass"]),
        new("another peer changes the rule's from",
            Guard,
            Guard.Replace("{env: dev}", "{env: test}", StringComparison.Ordinal),
            ["spec.ingress[0].from changed: namespaces env=dev -> namespaces env=test"]),
        new("another port changes the rule's protocols",
            Guard,
            Guard.Replace("number: 9090", "number: 9091", StringComparison.Ordinal),
            ["spec.ingress[1].protocols changed: 9090/TCP -> 9091/TCP"]),
        new("a rule inserted first is added, and the rules after it are not moved",
            Guard,
            Prod + """
                ingress:
                - {name: ops, action: Accept, from: [{namespaces: {matchLabels: {team: ops}}}]}
                - {name: no-dev, action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}
                - {name: scrape, action: Accept, from: [{namespaces: {matchLabels: {team: obs}}}], protocols: [{tcp: {destinationPort: {number: 9090}}}]}
                """,
            ["spec.ingress[0] added: - -> Accept from namespaces team=ops on all ports"]),
        new("a removed rule is named by its base index",
            Guard,
            Prod + "ingress: [{name: scrape, action: Accept, from: [{namespaces: {matchLabels: {team: obs}}}], protocols: [{tcp: {destinationPort: {number: 9090}}}]}]",
            ["spec.ingress[0] removed: Deny from namespaces env=dev on all ports -> -"]),
        new("swapped named rules are a move, because the first match decides",
            Guard,
            Prod + """
                ingress:
                - {name: scrape, action: Accept, from: [{namespaces: {matchLabels: {team: obs}}}], protocols: [{tcp: {destinationPort: {number: 9090}}}]}
                - {name: no-dev, action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}
                """,
            ["spec.ingress[1] moved: ingress[0] -> ingress[1]"]),
        new("unnamed identical rules pair by content, so an insertion before them is only an addition",
            Prod + "ingress: [{action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}]",
            Prod + "ingress: [{action: Pass, from: [{namespaces: {matchLabels: {env: prod}}}]}, {action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}]",
            ["spec.ingress[0] added: - -> Pass from namespaces env=prod on all ports"]),
        new("unnamed different rules pair by position",
            Prod + "ingress: [{action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}]",
            Prod + "ingress: [{action: Accept, from: [{namespaces: {matchLabels: {env: dev}}}]}]",
            ["spec.ingress[0].action changed: Deny -> Accept"]),
        new("a renamed rule with the same content changes its name only",
            Guard,
            Guard.Replace("name: no-dev", "name: dev-stays-out", StringComparison.Ordinal),
            ["spec.ingress[0].name changed: no-dev -> dev-stays-out"]),
        new("a rule whose name and content both change is removed and added",
            Guard,
            Guard.Replace("name: no-dev, action: Deny", "name: dev-ok, action: Accept", StringComparison.Ordinal),
            [
                "spec.ingress[0] added: - -> Accept from namespaces env=dev on all ports",
                "spec.ingress[0] removed: Deny from namespaces env=dev on all ports -> -",
            ]),
        new("egress networks are compared as sets of CIDRs",
            Prod + "egress: [{action: Deny, to: [{networks: [10.0.0.0/8, 192.168.0.0/16]}]}]",
            Prod + "egress: [{action: Deny, to: [{networks: [192.168.0.0/16, 10.0.0.0/8]}]}]",
            []),
        new("another network changes the egress rule's to",
            Prod + "egress: [{action: Deny, to: [{networks: [10.0.0.0/8]}]}]",
            Prod + "egress: [{action: Deny, to: [{networks: [10.0.0.0/16]}]}]",
            ["spec.egress[0].to changed: networks 10.0.0.0/8 -> networks 10.0.0.0/16"]),
        new("another nodes selector changes the egress rule's to",
            Prod + "egress: [{action: Accept, to: [{nodes: {matchLabels: {role: control-plane}}}]}]",
            Prod + "egress: [{action: Accept, to: [{nodes: {matchLabels: {role: worker}}}]}]",
            ["spec.egress[0].to changed: nodes role=control-plane -> nodes role=worker"]),
        new("a legacy AdminNetworkPolicy names its ports field ports",
            "priority: 3\nsubject: {namespaces: {}}\ningress: [{action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 80}}]}]",
            "priority: 3\nsubject: {namespaces: {}}\ningress: [{action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 8080}}]}]",
            ["spec.ingress[0].ports changed: 80/TCP -> 8080/TCP"],
            "AdminNetworkPolicy"),
    };
}
