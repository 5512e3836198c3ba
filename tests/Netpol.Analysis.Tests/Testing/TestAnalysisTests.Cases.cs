namespace Netpol.Analysis.Tests.Testing;

public partial class TestAnalysisTests
{
    /// <summary>
    /// shop isolates every pod for ingress. web (two pods of deploy/web) takes 8080 from 203.0.113.0/24 and from ops;
    /// api (api-1 serves http on 9090 and has metrics, api-2 serves http on 9091) takes its named port http from web;
    /// db takes 5432 from api. ops/probe (also a UDP port named dns) and the empty namespace have no policy.
    /// </summary>
    internal const string World = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: shop}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: ops, labels: {team: ops}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: empty}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-1
          namespace: shop
          labels: {app: web, pod-template-hash: 5d8f}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, uid: u1}]
        spec: {containers: [{name: web, image: example.com/web:1, ports: [{name: http, containerPort: 8080}]}]}
        status: {podIP: 10.244.1.11}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-2
          namespace: shop
          labels: {app: web, pod-template-hash: 5d8f}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, uid: u1}]
        spec: {containers: [{name: web, image: example.com/web:1, ports: [{name: http, containerPort: 8080}]}]}
        status: {podIP: 10.244.1.12}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api-1, namespace: shop, labels: {app: api}}
        spec: {containers: [{name: api, image: example.com/api:1, ports: [{name: http, containerPort: 9090}, {name: metrics, containerPort: 9100}]}]}
        status: {podIP: 10.244.1.21}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api-2, namespace: shop, labels: {app: api}}
        spec: {containers: [{name: api, image: example.com/api:2, ports: [{name: http, containerPort: 9091}]}]}
        status: {podIP: 10.244.1.22}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: shop, labels: {app: db}}
        spec: {containers: [{name: db, image: example.com/db:1, ports: [{name: pg, containerPort: 5432}]}]}
        status: {podIP: 10.244.1.30}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: probe, namespace: ops, labels: {app: probe}}
        spec: {containers: [{name: probe, image: example.com/probe:1, ports: [{name: dns, containerPort: 53, protocol: UDP}]}]}
        status: {podIP: 10.244.2.10}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec: {selector: {app: api}, ports: [{name: web, port: 80, targetPort: http}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: shop}
        spec: {selector: {app: db}, ports: [{name: pg, port: 5432, targetPort: 5432}, {name: admin, port: 9999, targetPort: 9999}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: metrics, namespace: shop}
        spec: {selector: {app: api}, ports: [{port: 9100, targetPort: metrics}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: nothing, namespace: shop}
        spec: {selector: {app: nothing}, ports: [{port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny, namespace: shop}
        spec: {podSelector: {}, policyTypes: [Ingress]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-from-web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: http}]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-from-office-and-ops, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress: [{from: [{ipBlock: {cidr: 203.0.113.0/24}}, {namespaceSelector: {matchLabels: {team: ops}}}], ports: [{port: 8080}]}]
        """;

    public static TheoryData<ResultCase> Results => new()
    {
        // ------------------------------------------------------------ allow and deny, passing and failing
        new("allow passes when the one pair is allowed", "shop/api-1", "shop/db", "5432", "allow", Passed: true,
            ["shop/api-1 -> shop/db:5432/TCP allowed"]),
        new("allow fails when the one pair is denied", "shop/web-1", "shop/db", "5432", "allow", Passed: false,
            ["shop/web-1 -> shop/db:5432/TCP denied"]),
        new("deny passes when the one pair is denied", "ops/probe", "shop/db", "5432", "deny", Passed: true,
            ["ops/probe -> shop/db:5432/TCP denied"]),
        new("deny fails when the one pair is allowed", "ops/probe", "shop/web-1", "8080", "deny", Passed: false,
            ["ops/probe -> shop/web-1:8080/TCP allowed"]),

        // ------------------------------------------------------------ endpoints that stand for several pods
        new("a workload of two pods to a Service of two pods: every pair, through the named Service port", "shop/deploy/web", "shop/svc/api", "web", "allow", Passed: true,
            ["shop/web-1 -> shop/api-1:9090/TCP allowed", "shop/web-2 -> shop/api-1:9090/TCP allowed", "shop/web-1 -> shop/api-2:9091/TCP allowed", "shop/web-2 -> shop/api-2:9091/TCP allowed"]),
        new("a Service given by its port number", "shop/web-2", "shop/svc/api", "80", "allow", Passed: true,
            ["shop/web-2 -> shop/api-1:9090/TCP allowed", "shop/web-2 -> shop/api-2:9091/TCP allowed"]),
        new("a Service's only port is used when the test names none", "ops/probe", "shop/svc/api", null, "deny", Passed: true,
            ["ops/probe -> shop/api-1:9090/TCP denied", "ops/probe -> shop/api-2:9091/TCP denied"]),
        new("allow fails when some pairs are allowed and some denied", "{namespace: shop}", "shop/db", "5432", "allow", Passed: false,
            ["shop/api-1 -> shop/db:5432/TCP allowed", "shop/api-2 -> shop/db:5432/TCP allowed", "shop/web-1 -> shop/db:5432/TCP denied", "shop/web-2 -> shop/db:5432/TCP denied"]),
        new("deny fails on the same mixed pairs", "{namespace: shop}", "shop/db", "5432", "deny", Passed: false,
            ["shop/api-1 -> shop/db:5432/TCP allowed", "shop/api-2 -> shop/db:5432/TCP allowed", "shop/web-1 -> shop/db:5432/TCP denied", "shop/web-2 -> shop/db:5432/TCP denied"]),
        new("a Service as the source stands for its backends whatever its ports", "shop/svc/db", "shop/svc/api", "web", "deny", Passed: true,
            ["shop/db -> shop/api-1:9090/TCP denied", "shop/db -> shop/api-2:9091/TCP denied"]),

        // ------------------------------------------------------------ selectors
        new("a selector with labels in one namespace", "shop/web-1", "{namespace: shop, labels: {app: api}}", "9090", "allow", Passed: false,
            ["shop/web-1 -> shop/api-1:9090/TCP allowed", "shop/web-1 -> shop/api-2:9090/TCP denied"]),
        new("a selector without namespace looks in every namespace", "{labels: {app: probe}}", "{namespace: shop, labels: {app: web}}", "8080", "allow", Passed: true,
            ["ops/probe -> shop/web-1:8080/TCP allowed", "ops/probe -> shop/web-2:8080/TCP allowed"]),
        new("the empty selector is every pod; a pod's pair with itself is left out", "{}", "ops/probe", "80", "allow", Passed: true,
            ["shop/api-1 -> ops/probe:80/TCP allowed", "shop/api-2 -> ops/probe:80/TCP allowed", "shop/db -> ops/probe:80/TCP allowed", "shop/web-1 -> ops/probe:80/TCP allowed", "shop/web-2 -> ops/probe:80/TCP allowed"]),
        new("overlapping endpoints leave out the self pairs, so a namespace can deny itself", "{namespace: shop, labels: {app: web}}", "{namespace: shop, labels: {app: web}}", "8080", "deny", Passed: true,
            ["shop/web-2 -> shop/web-1:8080/TCP denied", "shop/web-1 -> shop/web-2:8080/TCP denied"]),
        new("a pod's only pair with itself is allowed", "shop/db", "shop/db", "5432", "allow", Passed: true,
            ["shop/db -> shop/db:5432/TCP allowed"]),

        // ------------------------------------------------------------ ports and protocols
        new("a named port resolves on each destination pod", "shop/web-1", "{namespace: shop, labels: {app: api}}", "http", "allow", Passed: true,
            ["shop/web-1 -> shop/api-1:9090/TCP allowed", "shop/web-1 -> shop/api-2:9091/TCP allowed"]),
        new("a named port brings its own protocol", "shop/web-1", "ops/probe", "dns", "allow", Passed: true,
            ["shop/web-1 -> ops/probe:53/UDP allowed"]),
        new("a protocol other than the policy's is denied", "shop/api-1", "shop/db", "5432", "deny", Passed: true,
            ["shop/api-1 -> shop/db:5432/UDP denied"], Protocol: "UDP"),

        // ------------------------------------------------------------ addresses
        new("an address inside the ipBlock reaches both pods of the workload", "203.0.113.7", "shop/deploy/web", "8080", "allow", Passed: true,
            ["203.0.113.7 -> shop/web-1:8080/TCP allowed", "203.0.113.7 -> shop/web-2:8080/TCP allowed"]),
        new("an address outside the ipBlock is refused", "198.51.100.1", "shop/deploy/web", "8080", "deny", Passed: true,
            ["198.51.100.1 -> shop/web-1:8080/TCP denied", "198.51.100.1 -> shop/web-2:8080/TCP denied"]),
        new("a pod's IP stands for the pod", "10.244.2.10", "10.244.1.11", "8080", "allow", Passed: true,
            ["ops/probe -> shop/web-1:8080/TCP allowed"]),
        new("an address outside the cluster as destination: only the source's egress decides", "shop/db", "8.8.8.8", "443", "allow", Passed: true,
            ["shop/db -> 8.8.8.8:443/TCP allowed"]),
    };

    public static TheoryData<UnresolvedCase> Unresolved => new()
    {
        // ------------------------------------------------------------ endpoints
        new("an unknown pod, with the resolver's suggestion", "shop/wbe-1", "shop/db", "5432",
            "s.yaml:3:11: tests[0].from: no pod or workload \"shop/wbe-1\" in the input; did you mean shop/web-1?"),
        new("an unknown workload", "ops/probe", "shop/deploy/nope", "80",
            "s.yaml:4:9: tests[0].to: no pod or workload \"shop/deploy/nope\" in the input"),
        new("an endpoint netpol cannot read", "a/b/c/d", "shop/db", "5432",
            "s.yaml:3:11: tests[0].from: cannot read endpoint \"a/b/c/d\": use NAMESPACE/POD, NAMESPACE/KIND/NAME (deploy, sts, ds, rs, rc, job, cronjob, svc) or an IP address"),
        new("an unknown Service, with a suggestion", "ops/probe", "shop/svc/apu", "80",
            "s.yaml:4:9: tests[0].to: no Service shop/apu in the input; did you mean shop/api?"),
        new("an unknown Service as the source", "shop/svc/dbb", "shop/db", "5432",
            "s.yaml:3:11: tests[0].from: no Service shop/dbb in the input; did you mean shop/db?"),
        new("a Service that selects no pod", "ops/probe", "shop/svc/nothing", "80",
            "s.yaml:4:9: tests[0].to: Service shop/nothing selects no pod in the input (selector app=nothing)"),

        // ------------------------------------------------------------ selectors
        new("a selector in an unknown namespace, with a suggestion", "{namespace: shpo}", "shop/db", "5432",
            "s.yaml:3:11: tests[0].from: selector shpo/{} matches no pod: no namespace \"shpo\" in the input; did you mean shop?"),
        new("a selector whose labels match no pod of its namespace", "ops/probe", "{namespace: shop, labels: {app: nope}}", "80",
            "s.yaml:4:9: tests[0].to: selector shop/{app=nope} matches no pod: no pod of namespace shop has the labels app=nope"),
        new("a selector whose labels match no pod anywhere", "{labels: {app: nope, tier: x}}", "shop/db", "5432",
            "s.yaml:3:11: tests[0].from: selector {app=nope,tier=x} matches no pod: no pod in any namespace has the labels app=nope,tier=x"),
        new("a selector of a namespace without pods", "ops/probe", "{namespace: empty}", "80",
            "s.yaml:4:9: tests[0].to: selector empty/{} matches no pod: namespace empty has no pods"),

        // ------------------------------------------------------------ ports
        new("no port for a pod", "ops/probe", "shop/db", null,
            "s.yaml:2:5: tests[0].port: Required value: the port to test on the destination (a number or a container port name)"),
        new("no port for a Service with several", "ops/probe", "shop/svc/db", null,
            "s.yaml:2:5: tests[0].port: Required value: Service shop/db has several ports (pg 5432/TCP, admin 9999/TCP): choose one"),
        new("no port for a Service with none of the protocol", "ops/probe", "shop/svc/api", null,
            "s.yaml:2:5: tests[0].port: Service shop/api has no UDP port; it has web 80/TCP", Protocol: "UDP"),
        new("a port number the Service does not have", "ops/probe", "shop/svc/api", "8080",
            "s.yaml:5:11: tests[0].port: Service shop/api has no port 8080; it has web 80/TCP"),
        new("a port name the Service does not have", "ops/probe", "shop/svc/api", "http",
            "s.yaml:5:11: tests[0].port: Service shop/api has no port named \"http\"; it has web 80/TCP"),
        new("a named port that some destination pods lack", "shop/web-1", "{namespace: shop, labels: {app: api}}", "metrics",
            "s.yaml:5:11: tests[0].port: no container port named \"metrics\" on shop/api-2"),
        new("a named port of another protocol", "shop/api-1", "shop/db", "pg",
            "s.yaml:5:11: tests[0].port: no container port named \"pg\" (UDP) on shop/db", Protocol: "UDP"),
        new("a named port on an address outside the cluster", "shop/db", "8.8.8.8", "https",
            "s.yaml:5:11: tests[0].port: a named port needs a pod destination: 8.8.8.8 is an address outside the cluster's pods"),
        new("a Service whose targetPort name some backends lack", "shop/web-1", "shop/svc/metrics", "9100",
            "s.yaml:4:9: tests[0].to: shop/api-2 has no container port named as svc/metrics:9100's targetPort"),
    };
}
