using System.Text;
using Netpol.Core.Model;

namespace Netpol.Analysis.Diff;

/// <summary>
/// Compares two versions of a policy by meaning, not text. What does not change the meaning is ignored:
/// formatting, comments, metadata, the order of rules, peers, ports, requirements and values, duplicates,
/// <c>matchLabels</c> versus the same <c>matchExpressions</c> (<c>In</c> with one value), <c>endPort</c> equal to
/// <c>port</c>, a <c>namespaceSelector</c> peer with or without <c>podSelector: {}</c>, <c>policyTypes</c> written
/// or defaulted to the same, and rules of a direction that <c>policyTypes</c> leaves out (they never apply).
/// </summary>
internal static class PolicyComparer
{
    /// <summary>The spec fields whose meaning differs, in manifest order (none: the same policy).</summary>
    public static IReadOnlyList<string> ChangedFields(NetworkPolicy before, NetworkPolicy after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var fields = new List<string>();
        if (Selector(before.PodSelector) != Selector(after.PodSelector))
        {
            fields.Add("spec.podSelector");
        }

        if (before.AffectsIngress != after.AffectsIngress || before.AffectsEgress != after.AffectsEgress)
        {
            fields.Add("spec.policyTypes");
        }

        if (!Rules(before.Ingress).SequenceEqual(Rules(after.Ingress), StringComparer.Ordinal))
        {
            fields.Add("spec.ingress");
        }

        if (!Rules(before.Egress).SequenceEqual(Rules(after.Egress), StringComparer.Ordinal))
        {
            fields.Add("spec.egress");
        }

        return fields;
    }

    // Rules are ORed, so a direction's meaning is the set of its rules; likewise peers and ports within a rule.
    private static SortedSet<string> Rules(IReadOnlyList<PolicyRule> rules) =>
        new(rules.Select(Rule), StringComparer.Ordinal);

    private static string Rule(PolicyRule rule)
    {
        var peers = new SortedSet<string>(rule.Peers.Select(Peer), StringComparer.Ordinal);
        var ports = new SortedSet<string>(rule.Ports.Select(Port), StringComparer.Ordinal);
        return $"peers[{string.Join(';', peers)}] ports[{string.Join(';', ports)}]";
    }

    private static string Peer(PolicyPeer peer)
    {
        if (peer.IPBlock is { } block)
        {
            var except = block.Except.Select(e => e.ToString()).Distinct().Order(StringComparer.Ordinal);
            return $"ip({block.Cidr} except {string.Join(',', except)})";
        }

        // namespaceSelector alone selects every pod of the namespaces, as with podSelector {}.
        var pods = peer.PodSelector ?? LabelSelector.Everything;
        return peer.NamespaceSelector is { } ns
            ? $"ns({Selector(ns)}) pods({Selector(pods)})"
            : $"pods({Selector(pods)})";
    }

    private static string Port(PolicyPort port)
    {
        var end = port.EndPort is { } e && e != port.Port ? $"-{e}" : string.Empty;
        var number = port.Name ?? (port.Port is { } p ? $"{p}{end}" : "*");
        return $"{number}/{port.Protocol}";
    }

    /// <summary>A selector in a canonical form: requirements and values sorted, duplicates dropped.</summary>
    internal static string Selector(LabelSelector selector)
    {
        var requirements = selector.Requirements
            .Select(r => $"{r.Key} {r.Operator} ({string.Join(',', r.Values.Distinct().Order(StringComparer.Ordinal))})")
            .Distinct()
            .Order(StringComparer.Ordinal);
        var sb = new StringBuilder("{");
        sb.AppendJoin(" & ", requirements);
        return sb.Append('}').ToString();
    }
}
