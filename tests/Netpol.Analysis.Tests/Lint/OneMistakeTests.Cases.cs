namespace Netpol.Analysis.Tests.Lint;

public partial class OneMistakeTests
{
    public static TheoryData<MistakeCase> Cases => new()
    {
        new("a typo in a policy's podSelector",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/db", d => d.ReplaceOnce("      app: db\n", "      app: bd\n")),
            Expected: ["selector-matches-nothing"], Objects: ["NetworkPolicy shop/db"]),
        new("a typo in a peer's podSelector",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/backend", d => d.ReplaceOnce("              app: frontend\n", "              app: frontnd\n")),
            Expected: ["peer-matches-nothing"], Objects: ["NetworkPolicy shop/backend"]),
        new("a namespaceSelector name: monitoring while the namespace lacks that label",
            WellBuiltApp.WithDocument("Namespace", "monitoring", d => d.ReplaceOnce("  labels:\n    name: monitoring\n", string.Empty)),
            Expected: ["namespace-label-missing"], Objects: ["NetworkPolicy shop/backend"]),
        new("egress to 0.0.0.0/0",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/frontend", d => d + """
                    - to:
                        - ipBlock:
                            cidr: 0.0.0.0/0
                      ports:
                        - port: 443

                """),
            Expected: ["broad-cidr"], Objects: ["NetworkPolicy shop/frontend"]),
        new("an ipBlock that contains a pod's IP",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/backend", d => d.ReplaceOnce(
                "        - podSelector:\n            matchLabels:\n              app: db\n",
                "        - ipBlock:\n            cidr: 10.244.2.0/24\n")),
            Expected: ["ipblock-covers-pods"], Objects: ["NetworkPolicy shop/backend"]),
        new("a namespace without a default deny",
            WellBuiltApp.Without("NetworkPolicy", "shop/default-deny-all"),
            // allow-dns selects every shop pod for egress, so only ingress lacks a namespace-wide deny.
            Expected: ["no-default-deny-ingress"], Objects: ["Namespace shop"]),

        // The default deny lists the tiers its author knew of; a cache added later is in none of them. Both findings
        // are honest: the cache accepts connections from anywhere (unprotected-pod), and the namespace has no deny
        // that would have caught it (no-default-deny-ingress). allow-dns still isolates every pod for egress.
        new("a pod that no policy selects for ingress",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/default-deny-all", d => d.ReplaceOnce(
                "  podSelector: {}\n",
                "  podSelector:\n    matchExpressions:\n      - {key: tier, operator: In, values: [web, api, data]}\n"))
                .AddingDocuments(Cache),
            Expected: ["no-default-deny-ingress", "unprotected-pod"], Objects: ["Namespace shop", "Deployment shop/cache"]),
        new("a pod without labels",
            WellBuiltApp.Yaml.AddingDocuments("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: debug-shell
                  namespace: shop
                spec:
                  containers:
                    - name: shell
                      image: docker.io/library/busybox:1.36
                """),
            Expected: ["pod-without-labels"], Objects: ["Pod shop/debug-shell"]),
        new("egress rules in a policy whose policyTypes is [Ingress]",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/backend", d => d.ReplaceOnce("    - Ingress\n    - Egress\n", "    - Ingress\n")),
            Expected: ["rules-ignored-by-policy-types"], Objects: ["NetworkPolicy shop/backend"]),
        new("a named port no destination declares",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/frontend", d => d.ReplaceOnce("        - port: api\n", "        - port: backend-api\n")),
            Expected: ["named-port-unresolved"], Objects: ["NetworkPolicy shop/frontend"]),
        new("egress allowing the Service's port 80 instead of the pods' named targetPort",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/frontend", d => d.ReplaceOnce("        - port: api\n", "        - port: 80\n")),
            Expected: ["service-port-not-target-port"], Objects: ["NetworkPolicy shop/frontend"]),
        new("ingress allowing the Service's port 80 instead of the pods' targetPort 8080",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/frontend", d => d.ReplaceOnce("        - port: http\n", "        - port: 80\n")),
            Expected: ["service-port-not-target-port"], Objects: ["NetworkPolicy shop/frontend"]),
        new("DNS allowed to the whole kube-system namespace",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/allow-dns", d => d.ReplaceOnce(
                "          podSelector:\n            matchLabels:\n              k8s-app: kube-dns\n", string.Empty)),
            Expected: ["broad-namespace-egress"], Objects: ["NetworkPolicy shop/allow-dns"]),
        new("an allow-all rule",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/frontend", d => d.ReplaceOnce(
                "    - from:\n        - ipBlock:\n            cidr: 203.0.113.0/24\n      ports:\n        - port: http\n",
                "    - {}\n")),
            Expected: ["allow-all-rule"], Objects: ["NetworkPolicy shop/frontend"]),
        new("a duplicated rule",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/db", d => d + """
                    - from:
                        - podSelector:
                            matchLabels:
                              app: backend
                      ports:
                        - port: postgres

                """),
            Expected: [], Objects: ["NetworkPolicy shop/db"], Info: "redundant-rule"),
        new("a policy without a description",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/db", d => d.ReplaceOnce(
                "  annotations:\n    description: Only the backend talks to the database.\n", string.Empty)),
            Expected: [], Objects: ["NetworkPolicy shop/db"], Info: "missing-description"),
        new("flannel instead of calico",
            WellBuiltApp.WithDocument("DaemonSet", "kube-system/calico-node", d => d
                .Replace("calico-node", "kube-flannel-ds", StringComparison.Ordinal)
                .ReplaceOnce("image: docker.io/calico/node:v3.28.1", "image: docker.io/flannel/flannel:v0.25.6")),
            Expected: ["cni-without-policy-support"], Objects: ["DaemonSet kube-system/kube-flannel-ds"]),
        new("DNS allowed over UDP only",
            WellBuiltApp.WithDocument("NetworkPolicy", "shop/allow-dns", d => d.ReplaceOnce("        - protocol: TCP\n          port: 53\n", string.Empty)),
            Expected: ["dns-tcp-missing"], Objects: ["NetworkPolicy shop/allow-dns"]),
        new("DNS not allowed at all",
            WellBuiltApp.Without("NetworkPolicy", "shop/allow-dns"),
            Expected: ["dns-egress-missing"], Objects: ["Deployment shop/backend", "Deployment shop/frontend", "Pod shop/db-0"]),
    };

    private const string Cache = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: cache
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: cache
          template:
            metadata:
              labels:
                app: cache
                tier: cache
            spec:
              containers:
                - name: redis
                  image: docker.io/library/redis:7
                  ports:
                    - name: redis
                      containerPort: 6379
        """;
}
