using System.Globalization;
using System.Net;
using System.Text;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Core.Reference;
using Netpol.Manifests.Loading;

namespace Netpol.Core.Tests.Rules;

/// <summary>
/// Builds small clusters from a compact notation, one object per line:
/// <list type="bullet">
/// <item><c>namespace prod team=ops</c>: a namespace and its labels;</item>
/// <item><c>pod prod/api app=api ip:10.0.0.1 ip:fd00::1 port:http=8080/TCP port:53/UDP hostNetwork</c>: a pod,
/// its labels, IPs (none: no status.podIP), container ports (named or not) and hostNetwork; <c>node:n1</c> sets
/// spec.nodeName;</item>
/// <item><c>node n1 role=infra ip:10.0.9.9</c>: a Node, its labels and addresses.</item>
/// </list>
/// Policies are YAML: <see cref="Policy"/> wraps a spec into a NetworkPolicy document.
/// </summary>
public static class World
{
    /// <summary>A NetworkPolicy document named <c>namespace/name</c> with the given spec (YAML, unindented).</summary>
    public static string Policy(string fullName, string spec)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        ArgumentNullException.ThrowIfNull(spec);
        var (ns, name) = Split(fullName);
        var sb = new StringBuilder();
        sb.Append("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n");
        sb.Append(CultureInfo.InvariantCulture, $"metadata:\n  name: \"{name}\"\n  namespace: \"{ns}\"\nspec:\n");
        foreach (var line in spec.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            sb.Append("  ").Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Loads the world and the policies, failing the test on any load error.</summary>
    public static Cluster Load(IEnumerable<string> world, IEnumerable<string> policies)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(policies);
        var documents = world.Select(Document).Concat(policies);
        var yaml = string.Join("---\n", documents);
        var result = ManifestLoader.LoadText(yaml);
        Assert.False(result.HasErrors, $"the test's manifests do not load:\n{string.Join('\n', result.Diagnostics)}\n{yaml}");
        return result.Cluster;
    }

    /// <summary>Loads a case's cluster.</summary>
    public static Cluster Load(ConnectivityCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Load(row.World, row.Policies);
    }

    /// <summary>A pod (<c>namespace/name</c>) or an external address.</summary>
    public static Endpoint EndpointNamed(this Cluster cluster, string text)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(text);
        if (IPAddress.TryParse(text, out var address))
        {
            return Endpoint.ForAddress(address);
        }

        var pod = cluster.FindPod(text);
        Assert.True(pod is not null, $"the world has no pod {text}");
        return Endpoint.ForPod(pod);
    }

    /// <summary>Parses <c>80/TCP</c>, <c>53/UDP</c> or <c>80</c> (TCP).</summary>
    public static (int Port, Protocol Protocol) Probe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var port = int.Parse(slash < 0 ? text : text[..slash], CultureInfo.InvariantCulture);
        var protocol = slash < 0 ? Protocol.TCP : Enum.Parse<Protocol>(text[(slash + 1)..]);
        return (port, protocol);
    }

    /// <summary>What both engines allow from one endpoint to another.</summary>
    public static Verdict Connect(this Cluster cluster, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var source = cluster.EndpointNamed(from);
        var destination = cluster.EndpointNamed(to);
        return new Verdict(
            $"{from} -> {to}",
            new ReferenceEvaluator(cluster).AllowedPorts(source, destination),
            new FastEngine(cluster).AllowedPorts(source, destination));
    }

    private static (string Namespace, string Name) Split(string fullName)
    {
        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        return (fullName[..slash], fullName[(slash + 1)..]);
    }

    private static string Document(string line)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var labels = tokens.Skip(2).Where(t => t.Contains('=', StringComparison.Ordinal) && !t.Contains(':', StringComparison.Ordinal))
            .Select(t => t.Split('=', 2)).ToList();
        var sb = new StringBuilder();
        switch (tokens[0])
        {
            case "namespace":
                sb.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: \"{tokens[1]}\"\n");
                AppendLabels(sb, labels);
                return sb.ToString();
            case "pod":
                var (ns, name) = Split(tokens[1]);
                sb.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"{name}\"\n  namespace: \"{ns}\"\n");
                AppendLabels(sb, labels);
                sb.Append("spec:\n");
                if (tokens.Contains("hostNetwork"))
                {
                    sb.Append("  hostNetwork: true\n");
                }

                if (tokens.FirstOrDefault(t => t.StartsWith("node:", StringComparison.Ordinal)) is { } node)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  nodeName: \"{node["node:".Length..]}\"\n");
                }

                sb.Append("  containers:\n  - name: main\n    image: registry.example.com/app:1\n");
                var ports = tokens.Where(t => t.StartsWith("port:", StringComparison.Ordinal)).ToList();
                if (ports.Count > 0)
                {
                    sb.Append("    ports:\n");
                    foreach (var p in ports)
                    {
                        var spec = p["port:".Length..];
                        var eq = spec.IndexOf('=', StringComparison.Ordinal);
                        var (number, protocol) = Probe(eq < 0 ? spec : spec[(eq + 1)..]);
                        sb.Append(CultureInfo.InvariantCulture, $"    - containerPort: {number}\n      protocol: {protocol}\n");
                        if (eq >= 0)
                        {
                            sb.Append(CultureInfo.InvariantCulture, $"      name: \"{spec[..eq]}\"\n");
                        }
                    }
                }

                var ips = tokens.Where(t => t.StartsWith("ip:", StringComparison.Ordinal)).Select(t => t["ip:".Length..]).ToList();
                if (ips.Count > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"status:\n  podIP: \"{ips[0]}\"\n  podIPs:\n");
                    foreach (var ip in ips)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"  - ip: \"{ip}\"\n");
                    }
                }

                return sb.ToString();
            case "node":
                sb.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Node\nmetadata:\n  name: \"{tokens[1]}\"\n");
                AppendLabels(sb, labels);
                sb.Append("status:\n  addresses:\n");
                foreach (var ip in tokens.Where(t => t.StartsWith("ip:", StringComparison.Ordinal)))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  - {{type: InternalIP, address: \"{ip["ip:".Length..]}\"}}\n");
                }

                return sb.ToString();
            default:
                throw new ArgumentException($"unknown world line: {line}", nameof(line));
        }
    }

    private static void AppendLabels(StringBuilder sb, List<string[]> labels)
    {
        if (labels.Count == 0)
        {
            return;
        }

        sb.Append("  labels:\n");
        foreach (var kv in labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    {kv[0]}: \"{kv[1]}\"\n");
        }
    }
}

/// <summary>The ports each engine allows for one connection.</summary>
/// <param name="Connection">The connection, for messages.</param>
/// <param name="Reference">What the reference evaluator allows.</param>
/// <param name="Fast">What the fast engine allows.</param>
public sealed record Verdict(string Connection, PortSet Reference, PortSet Fast)
{
    /// <summary>Asserts that both engines agree and give the expected verdict on the probe.</summary>
    public void ShouldBe(bool allowed, string probe)
    {
        var (port, protocol) = World.Probe(probe);
        var word = allowed ? "allow" : "deny";
        Assert.True(
            Reference.Contains(port, protocol) == allowed,
            $"reference evaluator should {word} {Connection} on {probe}; it allows {Reference}");
        Assert.True(
            Fast.Contains(port, protocol) == allowed,
            $"fast engine should {word} {Connection} on {probe}; it allows {Fast}");
        Assert.True(Reference.Equals(Fast), $"engines disagree on {Connection}: reference allows {Reference}, fast allows {Fast}");
    }
}
