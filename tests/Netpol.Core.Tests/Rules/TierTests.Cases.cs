using System.Globalization;
using System.Text;
using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Rules;

public sealed partial class TierTests
{
    private static readonly string[] Pods =
    [
        "namespace prod env=prod",
        "namespace dev env=dev",
        "pod prod/a app=a ip:10.0.0.1",
        "pod prod/b app=b ip:10.0.0.2 port:http=8080/TCP",
        "pod dev/c app=c ip:10.0.1.3",
        "pod prod/h app=h ip:10.0.9.9 hostNetwork",
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

    private static readonly string NpDenyEgressFromA = Policy("prod/deny-a-out", """
        podSelector: {matchLabels: {app: a}}
        policyTypes: [Egress]
        """);

    private static readonly string NpIsolateEgressOfB = Policy("prod/b-out", """
        podSelector: {matchLabels: {app: b}}
        policyTypes: [Egress]
        """);

    // The node prod/h runs on (a hostNetwork pod carries its node's address).
    private const string InfraNode = "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: {role: infra}\nstatus:\n  addresses:\n  - {type: InternalIP, address: 10.0.9.9}\n  - {type: Hostname, address: n1}\n";

    private static string Rule(string direction, string action, string peer, string? protocols = null)
    {
        var peers = direction == "ingress" ? "from" : "to";
        var text = $"{direction}:\n- action: {action}\n  {peers}:\n  - {peer}\n";
        return protocols is null ? text : text + $"  protocols:\n  - {protocols}\n";
    }

    public static TheoryData<ConnectivityCase> Cases => new()
    {
        // Admin tier over NetworkPolicy
        new("an Admin Accept wins over a NetworkPolicy that denies",
            World: Pods, Policies: [NpDenyIngressToB, ClusterPolicy("accept", "Admin", 1, ToB, Rule("ingress", "Accept", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),
        new("an Admin Deny wins over a NetworkPolicy that allows",
            World: Pods, Policies: [NpAllowIngressToB, ClusterPolicy("deny", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: false),
        new("an Admin Accept on egress wins over a NetworkPolicy egress deny",
            World: Pods, Policies: [NpDenyEgressFromA, ClusterPolicy("out", "Admin", 1, FromA, Rule("egress", "Accept", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),
        new("an Admin egress Accept does not skip the destination's ingress",
            World: Pods, Policies: [NpDenyIngressToB, ClusterPolicy("out", "Admin", 1, FromA, Rule("egress", "Accept", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: false),

        // Pass
        new("Pass falls to a NetworkPolicy that allows",
            World: Pods, Policies: [NpAllowIngressToB, ClusterPolicy("pass", "Admin", 1, ToB, Rule("ingress", "Pass", "namespaces: {}") + "- action: Deny\n  from:\n  - namespaces: {}\n")],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),
        new("Pass falls to a NetworkPolicy that denies",
            World: Pods, Policies: [NpDenyIngressToB, ClusterPolicy("pass", "Admin", 1, ToB, Rule("ingress", "Pass", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: false),
        new("Pass skips later Admin policies too",
            World: Pods, Policies: [ClusterPolicy("pass", "Admin", 1, ToB, Rule("ingress", "Pass", "namespaces: {}")), ClusterPolicy("deny", "Admin", 2, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),
        new("Pass reaches the Baseline tier for a pod no NetworkPolicy isolates",
            World: Pods, Policies: [ClusterPolicy("pass", "Admin", 1, ToB, Rule("ingress", "Pass", "namespaces: {}")), ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: false),

        // Order
        new("the lower priority number decides first",
            World: Pods, Policies: [ClusterPolicy("a-deny", "Admin", 5, ToB, Rule("ingress", "Deny", "namespaces: {}")), ClusterPolicy("z-accept", "Admin", 1, ToB, Rule("ingress", "Accept", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),
        new("a higher priority number decides only what lower ones left",
            World: Pods, Policies: [NpAllowIngressToB, ClusterPolicy("a-deny", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}")), ClusterPolicy("z-accept", "Admin", 5, ToB, Rule("ingress", "Accept", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: false),
        new("within a policy the first matching rule decides",
            World: Pods, Policies: [ClusterPolicy("order", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}") + "- action: Accept\n  from:\n  - namespaces: {}\n")],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: false),
        new("a rule that does not match the port leaves it to the next rule",
            World: Pods, Policies: [ClusterPolicy("ports", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}", "tcp: {destinationPort: {number: 80}}"))],
            From: "prod/a", To: "prod/b", Port: "81/TCP", Allowed: true),
        new("a rule decides the ports it names",
            World: Pods, Policies: [ClusterPolicy("ports", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}", "tcp: {destinationPort: {number: 80}}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: false),
        new("a port range covers its ends",
            World: Pods, Policies: [ClusterPolicy("range", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}", "udp: {destinationPort: {range: {start: 50, end: 53}}}"))],
            From: "prod/a", To: "prod/b", Port: "53/UDP", Allowed: false),
        new("a named port resolves against the destination pod",
            World: Pods, Policies: [ClusterPolicy("named", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}", "destinationNamedPort: http"))],
            From: "prod/a", To: "prod/b", Port: "8080/TCP", Allowed: false),
        new("a named port leaves the destination's other ports alone",
            World: Pods, Policies: [ClusterPolicy("named", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}", "destinationNamedPort: http"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),

        // Baseline tier
        new("a Baseline Deny applies to a pod no NetworkPolicy isolates",
            World: Pods, Policies: [ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: false),
        new("a Baseline Deny does not apply to a pod a NetworkPolicy isolates",
            World: Pods, Policies: [NpAllowIngressToB, ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),
        new("isolation is per direction: egress isolation does not stop a Baseline ingress Deny",
            World: Pods, Policies: [NpIsolateEgressOfB, ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: false),
        new("a Baseline Accept wins over a later Baseline Deny",
            World: Pods, Policies: [ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Accept", "namespaces: {matchLabels: {env: prod}}") + "- action: Deny\n  from:\n  - namespaces: {}\n")],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),
        new("a Baseline Deny catches what the Baseline Accept does not",
            World: Pods, Policies: [ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Accept", "namespaces: {matchLabels: {env: prod}}") + "- action: Deny\n  from:\n  - namespaces: {}\n")],
            From: "dev/c", To: "prod/b", Port: "80/TCP", Allowed: false),
        new("an Admin Accept wins over a Baseline Deny",
            World: Pods, Policies: [ClusterPolicy("accept", "Admin", 1, ToB, Rule("ingress", "Accept", "namespaces: {}")), ClusterPolicy("base", "Baseline", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),

        // Subjects and peers
        new("a pod outside the subject is not affected",
            World: Pods, Policies: [ClusterPolicy("deny", "Admin", 1, "pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {}}", Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "dev/c", Port: "80/TCP", Allowed: true),
        new("hostNetwork pods are never subjects",
            World: Pods, Policies: [ClusterPolicy("deny", "Admin", 1, "namespaces: {}", Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/a", To: "prod/h", Port: "80/TCP", Allowed: true),
        new("a namespaces peer does not match a hostNetwork pod",
            World: Pods, Policies: [ClusterPolicy("deny", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}"))],
            From: "prod/h", To: "prod/b", Port: "80/TCP", Allowed: true),
        new("a networks peer matches a hostNetwork pod's address",
            World: Pods, Policies: [ClusterPolicy("deny", "Admin", 1, FromA, Rule("egress", "Deny", "networks: [10.0.9.0/24]"))],
            From: "prod/a", To: "prod/h", Port: "80/TCP", Allowed: false),
        new("a networks peer matches pod IPs",
            World: Pods, Policies: [ClusterPolicy("deny", "Admin", 1, FromA, Rule("egress", "Deny", "networks: [10.0.1.0/24]"))],
            From: "prod/a", To: "dev/c", Port: "80/TCP", Allowed: false),
        new("a networks peer leaves other pods alone",
            World: Pods, Policies: [ClusterPolicy("deny", "Admin", 1, FromA, Rule("egress", "Deny", "networks: [10.0.1.0/24]"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),
        new("a networks peer matches external addresses",
            World: Pods, Policies: [ClusterPolicy("deny", "Admin", 1, FromA, Rule("egress", "Deny", "networks: [0.0.0.0/0]"))],
            From: "prod/a", To: "8.8.8.8", Port: "443/TCP", Allowed: false),
        new("a nodes peer matches the address of a matching node",
            World: Pods, Policies: [InfraNode, ClusterPolicy("deny", "Admin", 1, FromA, Rule("egress", "Deny", "nodes: {matchLabels: {role: infra}}"))],
            From: "prod/a", To: "prod/h", Port: "80/TCP", Allowed: false),
        new("a nodes peer does not match a node whose labels differ",
            World: Pods, Policies: [InfraNode, ClusterPolicy("deny", "Admin", 1, FromA, Rule("egress", "Deny", "nodes: {matchLabels: {role: gpu}}"))],
            From: "prod/a", To: "prod/h", Port: "80/TCP", Allowed: true),
        new("a domainNames peer is treated as not matching",
            World: Pods, Policies: [ClusterPolicy("dns", "Admin", 1, FromA, Rule("egress", "Accept", "domainNames: [dns.google]") + "- action: Deny\n  to:\n  - networks: [0.0.0.0/0]\n")],
            From: "prod/a", To: "8.8.8.8", Port: "443/TCP", Allowed: false),
        new("a pods peer needs both selectors to match",
            World: Pods, Policies: [ClusterPolicy("deny", "Admin", 1, ToB, Rule("ingress", "Deny", "pods: {namespaceSelector: {matchLabels: {env: dev}}, podSelector: {matchLabels: {app: a}}}"))],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),

        // Legacy kinds
        new("an AdminNetworkPolicy Allow wins over a NetworkPolicy that denies",
            World: Pods, Policies: [NpDenyIngressToB, LegacyAdmin("allow", 1, ToB, "ingress:\n- action: Allow\n  from:\n  - namespaces: {}\n")],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: true),
        new("a BaselineAdminNetworkPolicy Deny applies to pods no NetworkPolicy isolates",
            World: Pods, Policies: [LegacyBaseline(ToB, "ingress:\n- action: Deny\n  from:\n  - namespaces: {}\n")],
            From: "prod/a", To: "prod/b", Port: "80/TCP", Allowed: false),
    };

    /// <summary>A ClusterNetworkPolicy document; <paramref name="rules"/> is YAML at spec level, unindented.</summary>
    private static string ClusterPolicy(string name, string tier, int priority, string subject, string rules) =>
        Document("policy.networking.k8s.io/v1alpha2", "ClusterNetworkPolicy", name, $"tier: {tier}\npriority: {priority}\nsubject:\n  {subject}\n{rules}");

    private static string LegacyAdmin(string name, int priority, string subject, string rules) =>
        Document("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy", name, $"priority: {priority}\nsubject:\n  {subject}\n{rules}");

    private static string LegacyBaseline(string subject, string rules) =>
        Document("policy.networking.k8s.io/v1alpha1", "BaselineAdminNetworkPolicy", "default", $"subject:\n  {subject}\n{rules}");

    private static string Document(string apiVersion, string kind, string name, string spec)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {name}\nspec:\n");
        foreach (var line in spec.TrimEnd('\n').Split('\n'))
        {
            sb.Append("  ").Append(line).Append('\n');
        }

        return sb.ToString();
    }
}
