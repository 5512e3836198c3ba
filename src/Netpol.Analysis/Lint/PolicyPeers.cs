using Netpol.Core.Model;

namespace Netpol.Analysis.Lint;

/// <summary>Walks every peer of every rule that applies, with its field path.</summary>
internal static class PolicyPeers
{
    public static IEnumerable<(NetworkPolicy Policy, string Path, PolicyPeer Peer)> All(Cluster cluster)
    {
        foreach (var policy in cluster.Policies)
        {
            foreach (var (rule, path, direction) in PolicyRules.All(policy))
            {
                var key = direction == Direction.Ingress ? "from" : "to";
                for (var j = 0; j < rule.Peers.Count; j++)
                {
                    yield return (policy, $"{path}.{key}[{j}]", rule.Peers[j]);
                }
            }
        }
    }
}
