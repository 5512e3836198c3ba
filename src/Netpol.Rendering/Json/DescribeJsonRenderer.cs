using System.Text.Json;
using Netpol.Analysis.Describe;
using Netpol.Core.Model;

namespace Netpol.Rendering.Json;

/// <summary>
/// Writes <c>describe</c> results as JSON with camelCase fields in a fixed order; <c>kind</c> says which
/// (<c>pod</c>, <c>policy</c>, <c>namespace</c>). Port sets are arrays of ranges such as <c>8080/TCP</c> or <c>*/UDP</c>.
/// </summary>
public static class DescribeJsonRenderer
{
    /// <summary>Writes a pod's description.</summary>
    public static void Write(PodDescription pod, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(pod);
        JsonOutput.Write(w, j =>
        {
            j.WriteStartObject();
            j.WriteString("kind", "pod");
            j.WriteString("name", pod.Name);
            j.WriteString("namespace", pod.Namespace);
            Labels(j, pod.Labels);
            j.WriteString("workloadKind", pod.WorkloadKind);
            j.WriteString("owner", pod.Owner);
            j.WriteBoolean("hostNetwork", pod.HostNetwork);
            Strings(j, "ips", pod.IPs);
            j.WriteStartArray("ports");
            foreach (var p in pod.Ports)
            {
                j.WriteStartObject();
                j.WriteString("name", p.Name);
                j.WriteNumber("port", p.Port);
                j.WriteString("protocol", p.Protocol.ToString());
                j.WriteEndObject();
            }

            j.WriteEndArray();
            Side(j, "ingress", pod.Ingress);
            Side(j, "egress", pod.Egress);
            j.WriteEndObject();
        });
    }

    /// <summary>Writes a policy's description.</summary>
    public static void Write(PolicyDescription policy, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(policy);
        JsonOutput.Write(w, j =>
        {
            j.WriteStartObject();
            j.WriteString("kind", "policy");
            j.WriteString("name", policy.Name);
            j.WriteString("namespace", policy.Namespace);
            j.WriteString("podSelector", policy.PodSelector.ToString());
            var types = new List<string>();
            if (policy.AffectsIngress)
            {
                types.Add("Ingress");
            }

            if (policy.AffectsEgress)
            {
                types.Add("Egress");
            }

            Strings(j, "policyTypes", types);
            Strings(j, "selectedPods", policy.SelectedPods);
            Strings(j, "hostNetworkPods", policy.HostNetworkPods);
            j.WriteBoolean("selectsNothing", policy.SelectsNothing);
            j.WriteStartArray("rules");
            foreach (var r in policy.Rules)
            {
                Rule(j, r);
            }

            j.WriteEndArray();
            j.WriteEndObject();
        });
    }

    /// <summary>Writes a cluster network policy's description.</summary>
    public static void Write(ClusterPolicyDescription policy, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(policy);
        JsonOutput.Write(w, j =>
        {
            j.WriteStartObject();
            j.WriteString("kind", "clusterPolicy");
            ClusterPolicyFields(j, policy);
            j.WriteEndObject();
        });
    }

    private static void ClusterPolicy(Utf8JsonWriter j, ClusterPolicyDescription policy)
    {
        j.WriteStartObject();
        ClusterPolicyFields(j, policy);
        j.WriteEndObject();
    }

    private static void ClusterPolicyFields(Utf8JsonWriter j, ClusterPolicyDescription policy)
    {
        j.WriteString("name", policy.Name);
        j.WriteString("policyKind", policy.Kind);
        j.WriteString("tier", policy.Tier.ToString());
        j.WriteNumber("priority", policy.Priority);
        j.WriteString("subject", policy.Subject);
        Strings(j, "subjectNamespaces", policy.SubjectNamespaces);
        Strings(j, "subjectPods", policy.SubjectPods);
        j.WriteStartArray("rules");
        foreach (var r in policy.Rules)
        {
            j.WriteStartObject();
            j.WriteString("direction", Word(r.Direction));
            j.WriteNumber("index", r.Index);
            j.WriteString("path", r.Path);
            j.WriteString("name", r.Name);
            j.WriteString("action", r.Action.ToString());
            Strings(j, "ports", r.Ports);
            j.WriteStartArray("peers");
            foreach (var p in r.Peers)
            {
                j.WriteStartObject();
                j.WriteString("path", p.Path);
                j.WriteString("peer", p.Text);
                Strings(j, "namespaces", p.Namespaces);
                Strings(j, "pods", p.Pods);
                Strings(j, "nodes", p.Nodes);
                j.WriteBoolean("dependsOnDns", p.DependsOnDns);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        j.WriteEndArray();
    }

    private static void ClusterPolicies(Utf8JsonWriter j, IReadOnlyList<ClusterPolicyDescription> policies)
    {
        // Only inputs with cluster network policies selecting the pod or namespace get the field: other output is unchanged.
        if (policies.Count == 0)
        {
            return;
        }

        j.WriteStartArray("clusterPolicies");
        foreach (var p in policies)
        {
            ClusterPolicy(j, p);
        }

        j.WriteEndArray();
    }

    /// <summary>Writes a namespace's description.</summary>
    public static void Write(NamespaceDescription ns, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(ns);
        JsonOutput.Write(w, j =>
        {
            j.WriteStartObject();
            j.WriteString("kind", "namespace");
            j.WriteString("name", ns.Name);
            Labels(j, ns.Labels);
            j.WriteBoolean("implicit", ns.IsImplicit);
            j.WriteNumber("pods", ns.Pods);
            Strings(j, "policies", ns.Policies);
            j.WriteStartArray("selectedBy");
            foreach (var m in ns.SelectedBy)
            {
                j.WriteStartObject();
                j.WriteString("policy", m.Policy);
                j.WriteString("path", m.Path);
                j.WriteString("direction", Word(m.Direction));
                j.WriteString("namespaceSelector", m.NamespaceSelector.ToString());
                j.WriteString("podSelector", m.PodSelector?.ToString());
                j.WriteNumber("matchedPods", m.MatchedPods);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            ClusterPolicies(j, ns.ClusterPolicies);
            j.WriteEndObject();
        });
    }

    private static void Side(Utf8JsonWriter j, string name, PodDirection d)
    {
        j.WriteStartObject(name);
        j.WriteBoolean("isolated", d.Isolated);
        Strings(j, "policies", d.Policies);
        j.WriteStartArray("peers");
        foreach (var g in d.Peers)
        {
            j.WriteStartObject();
            Ports(j, "ports", g.Ports);
            Strings(j, "pods", g.Pods);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteBoolean("anyAddress", d.AnyAddress);
        j.WriteStartArray("addressRules");
        foreach (var a in d.AddressRules)
        {
            j.WriteStartObject();
            j.WriteString("policy", a.Policy);
            j.WriteString("path", a.Path);
            j.WriteBoolean("anyAddress", a.Block is null);
            Block(j, a.Block);
            Ports(j, "ports", a.Ports);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        ClusterPolicies(j, d.ClusterPolicies);
        j.WriteEndObject();
    }

    private static void Rule(Utf8JsonWriter j, RuleDescription r)
    {
        j.WriteStartObject();
        j.WriteString("direction", Word(r.Direction));
        j.WriteNumber("index", r.Index);
        j.WriteString("path", r.Path);
        j.WriteBoolean("allPeers", r.AllPeers);
        j.WriteStartArray("peers");
        foreach (var p in r.Peers)
        {
            j.WriteStartObject();
            j.WriteString("path", p.Path);
            j.WriteString("podSelector", p.PodSelector?.ToString());
            j.WriteString("namespaceSelector", p.NamespaceSelector?.ToString());
            Block(j, p.IPBlock);
            Strings(j, "namespaces", p.Namespaces);
            Strings(j, "pods", p.Pods);
            j.WriteBoolean("matchesNothing", p.MatchesNothing);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        Strings(j, "admittedPods", r.AdmittedPods);
        j.WriteBoolean("allPorts", r.WrittenPorts.Count == 0);
        Strings(j, "ports", r.WrittenPorts.Select(p => p.ToString()));
        j.WriteStartArray("portsByDestination");
        foreach (var d in r.PortsByDestination)
        {
            j.WriteStartObject();
            j.WriteString("pod", d.Destination);
            Ports(j, "ports", d.Ports);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteBoolean("admitsAddresses", r.AdmitsAddresses);
        j.WriteBoolean("admitsNothing", r.AdmitsNothing);
        j.WriteBoolean("resolvesToNoPort", r.ResolvesToNoPort);
        j.WriteEndObject();
    }

    private static void Block(Utf8JsonWriter j, IPBlock? block)
    {
        if (block is null)
        {
            j.WriteNull("ipBlock");
            return;
        }

        j.WriteStartObject("ipBlock");
        j.WriteString("cidr", block.Cidr.ToString());
        Strings(j, "except", block.Except.Select(e => e.ToString()));
        j.WriteEndObject();
    }

    private static void Labels(Utf8JsonWriter j, IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        j.WriteStartObject("labels");
        foreach (var (key, value) in labels)
        {
            j.WriteString(key, value);
        }

        j.WriteEndObject();
    }

    private static void Ports(Utf8JsonWriter j, string name, PortSet ports) =>
        Strings(j, name, ports.Ranges.Select(r => r.ToString()));

    private static void Strings(Utf8JsonWriter j, string name, IEnumerable<string> items)
    {
        j.WriteStartArray(name);
        foreach (var s in items)
        {
            j.WriteStringValue(s);
        }

        j.WriteEndArray();
    }

    private static string Word(Direction d) => d == Direction.Ingress ? "ingress" : "egress";
}
