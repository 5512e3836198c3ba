namespace Netpol.Analysis.Tests.Coverage;

public partial class CoverageIsolationTests
{
    private const string Pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: shop, labels: {app: db}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: agent, namespace: shop, labels: {app: web}}
        spec: {hostNetwork: true}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: other, labels: {app: web}}
        """;

    public static TheoryData<IsolationCase> Cases => new()
    {
        new("a pod no policy selects is open both ways",
            Policies: [],
            Pod: "shop/web", Ingress: [], Egress: []),
        new("a policy without policyTypes and without egress rules isolates ingress only",
            Policies: [Policy("shop", "p", "podSelector: {matchLabels: {app: web}}")],
            Pod: "shop/web", Ingress: ["p"], Egress: []),
        new("policyTypes Egress alone isolates egress only",
            Policies: [Policy("shop", "p", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]")],
            Pod: "shop/web", Ingress: [], Egress: ["p"]),
        new("policyTypes Ingress and Egress without rules isolate both",
            Policies: [Policy("shop", "p", "podSelector: {}\npolicyTypes: [Ingress, Egress]")],
            Pod: "shop/db", Ingress: ["p"], Egress: ["p"]),
        new("an egress rule without policyTypes adds Egress",
            Policies: [Policy("shop", "p", "podSelector: {}\negress: [{}]")],
            Pod: "shop/web", Ingress: ["p"], Egress: ["p"]),
        new("an empty egress list without policyTypes does not add Egress",
            Policies: [Policy("shop", "p", "podSelector: {}\negress: []")],
            Pod: "shop/web", Ingress: ["p"], Egress: []),
        new("a policy whose podSelector misses the pod leaves it open",
            Policies: [Policy("shop", "p", "podSelector: {matchLabels: {app: db}}\npolicyTypes: [Ingress, Egress]")],
            Pod: "shop/web", Ingress: [], Egress: []),
        new("a policy of another namespace never isolates the pod",
            Policies: [Policy("shop", "p", "podSelector: {}\npolicyTypes: [Ingress, Egress]")],
            Pod: "other/web", Ingress: [], Egress: []),
        new("a hostNetwork pod is never isolated, even by podSelector {}",
            Policies: [Policy("shop", "p", "podSelector: {}\npolicyTypes: [Ingress, Egress]")],
            Pod: "shop/agent", Ingress: [], Egress: []),
        new("every selecting policy is listed, sorted by name, per direction",
            Policies:
            [
                Policy("shop", "zeta", "podSelector: {}\npolicyTypes: [Ingress]"),
                Policy("shop", "alpha", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress, Egress]"),
                Policy("shop", "mid", "podSelector: {matchExpressions: [{key: app, operator: In, values: [web, db]}]}\npolicyTypes: [Egress]"),
            ],
            Pod: "shop/web", Ingress: ["alpha", "zeta"], Egress: ["alpha", "mid"]),
    };

    private static string Policy(string ns, string name, string spec) =>
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n" +
        $"metadata: {{name: {name}, namespace: {ns}}}\nspec:\n" +
        string.Join("\n", spec.Split('\n').Select(l => "  " + l));
}
