namespace Netpol.Analysis.Tests.Lint;

/// <summary>
/// A clean, well-built application: declared and labelled namespaces, CoreDNS and calico-node in kube-system, a
/// three-tier shop (frontend, backend, db) and a Prometheus that scrapes the backend. Every app namespace has a
/// default deny for both directions, DNS egress to the kube-dns pods over UDP and TCP, allow rules by named port,
/// and every policy carries a description. Variants change one piece of it with <see cref="With"/>.
/// </summary>
internal static class WellBuiltApp
{
    public const string Yaml = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: kube-system
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            team: shop
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: monitoring
          labels:
            name: monitoring
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: coredns
          namespace: kube-system
        spec:
          selector:
            matchLabels:
              k8s-app: kube-dns
          template:
            metadata:
              labels:
                k8s-app: kube-dns
            spec:
              containers:
                - name: coredns
                  image: registry.k8s.io/coredns/coredns:v1.11.3
                  ports:
                    - name: dns
                      containerPort: 53
                      protocol: UDP
                    - name: dns-tcp
                      containerPort: 53
                      protocol: TCP
                    - name: metrics
                      containerPort: 9153
                      protocol: TCP
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: calico-node
          namespace: kube-system
        spec:
          selector:
            matchLabels:
              k8s-app: calico-node
          template:
            metadata:
              labels:
                k8s-app: calico-node
            spec:
              hostNetwork: true
              containers:
                - name: calico-node
                  image: docker.io/calico/node:v3.28.1
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: frontend
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: frontend
          template:
            metadata:
              labels:
                app: frontend
                tier: web
            spec:
              containers:
                - name: web
                  image: example.com/shop/frontend:1.4.0
                  ports:
                    - name: http
                      containerPort: 8080
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: backend
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: backend
          template:
            metadata:
              labels:
                app: backend
                tier: api
            spec:
              containers:
                - name: api
                  image: example.com/shop/backend:2.1.0
                  ports:
                    - name: api
                      containerPort: 9000
                    - name: metrics
                      containerPort: 9090
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: db
          template:
            metadata:
              labels:
                app: db
                tier: data
            spec:
              containers:
                - name: postgres
                  image: docker.io/library/postgres:16
                  ports:
                    - name: postgres
                      containerPort: 5432
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: db-0
          namespace: shop
          labels:
            app: db
            tier: data
          ownerReferences:
            - apiVersion: apps/v1
              kind: StatefulSet
              name: db
              uid: 5d0c7a52-1f3e-4c1b-9a57-3c2f1e0d9b11
        spec:
          containers:
            - name: postgres
              image: docker.io/library/postgres:16
              ports:
                - name: postgres
                  containerPort: 5432
        status:
          podIP: 10.244.2.7
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: frontend
          namespace: shop
        spec:
          selector:
            app: frontend
          ports:
            - name: http
              port: 80
              targetPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: backend
          namespace: shop
        spec:
          selector:
            app: backend
          ports:
            - name: api
              port: 80
              targetPort: api
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: prometheus
          namespace: monitoring
        spec:
          selector:
            matchLabels:
              app: prometheus
          template:
            metadata:
              labels:
                app: prometheus
            spec:
              containers:
                - name: prometheus
                  image: quay.io/prometheus/prometheus:v2.54.1
                  ports:
                    - name: web
                      containerPort: 9090
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny-all
          namespace: shop
          annotations:
            description: Nothing goes in or out of the shop unless a policy below allows it.
        spec:
          podSelector: {}
          policyTypes:
            - Ingress
            - Egress
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: allow-dns
          namespace: shop
          annotations:
            description: Every shop pod may resolve names with the cluster DNS.
        spec:
          podSelector: {}
          policyTypes:
            - Egress
          egress:
            - to:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: kube-system
                  podSelector:
                    matchLabels:
                      k8s-app: kube-dns
              ports:
                - protocol: UDP
                  port: 53
                - protocol: TCP
                  port: 53
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: frontend
          namespace: shop
          annotations:
            description: The load balancer reaches the frontend; the frontend calls the backend API.
        spec:
          podSelector:
            matchLabels:
              app: frontend
          policyTypes:
            - Ingress
            - Egress
          ingress:
            - from:
                - ipBlock:
                    cidr: 203.0.113.0/24
              ports:
                - port: http
          egress:
            - to:
                - podSelector:
                    matchLabels:
                      app: backend
              ports:
                - port: api
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: backend
          namespace: shop
          annotations:
            description: The backend serves the frontend and Prometheus, and uses the database.
        spec:
          podSelector:
            matchLabels:
              app: backend
          policyTypes:
            - Ingress
            - Egress
          ingress:
            - from:
                - podSelector:
                    matchLabels:
                      app: frontend
              ports:
                - port: api
            - from:
                - namespaceSelector:
                    matchLabels:
                      name: monitoring
                  podSelector:
                    matchLabels:
                      app: prometheus
              ports:
                - port: metrics
          egress:
            - to:
                - podSelector:
                    matchLabels:
                      app: db
              ports:
                - port: postgres
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: db
          namespace: shop
          annotations:
            description: Only the backend talks to the database.
        spec:
          podSelector:
            matchLabels:
              app: db
          policyTypes:
            - Ingress
          ingress:
            - from:
                - podSelector:
                    matchLabels:
                      app: backend
              ports:
                - port: postgres
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny-all
          namespace: monitoring
          annotations:
            description: Nothing goes in or out of monitoring unless a policy below allows it.
        spec:
          podSelector: {}
          policyTypes:
            - Ingress
            - Egress
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: allow-dns
          namespace: monitoring
          annotations:
            description: Every monitoring pod may resolve names with the cluster DNS.
        spec:
          podSelector: {}
          policyTypes:
            - Egress
          egress:
            - to:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: kube-system
                  podSelector:
                    matchLabels:
                      k8s-app: kube-dns
              ports:
                - protocol: UDP
                  port: 53
                - protocol: TCP
                  port: 53
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: prometheus
          namespace: monitoring
          annotations:
            description: Prometheus scrapes the shop backend's metrics.
        spec:
          podSelector:
            matchLabels:
              app: prometheus
          policyTypes:
            - Egress
          egress:
            - to:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: shop
                  podSelector:
                    matchLabels:
                      app: backend
              ports:
                - port: metrics
        """;

    /// <summary>The app with one piece of text replaced (it must occur exactly once).</summary>
    public static string With(string find, string replace) => Yaml.ReplaceOnce(find, replace);

    /// <summary>The app with one of its documents edited: <paramref name="edit"/> gets and returns the document's text.</summary>
    public static string WithDocument(string kind, string fullName, Func<string, string> edit)
    {
        var document = Document(kind, fullName);
        return Yaml.ReplaceOnce(document, edit(document));
    }

    /// <summary>The app without one of its documents.</summary>
    public static string Without(string kind, string fullName) => Yaml.ReplaceOnce("---\n" + Document(kind, fullName), string.Empty);

    /// <summary>The text of the document of that kind and <c>namespace/name</c>, without its <c>---</c> line.</summary>
    public static string Document(string kind, string fullName)
    {
        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        var (ns, name) = slash < 0 ? (null, fullName) : (fullName[..slash], fullName[(slash + 1)..]);
        var header = $"kind: {kind}\nmetadata:\n  name: {name}\n" + (ns is null ? string.Empty : $"  namespace: {ns}\n");
        var matches = Yaml.Split("---\n").Where(d => d.Contains(header, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"the well-built app has {matches.Count} documents {kind} {fullName}");
        return matches[0];
    }
}
