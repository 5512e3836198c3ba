using Netpol.Core.Model;

namespace Netpol.Lab.Compile;

/// <summary>
/// A compiled ruleset: the text <c>nft -f</c> loads, and its chains by name so that a verdict can be traced to
/// the nft rules that produced it.
/// </summary>
public sealed class NftRuleset(
    string text,
    IReadOnlyDictionary<string, List<string>> chains,
    IReadOnlyDictionary<(Pod, Direction), string> podChains,
    IReadOnlyDictionary<(NetworkPolicy, Direction), string> policyChains,
    IReadOnlyDictionary<(ClusterNetworkPolicy, Direction), string>? clusterPolicyChains = null,
    IReadOnlyList<UncompiledPeer>? uncompiled = null)
{
    /// <summary>The ruleset as an nft script.</summary>
    public string Text { get; } = text;

    /// <summary>How many chains the table has besides the two base chains.</summary>
    public int ChainCount => chains.Count;

    /// <summary>The cluster network policy peers the ruleset could not enforce (domainNames), in compile order.</summary>
    public IReadOnlyList<UncompiledPeer> Uncompiled { get; } = uncompiled ?? [];

    /// <summary>
    /// The nft rules that decide one direction for a pod: its per-pod chain and every chain it jumps or goes to
    /// (tier and policy chains), each line prefixed by its chain. Empty when no policy of any tier applies to the
    /// pod for that direction.
    /// </summary>
    public IReadOnlyList<string> RulesFor(Pod pod, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (!podChains.TryGetValue((pod, direction), out var chain))
        {
            return [];
        }

        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Walk(chain, result, seen);
        return result;
    }

    /// <summary>The chain of a policy for a direction, when some compiled pod uses it.</summary>
    public string? ChainOf(NetworkPolicy policy, Direction direction) => policyChains.GetValueOrDefault((policy, direction));

    /// <summary>The chain of a cluster network policy for a direction, when some compiled pod uses it.</summary>
    public string? ChainOf(ClusterNetworkPolicy policy, Direction direction) => clusterPolicyChains?.GetValueOrDefault((policy, direction));

    private void Walk(string chain, List<string> result, HashSet<string> seen)
    {
        if (!seen.Add(chain) || !chains.TryGetValue(chain, out var lines))
        {
            return;
        }

        foreach (var line in lines)
        {
            result.Add($"{chain}: {line}");
            foreach (var verb in (ReadOnlySpan<string>)["jump ", "goto "])
            {
                if (line.StartsWith(verb, StringComparison.Ordinal))
                {
                    Walk(line[verb.Length..], result, seen);
                }
            }
        }
    }
}
