namespace Netpol.Analysis.Tests.Audit;

public sealed partial class TierAuditTests
{
    // dev and prod namespaces; prod's db-a and db-b carry the same labels but db-b's address is in the legacy network
    // 10.9.0.0/16; two nodes (a worker, and a control plane whose address its hostNetwork apiserver shares). The api takes
    // 8080 from every namespace; the vault has a NetworkPolicy with no ingress rule (a default deny).
    private const string World = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: dev, labels: {env: dev}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: prod, labels: {env: prod}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: monitoring}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: worker-1, labels: {role: worker}}
        status: {addresses: [{type: InternalIP, address: 192.168.0.10}]}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: control-1, labels: {role: control-plane}}
        status: {addresses: [{type: InternalIP, address: 192.168.0.20}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: dev, labels: {app: client}}
        status: {podIP: 10.0.1.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: prod, labels: {app: api}}
        spec: {containers: [{name: api, ports: [{name: http, containerPort: 8080}]}]}
        status: {podIP: 10.0.2.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db-a, namespace: prod, labels: {app: db}}
        status: {podIP: 10.0.2.2}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db-b, namespace: prod, labels: {app: db}}
        status: {podIP: 10.9.0.2}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: vault, namespace: prod, labels: {app: vault}}
        status: {podIP: 10.0.2.3}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: apiserver, namespace: kube-system, labels: {component: kube-apiserver}}
        spec: {hostNetwork: true}
        status: {podIP: 192.168.0.20}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: prom, namespace: monitoring, labels: {app: prom}}
        status: {podIP: 10.0.3.1}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
          - from: [{namespaceSelector: {}}]
            ports: [{port: 8080}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: vault-deny, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: vault}}
          policyTypes: [Ingress]
        ---
        # cluster policies
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: allow-monitoring}
        spec:
          tier: Admin
          priority: 5
          subject: {namespaces: {matchExpressions: [{key: env, operator: Exists}]}}
          ingress:
          - {name: scrape, action: Accept, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: deny-dev-to-prod}
        spec:
          tier: Admin
          priority: 10
          subject: {namespaces: {matchLabels: {env: prod}}}
          ingress:
          - {name: no-dev, action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}
          - {name: prod-internal, action: Pass, from: [{namespaces: {matchLabels: {env: prod}}}]}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: prod-egress}
        spec:
          tier: Admin
          priority: 20
          subject: {namespaces: {matchLabels: {env: prod}}}
          egress:
          - {name: no-legacy-net, action: Deny, to: [{networks: [10.9.0.0/16]}]}
          - {name: control-plane, action: Accept, to: [{nodes: {matchLabels: {role: control-plane}}}]}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: default-deny}
        spec:
          tier: Baseline
          priority: 100
          subject: {namespaces: {matchExpressions: [{key: env, operator: Exists}]}}
          ingress:
          - {name: deny-all, action: Deny, from: [{namespaces: {}}]}
        """;

    public static TheoryData<TierAuditCase> Cases => new()
    {
        new("an Admin Deny decides the flow and is what denied it",
            "dev/client,prod/api,8080,TCP,3",
            ["[Admin] cnp/deny-dev-to-prod ingress[0] 3"],
            ["dev/client -> prod/api 8080: [Admin] cnp/deny-dev-to-prod ingress[0]"]),
        new("a Pass counts as used, and the Baseline Deny after it denies a pod no NetworkPolicy isolates",
            "prod/api,prod/db-a,5432,TCP,2",
            ["[Admin] cnp/deny-dev-to-prod ingress[1] 2", "[Baseline] cnp/default-deny ingress[0] 2"],
            ["prod/api -> prod/db-a 5432: [Baseline] cnp/default-deny ingress[0]"]),
        new("a networks peer tells apart two pods with the same labels by their addresses",
            "prod/api,prod/db-a,5432,TCP,1\nprod/api,prod/db-b,5432,TCP,1",
            ["[Admin] cnp/deny-dev-to-prod ingress[1] 2", "[Admin] cnp/prod-egress egress[0] 1", "[Baseline] cnp/default-deny ingress[0] 2"],
            [
                "prod/api -> prod/db-a 5432: [Baseline] cnp/default-deny ingress[0]",
                "prod/api -> prod/db-b 5432: [Admin] cnp/prod-egress egress[0]; [Baseline] cnp/default-deny ingress[0]",
            ]),
        new("a nodes peer tells apart the addresses of the nodes it selects",
            "prod/api,192.168.0.20,6443,TCP,4\nprod/api,192.168.0.10,6443,TCP,1\nprod/api,192.168.0.99,6443,TCP,1",
            ["[Admin] cnp/prod-egress egress[1] 4"],
            []),
        new("an Admin Accept decides before NetworkPolicy, whose rules then admitted nothing",
            "monitoring/prom,prod/api,8080,TCP,5",
            ["[Admin] cnp/allow-monitoring ingress[0] 5"],
            [],
            []),
        new("NetworkPolicy rules count where NetworkPolicy decided after a Pass",
            "prod/db-a,prod/api,8080,TCP,6",
            ["[Admin] cnp/deny-dev-to-prod ingress[1] 6"],
            [],
            ["policy prod/api ingress[0] 6"]),
        new("NetworkPolicy isolation is what denied a port its rules leave out",
            "prod/db-a,prod/api,9090,TCP,1",
            ["[Admin] cnp/deny-dev-to-prod ingress[1] 1"],
            ["prod/db-a -> prod/api 9090: [NetworkPolicy] ingress isolation by prod/api"]),
        new("a NetworkPolicy without rules for the direction is a default deny",
            "prod/api,prod/vault,8200,TCP,1",
            ["[Admin] cnp/deny-dev-to-prod ingress[1] 1"],
            ["prod/api -> prod/vault 8200: [NetworkPolicy] ingress default deny by prod/vault-deny"]),
        new("a hostNetwork pod carries its node's address, which a nodes peer selects",
            "prod/api,kube-system/apiserver,6443,TCP,2\nprod/api,192.168.0.10,10250,TCP,1",
            ["[Admin] cnp/prod-egress egress[1] 2"],
            []),
    };
}
