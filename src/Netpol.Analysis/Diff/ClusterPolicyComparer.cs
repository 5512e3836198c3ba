using System.Globalization;
using Netpol.Core.Model;

namespace Netpol.Analysis.Diff;

/// <summary>
/// Compares two versions of a cluster network policy (same kind and name) by meaning. Rules of a direction apply in
/// written order, so unlike NetworkPolicy their order matters; within a rule, peers and protocols are ORed and their
/// order, duplicates and spelling do not (<c>namespaces: X</c> is <c>pods: {namespaceSelector: X, podSelector: {}}</c>,
/// an <c>endPort</c> equal to the port is the port). Rules are paired across the sides: by name first, then identical
/// rules in order (a renamed rule is one of them), then the remaining unnamed rules by position; what is left was added
/// or removed.
/// </summary>
internal static class ClusterPolicyComparer
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/> (none: the same policy).</summary>
    public static IReadOnlyList<ClusterPolicyFieldChange> Changes(ClusterNetworkPolicy before, ClusterNetworkPolicy after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<ClusterPolicyFieldChange>();
        if (before.ApiGroup != after.ApiGroup)
        {
            changes.Add(new("apiVersion", ClusterPolicyChangeKind.Changed, before.ApiGroup, after.ApiGroup));
        }

        if (before.Tier != after.Tier)
        {
            changes.Add(new("spec.tier", ClusterPolicyChangeKind.Changed, before.Tier.ToString(), after.Tier.ToString()));
        }

        if (before.Priority != after.Priority)
        {
            changes.Add(new("spec.priority", ClusterPolicyChangeKind.Changed, Number(before.Priority), Number(after.Priority)));
        }

        if (Subject(before.Subject) != Subject(after.Subject))
        {
            changes.Add(new("spec.subject", ClusterPolicyChangeKind.Changed, before.Subject.ToString(), after.Subject.ToString()));
        }

        var portsKey = after.Kind == "ClusterNetworkPolicy" ? "protocols" : "ports";
        CompareRules("ingress", "from", portsKey, before.Ingress, after.Ingress, changes);
        CompareRules("egress", "to", portsKey, before.Egress, after.Egress, changes);
        return changes;
    }

    /// <summary>A rule in words: <c>Deny from namespaces env=dev on all ports</c>.</summary>
    public static string Describe(ClusterPolicyRule rule, string peersKey)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return $"{rule.Action} {peersKey} {Peers(rule)} on {Ports(rule)}";
    }

    private static void CompareRules(
        string direction, string peersKey, string portsKey, IReadOnlyList<ClusterPolicyRule> before, IReadOnlyList<ClusterPolicyRule> after, List<ClusterPolicyFieldChange> changes)
    {
        var beforeKeys = before.Select(Content).ToArray();
        var afterKeys = after.Select(Content).ToArray();
        var partnerOfAfter = Pair(before, after, beforeKeys, afterKeys);
        var moved = Moved(partnerOfAfter);
        var paired = new HashSet<int>(partnerOfAfter.Where(b => b >= 0));
        for (var a = 0; a < after.Count; a++)
        {
            var field = $"spec.{direction}[{a}]";
            var rule = after[a];
            var b = partnerOfAfter[a];
            if (b < 0)
            {
                changes.Add(new(field, ClusterPolicyChangeKind.Added, null, Describe(rule, peersKey), rule.Name));
                continue;
            }

            var old = before[b];
            var name = rule.Name ?? old.Name;
            if (moved.Contains(a))
            {
                changes.Add(new(field, ClusterPolicyChangeKind.Moved, $"{direction}[{b}]", $"{direction}[{a}]", name));
            }

            if (old.Name != rule.Name)
            {
                changes.Add(new($"{field}.name", ClusterPolicyChangeKind.Changed, old.Name ?? "(none)", rule.Name ?? "(none)", name));
            }

            if (old.Action != rule.Action)
            {
                changes.Add(new($"{field}.action", ClusterPolicyChangeKind.Changed, old.Action.ToString(), rule.Action.ToString(), name));
            }

            if (PeerSet(old) != PeerSet(rule))
            {
                changes.Add(new($"{field}.{peersKey}", ClusterPolicyChangeKind.Changed, Peers(old), Peers(rule), name));
            }

            if (PortSet(old) != PortSet(rule))
            {
                changes.Add(new($"{field}.{portsKey}", ClusterPolicyChangeKind.Changed, Ports(old), Ports(rule), name));
            }
        }

        for (var b = 0; b < before.Count; b++)
        {
            if (!paired.Contains(b))
            {
                changes.Add(new($"spec.{direction}[{b}]", ClusterPolicyChangeKind.Removed, Describe(before[b], peersKey), null, before[b].Name));
            }
        }
    }

    /// <summary>For each head rule, the index of its base rule, or -1 when it has none.</summary>
    private static int[] Pair(IReadOnlyList<ClusterPolicyRule> before, IReadOnlyList<ClusterPolicyRule> after, string[] beforeKeys, string[] afterKeys)
    {
        var partner = Enumerable.Repeat(-1, after.Count).ToArray();
        var used = new bool[before.Count];
        void Link(Func<int, int, bool> fits)
        {
            for (var a = 0; a < after.Count; a++)
            {
                for (var b = 0; partner[a] < 0 && b < before.Count; b++)
                {
                    if (!used[b] && fits(a, b))
                    {
                        partner[a] = b;
                        used[b] = true;
                    }
                }
            }
        }

        // A rule's name is its identity when it has one; otherwise an identical rule is most likely the same one
        // (renamed, if the names differ).
        Link((a, b) => after[a].Name is { } n && before[b].Name == n);
        Link((a, b) => afterKeys[a] == beforeKeys[b]);
        Link((a, b) => after[a].Name is null && before[b].Name is null);
        return partner;
    }

    /// <summary>
    /// The head indices of paired rules whose order relative to the other paired rules changed: those outside a
    /// longest run of pairs whose base indices increase with the head indices. Inserting or removing a rule moves none.
    /// </summary>
    private static HashSet<int> Moved(int[] partner)
    {
        var heads = Enumerable.Range(0, partner.Length).Where(a => partner[a] >= 0).ToArray();
        var length = new int[heads.Length];
        var previous = new int[heads.Length];
        var best = -1;
        for (var i = 0; i < heads.Length; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = 0; j < i; j++)
            {
                if (partner[heads[j]] < partner[heads[i]] && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }

            if (best < 0 || length[i] > length[best])
            {
                best = i;
            }
        }

        var kept = new HashSet<int>();
        for (var i = best; i >= 0; i = previous[i])
        {
            kept.Add(heads[i]);
        }

        return [.. heads.Where(h => !kept.Contains(h))];
    }

    private static string Content(ClusterPolicyRule rule) => $"{rule.Action}|{PeerSet(rule)}|{PortSet(rule)}";

    private static string Subject(ClusterPolicySubject subject) =>
        $"ns({PolicyComparer.Selector(subject.NamespaceSelector)}) pods({PolicyComparer.Selector(subject.PodSelector ?? LabelSelector.Everything)})";

    // Peers and protocols are ORed: a rule's meaning is their set.
    private static string PeerSet(ClusterPolicyRule rule) =>
        string.Join(';', rule.Peers.Select(Peer).Distinct().Order(StringComparer.Ordinal));

    private static string PortSet(ClusterPolicyRule rule) =>
        string.Join(';', rule.Ports.Select(Port).Distinct().Order(StringComparer.Ordinal));

    private static string Peer(ClusterPolicyPeer peer)
    {
        if (peer.Networks is { } networks)
        {
            return $"networks({string.Join(',', networks.Select(n => n.ToString()).Distinct().Order(StringComparer.Ordinal))})";
        }

        if (peer.Nodes is { } nodes)
        {
            return $"nodes({PolicyComparer.Selector(nodes)})";
        }

        if (peer.DomainNames is { } names)
        {
            return $"domainNames({string.Join(',', names.Select(n => n.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal))})";
        }

        // namespaces: X selects every pod of X, as pods with an empty podSelector does.
        return $"pods({PolicyComparer.Selector(peer.NamespaceSelector ?? LabelSelector.Everything)} {PolicyComparer.Selector(peer.PodSelector ?? LabelSelector.Everything)})";
    }

    private static string Port(ClusterPolicyPort port)
    {
        if (port.NamedPort is { } name)
        {
            return $"name:{name}";
        }

        var end = port.EndPort is { } e && e != port.Port ? $"-{Number(e)}" : string.Empty;
        return $"{port.Protocol}:{(port.Port is { } p ? Number(p) : "*")}{end}";
    }

    private static string Peers(ClusterPolicyRule rule) => string.Join("; ", rule.Peers.Select(p => p.ToString()));

    private static string Ports(ClusterPolicyRule rule) => rule.AllPorts ? "all ports" : string.Join(", ", rule.Ports.Select(p => p.ToString()));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
