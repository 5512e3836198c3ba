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
    IReadOnlyDictionary<(NetworkPolicy, Direction), string> policyChains)
{
    /// <summary>The ruleset as an nft script.</summary>
    public string Text { get; } = text;

    /// <summary>How many chains the table has besides the two base chains.</summary>
    public int ChainCount => chains.Count;

    /// <summary>
    /// The nft rules that decide one direction for a pod: its per-pod chain and the policy chains it jumps to,
    /// each line prefixed by its chain. Empty when no policy isolates the pod for that direction.
    /// </summary>
    public IReadOnlyList<string> RulesFor(Pod pod, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (!podChains.TryGetValue((pod, direction), out var chain))
        {
            return [];
        }

        var result = new List<string>();
        foreach (var line in chains[chain])
        {
            result.Add($"{chain}: {line}");
            if (line.StartsWith("jump ", StringComparison.Ordinal) && chains.TryGetValue(line[5..], out var target))
            {
                result.AddRange(target.Select(l => $"{line[5..]}: {l}"));
            }
        }

        return result;
    }

    /// <summary>The chain of a policy for a direction, when some compiled pod uses it.</summary>
    public string? ChainOf(NetworkPolicy policy, Direction direction) => policyChains.GetValueOrDefault((policy, direction));
}
