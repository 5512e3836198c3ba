using System.Net;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>unreachable-tier-rule</c>: a cluster network policy rule that can never match. Two cases, both static:
/// (1) it comes after a catch-all rule of the same policy and direction: an earlier rule without <c>protocols</c>
/// whose peers cover every peer of this one (<c>namespaces: {}</c> covers every <c>namespaces</c> and <c>pods</c>
/// peer; <c>networks</c> with <c>0.0.0.0/0</c> and <c>::/0</c> covers everything);
/// (2) only when the input has pods: none of its peers matches anything in the input (selector peers: no pod;
/// <c>nodes</c>: no Node object). <c>networks</c> and <c>domainNames</c> peers always count as matching.
/// </summary>
public sealed class UnreachableTierRuleRule : LintRule
{
    private static readonly IPNetwork AllIPv4 = IPNetwork.Parse("0.0.0.0/0");
    private static readonly IPNetwork AllIPv6 = IPNetwork.Parse("::/0");

    /// <inheritdoc />
    public override string Id => "unreachable-tier-rule";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a cluster network policy rule after a catch-all rule, or whose peers match nothing";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = context.Cluster;
        foreach (var policy in cluster.ClusterPolicies)
        {
            foreach (var direction in (Direction[])[Direction.Ingress, Direction.Egress])
            {
                var rules = policy.Rules(direction);
                var coversSelectors = -1;
                var coversAll = -1;
                for (var i = 0; i < rules.Count; i++)
                {
                    var rule = rules[i];
                    var path = TierWalk.PathOf(direction, i);
                    var catchAll = coversAll >= 0 ? coversAll : rule.Peers.All(p => p.IsSelector) ? coversSelectors : -1;
                    if (catchAll >= 0)
                    {
                        context.Report(
                            policy,
                            path,
                            $"{path} can never match: {TierWalk.PathOf(direction, catchAll)} before it ({rules[catchAll].Action}) matches every port of every peer it lists",
                            "delete the rule, or move it before the catch-all rule if it was meant to take precedence");
                    }
                    else if (context.HasPods && rule.Peers.All(p => MatchesNothing(cluster, p)))
                    {
                        context.Report(
                            policy,
                            path,
                            $"{path} can never match: none of its peers ({string.Join("; ", rule.Peers)}) matches anything in the input"
                                + (rule.Peers.Any(p => p.Nodes is not null) && cluster.Nodes.Count == 0 ? " (the input has no Node objects; add them to analyse nodes peers)" : string.Empty),
                            "check the peers' labels against the namespaces, pods and nodes they are meant for");
                    }

                    if (rule.AllPorts)
                    {
                        if (coversSelectors < 0 && rule.Peers.Any(p => p.IsSelector && p.PodSelector is null && p.NamespaceSelector!.IsEmpty))
                        {
                            coversSelectors = i;
                        }

                        var networks = rule.Peers.Where(p => p.Networks is not null).SelectMany(p => p.Networks!).ToList();
                        if (coversAll < 0 && networks.Contains(AllIPv4) && networks.Contains(AllIPv6))
                        {
                            coversAll = i;
                        }
                    }
                }
            }
        }
    }

    private static bool MatchesNothing(Cluster cluster, ClusterPolicyPeer peer)
    {
        if (peer.Nodes is { } nodes)
        {
            return !cluster.Nodes.Any(n => nodes.Matches(n.Labels));
        }

        if (peer.NamespaceSelector is { } namespaces)
        {
            return !cluster.Pods.Any(p => !p.HostNetwork
                && namespaces.Matches(cluster.NamespaceOf(p).Labels)
                && (peer.PodSelector is null || peer.PodSelector.Matches(p.Labels)));
        }

        return false;
    }
}
