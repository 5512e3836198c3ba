using System.Text.Encodings.Web;
using System.Text.Json;

namespace Netpol.Benchmarks;

/// <summary>
/// Writes a realistic synthetic cluster as one JSON <c>List</c>, the way <c>kubectl get -o json</c> does:
/// kube-system with CoreDNS, a monitoring namespace, an ingress controller, and application namespaces with a
/// web, api, database and worker workload each (replicas with owner references, pod-template-hash labels, pod IPs,
/// named container ports), locked down by default-deny, DNS, app-to-app, cross-namespace, ipBlock and port-range
/// policies. About 13.6 pods and 6.8 policies per application namespace, as in the 150k-pod target.
/// </summary>
internal static class SyntheticCluster
{
    private static readonly string[] Envs = ["prod", "staging", "dev"];

    public static void Write(int pods, Stream output, bool tiers = false)
    {
        var namespaces = Math.Max(1, (int)Math.Round(pods / 13.6));
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("apiVersion", "v1");
        w.WriteStartArray("items");
        var ip = 0;
        Namespace(w, "kube-system", new() { ["kubernetes.io/metadata.name"] = "kube-system" });
        Namespace(w, "monitoring", new() { ["kubernetes.io/metadata.name"] = "monitoring", ["purpose"] = "monitoring" });
        Namespace(w, "ingress-nginx", new() { ["kubernetes.io/metadata.name"] = "ingress-nginx", ["purpose"] = "ingress" });
        Workload(w, "kube-system", "coredns", new() { ["k8s-app"] = "kube-dns" }, 2, [("dns", 53, "UDP"), ("dns-tcp", 53, "TCP"), ("metrics", 9153, "TCP")], ref ip);
        Workload(w, "monitoring", "prometheus", new() { ["app"] = "prometheus" }, 2, [("web", 9090, "TCP")], ref ip);
        Workload(w, "ingress-nginx", "controller", new() { ["app.kubernetes.io/name"] = "ingress-nginx" }, 2, [("http", 80, "TCP"), ("https", 443, "TCP")], ref ip);
        var remaining = pods - 6;
        for (var n = 0; n < namespaces && remaining > 0; n++)
        {
            var ns = $"app-{n:D5}";
            var team = $"team-{n % 40}";
            Namespace(w, ns, new() { ["kubernetes.io/metadata.name"] = ns, ["team"] = team, ["env"] = Envs[n % 3] });
            var share = n == namespaces - 1 ? remaining : Math.Min(remaining, 13 + (n % 5 == 0 ? 3 : 0));
            var web = Math.Max(1, share * 4 / 10);
            var api = Math.Max(1, share * 3 / 10);
            var db = Math.Min(2, Math.Max(0, share - web - api));
            var worker = Math.Max(0, share - web - api - db);
            Workload(w, ns, "web", new() { ["app"] = "web", ["tier"] = "frontend", ["team"] = team }, web, [("http", 8080, "TCP"), ("metrics", 9090, "TCP")], ref ip);
            Workload(w, ns, "api", new() { ["app"] = "api", ["tier"] = "backend", ["team"] = team }, api, [("http", 8080, "TCP"), ("grpc", 9000, "TCP"), ("metrics", 9090, "TCP")], ref ip);
            if (db > 0)
            {
                Workload(w, ns, "db", new() { ["app"] = "db", ["tier"] = "data", ["team"] = team }, db, [("postgres", 5432, "TCP")], ref ip, statefulSet: true);
            }

            if (worker > 0)
            {
                Workload(w, ns, "worker", new() { ["app"] = "worker", ["tier"] = "backend", ["team"] = team }, worker, [("metrics", 9090, "TCP")], ref ip);
            }

            remaining -= web + api + db + worker;
            Policies(w, ns, n);
        }

        if (tiers)
        {
            ClusterPolicies(w);
        }

        w.WriteEndArray();
        w.WriteString("kind", "List");
        w.WriteStartObject("metadata");
        w.WriteString("resourceVersion", string.Empty);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Namespace(Utf8JsonWriter w, string name, Dictionary<string, string> labels)
    {
        w.WriteStartObject();
        w.WriteString("apiVersion", "v1");
        w.WriteString("kind", "Namespace");
        w.WriteStartObject("metadata");
        w.WriteString("name", name);
        Map(w, "labels", labels);
        w.WriteEndObject();
        w.WriteStartObject("spec");
        w.WriteStartArray("finalizers");
        w.WriteStringValue("kubernetes");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("status");
        w.WriteString("phase", "Active");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Map(Utf8JsonWriter w, string name, Dictionary<string, string> map)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in map)
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    }

    private static void Workload(Utf8JsonWriter w, string ns, string name, Dictionary<string, string> labels, int replicas, (string Name, int Port, string Protocol)[] ports, ref int ip, bool statefulSet = false)
    {
        var hash = ((uint)HashCode.Combine(ns, name)).ToString("x8")[..8];
        for (var i = 0; i < replicas; i++)
        {
            ip++;
            var podName = statefulSet ? $"{name}-{i}" : $"{name}-{hash}-{i:x5}";
            w.WriteStartObject();
            w.WriteString("apiVersion", "v1");
            w.WriteString("kind", "Pod");
            w.WriteStartObject("metadata");
            w.WriteString("name", podName);
            w.WriteString("namespace", ns);
            var podLabels = new Dictionary<string, string>(labels);
            if (statefulSet)
            {
                podLabels["statefulset.kubernetes.io/pod-name"] = podName;
            }
            else
            {
                podLabels["pod-template-hash"] = hash;
            }

            Map(w, "labels", podLabels);
            w.WriteStartArray("ownerReferences");
            w.WriteStartObject();
            w.WriteString("apiVersion", "apps/v1");
            w.WriteString("kind", statefulSet ? "StatefulSet" : "ReplicaSet");
            w.WriteString("name", statefulSet ? name : $"{name}-{hash}");
            w.WriteBoolean("controller", true);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("spec");
            w.WriteStartArray("containers");
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteStartArray("ports");
            foreach (var p in ports)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteNumber("containerPort", p.Port);
                w.WriteString("protocol", p.Protocol);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("nodeName", $"node-{ip % 5000}");
            w.WriteEndObject();
            w.WriteStartObject("status");
            w.WriteString("phase", "Running");
            w.WriteString("hostIP", $"172.16.{(ip % 5000) / 250}.{(ip % 250) + 1}");
            var address = $"10.{(ip >> 16) & 255}.{(ip >> 8) & 255}.{ip & 255}";
            w.WriteString("podIP", address);
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }

    private static void Policies(Utf8JsonWriter w, string ns, int n)
    {
        Policy(w, ns, "default-deny-all", "{}", ["Ingress", "Egress"], null, null);
        Policy(w, ns, "allow-dns", "{}", ["Egress"], null,
            """[{"to":[{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"kube-system"}},"podSelector":{"matchLabels":{"k8s-app":"kube-dns"}}}],"ports":[{"protocol":"UDP","port":53},{"protocol":"TCP","port":53}]}]""");
        Policy(w, ns, "web", """{"matchLabels":{"app":"web"}}""", ["Ingress", "Egress"],
            """[{"from":[{"namespaceSelector":{"matchLabels":{"purpose":"ingress"}},"podSelector":{"matchLabels":{"app.kubernetes.io/name":"ingress-nginx"}}}],"ports":[{"port":"http"}]}]""",
            """[{"to":[{"podSelector":{"matchLabels":{"app":"api"}}}],"ports":[{"port":8080}]}]""");
        Policy(w, ns, "api", """{"matchLabels":{"app":"api"}}""", ["Ingress", "Egress"],
            """[{"from":[{"podSelector":{"matchLabels":{"app":"web"}}}],"ports":[{"port":8080},{"port":9000}]}]""",
            """[{"to":[{"podSelector":{"matchLabels":{"app":"db"}}}],"ports":[{"port":5432}]},{"to":[{"ipBlock":{"cidr":"0.0.0.0/0","except":["10.0.0.0/8","172.16.0.0/12","192.168.0.0/16"]}}],"ports":[{"port":443}]}]""");
        Policy(w, ns, "db", """{"matchExpressions":[{"key":"tier","operator":"In","values":["data"]}]}""", ["Ingress"],
            """[{"from":[{"podSelector":{"matchLabels":{"app":"api"}}}],"ports":[{"port":5432}]}]""", null);
        Policy(w, ns, "allow-monitoring", """{"matchExpressions":[{"key":"app","operator":"NotIn","values":["db"]}]}""", ["Ingress"],
            """[{"from":[{"namespaceSelector":{"matchLabels":{"purpose":"monitoring"}},"podSelector":{"matchLabels":{"app":"prometheus"}}}],"ports":[{"port":"metrics"}]}]""", null);
        if (n % 2 == 0)
        {
            Policy(w, ns, "web-peers", """{"matchLabels":{"tier":"frontend"}}""", ["Ingress"],
                """[{"from":[{"podSelector":{"matchExpressions":[{"key":"tier","operator":"Exists"}]}}],"ports":[{"port":"metrics"}]}]""", null);
        }

        if (n % 5 == 0)
        {
            Policy(w, ns, "worker-callbacks", """{"matchLabels":{"app":"worker"}}""", ["Egress"], null,
                """[{"to":[{"namespaceSelector":{"matchLabels":{"team":"team-0"}}}],"ports":[{"port":30000,"endPort":32767}]}]""");
        }
    }

    /// <summary>
    /// An admin guardrail set over the whole cluster: the Admin tier always lets monitoring scrape metrics, denies dev
    /// to prod, passes team-0's frontends to their owners and denies the cloud metadata address; the Baseline tier
    /// accepts the ingress controller and DNS and denies ingress from every other namespace.
    /// </summary>
    private static void ClusterPolicies(Utf8JsonWriter w)
    {
        ClusterPolicy(w, "allow-monitoring", "Admin", 10, """{"namespaces":{}}""",
            """[{"name":"scrape","action":"Accept","from":[{"namespaces":{"matchLabels":{"purpose":"monitoring"}}}],"protocols":[{"tcp":{"destinationPort":{"number":9090}}}]}]""", null);
        ClusterPolicy(w, "deny-dev-to-prod", "Admin", 20, """{"namespaces":{"matchLabels":{"env":"prod"}}}""",
            """[{"name":"from-dev","action":"Deny","from":[{"namespaces":{"matchLabels":{"env":"dev"}}}]}]""", null);
        ClusterPolicy(w, "delegate-team-0", "Admin", 30, """{"pods":{"namespaceSelector":{"matchLabels":{"team":"team-0"}},"podSelector":{"matchLabels":{"tier":"frontend"}}}}""",
            """[{"action":"Pass","from":[{"namespaces":{"matchLabels":{"team":"team-0"}}}]}]""", null);
        ClusterPolicy(w, "deny-metadata", "Admin", 40, """{"namespaces":{}}""", null,
            """[{"action":"Deny","to":[{"networks":["169.254.169.254/32"]}]}]""");
        ClusterPolicy(w, "default", "Baseline", 0, """{"namespaces":{"matchExpressions":[{"key":"kubernetes.io/metadata.name","operator":"NotIn","values":["kube-system"]}]}}""",
            """[{"action":"Accept","from":[{"pods":{"namespaceSelector":{"matchLabels":{"purpose":"ingress"}},"podSelector":{}}}]},{"action":"Deny","from":[{"namespaces":{}}]}]""",
            """[{"action":"Accept","to":[{"pods":{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"kube-system"}},"podSelector":{"matchLabels":{"k8s-app":"kube-dns"}}}}],"protocols":[{"udp":{"destinationPort":{"number":53}}},{"tcp":{"destinationPort":{"number":53}}}]}]""");
    }

    private static void ClusterPolicy(Utf8JsonWriter w, string name, string tier, int priority, string subject, string? ingress, string? egress)
    {
        w.WriteStartObject();
        w.WriteString("apiVersion", "policy.networking.k8s.io/v1alpha2");
        w.WriteString("kind", "ClusterNetworkPolicy");
        w.WriteStartObject("metadata");
        w.WriteString("name", name);
        w.WriteEndObject();
        w.WriteStartObject("spec");
        w.WriteString("tier", tier);
        w.WriteNumber("priority", priority);
        w.WritePropertyName("subject");
        w.WriteRawValue(subject);
        if (ingress is not null)
        {
            w.WritePropertyName("ingress");
            w.WriteRawValue(ingress);
        }

        if (egress is not null)
        {
            w.WritePropertyName("egress");
            w.WriteRawValue(egress);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Policy(Utf8JsonWriter w, string ns, string name, string selector, string[] types, string? ingress, string? egress)
    {
        w.WriteStartObject();
        w.WriteString("apiVersion", "networking.k8s.io/v1");
        w.WriteString("kind", "NetworkPolicy");
        w.WriteStartObject("metadata");
        w.WriteString("name", name);
        w.WriteString("namespace", ns);
        w.WriteEndObject();
        w.WriteStartObject("spec");
        w.WritePropertyName("podSelector");
        w.WriteRawValue(selector);
        w.WriteStartArray("policyTypes");
        foreach (var t in types)
        {
            w.WriteStringValue(t);
        }

        w.WriteEndArray();
        if (ingress is not null)
        {
            w.WritePropertyName("ingress");
            w.WriteRawValue(ingress);
        }

        if (egress is not null)
        {
            w.WritePropertyName("egress");
            w.WriteRawValue(egress);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
