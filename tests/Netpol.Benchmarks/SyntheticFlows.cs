using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Netpol.Core.Model;
using Netpol.Manifests.Loading;

namespace Netpol.Benchmarks;

/// <summary>
/// Writes a Hubble export (<c>hubble observe -o json</c>, one JSON object per line) of traffic in the synthetic
/// cluster of <see cref="SyntheticCluster"/>: the ingress controller to web, web to api, api to db and to the
/// internet, everyone to DNS, Prometheus scraping, with replies, pings, node status lines, pods replaced since the
/// snapshot (new names, same workloads), a debug pod no manifest knows, and a few flows the policies deny. Seeded:
/// the same arguments write the same file.
/// </summary>
internal static class SyntheticFlows
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public static void Write(int lines, int pods, Stream output)
    {
        var cluster = LoadCluster(pods);
        var world = new World(cluster);
        var random = new Random(20250106);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var i = 0; i < lines; i++)
        {
            buffer.ResetWrittenCount();
            json.Reset();
            var time = Start.AddTicks(i * 36_000L);
            var roll = random.Next(1000);
            if (roll < 3)
            {
                NodeStatus(json, time, random);
            }
            else
            {
                FlowLine(json, world, random, time, roll);
            }

            json.Flush();
            output.Write(buffer.WrittenSpan);
            output.WriteByte((byte)'\n');
        }
    }

    private static Cluster LoadCluster(int pods)
    {
        using var stream = new MemoryStream();
        SyntheticCluster.Write(pods, stream);
        var result = ManifestLoader.LoadText(Encoding.UTF8.GetString(stream.ToArray()), "synthetic.json");
        return result.HasErrors ? throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5))) : result.Cluster;
    }

    private static void FlowLine(Utf8JsonWriter json, World world, Random random, DateTimeOffset time, int roll)
    {
        var ns = world.AppNamespaces[random.Next(world.AppNamespaces.Count)];
        Peer source;
        Peer destination;
        int port;
        var protocol = "TCP";
        switch (roll)
        {
            case < 230:
                (source, destination, port) = (world.Pick("ingress-nginx", "controller", random), world.Pick(ns, "web", random), 8080);
                break;
            case < 420:
                (source, destination, port) = (world.Pick(ns, "web", random), world.Pick(ns, "api", random), 8080);
                break;
            case < 540:
                (source, destination, port) = (world.Pick(ns, "api", random), world.Pick(ns, "db", random), 5432);
                break;
            case < 700:
                (source, destination, port, protocol) = (world.AnyApp(ns, random), world.Pick("kube-system", "coredns", random), 53, "UDP");
                break;
            case < 720:
                (source, destination, port) = (world.AnyApp(ns, random), world.Pick("kube-system", "coredns", random), 53);
                break;
            case < 780:
                (source, destination, port) = (world.Pick("monitoring", "prometheus", random), world.Pick(ns, random.Next(2) == 0 ? "web" : "api", random), 9090);
                break;
            case < 820:
                (source, destination, port) = (world.Pick(ns, "api", random), World.External($"203.0.113.{random.Next(1, 200)}"), 443);
                break;
            case < 930:
                // Replies: the reverse direction of a connection already counted.
                (source, destination, port) = (world.Pick(ns, "api", random), world.Pick(ns, "web", random), 41000 + random.Next(20000));
                Write(json, time, source, destination, protocol, port, reply: true, icmp: false);
                return;
            case < 950:
                (source, destination, port) = (world.Pick(ns, "web", random), world.Pick(ns, "api", random), 0);
                Write(json, time, source, destination, "ICMPv4", port, reply: false, icmp: true);
                return;
            case < 960:
                // The internet straight to web: only the ingress controller may reach it.
                (source, destination, port) = (World.External($"198.51.100.{random.Next(1, 250)}"), world.Pick(ns, "web", random), 8080);
                break;
            case < 965:
                (source, destination, port) = (world.Pick(ns, "web", random), world.Pick(ns, "db", random), 5432);
                break;
            case < 970:
                (source, destination, port) = (world.Pick(ns, "worker", random), world.Pick(ns, "api", random), 8080);
                break;
            case < 972:
                (source, destination, port) = (World.Debug(ns), world.Pick(ns, "api", random), 8080);
                break;
            default:
                // A web pod replaced since the snapshot: a name no manifest has, the same workload.
                (source, destination, port) = (world.Pick(ns, "web", random).Renamed(random), world.Pick(ns, "api", random), 8080);
                break;
        }

        Write(json, time, source, destination, protocol, port, reply: false, icmp: false);
    }

    private static void Write(Utf8JsonWriter j, DateTimeOffset time, Peer source, Peer destination, string protocol, int port, bool reply, bool icmp)
    {
        j.WriteStartObject();
        j.WriteStartObject("flow");
        j.WriteString("time", time);
        j.WriteString("verdict", "FORWARDED");
        j.WriteStartObject("IP");
        j.WriteString("source", source.IP);
        j.WriteString("destination", destination.IP);
        j.WriteString("ipVersion", "IPv4");
        j.WriteEndObject();
        j.WriteStartObject("l4");
        if (icmp)
        {
            j.WriteStartObject("ICMPv4");
            j.WriteNumber("type", 8);
            j.WriteEndObject();
        }
        else
        {
            j.WriteStartObject(protocol);
            j.WriteNumber("source_port", reply ? 8080 : 40000 + (int)(time.Ticks / 36_000 % 20000));
            j.WriteNumber("destination_port", port);
            if (protocol == "TCP")
            {
                j.WriteStartObject("flags");
                j.WriteBoolean("SYN", true);
                j.WriteEndObject();
            }

            j.WriteEndObject();
        }

        j.WriteEndObject();
        Endpoint(j, "source", source);
        Endpoint(j, "destination", destination);
        j.WriteString("Type", "L3_L4");
        j.WriteString("node_name", "node-1");
        j.WriteString("traffic_direction", "EGRESS");
        if (reply)
        {
            j.WriteBoolean("is_reply", true);
        }

        j.WriteEndObject();
        j.WriteString("node_name", "node-1");
        j.WriteString("time", time);
        j.WriteEndObject();
    }

    private static void Endpoint(Utf8JsonWriter j, string name, Peer peer)
    {
        j.WriteStartObject(name);
        j.WriteNumber("identity", peer.Identity);
        if (peer.Namespace is not null)
        {
            j.WriteString("namespace", peer.Namespace);
        }

        j.WriteStartArray("labels");
        foreach (var label in peer.Labels)
        {
            j.WriteStringValue(label);
        }

        j.WriteEndArray();
        if (peer.PodName is not null)
        {
            j.WriteString("pod_name", peer.PodName);
        }

        if (peer.Workload is { } w)
        {
            j.WriteStartArray("workloads");
            j.WriteStartObject();
            j.WriteString("name", w.Name);
            j.WriteString("kind", w.Kind);
            j.WriteEndObject();
            j.WriteEndArray();
        }

        j.WriteEndObject();
    }

    private static void NodeStatus(Utf8JsonWriter j, DateTimeOffset time, Random random)
    {
        j.WriteStartObject();
        j.WriteStartObject("node_status");
        j.WriteString("state_change", "NODE_CONNECTED");
        j.WriteStartArray("node_names");
        j.WriteStringValue($"node-{random.Next(50)}");
        j.WriteEndArray();
        j.WriteEndObject();
        j.WriteString("node_name", "node-1");
        j.WriteString("time", time);
        j.WriteEndObject();
    }

    /// <summary>One end of a flow as Hubble describes it.</summary>
    private sealed record Peer(string? Namespace, string? PodName, string IP, string[] Labels, (string Kind, string Name)? Workload, int Identity)
    {
        public Peer Renamed(Random random)
        {
            var name = PodName ?? throw new InvalidOperationException("only pods are renamed");
            return this with { PodName = $"{name[..name.LastIndexOf('-')]}-{random.Next(0x100000):x5}" };
        }
    }

    private sealed class World
    {
        private static readonly string[] AppWorkloads = ["web", "api", "db", "worker"];
        private readonly Dictionary<(string Namespace, string Workload), List<Peer>> _pods = [];

        public World(Cluster cluster)
        {
            foreach (var pod in cluster.Pods)
            {
                var owner = pod.Owner ?? pod.Name;
                var slash = owner.IndexOf('/', StringComparison.Ordinal);
                var kind = owner[..slash] == "sts" ? "StatefulSet" : "Deployment";
                var name = owner[(slash + 1)..];
                var labels = pod.Labels.Select(kv => $"k8s:{kv.Key}={kv.Value}")
                    .Append($"k8s:io.kubernetes.pod.namespace={pod.Namespace}")
                    .Append("k8s:io.cilium.k8s.policy.cluster=default")
                    .ToArray();
                var peer = new Peer(pod.Namespace, pod.Name, pod.IPs[0].ToString(), labels, (kind, name), Math.Abs(HashCode.Combine(pod.Namespace, name)) % 60000 + 256);
                if (!_pods.TryGetValue((pod.Namespace, name), out var list))
                {
                    list = [];
                    _pods[(pod.Namespace, name)] = list;
                }

                list.Add(peer);
            }

            AppNamespaces = cluster.Namespaces.Select(n => n.Name).Where(n => n.StartsWith("app-", StringComparison.Ordinal)).ToList();
        }

        public List<string> AppNamespaces { get; }

        public static Peer External(string ip) => new(null, null, ip, ["reserved:world"], null, 2);

        public static Peer Debug(string ns) => new(ns, "debug-shell", "10.250.0.9", [$"k8s:run=debug-shell", $"k8s:io.kubernetes.pod.namespace={ns}"], null, 99999);

        public Peer Pick(string ns, string workload, Random random)
        {
            // Small namespaces have no db or worker: fall back to web, which every namespace has.
            var list = _pods.GetValueOrDefault((ns, workload)) ?? _pods[(ns, "web")];
            return list[random.Next(list.Count)];
        }

        public Peer AnyApp(string ns, Random random) => Pick(ns, AppWorkloads[random.Next(AppWorkloads.Length)], random);
    }
}
