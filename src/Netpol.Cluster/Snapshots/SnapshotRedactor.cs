using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Netpol.Core.Model;

namespace Netpol.LiveCluster.Snapshots;

/// <summary>
/// Hides what a bug report should not carry: namespace and object names, pod and Service IPs, images and container
/// names, annotations (except <c>netpol.io/*</c>, which lint reads), and the context and server. Label keys and
/// values are kept, because selectors match them, except values that are (or start with NAME-) a redacted name: those
/// are replaced the same way in labels and in every selector, so matching is unchanged. The analysis of a redacted
/// snapshot therefore matches the original's, except for ipBlock rules that matched pod IPs (IPs move to
/// 198.18.0.0/15 and 2001:db8::/32) and lint rules that recognise well-known names such as kube-dns.
/// </summary>
public static class SnapshotRedactor
{
    /// <summary>A redacted copy; the input is not changed.</summary>
    public static ClusterSnapshot Redact(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = new State();
        var objects = snapshot.Objects.Select(o => o.DeepClone().AsObject()).ToList();

        // Namespaces first, in name order, so that ns-1, ns-2 ... follow the original order.
        foreach (var ns in objects
            .Select(o => o["kind"]!.GetValue<string>() == "Namespace" ? Name(o) : o["metadata"]?["namespace"]?.GetValue<string>())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal))
        {
            state.Namespace(ns);
        }

        // Then every name, workloads (owners) first: label values that name an app usually name its workload.
        foreach (var obj in objects)
        {
            NameOwners(obj, state);
        }

        foreach (var obj in objects.OrderBy(o => Order(o["kind"]!.GetValue<string>())))
        {
            if (Kind(obj) != "Namespace" && Name(obj) is { } name)
            {
                state.Object(Kind(obj), obj["metadata"]?["namespace"]?.GetValue<string>(), name);
            }
        }

        foreach (var obj in objects)
        {
            RedactObject(obj, state);
        }

        var sorted = objects
            .OrderBy(o => Order(o["kind"]!.GetValue<string>()))
            .ThenBy(o => o["metadata"]?["namespace"]?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(o => Name(o) ?? string.Empty, StringComparer.Ordinal)
            .ToList();
        // Notes name namespaces and resources: a redacted snapshot carries none.
        return new ClusterSnapshot("redacted", "https://redacted", sorted, []);
    }

    private static int Order(string kind) => Array.IndexOf(
        ["Namespace", "NetworkPolicy", "Service", "Pod", "ClusterNetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy"], kind);

    private static string? Name(JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>();

    private static string Kind(JsonObject obj) => obj["kind"]!.GetValue<string>();

    private static void NameOwners(JsonObject obj, State state)
    {
        var metadata = obj["metadata"] as JsonObject;
        var hash = (metadata?["labels"] as JsonObject)?["pod-template-hash"]?.GetValue<string>();
        foreach (var owner in (metadata?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (owner["kind"]?.GetValue<string>() is { } kind && owner["name"]?.GetValue<string>() is { } name)
            {
                state.Owner(kind, metadata!["namespace"]?.GetValue<string>(), name, hash);
            }
        }
    }

    private static void RedactObject(JsonObject obj, State state)
    {
        var kind = obj["kind"]!.GetValue<string>();
        var metadata = obj["metadata"] as JsonObject ?? [];
        var ns = metadata["namespace"]?.GetValue<string>();
        if (ns is not null)
        {
            metadata["namespace"] = state.Namespace(ns);
        }

        if (Name(obj) is { } name)
        {
            metadata["name"] = kind == "Namespace" ? state.Namespace(name) : state.Object(kind, ns, name);
        }

        if (metadata["labels"] is JsonObject labels)
        {
            RenameValues(labels, state);
        }

        if (metadata["annotations"] is JsonObject annotations)
        {
            foreach (var key in annotations.Select(a => a.Key).Where(k => !k.StartsWith("netpol.io/", StringComparison.Ordinal)).ToList())
            {
                annotations.Remove(key);
            }

            if (annotations.Count == 0)
            {
                metadata.Remove("annotations");
            }
        }

        if (metadata["ownerReferences"] is JsonArray owners)
        {
            var hash = (metadata["labels"] as JsonObject)?["pod-template-hash"]?.GetValue<string>();
            foreach (var owner in owners.OfType<JsonObject>())
            {
                if (owner["kind"]?.GetValue<string>() is { } ownerKind && owner["name"]?.GetValue<string>() is { } ownerName)
                {
                    owner["name"] = state.Owner(ownerKind, ns, ownerName, hash);
                }
            }
        }

        if (obj["spec"] is JsonObject spec)
        {
            // Selectors match label values, some of which were renamed: rename them alike.
            Walk(spec, state);
            if (kind == "Service" && spec["selector"] is JsonObject selector)
            {
                RenameValues(selector, state);
            }

            if (kind == "Pod")
            {
                RedactContainers(spec, state);
            }

            if (kind == "Service")
            {
                foreach (var key in (string[])["clusterIP", "loadBalancerIP"])
                {
                    RedactIP(spec, key, state);
                }

                foreach (var key in (string[])["clusterIPs", "externalIPs"])
                {
                    if (spec[key] is JsonArray ips)
                    {
                        for (var i = 0; i < ips.Count; i++)
                        {
                            ips[i] = state.IP(ips[i]!.GetValue<string>());
                        }
                    }
                }

                spec.Remove("externalName");
            }
        }

        if (kind == "Pod" && obj["status"] is JsonObject status)
        {
            RedactIP(status, "podIP", state);
            if (status["podIPs"] is JsonArray podIPs)
            {
                foreach (var entry in podIPs.OfType<JsonObject>())
                {
                    RedactIP(entry, "ip", state);
                }
            }
        }
    }

    private static void RedactContainers(JsonObject spec, State state)
    {
        var index = 0;
        foreach (var key in (string[])["initContainers", "containers"])
        {
            foreach (var container in (spec[key] as JsonArray ?? []).OfType<JsonObject>())
            {
                container["name"] = $"c{index++}";
                if (container["image"]?.GetValue<string>() is { } image)
                {
                    container["image"] = state.Image(image);
                }
            }
        }
    }

    private static void RedactIP(JsonObject obj, string key, State state)
    {
        if (obj[key]?.GetValue<string>() is { } text)
        {
            obj[key] = state.IP(text);
        }
    }

    private static void RenameValues(JsonObject labels, State state)
    {
        foreach (var (key, value) in labels.ToList())
        {
            if (value?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                labels[key] = state.Value(value.GetValue<string>());
            }
        }
    }

    private static void Walk(JsonNode? node, State state)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["matchLabels"] is JsonObject matchLabels)
                {
                    RenameValues(matchLabels, state);
                }

                if (obj["key"] is not null && obj["values"] is JsonArray values)
                {
                    for (var i = 0; i < values.Count; i++)
                    {
                        if (values[i]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
                        {
                            values[i] = state.Value(values[i]!.GetValue<string>());
                        }
                    }
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Walk(child, state);
                }

                break;
            case JsonArray list:
                foreach (var child in list.ToList())
                {
                    Walk(child, state);
                }

                break;
        }
    }

    private sealed class State
    {
        private readonly Dictionary<string, string> _namespaces = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _objects = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _images = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _ips = new(StringComparer.Ordinal);
        private uint _nextV4 = 0xC6120001; // 198.18.0.1
        private ulong _nextV6 = 1;

        // Original name -> its pseudonym, for label values; the first object to claim a name keeps it.
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public string Namespace(string name) => Named(name, Get(_namespaces, name, () => $"ns-{_namespaces.Count + 1}"));

        public string Object(string kind, string? ns, string name) =>
            Named(name, Get(_objects, $"{kind}/{ns}/{name}", () => $"{Prefix(kind)}-{Next(kind)}"));

        /// <summary>A label value renamed: a name, or NAME-SUFFIX (the longest NAME), gets the name's pseudonym.</summary>
        public string Value(string value)
        {
            if (_values.TryGetValue(value, out var renamed))
            {
                return renamed;
            }

            for (var i = value.LastIndexOf('-'); i > 0; i = value.LastIndexOf('-', i - 1))
            {
                if (_values.TryGetValue(value[..i], out var prefix))
                {
                    return prefix + value[i..];
                }
            }

            return value;
        }

        public string Owner(string kind, string? ns, string name, string? podTemplateHash)
        {
            // A Deployment's ReplicaSet is named DEPLOYMENT-HASH: rename the Deployment part and keep the hash, so the
            // pods still group under one (renamed) Deployment.
            if (kind == "ReplicaSet" && podTemplateHash is { Length: > 0 } && name.EndsWith("-" + podTemplateHash, StringComparison.Ordinal))
            {
                return Object("Deployment", ns, name[..^(podTemplateHash.Length + 1)]) + "-" + podTemplateHash;
            }

            return Object(kind, ns, name);
        }

        public string Image(string image) => Get(_images, image, () => $"image-{_images.Count + 1}");

        public string IP(string text)
        {
            if (!IPAddress.TryParse(text, out var ip))
            {
                return text; // "None" for headless Services
            }

            return Get(_ips, ip.ToString(), () =>
            {
                if (ip.AddressFamily == AddressFamily.InterNetwork)
                {
                    var v = _nextV4++;
                    return new IPAddress([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]).ToString();
                }

                return IPAddress.Parse($"2001:db8::{_nextV6++:x}").ToString();
            });
        }

        private string Named(string name, string pseudonym)
        {
            _values.TryAdd(name, pseudonym);
            return pseudonym;
        }

        private static string Prefix(string kind) => kind switch
        {
            "Pod" => "pod",
            "Service" => "svc",
            "NetworkPolicy" => "policy",
            _ => WorkloadKinds.ByKind.TryGetValue(kind, out var k) ? k.Short : kind.ToLowerInvariant(),
        };

        private int Next(string kind)
        {
            var n = _counters.GetValueOrDefault(kind) + 1;
            _counters[kind] = n;
            return n;
        }

        private static string Get(Dictionary<string, string> map, string key, Func<string> create)
        {
            if (!map.TryGetValue(key, out var value))
            {
                value = create();
                map[key] = value;
            }

            return value;
        }
    }
}
