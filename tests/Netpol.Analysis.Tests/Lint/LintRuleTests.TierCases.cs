using Netpol.Analysis.Lint;
using Netpol.Core.Diagnostics;
using Netpol.Core.Profiles;
using static Netpol.Analysis.Tests.Lint.Manifests;

namespace Netpol.Analysis.Tests.Lint;

/// <summary>Rows for the tier rules: cluster network policies over kube-system, shop and dev.</summary>
public partial class LintRuleTests
{
    private const string ShopSubject = "{namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}";

    private const string FromDev = "[{namespaces: {matchLabels: {env: dev}}}]";

    // Ingress Deny from every pod of every namespace on every port.
    private const string CatchAllIngress = "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n";

    // dev, labelled env: dev, with one tester pod.
    private static readonly string Dev = Join(
        Namespace("dev", "{env: dev}"),
        Pod("dev/tester", "{app: tester}", ip: "10.244.5.5"));

    /// <summary>A ClusterNetworkPolicy; <paramref name="rules"/> is the YAML of its ingress and egress fields.</summary>
    private static string Cnp(string name, string tier, int priority, string subject, string rules) =>
        $"apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: {name}\nspec:\n  tier: {tier}\n  priority: {priority}\n  subject: {subject}\n{rules}";

    private static string TierWorld(params string[] documents) => Join([KubeSystem, Shop, Dev, .. documents]);

    private static IEnumerable<RuleCase> TierRows =>
    [
        new("two Admin policies at one priority decide dev traffic into shop differently",
            "same-priority-overlap",
            TierWorld(
                Cnp("deny-dev", "Admin", 10, ShopSubject, $"  ingress:\n  - action: Deny\n    from: {FromDev}\n"),
                Cnp("allow-dev", "Admin", 10, ShopSubject, $"  ingress:\n  - action: Accept\n    from: {FromDev}\n    protocols: [{{tcp: {{destinationPort: {{number: 80}}}}}}]\n")),
            new ExpectedFinding("ClusterNetworkPolicy deny-dev", "spec.priority", ["ClusterNetworkPolicy allow-dev", "ClusterNetworkPolicy deny-dev", "Admin tier at priority 10", "dev/tester -> shop/api on 80/TCP", "says Accept", "says Deny"])),
        new("the same two policies at different priorities",
            "same-priority-overlap",
            TierWorld(
                Cnp("deny-dev", "Admin", 10, ShopSubject, $"  ingress:\n  - action: Deny\n    from: {FromDev}\n"),
                Cnp("allow-dev", "Admin", 9, ShopSubject, $"  ingress:\n  - action: Accept\n    from: {FromDev}\n    protocols: [{{tcp: {{destinationPort: {{number: 80}}}}}}]\n")),
            Finding: null),
        new("two policies at one priority that decide alike",
            "same-priority-overlap",
            TierWorld(
                Cnp("deny-dev", "Admin", 10, ShopSubject, $"  ingress:\n  - action: Deny\n    from: {FromDev}\n"),
                Cnp("deny-dev-80", "Admin", 10, ShopSubject, $"  ingress:\n  - action: Deny\n    from: {FromDev}\n    protocols: [{{tcp: {{destinationPort: {{number: 80}}}}}}]\n")),
            Finding: null),

        new("an Accept for the dev tester after a Deny for all of dev",
            "shadowed-tier-rule",
            TierWorld(Cnp("guard", "Admin", 10, ShopSubject,
                $"  ingress:\n  - action: Deny\n    from: {FromDev}\n  - action: Accept\n    from: [{{pods: {{namespaceSelector: {{matchLabels: {{env: dev}}}}, podSelector: {{matchLabels: {{app: tester}}}}}}}}]\n    protocols: [{{tcp: {{destinationPort: {{number: 80}}}}}}]\n")),
            new ExpectedFinding("ClusterNetworkPolicy guard", "spec.ingress[1]", ["never decides anything", "dev/tester -> shop/", "on 80/TCP", "[Admin] ClusterNetworkPolicy guard ingress[0] Deny"])),
        new("an Accept shadowed by a policy of lower priority",
            "shadowed-tier-rule",
            TierWorld(
                Cnp("first", "Admin", 5, ShopSubject, $"  ingress:\n  - action: Pass\n    from: {FromDev}\n"),
                Cnp("second", "Admin", 6, ShopSubject, $"  ingress:\n  - action: Accept\n    from: {FromDev}\n")),
            new ExpectedFinding("ClusterNetworkPolicy second", "spec.ingress[0]", ["[Admin] ClusterNetworkPolicy first ingress[0] Pass"])),
        new("an Accept after a Deny that leaves some of its traffic open",
            "shadowed-tier-rule",
            TierWorld(Cnp("guard", "Admin", 10, ShopSubject,
                $"  ingress:\n  - action: Deny\n    from: {FromDev}\n  - action: Accept\n    from: [{{namespaces: {{}}}}]\n    protocols: [{{tcp: {{destinationPort: {{number: 80}}}}}}]\n")),
            Finding: null),

        new("a rule after a catch-all rule",
            "unreachable-tier-rule",
            TierWorld(Cnp("guard", "Baseline", 10, ShopSubject,
                $"  ingress:\n  - action: Deny\n    from: [{{namespaces: {{}}}}]\n  - action: Accept\n    from: {FromDev}\n")),
            new ExpectedFinding("ClusterNetworkPolicy guard", "spec.ingress[1]", ["can never match", "spec.ingress[0] before it (Deny)"])),
        new("a rule whose peers match no pod",
            "unreachable-tier-rule",
            TierWorld(Cnp("guard", "Admin", 10, ShopSubject, "  ingress:\n  - action: Deny\n    from: [{namespaces: {matchLabels: {env: staging}}}]\n")),
            new ExpectedFinding("ClusterNetworkPolicy guard", "spec.ingress[0]", ["none of its peers", "env=staging", "matches anything in the input"])),
        new("a rule after a catch-all limited to one port",
            "unreachable-tier-rule",
            TierWorld(Cnp("guard", "Admin", 10, ShopSubject,
                $"  ingress:\n  - action: Deny\n    from: [{{namespaces: {{}}}}]\n    protocols: [{{tcp: {{destinationPort: {{number: 22}}}}}}]\n  - action: Accept\n    from: {FromDev}\n")),
            Finding: null),

        new("a subject that selects no namespace of the input",
            "cluster-policy-selects-nothing",
            TierWorld(Cnp("staging-guard", "Admin", 10, "{namespaces: {matchLabels: {env: staging}}}", $"  ingress:\n  - action: Deny\n    from: {FromDev}\n")),
            new ExpectedFinding("ClusterNetworkPolicy staging-guard", "spec.subject", ["selects no pod", "env=staging"])),
        new("a subject that selects dev",
            "cluster-policy-selects-nothing",
            TierWorld(Cnp("dev-guard", "Admin", 10, "{namespaces: {matchLabels: {env: dev}}}", "  ingress:\n  - action: Deny\n    from: [{namespaces: {matchLabels: {team: shop}}}]\n")),
            Finding: null),

        new("an AdminNetworkPolicy",
            "legacy-admin-network-policy",
            TierWorld("apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: dev-web\nspec:\n  priority: 7\n  subject:\n    namespaces: {matchLabels: {env: dev}}\n  ingress:\n  - name: from-shop\n    action: Allow\n    from: [{namespaces: {matchLabels: {team: shop}}}]\n    ports: [{portNumber: {protocol: TCP, port: 8080}}]\n"),
            new ExpectedFinding("AdminNetworkPolicy dev-web", string.Empty, ["replaced by ClusterNetworkPolicy", "Allow becomes Accept"],
                Fix: ["apiVersion: policy.networking.k8s.io/v1alpha2", "kind: ClusterNetworkPolicy", "  tier: Admin\n  priority: 7\n", "action: Accept", "- tcp: {destinationPort: {number: 8080}}"])),
        new("a ClusterNetworkPolicy",
            "legacy-admin-network-policy",
            TierWorld(Cnp("dev-web", "Admin", 7, "{namespaces: {matchLabels: {env: dev}}}", "  ingress:\n  - action: Accept\n    from: [{namespaces: {matchLabels: {team: shop}}}]\n")),
            Finding: null),

        new("an Admin Deny of dev that a NetworkPolicy allowing dev cannot overrule",
            "admin-deny-shadows-netpol",
            TierWorld(
                Cnp("deny-dev", "Admin", 10, ShopSubject, $"  ingress:\n  - action: Deny\n    from: {FromDev}\n"),
                IngressTo("web", "- from: [{namespaceSelector: {matchLabels: {env: dev}}}]\n  ports: [{port: 8080}]")),
            new ExpectedFinding("NetworkPolicy shop/web", "spec.ingress[0]", ["never takes effect", "dev/tester -> shop/web on 8080/TCP", "[Admin] ClusterNetworkPolicy deny-dev ingress[0] Deny"])),
        new("a NetworkPolicy rule that also admits pods the Admin tier leaves alone",
            "admin-deny-shadows-netpol",
            TierWorld(
                Cnp("deny-dev", "Admin", 10, ShopSubject, $"  ingress:\n  - action: Deny\n    from: {FromDev}\n"),
                IngressTo("web", "- from: [{namespaceSelector: {}}]\n  ports: [{port: 8080}]")),
            Finding: null),

        new("a Baseline egress Deny of every pod without DNS before it",
            "tier-deny-blocks-dns",
            TierWorld(Cnp("default-deny", "Baseline", 10, ShopSubject, "  egress:\n  - action: Deny\n    to: [{namespaces: {}}]\n")),
            new ExpectedFinding("ClusterNetworkPolicy default-deny", "spec.egress[0]", ["denies DNS (53/UDP)", "for 3 pods", "shop/api -> kube-system/"], Fix: ["action: Accept", "k8s-app: kube-dns"])),
        new("a Baseline egress Deny of every address when the input has no DNS pods (CoreDNS assumed)",
            "tier-deny-blocks-dns",
            Join(Shop, Cnp("default-deny", "Baseline", 10, ShopSubject, "  egress:\n  - action: Deny\n    to: [{networks: [0.0.0.0/0]}]\n")),
            new ExpectedFinding("ClusterNetworkPolicy default-deny", "spec.egress[0]", ["denies DNS (53/UDP)", "assumed", "for 3 pods"])),
        new("a Baseline egress Deny after a DNS Accept",
            "tier-deny-blocks-dns",
            TierWorld(Cnp("default-deny", "Baseline", 10, ShopSubject,
                "  egress:\n  - action: Accept\n    to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}]\n    protocols: [{udp: {destinationPort: {number: 53}}}, {tcp: {destinationPort: {number: 53}}}]\n  - action: Deny\n    to: [{namespaces: {}}]\n")),
            Finding: null),

        new("an Admin Deny for every namespace",
            "tier-deny-in-kube-system",
            TierWorld(Cnp("no-dev-anywhere", "Admin", 10, "{namespaces: {}}", $"  ingress:\n  - action: Deny\n    from: {FromDev}\n")),
            new ExpectedFinding("ClusterNetworkPolicy no-dev-anywhere", "spec.subject.namespaces", ["includes kube-system"], Fix: ["operator: NotIn", "values: [kube-system]"])),
        new("an Admin Deny for every namespace but kube-system",
            "tier-deny-in-kube-system",
            TierWorld(Cnp("no-dev-anywhere", "Admin", 10, "{namespaces: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system]}]}}", $"  ingress:\n  - action: Deny\n    from: {FromDev}\n")),
            Finding: null),

        new("an egress Accept to domain names",
            "domain-names-depend-on-dns",
            TierWorld(Cnp("payments", "Admin", 10, ShopSubject, "  egress:\n  - action: Accept\n    to: [{domainNames: [api.stripe.com]}]\n")),
            new ExpectedFinding("ClusterNetworkPolicy payments", "spec.egress[0].to[0]", ["api.stripe.com", "depending on DNS"])),
        new("an egress Deny to domain names, which the API supports only in Accept rules",
            "domain-names-depend-on-dns",
            TierWorld(Cnp("no-pastebin", "Admin", 10, ShopSubject, "  egress:\n  - action: Deny\n    to: [{domainNames: [pastebin.com]}]\n")),
            new ExpectedFinding("ClusterNetworkPolicy no-pastebin", "spec.egress[0].to[0]", ["pastebin.com", "only in Accept rules", "Deny rule"])),
        new("an egress Accept to a network",
            "domain-names-depend-on-dns",
            TierWorld(Cnp("payments", "Admin", 10, ShopSubject, "  egress:\n  - action: Accept\n    to: [{networks: [203.0.113.0/24]}]\n")),
            Finding: null),
        new("a pod no NetworkPolicy selects, protected by a Baseline catch-all Deny",
            "unprotected-pod",
            TierWorld(IngressTo("web", "- {}"), IngressTo("api", "- {}"), Cnp("default-deny", "Baseline", 100, ShopSubject, CatchAllIngress)),
            new ExpectedFinding("Pod shop/db", "metadata.labels",
                ["no NetworkPolicy selects it for ingress", "protected only by cnp/default-deny (Baseline tier)", "[Baseline] cnp/default-deny ingress[0] denies ingress from every pod", "not from node or external addresses"],
                Fix: ["nothing to do if cnp/default-deny is meant to govern it"], NotMentioned: ["from anywhere"], Severity: Severity.Info)),
        new("a pod protected by an Admin catch-all Deny after an Accept",
            "unprotected-pod",
            TierWorld(IngressTo("web", "- {}"), IngressTo("api", "- {}"), Cnp("lockdown", "Admin", 10, ShopSubject,
                $"  ingress:\n  - action: Accept\n    from: {FromDev}\n    protocols: [{{tcp: {{destinationPort: {{number: 5432}}}}}}]\n  - action: Deny\n    from: [{{pods: {{namespaceSelector: {{}}, podSelector: {{}}}}}}]\n")),
            new ExpectedFinding("Pod shop/db", "metadata.labels", ["protected only by cnp/lockdown (Admin tier)", "[Admin] cnp/lockdown ingress[1]"], Severity: Severity.Info)),
        new("an Admin Pass before the catch-all Deny: passed traffic reaches the default allow",
            "unprotected-pod",
            TierWorld(IngressTo("web", "- {}"), IngressTo("api", "- {}"), Cnp("lockdown", "Admin", 10, ShopSubject,
                $"  ingress:\n  - action: Pass\n    from: {FromDev}\n{CatchAllIngress["  ingress:\n".Length..]}")),
            new ExpectedFinding("Pod shop/db", "metadata.labels", ["accepts connections from anywhere"], NotMentioned: ["protected only"])),
        new("an Admin Pass at the same priority as the catch-all Deny, whose order is undefined",
            "unprotected-pod",
            TierWorld(IngressTo("web", "- {}"), IngressTo("api", "- {}"),
                Cnp("a-lockdown", "Admin", 10, ShopSubject, CatchAllIngress),
                Cnp("b-delegate", "Admin", 10, ShopSubject, $"  ingress:\n  - action: Pass\n    from: {FromDev}\n")),
            new ExpectedFinding("Pod shop/db", "metadata.labels", ["accepts connections from anywhere"])),
        new("a Baseline Deny of a narrower peer that matches every namespace of the input today",
            "unprotected-pod",
            TierWorld(IngressTo("web", "- {}"), IngressTo("api", "- {}"), Cnp("default-deny", "Baseline", 100, ShopSubject,
                "  ingress:\n  - action: Deny\n    from: [{namespaces: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: Exists}]}}]\n")),
            new ExpectedFinding("Pod shop/db", "metadata.labels", ["accepts connections from anywhere"])),
        new("a Baseline catch-all Deny limited to every TCP port",
            "unprotected-pod",
            TierWorld(IngressTo("web", "- {}"), IngressTo("api", "- {}"), Cnp("default-deny", "Baseline", 100, ShopSubject,
                "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    protocols: [{tcp: {destinationPort: {range: {start: 1, end: 65535}}}}]\n")),
            new ExpectedFinding("Pod shop/db", "metadata.labels", ["accepts connections from anywhere"])),
        new("a Baseline catch-all Deny listing every port of TCP, UDP and SCTP",
            "unprotected-pod",
            TierWorld(IngressTo("web", "- {}"), IngressTo("api", "- {}"), Cnp("default-deny", "Baseline", 100, ShopSubject,
                "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    protocols: [{tcp: {destinationPort: {range: {start: 1, end: 65535}}}}, {udp: {destinationPort: {range: {start: 1, end: 65535}}}}, {sctp: {destinationPort: {range: {start: 1, end: 65535}}}}]\n")),
            new ExpectedFinding("Pod shop/db", "metadata.labels", ["protected only by cnp/default-deny"], Severity: Severity.Info)),
        new("a Baseline catch-all Deny under lint --cni cilium, which does not implement it",
            "unprotected-pod",
            TierWorld(IngressTo("web", "- {}"), IngressTo("api", "- {}"), Cnp("default-deny", "Baseline", 100, ShopSubject, CatchAllIngress)),
            new ExpectedFinding("Pod shop/db", "metadata.labels", ["accepts connections from anywhere"]),
            new LintOptions { CniProfiles = [CniProfiles.Find("cilium")!], CniNamed = true }),

        new("a namespace whose every pod, present and future, a Baseline catch-all Deny protects",
            "no-default-deny-ingress",
            TierWorld(Cnp("default-deny", "Baseline", 100, ShopSubject, CatchAllIngress)),
            new ExpectedFinding("Namespace shop", string.Empty, ["no NetworkPolicy isolates all pods of shop for ingress", "protected only by cnp/default-deny (Baseline tier), for every pod present and future", "not from node or external addresses"],
                Fix: ["default-deny-ingress NetworkPolicy"], Count: 2, Severity: Severity.Info)),
        new("a catch-all Deny whose subject selects today's pods by label, not new ones",
            "no-default-deny-ingress",
            TierWorld(Cnp("default-deny", "Baseline", 100, "{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api, db]}]}}}", CatchAllIngress)),
            new ExpectedFinding("Namespace shop", string.Empty, ["no policy isolates all pods of shop for ingress"], Count: 2, NotMentioned: ["protected only"])),
        new("an egress catch-all Deny of every pod and both address families",
            "no-default-deny-egress",
            TierWorld(Cnp("default-deny", "Baseline", 100, ShopSubject, "  egress:\n  - action: Deny\n    to: [{namespaces: {}}, {networks: [0.0.0.0/0, '::/0']}]\n")),
            new ExpectedFinding("Namespace shop", string.Empty, ["protected only by cnp/default-deny (Baseline tier)", "[Baseline] cnp/default-deny egress[0] denies egress to every pod and every address (0.0.0.0/0 and ::/0)"], Count: 2)),
        new("an egress catch-all Deny spread over two rules, the networks in halves",
            "no-default-deny-egress",
            TierWorld(Cnp("default-deny", "Baseline", 100, ShopSubject,
                "  egress:\n  - action: Deny\n    to: [{namespaces: {}}]\n  - action: Deny\n    to: [{networks: [0.0.0.0/1, 128.0.0.0/1, '::/1', '8000::/1']}]\n")),
            new ExpectedFinding("Namespace shop", string.Empty, ["protected only by cnp/default-deny", "egress[0], [Baseline] cnp/default-deny egress[1] deny egress"], Count: 2)),
        new("an egress Deny of every pod and 0.0.0.0/0 but not ::/0",
            "no-default-deny-egress",
            TierWorld(Cnp("default-deny", "Baseline", 100, ShopSubject, "  egress:\n  - action: Deny\n    to: [{namespaces: {}}, {networks: [0.0.0.0/0]}]\n")),
            new ExpectedFinding("Namespace shop", string.Empty, ["no policy isolates all pods of shop for egress"], Count: 2, NotMentioned: ["protected only"])),
        new("an egress Deny of every pod without networks",
            "no-default-deny-egress",
            TierWorld(Cnp("default-deny", "Baseline", 100, ShopSubject, "  egress:\n  - action: Deny\n    to: [{namespaces: {}}]\n")),
            new ExpectedFinding("Namespace shop", string.Empty, ["no policy isolates all pods of shop for egress"], Count: 2, NotMentioned: ["protected only"])),
    ];
}
