namespace Netpol.Analysis.Tests.Audit;

/// <summary>The manifests audit tests replay flows against: workloads of every kind, real pods, and look-alike labels.</summary>
internal static class AuditWorld
{
    public const string Workloads = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: shop}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: kube-system}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec: {containers: [{name: web, ports: [{name: http, containerPort: 8080}]}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, ports: [{containerPort: 5432}]}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: report}}
                spec: {containers: [{name: report}]}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: kube-system}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: twin-a, namespace: shop}
        spec:
          selector: {matchLabels: {app: twin}}
          template:
            metadata: {labels: {app: twin, team: x}}
            spec: {containers: [{name: a}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: twin-b, namespace: shop}
        spec:
          selector: {matchLabels: {app: twin, variant: b}}
          template:
            metadata: {labels: {app: twin, variant: b, team: x}}
            spec: {containers: [{name: b}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: tool, namespace: shop, labels: {app: tool}}
        status: {podIP: 10.1.0.5}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api-7d9f8c6b5-abcde
          namespace: shop
          labels: {app: api, pod-template-hash: 7d9f8c6b5}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-7d9f8c6b5, controller: true, uid: u1}]
        status: {podIP: 10.1.0.6}
        """;
}
