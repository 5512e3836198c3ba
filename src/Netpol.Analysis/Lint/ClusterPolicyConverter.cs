using System.Globalization;
using System.Text;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint;

/// <summary>
/// Writes a loaded cluster network policy as a policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy: the
/// migration of the legacy AdminNetworkPolicy (tier Admin, same priority) and BaselineAdminNetworkPolicy (tier
/// Baseline, priority 0), with Allow written as Accept and <c>ports</c> as <c>protocols</c>. It writes the model,
/// so the result means exactly what netpol evaluated; loading it back gives the same verdicts.
/// </summary>
public static class ClusterPolicyConverter
{
    /// <summary>The v1alpha2 YAML of the policy (one document, <c>\n</c> line ends).</summary>
    public static string ToYaml(ClusterNetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var w = new StringBuilder();
        w.Append("apiVersion: policy.networking.k8s.io/v1alpha2\n");
        w.Append("kind: ClusterNetworkPolicy\n");
        w.Append("metadata:\n");
        w.Append("  name: ").Append(policy.Name).Append('\n');
        w.Append("spec:\n");
        w.Append("  tier: ").Append(policy.Tier).Append('\n');
        w.Append("  priority: ").Append(policy.Priority.ToString(CultureInfo.InvariantCulture)).Append('\n');
        w.Append("  subject:\n");
        w.Append(policy.Subject.PodSelector is null
            ? $"    namespaces: {Selector(policy.Subject.NamespaceSelector)}\n"
            : $"    pods:\n      namespaceSelector: {Selector(policy.Subject.NamespaceSelector)}\n      podSelector: {Selector(policy.Subject.PodSelector)}\n");
        Rules(w, "ingress", "from", policy.Ingress);
        Rules(w, "egress", "to", policy.Egress);
        return w.ToString();
    }

    private static void Rules(StringBuilder w, string key, string peersKey, IReadOnlyList<ClusterPolicyRule> rules)
    {
        if (rules.Count == 0)
        {
            return;
        }

        w.Append("  ").Append(key).Append(":\n");
        foreach (var rule in rules)
        {
            var first = true;
            void Field(string text)
            {
                w.Append(first ? "  - " : "    ").Append(text).Append('\n');
                first = false;
            }

            if (!string.IsNullOrEmpty(rule.Name))
            {
                Field($"name: {Quote(rule.Name)}");
            }

            Field($"action: {rule.Action}");
            Field($"{peersKey}:");
            foreach (var peer in rule.Peers)
            {
                w.Append("    - ").Append(Peer(peer)).Append('\n');
            }

            if (rule.Ports.Count > 0)
            {
                Field("protocols:");
                foreach (var port in rule.Ports)
                {
                    w.Append("    - ").Append(Protocol(port)).Append('\n');
                }
            }
        }
    }

    private static string Peer(ClusterPolicyPeer peer)
    {
        if (peer.Networks is { } networks)
        {
            return $"networks: [{string.Join(", ", networks.Select(n => Quote(n.ToString())))}]";
        }

        if (peer.Nodes is { } nodes)
        {
            return $"nodes: {Selector(nodes)}";
        }

        if (peer.DomainNames is { } domains)
        {
            return $"domainNames: [{string.Join(", ", domains.Select(Quote))}]";
        }

        return peer.PodSelector is null
            ? $"namespaces: {Selector(peer.NamespaceSelector!)}"
            : $"pods: {{namespaceSelector: {Selector(peer.NamespaceSelector!)}, podSelector: {Selector(peer.PodSelector)}}}";
    }

    private static string Protocol(ClusterPolicyPort port)
    {
        if (port.NamedPort is { } name)
        {
            return $"destinationNamedPort: {Quote(name)}";
        }

        var protocol = (port.Protocol ?? Core.Model.Protocol.TCP).ToString().ToLowerInvariant();

        // v1alpha2 cannot say "every port of a protocol" except as the full range.
        var start = port.Port ?? PortRange.MinPort;
        var end = port.Port is null ? PortRange.MaxPort : port.EndPort ?? start;
        var destination = start == end
            ? $"{{number: {start.ToString(CultureInfo.InvariantCulture)}}}"
            : $"{{range: {{start: {start.ToString(CultureInfo.InvariantCulture)}, end: {end.ToString(CultureInfo.InvariantCulture)}}}}}";
        return $"{protocol}: {{destinationPort: {destination}}}";
    }

    /// <summary>A selector in flow style: single-value In requirements as matchLabels, the rest as matchExpressions.</summary>
    private static string Selector(LabelSelector selector)
    {
        if (selector.IsEmpty)
        {
            return "{}";
        }

        var labels = selector.Requirements.Where(r => r.Operator == SelectorOperator.In && r.Values.Count == 1).ToList();
        var expressions = selector.Requirements.Except(labels).ToList();
        var parts = new List<string>();
        if (labels.Count > 0)
        {
            parts.Add($"matchLabels: {{{string.Join(", ", labels.Select(r => $"{Quote(r.Key)}: {Quote(r.Values[0])}"))}}}");
        }

        if (expressions.Count > 0)
        {
            parts.Add($"matchExpressions: [{string.Join(", ", expressions.Select(Expression))}]");
        }

        return $"{{{string.Join(", ", parts)}}}";
    }

    private static string Expression(LabelRequirement r) => r.Operator is SelectorOperator.Exists or SelectorOperator.DoesNotExist
        ? $"{{key: {Quote(r.Key)}, operator: {r.Operator}}}"
        : $"{{key: {Quote(r.Key)}, operator: {r.Operator}, values: [{string.Join(", ", r.Values.Select(Quote))}]}}";

    // A YAML double-quoted string: quoting keeps values such as "true" or "80" strings.
    private static string Quote(string text)
    {
        var b = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                b.Append('\\').Append(c);
            }
            else if (char.IsControl(c))
            {
                b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                b.Append(c);
            }
        }

        return b.Append('"').ToString();
    }
}
